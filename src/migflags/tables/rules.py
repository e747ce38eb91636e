"""The rules table: which combinations virsh, libvirt's public API and the QEMU driver refuse.

A rule names *terms*. A term is an option name from `options.OPTIONS` (flag options included,
so `live` means VIR_MIGRATE_LIVE) with an optional test on the option's value:

    name          the option is given (for a flag: its bit is set)
    name>N        a number option whose value is greater than N
    name^text     a string option whose value starts with `text` (case-insensitive)
    name=item     a list option that contains `item`

Kinds:
    EXCLUDES         fires when every `when` term holds and any `other` term holds
    REQUIRES         fires when every `when` term holds and any `other` term does not
    REQUIRES_ONE_OF  fires when every `when` term holds and no `other` term holds
    WARNING          like REQUIRES_ONE_OF (with no `other`: fires whenever `when` holds), but
                     only a warning: nothing refuses it, yet something is lost

Problems are reported in the order the layers raise them: virsh first, then the public API in
the client library, then the QEMU driver; inside a layer by `order`.

Messages are quoted exactly as the layer prints them (virsh prefixes its own output with
"error: ", which is not part of the text here). When the wording changed between releases,
`messages` holds one entry per wording, each from the release that introduced it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from migflags.text import Text
from migflags.versions import LibvirtVersion, v


class RuleKind(str, enum.Enum):
    EXCLUDES = "excludes"
    REQUIRES = "requires"
    REQUIRES_ONE_OF = "requires-one-of"
    WARNING = "warning"


class Layer(str, enum.Enum):
    VIRSH = "virsh"
    LIBVIRT = "libvirt"
    QEMU = "qemu"
    ADVICE = "advice"  # no layer refuses it


LAYER_ORDER = {Layer.VIRSH: 0, Layer.LIBVIRT: 1, Layer.QEMU: 2, Layer.ADVICE: 3}


class Api(str, enum.Enum):
    """Which entry point virsh calls: ToURI3 with --p2p or --direct, Migrate3 otherwise."""

    MIGRATE3 = "virDomainMigrate3"
    TO_URI3 = "virDomainMigrateToURI3"


@dataclass(frozen=True)
class Message:
    text: str
    since: LibvirtVersion | None = None  # first release with this wording


@dataclass(frozen=True)
class Rule:
    id: str
    kind: RuleKind
    layer: Layer
    order: int
    when: tuple[str, ...]
    other: tuple[str, ...]
    messages: tuple[Message, ...]
    why: Text
    fix: Text
    since: LibvirtVersion | None = None  # first release that enforces it
    until: LibvirtVersion | None = None  # first release that no longer does
    api: Api | None = None  # only on this entry point
    source: str = ""  # where libvirt implements it

    @property
    def level(self) -> str:
        return "warning" if self.kind is RuleKind.WARNING else "error"

    def holds_in(self, version: LibvirtVersion) -> bool:
        if self.since is not None and version < self.since:
            return False
        return self.until is None or version < self.until

    def message_for(self, version: LibvirtVersion) -> str:
        chosen = ""
        for message in self.messages:
            if message.since is None or message.since <= version:
                chosen = message.text
        return chosen


_X, _R, _R1, _W = RuleKind.EXCLUDES, RuleKind.REQUIRES, RuleKind.REQUIRES_ONE_OF, RuleKind.WARNING
_VIRSH, _LIB, _QEMU, _ADVICE = Layer.VIRSH, Layer.LIBVIRT, Layer.QEMU, Layer.ADVICE


def _m(text: str, since: str | None = None) -> Message:
    return Message(text, v(since) if since else None)


RULES: tuple[Rule, ...] = (
    # ---- virsh: cmdMigrate's VSH_EXCLUSIVE_OPTIONS / VSH_REQUIRE_OPTION, in source order ----
    Rule(
        "virsh-live-offline", _X, _VIRSH, 10, ("live",), ("offline",),
        (_m("Options --live and --offline are mutually exclusive"),),
        Text("An offline migration moves only the definition, so there is nothing to keep live.",
             "离线迁移只迁移定义，没有正在运行的东西需要保持在线。"),
        Text("Drop --offline to move a running guest, or drop --live to move only its definition.",
             "要迁移正在运行的虚拟机就去掉 --offline；只迁移其定义就去掉 --live。"),
        since=v("1.3.2"), source="tools/virsh-domain.c:cmdMigrate",
    ),
    Rule(
        "virsh-timeout-actions", _X, _VIRSH, 20, ("timeout-suspend",), ("timeout-postcopy",),
        (_m("Options --timeout-suspend and --timeout-postcopy are mutually exclusive"),),
        Text("When the timeout expires virsh can take only one action.",
             "超时到期时 virsh 只能执行一种操作。"),
        Text("Keep either --timeout-suspend or --timeout-postcopy.",
             "--timeout-suspend 和 --timeout-postcopy 只保留一个。"),
        since=v("1.3.3"), source="tools/virsh-domain.c:cmdMigrate",
    ),
    Rule(
        "virsh-copy-storage-exclusive", _X, _VIRSH, 30, ("copy-storage-all",),
        ("copy-storage-inc",),
        (_m("Options --copy-storage-all and --copy-storage-inc are mutually exclusive"),),
        Text("A disk is copied either whole or as its top layer only, not both.",
             "一个磁盘要么整盘复制，要么只复制最上层，不能两者兼有。"),
        Text("Use --copy-storage-all for full copies, or --copy-storage-inc when the backing "
             "images already exist on the destination.",
             "要完整复制就用 --copy-storage-all；如果后备镜像已经在目标主机上，"
             "就用 --copy-storage-inc。"),
        since=v("11.3.0"), source="tools/virsh-domain.c:cmdMigrate",
    ),
    # ---- the public API in the client library (src/libvirt-domain.c) ----
    Rule(
        "api-disk-inc-exclusive", _X, _LIB, 10, ("copy-storage-all",), ("copy-storage-inc",),
        (_m("Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are "
            "mutually exclusive"),),
        Text("A disk is copied either whole or as its top layer only, not both.",
             "一个磁盘要么整盘复制，要么只复制最上层，不能两者兼有。"),
        Text("Keep only one of the two storage-copy flags.",
             "两个存储复制标志只保留一个。"),
        since=v("1.2.15"), source="src/libvirt-domain.c",
    ),
    Rule(
        "api-migrate3-tunnelled", _R, _LIB, 20, ("tunnelled",), ("p2p",),
        (_m("cannot perform tunnelled migration without using peer2peer flag"),),
        Text("A tunnel runs between the two libvirt daemons, which only exists when the "
             "source daemon drives the migration itself.",
             "隧道建立在两个 libvirt 守护进程之间，而这条连接只有在源端守护进程自己驱动迁移（点对点）"
             "时才存在。"),
        Text("Add --p2p (VIR_MIGRATE_PEER2PEER).",
             "加上 --p2p（VIR_MIGRATE_PEER2PEER）。"),
        api=Api.MIGRATE3, source="src/libvirt-domain.c:virDomainMigrate3",
    ),
    # ---- the QEMU driver ----
    Rule(
        "qemu-offline-persist", _R, _QEMU, 10, ("offline",), ("persistent",),
        (_m("Requested operation is not valid: offline migration must be specified with the "
            "persistent flag set"),),
        Text("An offline migration only moves the definition; unless it is stored persistently "
             "the destination would have nothing afterwards.",
             "离线迁移只迁移定义；如果不持久化保存，迁移结束后目标主机上什么也没有。"),
        Text("Add --persistent (VIR_MIGRATE_PERSIST_DEST).",
             "加上 --persistent（VIR_MIGRATE_PERSIST_DEST）。"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase",
    ),
    Rule(
        "qemu-zerocopy-parallel", _R, _QEMU, 60, ("zerocopy",), ("parallel",),
        (_m("Requested operation is not valid: zero-copy is only available for parallel "
            "migration"),),
        Text("QEMU implements zero-copy sending only for multifd channels.",
             "QEMU 只在 multifd 通道上实现了零拷贝发送。"),
        Text("Add --parallel, or drop --zerocopy.",
             "加上 --parallel，或者去掉 --zerocopy。"),
        since=v("8.5.0"), source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase",
    ),
    # ---- advice: nothing refuses these, but something is lost ----
    Rule(
        "advice-undefine-without-persist", _W, _ADVICE, 10, ("undefinesource",),
        ("persistent",), (),
        Text("The source forgets the definition and the destination keeps the guest only as a "
             "transient domain, so after the guest stops it is defined nowhere.",
             "源主机删除了定义，而目标主机只把虚拟机作为临时域保留，因此虚拟机停止后，"
             "哪台主机上都没有它的定义。"),
        Text("Add --persistent so the destination keeps a definition.",
             "加上 --persistent，让目标主机保存一份定义。"),
    ),
)
