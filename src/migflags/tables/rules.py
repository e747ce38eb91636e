"""The rules table: which combinations virsh, libvirt's public API and the QEMU driver refuse.

A rule names *terms*. A term is an option name from `options.OPTIONS` (flag options included,
so `live` means VIR_MIGRATE_LIVE) with an optional test on the option's value:

    name            the option is given (for a flag: its bit is set)
    !term           the term does not hold
    name>N          a number option whose value is greater than N
    name^text       a string option whose value starts with `text` (case-sensitive, as QEMU's
                    STRPREFIX)
    name=item       a list option that contains `item`
    name:test       a named test implemented in `check.py` (`TESTS`), with an optional
    name:test(a,b)  comma-separated argument list; some tests name the item they found, which
                    the message can quote as {item}. `params:test` and `flags:test` look at all
                    typed parameters or at the flags integer as a whole

Kinds:
    EXCLUDES         fires when every `when` term holds and any `other` term holds
    REQUIRES         fires when every `when` term holds and some `other` term does not (with
                     no `other`: fires whenever `when` holds)
    REQUIRES_ONE_OF  fires when every `when` term holds and no `other` term holds
    WARNING          like REQUIRES_ONE_OF (with no `other`: fires whenever `when` holds), but
                     only a warning: nothing refuses it, yet something is lost
`any_of`, when not empty, adds one more condition to every kind: at least one of its terms holds.

Problems are reported in the order the layers raise them: virsh first, then the public API in
the client library, then the QEMU driver. Inside the QEMU driver the order also depends on the
entry point (`Phase`, `PHASE_ORDER`): virsh's peer-to-peer call checks the parameters before
the Begin step, a client-driven call runs Begin on the source before the destination checks
them. Inside a phase rules are sorted by `order`; rules that share an `order` (the per-method
compression checks) are sorted by the position of the item they name, then by table position.

Messages are quoted exactly as the layer prints them (virsh prefixes its own output with
"error: ", which is not part of the text here). When the wording changed between releases,
`messages` holds one entry per wording, each from the release that introduced it. {item} is the
offending list item or parameter, {api} the entry point virsh calls, {uri} the connection virsh
opened (its -c URI, else DEFAULT_CONNECT).

Versions marked "inferred 10.0.0" below: the change is absent from the 9.0.0 source and present
in 11.3.0; libvirt 10.0.0's NEWS lists "Various migration bug fixes ... in virsh and libvirt in
handling of migration arguments", and a copy of qemu_migration.c with 9.3+ positional format
strings but without 10.9.0's detect-zeroes parameter already has the QEMU half of the change.
"""

from __future__ import annotations

from migflags.record import NamedTuple, StrEnum
from migflags.text import Text
from migflags.versions import LibvirtVersion, v


class RuleKind(StrEnum):
    EXCLUDES = "excludes"
    REQUIRES = "requires"
    REQUIRES_ONE_OF = "requires-one-of"
    WARNING = "warning"
    BUG = "bug"  # a known libvirt defect: fires whenever `when` holds, inside since/until


class Layer(StrEnum):
    VIRSH = "virsh"
    LIBVIRT = "libvirt"
    QEMU = "qemu"
    QMP = "qmp"  # QEMU itself: its answers to monitor commands, the capabilities it lacks
    ADVICE = "advice"  # no layer refuses it


LAYER_ORDER = {Layer.VIRSH: 0, Layer.LIBVIRT: 1, Layer.QEMU: 2, Layer.QMP: 3, Layer.ADVICE: 4}


class Api(StrEnum):
    """Which entry point virsh calls: ToURI3 with --p2p or --direct, Migrate3 otherwise."""

    MIGRATE3 = "virDomainMigrate3"
    TO_URI3 = "virDomainMigrateToURI3"


class Phase(StrEnum):
    """Steps of the QEMU driver, whose order depends on the entry point."""

    ENTRY = "entry"  # virCheckFlags / virTypedParamsValidate of every driver entry point
    PARAMS = "params"  # qemuDomainMigratePerform3Params / Prepare3Params + ParamsFromFlags
    # Parameters only the source reads (qemuMigrationParamsTPMap party SOURCE: auto-converge
    # tuning, the switchover bandwidth): a client-driven migration's destination skips them in
    # its Prepare step, and the source checks them only when Perform starts. Seen for real on
    # 9.0.0 and 12.9.0: without --p2p the destination's compression and parallel checks come
    # first, while the post-copy bandwidth overflow is checked on the destination as well.
    SOURCE_PARAMS = "source-params"
    # The source domain's state and storage, checked once the job starts: qemuMigrationSrcBegin
    # (virDomainObjCheckActive before qemuMigrationSrcBeginPhase's qemuMigrationSrcIsSafe), or
    # qemuMigrationSrcPerformJob before the peer-to-peer steps.
    GUEST = "guest"
    PEER2PEER = "peer2peer"  # qemuMigrationSrcPerformPeer2Peer
    BEGIN = "begin"  # qemuMigrationSrcBegin / qemuMigrationSrcBeginPhase on the source
    NBD = "nbd"  # qemuMigrationDstStartNBDServer: the destination's Prepare, disks to copy
    PERFORM = "perform"  # qemuMigrationSrcPerformNative


PHASE_ORDER: dict[Api, tuple[Phase, ...]] = {
    # virDomainMigrateToURI3 with PEER2PEER -> qemuDomainMigratePerform3Params ->
    # qemuMigrationSrcPerformJob -> p2p -> Begin -> Prepare on the destination -> Perform
    Api.TO_URI3: (Phase.ENTRY, Phase.PARAMS, Phase.GUEST, Phase.PEER2PEER, Phase.BEGIN,
                  Phase.NBD, Phase.PERFORM),
    # virDomainMigrate3 -> Begin3Params (source) -> Prepare3Params (destination) ->
    # Perform3Params (source) -> Perform
    Api.MIGRATE3: (Phase.ENTRY, Phase.GUEST, Phase.BEGIN, Phase.PARAMS, Phase.NBD,
                   Phase.SOURCE_PARAMS, Phase.PERFORM),
}
# Phases that run inside another step on an entry point: peer-to-peer, the source checks all
# parameters in one qemuMigrationParamsFromFlags call (rules then sort by `order`).
SAME_STEP: dict[Api, dict[Phase, Phase]] = {
    Api.TO_URI3: {Phase.SOURCE_PARAMS: Phase.PARAMS},
    Api.MIGRATE3: {},
}


class Message(NamedTuple):
    text: str
    since: LibvirtVersion | None = None  # first release with this wording


# Where in virsh's run a virsh-layer rule is checked, as (after, since): right after virsh
# has read the value of option `after` (a name in `options.VIRSH_FETCH_ORDER`), `STEP_START`
# before it reads any value (cmdMigrate's option macros), `STEP_END` after the last one; from
# release `since` on (None: always). A plain tuple: a NamedTuple class costs start-up time.
Step = tuple[str, "LibvirtVersion | None"]
STEP_START = ""
STEP_END = "*end"


class Rule(NamedTuple):
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
    any_of: tuple[str, ...] = ()  # when not empty, one of these must hold as well
    phase: Phase | None = None  # QEMU driver step (QEMU and QMP layers)
    steps: tuple[Step, ...] = ()  # virsh layer: where virsh checks it (default: STEP_START)
    # The QEMU releases the refusal happens with (first that does / first that no longer
    # does). A rule with a bound is decided only when `check --qemu` gives QEMU's version.
    qemu_since: LibvirtVersion | None = None
    qemu_until: LibvirtVersion | None = None
    upstream: str = ""  # BUG rules: the upstream fix, where known

    @property
    def level(self) -> str:
        return "warning" if self.kind is RuleKind.WARNING else "error"

    def holds_in(self, version: LibvirtVersion) -> bool:
        if self.since is not None and version < self.since:
            return False
        return self.until is None or version < self.until

    def step_for(self, version: LibvirtVersion) -> str:
        """The option after whose value virsh checks this rule in `version` (see `Step`)."""
        chosen = STEP_START
        for after, since in self.steps:
            if since is None or since <= version:
                chosen = after
        return chosen

    def message_for(self, version: LibvirtVersion) -> str:
        chosen = ""
        for message in self.messages:
            if message.since is None or message.since <= version:
                chosen = message.text
        return chosen

    @property
    def terms(self) -> tuple[str, ...]:
        return self.when + self.other + self.any_of

    @property
    def verified(self) -> tuple[LibvirtVersion, ...]:
        """The libvirt releases on which the real-QEMU tier ran this rule (a case that fires
        it and one that keeps it silent) and saw libvirt agree (`_RAN_FOR_REAL` below)."""
        return tuple(v(release) for release, ids in _RAN_FOR_REAL.items() if self.id in ids)


_X, _R, _R1, _W = RuleKind.EXCLUDES, RuleKind.REQUIRES, RuleKind.REQUIRES_ONE_OF, RuleKind.WARNING
_VIRSH, _LIB, _QEMU, _ADVICE = Layer.VIRSH, Layer.LIBVIRT, Layer.QEMU, Layer.ADVICE
_QMP = Layer.QMP
_ENTRY, _PARAMS, _P2P, _BEGIN, _PERFORM = (
    Phase.ENTRY, Phase.PARAMS, Phase.PEER2PEER, Phase.BEGIN, Phase.PERFORM,
)
_GUEST, _NBD, _SOURCE_PARAMS = Phase.GUEST, Phase.NBD, Phase.SOURCE_PARAMS
_STORAGE = ("copy-storage-all", "copy-storage-inc")
# For the guest tests in check.py: the options that ask for a storage copy, and the one that
# names the disks it takes (qemuMigrationAnyCopyDisk).
STORAGE_COPY_OPTIONS = _STORAGE
# The connection virsh opens without -c, as root with no LIBVIRT_DEFAULT_URI: {uri} in messages.
DEFAULT_CONNECT = "qemu:///system"
DISK_LIST_OPTION = "migrate-disks"
_COMP = "comp-methods"
_INFERRED_10 = " (release inferred: 10.0.0, see module docstring)"


def _m(text: str, since: str | None = None) -> Message:
    return Message(text, v(since) if since else None)


# Error-code prefixes virGetLastErrorMessage() puts before a virReportError() text.
_UNSUPPORTED_ARG = "argument unsupported: "
_INVALID_OP = "Requested operation is not valid: "
_NOT_SUPPORTED = "Operation not supported: "
_INVALID_ARG = "invalid argument: "
_OVERFLOW = "numerical overflow: "
_UNSAFE = "Unsafe migration: "
_INTERNAL = "internal error: "
_SET_PARAMS = _INTERNAL + "unable to execute QEMU command 'migrate-set-parameters': "
_MIB_PER_S_MAX = (2**64 - 1) // (1024 * 1024)  # MiB/s that still fit in bytes/s (ULLONG_MAX)
_MIB_OVERFLOW_WHY = Text(
    "The value is in MiB/s and libvirt hands QEMU bytes per second, which must fit in 64 bits.",
    "这个值的单位是 MiB/s，而 libvirt 交给 QEMU 的是每秒字节数，必须能放进 64 位整数。",
)

_VIRSH_RULES: tuple[Rule, ...] = (
    # ---- tools/virsh-domain.c:cmdMigrate, VSH_EXCLUSIVE_OPTIONS / VSH_REQUIRE_OPTION ----
    Rule(
        "virsh-live-offline", _X, _VIRSH, 10, ("live",), ("offline",),
        (_m("Options --live and --offline are mutually exclusive"),),
        Text("An offline migration moves only the definition, so there is nothing to keep live.",
             "离线迁移只迁移定义，不存在需要保持运行的虚拟机。"),
        Text("Drop --offline to move a running guest, or drop --live to move only its definition.",
             "要迁移正在运行的虚拟机就去掉 --offline；只迁移其定义就去掉 --live。"),
        since=v("1.3.2"), source="tools/virsh-domain.c:cmdMigrate (VSH_EXCLUSIVE_OPTIONS)",
    ),
    Rule(
        "virsh-timeout-actions", _X, _VIRSH, 20, ("timeout-suspend",), ("timeout-postcopy",),
        (_m("Options --timeout-suspend and --timeout-postcopy are mutually exclusive"),),
        Text("When the timeout expires virsh can take only one action.",
             "超时到期时 virsh 只能执行一种操作。"),
        Text("Keep either --timeout-suspend or --timeout-postcopy.",
             "--timeout-suspend 和 --timeout-postcopy 只保留一个。"),
        since=v("1.3.3"), source="tools/virsh-domain.c:cmdMigrate (VSH_EXCLUSIVE_OPTIONS)",
    ),
    Rule(
        "virsh-copy-storage-exclusive", _X, _VIRSH, 30, ("copy-storage-all",),
        ("copy-storage-inc",),
        (_m("Options --copy-storage-all and --copy-storage-inc are mutually exclusive"),),
        Text("A disk is copied either whole or as its top layer only, not both. Older virsh "
             "leaves this to the library, which refuses the pair with its own message.",
             "一个磁盘要么整盘复制，要么只复制最上层，不能两者兼有。较老的 virsh 不检查这一点，"
             "交给库去拒绝，报的是库自己的消息。"),
        Text("Use --copy-storage-all for full copies, or --copy-storage-inc when the backing "
             "images already exist on the destination.",
             "要完整复制就用 --copy-storage-all；如果后备镜像已经在目标主机上，就用 --copy-storage-inc。"),
        since=v("10.0.0"),
        source="tools/virsh-domain.c:cmdMigrate (VSH_EXCLUSIVE_OPTIONS; absent in 9.0.0, "
               "present in 11.3.0)" + _INFERRED_10,
    ),
    Rule(
        "virsh-postcopy-after-precopy", _R, _VIRSH, 40, ("postcopy-after-precopy",),
        ("postcopy",),
        (_m("Option --postcopy is required by option --postcopy-after-precopy"),),
        Text("virsh can only switch a migration to post-copy if post-copy was allowed when the "
             "migration started.",
             "只有在迁移开始时就允许了后拷贝，virsh 才能把它切换到后拷贝。"),
        Text("Add --postcopy, or drop --postcopy-after-precopy.",
             "加上 --postcopy，或者去掉 --postcopy-after-precopy。"),
        since=v("2.4.0"),
        source="tools/virsh-domain.c:cmdMigrate (VSH_REQUIRE_OPTION; this form since 2.4.0, "
               "older releases not checked)",
    ),
    Rule(
        "virsh-postcopy-resume", _R, _VIRSH, 50, ("postcopy-resume",), ("postcopy",),
        (_m("Option --postcopy is required by option --postcopy-resume"),),
        Text("Resuming repeats the original post-copy migration call, which had --postcopy.",
             "恢复迁移就是重复原来那次后拷贝迁移调用，而那次调用带有 --postcopy。"),
        Text("Repeat the original command line, including --postcopy, and add --postcopy-resume.",
             "重复原来的命令行（包括 --postcopy），再加上 --postcopy-resume。"),
        since=v("8.5.0"), source="tools/virsh-domain.c:cmdMigrate (VSH_REQUIRE_OPTION)",
    ),
    Rule(
        "virsh-timeout-postcopy", _R, _VIRSH, 60, ("timeout-postcopy",), ("postcopy",),
        (_m("Option --postcopy is required by option --timeout-postcopy"),),
        Text("Switching to post-copy when the timeout expires needs a migration that allows "
             "post-copy.",
             "超时到期时切换到后拷贝，要求这次迁移本身允许后拷贝。"),
        Text("Add --postcopy, or use --timeout-suspend instead.",
             "加上 --postcopy，或者改用 --timeout-suspend。"),
        since=v("3.8.0"), source="tools/virsh-domain.c:cmdMigrate (VSH_REQUIRE_OPTION)",
    ),
    Rule(
        "virsh-persistent-xml", _R, _VIRSH, 70, ("persistent-xml",), ("persistent",),
        (_m("Option --persistent is required by option --persistent-xml"),),
        Text("The persistent definition is only stored on the destination when the guest is "
             "made persistent there.",
             "只有当虚拟机在目标主机上被持久化时，这份持久化定义才会保存到目标主机上。"),
        Text("Add --persistent, or drop --persistent-xml.",
             "加上 --persistent，或者去掉 --persistent-xml。"),
        since=v("2.5.0"), source="tools/virsh-domain.c:cmdMigrate (VSH_REQUIRE_OPTION)",
    ),
    Rule(
        "virsh-tls-destination", _R, _VIRSH, 80, ("tls-destination",), ("tls",),
        (_m("Option --tls is required by option --tls-destination"),),
        Text("The host name to verify only matters when the connection uses TLS.",
             "要校验的主机名只有在连接使用 TLS 时才有意义。"),
        Text("Add --tls, or drop --tls-destination.",
             "加上 --tls，或者去掉 --tls-destination。"),
        since=v("6.0.0"), source="tools/virsh-domain.c:cmdMigrate (VSH_REQUIRE_OPTION)",
    ),
    # ---- cmdMigrate after the domain lookup ----
    Rule(
        "virsh-timeout-needs-live", _R, _VIRSH, 90, ("timeout>0",), ("live",),
        (_m("migrate: Unexpected timeout for offline migration"),),
        Text("The timeout's actions (suspend the guest, or switch to post-copy) only make sense "
             "while a live migration copies memory. virsh checks for --live, whatever the "
             "message says about offline migration; --timeout 0 means no timeout.",
             "超时后的动作（暂停虚拟机或切换到后拷贝）只在热迁移复制内存期间才有意义。"
             "不管消息里怎么说离线迁移，virsh 实际检查的是有没有 --live；"
             "--timeout 0 表示不设超时。"),
        Text("Add --live, or drop --timeout.",
             "加上 --live，或者去掉 --timeout。"),
        since=v("0.8.8"), source="tools/virsh-domain.c:cmdMigrate",
        steps=(("timeout", None),),
    ),
    Rule(
        "virsh-timeout-action-needs-timeout", _R, _VIRSH, 100, (), ("timeout>0",),
        (_m("migrate: Unexpected --timeout-* option without --timeout"),),
        Text("--timeout-suspend and --timeout-postcopy say what happens when the timeout "
             "expires; without a timeout above 0 they never could.",
             "--timeout-suspend 和 --timeout-postcopy 规定的是超时到期时做什么；"
             "没有大于 0 的超时，它们永远不会生效。"),
        Text("Add --timeout SECONDS, or drop the --timeout-* option.",
             "加上 --timeout SECONDS，或者去掉 --timeout-* 选项。"),
        since=v("1.3.3"), source="tools/virsh-domain.c:cmdMigrate",
        any_of=("timeout-suspend", "timeout-postcopy"),
        steps=(("timeout", None),),
    ),
    # ---- tools/virsh-domain.c:doMigrate (worker thread) ----
    Rule(
        "virsh-sync-writes-needs-storage", _R1, _VIRSH, 110,
        ("copy-storage-synchronous-writes",), _STORAGE,
        (
            _m("'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
               "'copy-storage-inc'", "8.0.0"),
            _m("'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
               "'--copy-storage-inc'", "10.0.0"),
        ),
        Text("Synchronous writes change how disks are copied; without a disk copy there is "
             "nothing to apply them to.",
             "同步写入改变的是磁盘复制的方式；不复制磁盘，它就无从生效。"),
        Text("Add --copy-storage-all or --copy-storage-inc, or drop "
             "--copy-storage-synchronous-writes.",
             "加上 --copy-storage-all 或 --copy-storage-inc，"
             "或者去掉 --copy-storage-synchronous-writes。"),
        since=v("8.0.0"),
        source="tools/virsh-domain.c:doMigrate (9.0.0 text lacks the dashes before "
               "copy-storage-inc; 11.3.0 has them)" + _INFERRED_10,
        # 9.0.0 checks it after reading every value (files included); 12.9.0 before reading any
        # value of doMigrate, right after cmdMigrate's timeout checks (both run here). The move
        # is dated with the message change.
        steps=((STEP_END, None), ("timeout", v("10.0.0"))),
    ),
    Rule(
        "virsh-migrate-disks-needs-storage", _R1, _VIRSH, 120, ("migrate-disks",), _STORAGE,
        (_m("'--migrate-disks' requires one of '--copy-storage-all', '--copy-storage-inc'"),),
        Text("--migrate-disks picks which disks a storage copy includes; without "
             "--copy-storage-* no disk is copied at all.",
             "--migrate-disks 用来挑选存储复制包含哪些磁盘；"
             "没有 --copy-storage-*，根本不会复制任何磁盘。"),
        Text("Add --copy-storage-all or --copy-storage-inc, or drop --migrate-disks.",
             "加上 --copy-storage-all 或 --copy-storage-inc，或者去掉 --migrate-disks。"),
        since=v("10.0.0"),
        source="tools/virsh-domain.c:doMigrate (absent in 9.0.0, present in 11.3.0)"
               + _INFERRED_10,
        steps=(("migrate-disks", None),),
    ),
    Rule(
        "virsh-detect-zeroes-needs-storage", _R1, _VIRSH, 130,
        ("migrate-disks-detect-zeroes",), _STORAGE,
        (_m("'--migrate-disks-detect-zeroes' requires one of '--copy-storage-all', "
            "'--copy-storage-inc'"),),
        Text("Skipping zeroed blocks is a property of the disk copy, which needs "
             "--copy-storage-*.",
             "跳过全零数据块是磁盘复制的一个特性，而磁盘复制需要 --copy-storage-*。"),
        Text("Add --copy-storage-all or --copy-storage-inc, or drop "
             "--migrate-disks-detect-zeroes.",
             "加上 --copy-storage-all 或 --copy-storage-inc，"
             "或者去掉 --migrate-disks-detect-zeroes。"),
        since=v("10.9.0"), source="tools/virsh-domain.c:doMigrate",
        steps=(("migrate-disks-detect-zeroes", None),),
    ),
    Rule(
        "virsh-target-zero-needs-storage", _R1, _VIRSH, 140,
        ("migrate-disks-target-zero",), _STORAGE,
        (_m("'--migrate-disks-target-zero' requires one of '--copy-storage-all', "
            "'--copy-storage-inc'"),),
        Text("Declaring destination images as already zeroed only matters for a disk copy.",
             "声明目标端镜像已全部为零，只对磁盘复制有意义。"),
        Text("Add --copy-storage-all or --copy-storage-inc, or drop --migrate-disks-target-zero.",
             "加上 --copy-storage-all 或 --copy-storage-inc，或者去掉 --migrate-disks-target-zero。"),
        since=v("12.2.0"),
        source="tools/virsh-domain.c:doMigrate (12.x; text from the 12.9.0 virsh binary, "
               "reproduced by running it)",
        steps=(("migrate-disks-target-zero", None),),
    ),
)

_LIBVIRT_RULES: tuple[Rule, ...] = (
    # ---- src/libvirt-domain.c, in the order the entry points check ----
    Rule(
        "api-tunnelled-parallel", _X, _LIB, 10, ("tunnelled",), ("parallel",),
        (_m("Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive"),),
        Text("A tunnelled migration carries memory in the one libvirt connection between the "
             "daemons, so it cannot spread it over parallel connections.",
             "隧道迁移通过两个守护进程之间唯一的一条 libvirt 连接传输内存，"
             "因此无法把数据分散到多个并行连接上。"),
        Text("Drop --tunnelled to use parallel connections, or drop --parallel.",
             "要使用并行连接就去掉 --tunnelled，否则去掉 --parallel。"),
        since=v("6.1.0"), api=Api.TO_URI3,
        source="src/libvirt-domain.c:virDomainMigrateToURI3 (VIR_EXCLUSIVE_FLAGS_GOTO)",
    ),
    Rule(
        "api-disk-inc-exclusive", _X, _LIB, 20, ("copy-storage-all",), ("copy-storage-inc",),
        (_m("Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are "
            "mutually exclusive"),),
        Text("A disk is copied either whole or as its top layer only, not both.",
             "一个磁盘要么整盘复制，要么只复制最上层，不能两者兼有。"),
        Text("Keep only one of the two storage-copy flags.",
             "两个存储复制标志只保留一个。"),
        since=v("1.2.15"),
        source="src/libvirt-domain.c:virDomainMigrate3, "
               "virDomainMigrateUnmanagedCheckCompat (VIR_EXCLUSIVE_FLAGS_*)",
    ),
    Rule(
        "api-sync-writes-needs-storage", _R1, _LIB, 30, ("copy-storage-synchronous-writes",),
        _STORAGE,
        (_m("Flag 'VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC' is required by "
            "flag 'VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES'"),),
        Text("Synchronous writes only apply to a disk copy, which this value does not ask for.",
             "同步写入只作用于磁盘复制，而这个值并没有要求复制磁盘。"),
        Text("Add NON_SHARED_DISK or NON_SHARED_INC, or drop "
             "NON_SHARED_SYNCHRONOUS_WRITES.",
             "加上 NON_SHARED_DISK 或 NON_SHARED_INC，"
             "或者去掉 NON_SHARED_SYNCHRONOUS_WRITES。"),
        since=v("8.0.0"),
        source="src/libvirt-domain.c:virDomainMigrate3, "
               "virDomainMigrateUnmanagedCheckCompat (VIR_REQUIRE_FLAG_*)",
    ),
    # virsh calls virDomainMigrate3 only without --p2p (api=): no p2p term is needed.
    Rule(
        "api-migrate3-tunnelled", _R, _LIB, 40, ("tunnelled",), (),
        (_m("cannot perform tunnelled migration without using peer2peer flag"),),
        Text("A tunnel runs between the two libvirt daemons, which only exists when the "
             "source daemon drives the migration itself; without --p2p virsh drives it.",
             "隧道建立在两个 libvirt 守护进程之间，而这条连接只有在源端守护进程自己驱动迁移（点对点）"
             "时才存在；不带 --p2p 时是由 virsh 驱动迁移的。"),
        Text("Add --p2p (VIR_MIGRATE_PEER2PEER).",
             "加上 --p2p（VIR_MIGRATE_PEER2PEER）。"),
        since=v("1.1.0"), api=Api.MIGRATE3, source="src/libvirt-domain.c:virDomainMigrate3",
    ),
    Rule(
        "api-dname-empty", _R, _LIB, 45, ("dname:empty",), (),
        (_m("string dname in {api} must not be empty"),),
        Text("An empty destination name cannot name a domain. virsh itself already refuses "
             "empty option values, so this shows up with other API clients.",
             "空的目标名称不能用作域名称。virsh 本身就会拒绝空的选项值，"
             "所以这个错误只会出现在其他 API 客户端上。"),
        Text("Give a real name, or leave the destination name out to keep the current one.",
             "给出一个真正的名称，或者不指定目标名称以沿用当前名称。"),
        since=v("11.3.0"), api=Api.MIGRATE3,
        source="src/libvirt-domain.c:virDomainMigrate3 (virCheckNonEmptyOptStringArg; absent "
               "in 9.0.0, present in 11.3.0, first release not determined: 11.3.0 assumed)",
    ),
    # virDomainMigrateToURI3 (api=) without --p2p is the direct path: no direct term needed.
    Rule(
        "api-direct-unsupported", _R, _LIB, 50, (), ("p2p",),
        (_m(_UNSUPPORTED_ARG + "direct migration is not supported by the source host"),),
        Text("--direct asks the hypervisor to migrate by itself, without a libvirt daemon "
             "on the destination. The QEMU driver does not offer that mode at all.",
             "--direct 要求 hypervisor 自己完成迁移，"
             "目标主机上没有 libvirt 守护进程参与。QEMU 驱动根本不提供这种模式。"),
        Text("Use --p2p so that the source daemon drives the migration, or drop --direct.",
             "改用 --p2p，由源端守护进程驱动迁移，或者去掉 --direct。"),
        api=Api.TO_URI3,
        source="src/libvirt-domain.c:virDomainMigrateUnmanagedCheckCompat; "
               "src/qemu/qemu_driver.c:qemuConnectSupportsFeature (MIGRATION_DIRECT is 0)",
    ),
    Rule(
        "api-p2p-same-host", _R, _LIB, 60, ("p2p", "desturi:local"), (),
        (_m("Attempt to migrate guest to the same host"),),
        Text("With --p2p the source daemon connects to the destination URI itself; a URI "
             "without a host (or with localhost) would lead it back to itself.",
             "使用 --p2p 时，源端守护进程自己连接目标 URI；没有主机名（或主机名为 localhost）"
             "的 URI 会让它连回自己。"),
        Text("Give the destination's host name in the URI, e.g. qemu+ssh://dst/system.",
             "在 URI 中写明目标主机的主机名，例如 qemu+ssh://dst/system。"),
        api=Api.TO_URI3,
        source="src/libvirt-domain.c:virDomainMigrateCheckNotLocal "
               "(from virDomainMigrateUnmanagedParams)",
    ),
)

_COMP_ITEM = 60  # the per-method compression checks share one order: sorted by item position

_QEMU_RULES: tuple[Rule, ...] = (
    # ---- every driver entry point ----
    Rule(
        "qemu-unknown-param", _R, _QEMU, 10, ("params:unknown",), (),
        (_m(_UNSUPPORTED_ARG + "parameter '{item}' not supported"),),
        Text("The QEMU driver of this release does not know this typed parameter; it only "
             "accepts the parameters that existed when it was built.",
             "这个版本的 QEMU 驱动不认识该类型化参数；它只接受构建时已经存在的参数。"),
        Text("Upgrade libvirt on both hosts, or leave the parameter out.",
             "在两台主机上都升级 libvirt，或者去掉这个参数。"),
        since=v("1.1.0"), phase=_ENTRY,
        source="src/qemu/qemu_driver.c:qemuDomainMigratePerform3Params "
               "(virTypedParamsValidate against QEMU_MIGRATION_PARAMETERS)",
    ),
    # ---- qemuDomainMigratePerform3Params / Prepare3Params ----
    Rule(
        "qemu-disks-port-uri", _X, _QEMU, 10, ("disks-port>0",), ("disks-uri",),
        (_m(_INVALID_ARG + "Both port and URI requested for disk migration while being "
            "mutually exclusive"),),
        Text("The disk copy connects either to a port chosen by libvirt or to the URI given; "
             "--disks-uri already contains its own port.",
             "磁盘复制要么连接 libvirt 选定的端口，要么连接给定的 URI；"
             "--disks-uri 里已经包含了端口。"),
        Text("Keep --disks-uri (with the port inside it) or --disks-port, not both.",
             "--disks-uri（端口写在 URI 里）和 --disks-port 只保留一个。"),
        since=v("6.8.0"), phase=_PARAMS,
        source="src/qemu/qemu_driver.c:qemuDomainMigratePerform3Params, "
               "qemuDomainMigratePrepare3Params",
    ),
    Rule(
        "qemu-unix-listen-address", _X, _QEMU, 20, ("migrateuri^unix:",), ("listen-address",),
        (_m(_INVALID_ARG + "Usage of listen-address is forbidden when migration URI uses "
            "UNIX transport method"),),
        Text("A UNIX socket is a path, not a network address, so there is nothing to listen "
             "on.",
             "UNIX 套接字是一个路径，而不是网络地址，因此没有可监听的地址。"),
        Text("Drop --listen-address when --migrateuri is a unix: URI.",
             "--migrateuri 是 unix: URI 时，去掉 --listen-address。"),
        since=v("6.8.0"), phase=_PARAMS,
        source="src/qemu/qemu_driver.c:qemuDomainMigratePerform3Params, "
               "qemuDomainMigratePrepare3Params",
    ),
    Rule(
        "qemu-unix-needs-disks-uri", _R, _QEMU, 30, ("migrateuri^unix:",), ("disks-uri",),
        (_m(_INVALID_ARG + "NBD URI must be supplied when migration URI uses UNIX transport "
            "method"),),
        Text("The disk copy runs on its own connection; when memory goes over a UNIX socket "
             "libvirt cannot guess where the disk stream should go.",
             "磁盘复制使用单独的连接；内存经由 UNIX 套接字传输时，libvirt 无法猜出磁盘数据流该发往哪里。"),
        Text("Add --disks-uri (e.g. unix:///path/to/disks.sock) next to the unix: "
             "--migrateuri.",
             "在 unix: 形式的 --migrateuri 之外，再加上 --disks-uri（例如"
             " unix:///path/to/disks.sock）。"),
        since=v("7.0.0"), phase=_PARAMS, any_of=(*_STORAGE, "migrate-disks"),
        source="src/qemu/qemu_driver.c:qemuDomainMigratePerform3Params, "
               "qemuDomainMigratePrepare3Params",
    ),
    # ---- src/qemu/qemu_migration_params.c:qemuMigrationParamsFromFlags ----
    Rule(
        "qemu-postcopy-bandwidth-overflow", _R, _QEMU, 35,
        (f"postcopy-bandwidth>{_MIB_PER_S_MAX}",), (),
        (_m(_OVERFLOW + f"migration parameter 'bandwidth.postcopy' must be less than "
            f"{_MIB_PER_S_MAX + 1}"),),
        _MIB_OVERFLOW_WHY,
        Text("Give a realistic number of MiB/s, or 0 for no limit.",
             "给出一个合理的 MiB/s 数值，或者用 0 表示不限速。"),
        since=v("5.1.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsGetTPULL "
               "(from qemuMigrationParamsFromFlags)",
    ),
    Rule(
        "qemu-switchover-bandwidth-overflow", _R, _QEMU, 36,
        (f"available-switchover-bandwidth>{_MIB_PER_S_MAX}",), (),
        (_m(_OVERFLOW + f"migration parameter 'bandwidth.avail.switchover' must be less than "
            f"{_MIB_PER_S_MAX + 1}"),),
        _MIB_OVERFLOW_WHY,
        Text("Give the bandwidth really available for the switchover, in MiB/s.",
             "给出切换阶段实际可用的带宽，单位为 MiB/s。"),
        since=v("11.1.0"), phase=_SOURCE_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsGetTPULL "
               "(from qemuMigrationParamsFromFlags)",
    ),
    Rule(
        "qemu-auto-converge-tuning", _R, _QEMU, 40, (), ("auto-converge",),
        (_m(_INVALID_ARG + "Turn auto convergence on to tune it"),),
        Text("The throttling percentages only apply when auto-converge is on.",
             "这些限速百分比只在开启自动收敛时才起作用。"),
        Text("Add --auto-converge, or drop --auto-converge-initial/--auto-converge-increment.",
             "加上 --auto-converge，或者去掉 --auto-converge-initial/--auto-converge-increment。"),
        since=v("2.0.0"), phase=_SOURCE_PARAMS,
        any_of=("auto-converge-initial", "auto-converge-increment"),
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsFromFlags",
    ),
    Rule(
        "qemu-parallel-tuning", _R, _QEMU, 50, ("parallel-connections",), ("parallel",),
        (_m(_INVALID_ARG + "Turn parallel migration on to tune it"),),
        Text("The number of connections only applies to a parallel (multifd) migration.",
             "连接数只对并行（multifd）迁移起作用。"),
        Text("Add --parallel, or drop --parallel-connections.",
             "加上 --parallel，或者去掉 --parallel-connections。"),
        since=v("5.2.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsFromFlags",
    ),
    # qemuMigrationParamsSetCompression: one pass over the methods, each checked in turn.
    Rule(
        "qemu-compression-unknown-method", _R, _QEMU, _COMP_ITEM,
        (f"{_COMP}:not-in(xbzrle,mt)",), (),
        (_m(_INVALID_ARG + "Unsupported compression method '{item}'"),),
        Text("This release knows only the xbzrle and mt compression methods (an empty item "
             "from a stray comma counts as a method too).",
             "这个版本只认识 xbzrle 和 mt 两种压缩方法（多余的逗号产生的空项也算作一种方法）。"),
        Text("Use xbzrle or mt; zlib and zstd need libvirt >= 9.4.0.",
             "请使用 xbzrle 或 mt；zlib 和 zstd 需要 libvirt >= 9.4.0。"),
        since=v("1.3.4"), until=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-unknown", _R, _QEMU, _COMP_ITEM,
        (f"{_COMP}:not-in(xbzrle,mt,zlib,zstd)",), (),
        (_m(_INVALID_ARG + "Unsupported compression method '{item}'"),),
        Text("The compression methods are xbzrle, mt, zlib and zstd, spelled in lower case "
             "(an empty item from a stray comma counts as a method too).",
             "压缩方法只有 xbzrle、mt、zlib 和 zstd，必须小写（多余的逗号产生的空项也算作一种方法）。"),
        Text("Fix the method name in --comp-methods.",
             "修正 --comp-methods 中的方法名称。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-twice", _R, _QEMU, _COMP_ITEM, (f"{_COMP}:duplicate",), (),
        (_m(_INVALID_ARG + "Compression method '{item}' is specified twice"),),
        Text("Each compression method may be listed once.",
             "每种压缩方法只能列出一次。"),
        Text("Remove the repeated method from --comp-methods.",
             "从 --comp-methods 中删除重复的方法。"),
        since=v("1.3.4"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-not-parallel", _R, _QEMU, _COMP_ITEM,
        ("parallel", f"{_COMP}:first-in(mt,xbzrle)"), (),
        (_m(_INVALID_ARG + "Compression method '{item}' isn't supported with parallel "
            "migration"),),
        Text("Parallel (multifd) migration compresses each channel with zlib or zstd; the "
             "older mt and xbzrle methods work only on a single connection.",
             "并行（multifd）迁移用 zlib 或 zstd 压缩每个通道；"
             "较老的 mt 和 xbzrle 方法只能用于单个连接。"),
        Text("With --parallel use --comp-methods zlib or zstd; to keep mt or xbzrle drop "
             "--parallel.",
             "使用 --parallel 时请用 --comp-methods zlib 或 zstd；"
             "要保留 mt 或 xbzrle，就去掉 --parallel。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-needs-parallel", _R, _QEMU, _COMP_ITEM,
        ("!parallel", f"{_COMP}:first-in(zlib,zstd)"), (),
        (_m(_INVALID_ARG + "Compression method '{item}' is only supported with parallel "
            "migration"),),
        Text("zlib and zstd compress the channels of a parallel (multifd) migration and "
             "nothing else.",
             "zlib 和 zstd 只用于压缩并行（multifd）迁移的各个通道，"
             "别无他用。"),
        Text("Add --parallel, or use xbzrle or mt instead.",
             "加上 --parallel，或者改用 xbzrle 或 mt。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-only-one", _R, _QEMU, _COMP_ITEM,
        ("parallel", f"{_COMP}:second-in(zlib,zstd)"), (),
        (_m(_INVALID_ARG + "Only one compression method could be specified with parallel "
            "compression"),),
        Text("All parallel channels use the same compressor, so only one of zlib and zstd "
             "can be chosen.",
             "所有并行通道使用同一个压缩器，因此 zlib 和 zstd 只能选一个。"),
        Text("Keep either zlib or zstd in --comp-methods.",
             "--comp-methods 中 zlib 和 zstd 只保留一个。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-mt-tuning", _R, _QEMU, 70, (), (f"{_COMP}=mt",),
        (_m(_INVALID_ARG + "Turn multithread compression on to tune it"),),
        Text("Level and thread counts only apply to the mt method, which must be listed. "
             "--compressed alone does not select it.",
             "压缩级别和线程数只作用于 mt 方法，而且必须明确列出 mt；"
             "仅有 --compressed 并不会选中它。"),
        Text("Add mt to --comp-methods, or drop the --comp-mt-* options.",
             "在 --comp-methods 中加上 mt，或者去掉 --comp-mt-* 选项。"),
        since=v("1.3.4"), phase=_PARAMS,
        any_of=("comp-mt-level", "comp-mt-threads", "comp-mt-dthreads"),
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-xbzrle-tuning", _R, _QEMU, 71, ("comp-xbzrle-cache",),
        (f"{_COMP}=xbzrle",),
        (_m(_INVALID_ARG + "Turn xbzrle compression on to tune it"),),
        Text("The cache size only applies to the xbzrle method, which must be listed "
             "explicitly when the cache is tuned.",
             "缓存大小只作用于 xbzrle 方法；调节缓存时必须明确列出 xbzrle。"),
        Text("Add xbzrle to --comp-methods, or drop --comp-xbzrle-cache.",
             "在 --comp-methods 中加上 xbzrle，或者去掉 --comp-xbzrle-cache。"),
        since=v("1.3.4"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-zlib-tuning", _R, _QEMU, 72, ("comp-zlib-level",), (f"{_COMP}=zlib",),
        (_m(_INVALID_ARG + "Turn zlib compression on to tune it"),),
        Text("The zlib level only applies when zlib is the chosen method.",
             "zlib 压缩级别只在选用 zlib 方法时才起作用。"),
        Text("Add zlib to --comp-methods (with --parallel), or drop --comp-zlib-level.",
             "在 --comp-methods 中加上 zlib（同时使用 --parallel），或者去掉 --comp-zlib-level。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compression-zstd-tuning", _R, _QEMU, 73, ("comp-zstd-level",), (f"{_COMP}=zstd",),
        (_m(_INVALID_ARG + "Turn zstd compression on to tune it"),),
        Text("The zstd level only applies when zstd is the chosen method.",
             "zstd 压缩级别只在选用 zstd 方法时才起作用。"),
        Text("Add zstd to --comp-methods (with --parallel), or drop --comp-zstd-level.",
             "在 --comp-methods 中加上 zstd（同时使用 --parallel），或者去掉 --comp-zstd-level。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression",
    ),
    Rule(
        "qemu-compressed-parallel-no-method", _R, _QEMU, 74, ("compressed", "parallel"),
        (_COMP,),
        (_m(_INVALID_ARG + "No compression algorithm selected for parallel migration"),),
        Text("Without a method, --compressed falls back to xbzrle, which parallel migration "
             "cannot use.",
             "不指定方法时，--compressed 默认使用 xbzrle，"
             "而并行迁移不能使用 xbzrle。"),
        Text("Add --comp-methods zlib or --comp-methods zstd.",
             "加上 --comp-methods zlib 或 --comp-methods zstd。"),
        since=v("9.4.0"), phase=_PARAMS,
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsSetCompression "
               "(9.0.0 silently picks xbzrle; the parallel rules came with zlib/zstd in 9.4.0)",
    ),
    # ---- src/qemu/qemu_migration.c:qemuMigrationSrcPerformPeer2Peer ----
    Rule(
        "qemu-tunnelled-migrateuri", _X, _QEMU, 10, ("p2p", "tunnelled"), ("migrateuri",),
        (_m(_UNSUPPORTED_ARG + "migration URI is not supported by tunnelled migration"),),
        Text("In a tunnelled migration QEMU's data goes through the libvirt connection, so "
             "there is no separate hypervisor connection for the URI to describe.",
             "隧道迁移中 QEMU 的数据经由 libvirt 连接传输，"
             "不存在单独的 hypervisor 连接可供这个 URI 描述。"),
        Text("Drop --migrateuri, or drop --tunnelled to use QEMU's own connection.",
             "去掉 --migrateuri，或者去掉 --tunnelled 以使用 QEMU 自己的连接。"),
        since=v("1.2.16"), api=Api.TO_URI3, phase=_P2P,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcPerformPeer2Peer",
    ),
    Rule(
        "qemu-tunnelled-listen-address", _X, _QEMU, 20, ("p2p", "tunnelled"),
        ("listen-address",),
        (_m(_UNSUPPORTED_ARG + "listen address is not supported by tunnelled migration"),),
        Text("A tunnelled migration does not make the destination QEMU listen on the network.",
             "隧道迁移不会让目标主机上的 QEMU 在网络上监听。"),
        Text("Drop --listen-address, or drop --tunnelled.",
             "去掉 --listen-address，或者去掉 --tunnelled。"),
        since=v("1.2.16"), api=Api.TO_URI3, phase=_P2P,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcPerformPeer2Peer",
    ),
    Rule(
        "qemu-tunnelled-disks-port", _X, _QEMU, 30, ("p2p", "tunnelled"), ("disks-port>0",),
        (_m(_UNSUPPORTED_ARG + "disk port address is not supported by tunnelled migration"),),
        Text("A tunnelled migration has no separate disk-copy connection whose port could be "
             "chosen.",
             "隧道迁移没有单独的磁盘复制连接，也就无从选择它的端口。"),
        Text("Drop --disks-port, or drop --tunnelled.",
             "去掉 --disks-port，或者去掉 --tunnelled。"),
        since=v("1.3.3"), api=Api.TO_URI3, phase=_P2P,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcPerformPeer2Peer",
    ),
    # ---- src/qemu/qemu_migration.c:qemuMigrationSrcBegin / BeginPhase (source order) ----
    Rule(
        "qemu-postcopy-resume-needs-postcopy", _R, _QEMU, 1, ("postcopy-resume",),
        ("postcopy",),
        (_m(_UNSUPPORTED_ARG + "resuming failed post-copy migration requires post-copy to "
            "be enabled"),),
        Text("Only a migration that ran in post-copy mode can be resumed, and the resuming "
             "call must say so.",
             "只有以后拷贝模式运行过的迁移才能恢复，而且恢复时的调用也必须表明这一点。"),
        Text("Repeat the original flags, including POSTCOPY, together with POSTCOPY_RESUME.",
             "重复原来的标志（包括 POSTCOPY），并加上 POSTCOPY_RESUME。"),
        since=v("8.5.0"), phase=_GUEST,
        source="src/qemu/qemu_migration.c:qemuMigrationAnyCanResume (from "
               "qemuMigrationSrcBegin's resume branch, or qemuMigrationSrcPerformJob before "
               "the peer-to-peer steps)",
    ),
    Rule(
        "qemu-postcopy-needs-live", _R, _QEMU, 20, ("postcopy",), (),
        (_m(_UNSUPPORTED_ARG + "post-copy migration is not supported with non-live or "
            "paused migration"),),
        Text("Post-copy lets the guest run on the destination before all memory has arrived; "
             "a guest that is paused (--suspend, or not --live) cannot run there early.",
             "后拷贝让虚拟机在全部内存到达之前就在目标主机上运行；处于暂停状态的虚拟机（--suspend，"
             "或者没有 --live）无法提前在那里运行。"),
        Text("Add --live and drop --suspend, or drop --postcopy.",
             "加上 --live 并去掉 --suspend，或者去掉 --postcopy。"),
        since=v("1.3.3"), phase=_BEGIN, any_of=("!live", "suspend"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase, "
               "qemuMigrationDstPrepareAny",
    ),
    Rule(
        "qemu-postcopy-tunnelled", _X, _QEMU, 30, ("postcopy",), ("tunnelled",),
        (_m(_UNSUPPORTED_ARG + "post-copy is not supported with tunnelled migration"),),
        Text("Post-copy needs QEMU's return path to request missing pages, which a tunnel "
             "through libvirt does not provide.",
             "后拷贝需要 QEMU 的回传通道（return path）来请求缺失的内存页，"
             "而经由 libvirt 的隧道不提供这一通道。"),
        Text("Drop --tunnelled (use --tls for encryption), or drop --postcopy.",
             "去掉 --tunnelled（需要加密时用 --tls），或者去掉 --postcopy。"),
        since=v("2.5.0"), phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase, "
               "qemuMigrationDstPrepareAny",
    ),
    Rule(
        "qemu-offline-storage", _R, _QEMU, 40, ("offline",), (),
        (_m(_INVALID_OP + "offline migration cannot handle non-shared storage"),),
        Text("An offline migration sends only the definition; no disk is copied.",
             "离线迁移只发送定义，不会复制任何磁盘。"),
        Text("Copy the disk images yourself and drop --copy-storage-*, or migrate live.",
             "自行复制磁盘镜像并去掉 --copy-storage-*，或者改用热迁移。"),
        phase=_BEGIN, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase, "
               "qemuMigrationDstPrepareAny (wording verified in 9.0.0 and 11.3.0)",
    ),
    Rule(
        "qemu-offline-needs-persistent", _R, _QEMU, 50, ("offline",), ("persistent",),
        (_m(_INVALID_OP + "offline migration must be specified with the persistent flag "
            "set"),),
        Text("An offline migration only moves the definition; unless it is stored persistently "
             "the destination would have nothing afterwards.",
             "离线迁移只迁移定义；如果不持久化保存，迁移结束后目标主机上什么也没有。"),
        Text("Add --persistent (VIR_MIGRATE_PERSIST_DEST).",
             "加上 --persistent（VIR_MIGRATE_PERSIST_DEST）。"),
        phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase, "
               "qemuMigrationDstPrepareAny (wording verified in 9.0.0 and 11.3.0)",
    ),
    Rule(
        "qemu-offline-tunnelled", _X, _QEMU, 60, ("offline",), ("tunnelled",),
        (_m(_INVALID_OP + "tunnelled offline migration does not make sense"),),
        Text("An offline migration sends no data stream that a tunnel could carry.",
             "离线迁移不发送任何数据流，隧道无物可传。"),
        Text("Drop --tunnelled.",
             "去掉 --tunnelled。"),
        phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase, "
               "qemuMigrationDstPrepareAny (wording verified in 9.0.0 and 11.3.0)",
    ),
    Rule(
        "qemu-zerocopy-needs-parallel", _R, _QEMU, 70, ("zerocopy",), ("parallel",),
        (_m(_INVALID_OP + "zero-copy is only available for parallel migration"),),
        Text("QEMU implements zero-copy sending only for multifd channels.",
             "QEMU 只在 multifd 通道上实现了零拷贝发送。"),
        Text("Add --parallel, or drop --zerocopy.",
             "加上 --parallel，或者去掉 --zerocopy。"),
        since=v("8.5.0"), phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase",
    ),
    Rule(
        "qemu-storage-tunnelled", _R, _QEMU, 80, ("tunnelled",), (),
        (_m(_NOT_SUPPORTED + "migration of non-shared storage is not supported with "
            "tunnelled migration and this QEMU"),),
        Text("Disks are copied over a separate NBD connection from QEMU, which a tunnelled "
             "migration does not have.",
             "磁盘通过 QEMU 发起的单独 NBD 连接复制，而隧道迁移没有这样的连接。"),
        Text("Drop --tunnelled (use --tls for encryption), or copy the disks another way.",
             "去掉 --tunnelled（需要加密时用 --tls），或者用其他方式复制磁盘。"),
        since=v("10.0.0"), phase=_BEGIN, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase (11.3.0 returns the "
               "error; 9.0.0 does not)" + _INFERRED_10,
    ),
    Rule(
        "qemu-storage-tunnelled-old", _R, _QEMU, 80, ("tunnelled",), (),
        (_m(_NOT_SUPPORTED + "migration of non-shared storage is not supported with "
            "tunnelled migration and this QEMU"),),
        Text("Disks are copied over a separate NBD connection from QEMU, which a tunnelled "
             "migration does not have.",
             "磁盘通过 QEMU 发起的单独 NBD 连接复制，而隧道迁移没有这样的连接。"),
        Text("Drop --tunnelled (use --tls for encryption), or copy the disks another way.",
             "去掉 --tunnelled（需要加密时用 --tls），或者用其他方式复制磁盘。"),
        since=v("6.10.0"), until=v("9.0.0"), phase=_BEGIN, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase (older copies return "
               "the error for a -blockdev QEMU; the exact release that lost the return before "
               "9.0.0 is not determined: 9.0.0 assumed)",
    ),
    Rule(
        "qemu-migrate-disks-needs-storage", _R1, _QEMU, 90, ("migrate-disks",), _STORAGE,
        (_m(_NOT_SUPPORTED + "use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS' requires use of "
            "'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' flag"),),
        Text("migrate_disks picks which disks a storage copy includes; without a storage "
             "copy flag no disk is copied.",
             "migrate_disks 用来挑选存储复制包含哪些磁盘；没有存储复制标志，"
             "就不会复制任何磁盘。"),
        Text("Add NON_SHARED_DISK or NON_SHARED_INC, or drop migrate_disks.",
             "加上 NON_SHARED_DISK 或 NON_SHARED_INC，或者去掉 migrate_disks。"),
        since=v("10.0.0"), phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase (absent in 9.0.0, "
               "present in 11.3.0)" + _INFERRED_10,
    ),
    Rule(
        "qemu-detect-zeroes-needs-storage", _R1, _QEMU, 91, ("migrate-disks-detect-zeroes",),
        _STORAGE,
        (_m(_NOT_SUPPORTED + "use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' "
            "requires use of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' "
            "flag"),),
        Text("Zero detection is a property of the disk copy, which needs a storage copy flag.",
             "全零检测是磁盘复制的一个特性，而磁盘复制需要存储复制标志。"),
        Text("Add NON_SHARED_DISK or NON_SHARED_INC, or drop migrate_disks_detect_zeroes.",
             "加上 NON_SHARED_DISK 或 NON_SHARED_INC，或者去掉 migrate_disks_detect_zeroes。"),
        since=v("10.9.0"), phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase",
    ),
    Rule(
        "qemu-target-zero-needs-storage", _R1, _QEMU, 92, ("migrate-disks-target-zero",),
        _STORAGE,
        (_m(_NOT_SUPPORTED + "use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' requires "
            "use of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' flag"),),
        Text("Declaring destination images as already zeroed only matters for a disk copy.",
             "声明目标端镜像已全部为零，只对磁盘复制有意义。"),
        Text("Add NON_SHARED_DISK or NON_SHARED_INC, or drop migrate_disks_target_zero.",
             "加上 NON_SHARED_DISK 或 NON_SHARED_INC，或者去掉 migrate_disks_target_zero。"),
        since=v("12.2.0"), phase=_BEGIN,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase (12.x; text from the "
               "12.9.0 driver binary; the 'Operation not supported' code is inferred from the "
               "two sibling checks)",
    ),
    # ---- src/qemu/qemu_migration.c:qemuMigrationSrcPerformNative ----
    Rule(
        "qemu-tls-unix-needs-destination", _R1, _QEMU, 10, ("tls", "migrateuri^unix:"),
        ("tls-destination", "postcopy-resume"),
        (_m(_NOT_SUPPORTED + "Explicit destination hostname is required for TLS migration "
            "over UNIX socket"),),
        Text("TLS checks the destination's certificate against a host name, and a UNIX "
             "socket path has none.",
             "TLS 要按主机名校验目标主机的证书，而 UNIX 套接字路径没有主机名。"),
        Text("Add --tls-destination with the name in the destination's certificate.",
             "加上 --tls-destination，并给出目标主机证书中的名称。"),
        since=v("6.8.0"), phase=_PERFORM,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcPerformNative",
    ),
)

_ADVICE_RULES: tuple[Rule, ...] = (
    # Nothing refuses these, but something is lost or easily misunderstood.
    Rule(
        "advice-undefine-without-persist", _W, _ADVICE, 10, ("undefinesource",),
        ("persistent",), (),
        Text("The source forgets the definition and the destination keeps the guest only as a "
             "transient domain, so after the guest stops it is defined nowhere.",
             "源主机删除了定义，而目标主机只把虚拟机作为临时域保留，因此虚拟机停止后，哪台主机上都没有它的定义。"),
        Text("Add --persistent so the destination keeps a definition.",
             "加上 --persistent，让目标主机保存一份定义。"),
    ),
    Rule(
        # not for a value made only of unknown bits: nothing says it is a migration at all
        "advice-not-live", _W, _ADVICE, 20,
        ("!live", "!offline", "!postcopy-resume", "!flags:only-unknown"), (), (),
        Text("Without --live the guest is paused for the whole transfer of its memory (and of "
             "its disks, when they are copied): the downtime is the full copy time.",
             "不带 --live 时，虚拟机在传输内存（以及需要复制时的磁盘）的整个过程中都处于暂停状态："
             "停机时间就是全部复制时间。"),
        Text("Add --live to keep the guest running while memory is copied.",
             "加上 --live，让虚拟机在复制内存期间继续运行。"),
    ),
    Rule(
        "advice-postcopy-paused-guest", _W, _ADVICE, 30, ("postcopy", "live", "!suspend"), (),
        (),
        Text("If the guest happens to be paused on the source, libvirt adds "
             "VIR_MIGRATE_PAUSED by itself and the QEMU driver then refuses post-copy "
             "('post-copy migration is not supported with non-live or paused migration').",
             "如果虚拟机在源主机上恰好处于暂停状态，libvirt 会自动加上 VIR_MIGRATE_PAUSED，"
             "随后 QEMU 驱动会拒绝后拷贝（'post-copy migration is not supported "
             "with non-live or paused migration'）。"),
        Text("Make sure the guest is running (virsh resume) before a post-copy migration.",
             "进行后拷贝迁移之前，先确认虚拟机正在运行（virsh resume）。"),
    ),
    Rule(
        "advice-unsafe", _W, _ADVICE, 40, ("unsafe",), (), (),
        Text("--unsafe silences the QEMU driver's check that every writable disk is either "
             "on shared storage, copied, or opened with cache mode none/directsync. If that "
             "is not really so, the guest's disks can be corrupted after the switchover.",
             "--unsafe 会关闭 QEMU 驱动的一项检查：每个可写磁盘要么位于共享存储上，"
             "要么会被复制，要么以 none/directsync 缓存模式打开。"
             "如果实际并非如此，切换之后虚拟机的磁盘可能会损坏。"),
        Text("Drop --unsafe unless you know the storage stays coherent between the hosts "
             "(for example a cluster filesystem libvirt does not recognise).",
             "除非确知两台主机之间的存储保持一致（例如 libvirt 识别不了的集群文件系统），"
             "否则请去掉 --unsafe。"),
    ),
    Rule(
        "advice-postcopy-resume", _W, _ADVICE, 50, ("postcopy-resume",), (), (),
        Text("POSTCOPY_RESUME only recovers a migration of this guest that already failed "
             "during post-copy; for any other migration the QEMU driver refuses it (the "
             "migration 'is not in post-copy phase' or 'has not failed').",
             "POSTCOPY_RESUME 只能恢复该虚拟机在后拷贝阶段已经失败的那次迁移；"
             "对其他任何迁移，QEMU 驱动都会拒绝（迁移 'is not in post-copy phase' "
             "或 'has not failed'）。"),
        Text("For a new migration drop --postcopy-resume.",
             "发起新的迁移时，去掉 --postcopy-resume。"),
    ),
    Rule(
        "advice-rdma-pin-all-without-rdma", _W, _ADVICE, 60, ("rdma-pin-all",),
        ("migrateuri^rdma:",), (),
        Text("Pinning all guest memory only has an effect on an RDMA transport, chosen with an "
             "rdma:// --migrateuri; libvirt does not check the URI for you.",
             "锁定虚拟机全部内存只对 RDMA 传输有效，而 RDMA 传输要通过 rdma:// 形式的"
             " --migrateuri 选择；libvirt 不会替你检查 URI。"),
        Text("Add --migrateuri rdma://HOST:PORT, or drop --rdma-pin-all.",
             "加上 --migrateuri rdma://HOST:PORT，或者去掉 --rdma-pin-all。"),
    ),
    Rule(
        "advice-compressed-default-xbzrle", _W, _ADVICE, 70, ("compressed", "!parallel"),
        (_COMP,), (),
        Text("--compressed without --comp-methods means xbzrle, which only compresses pages "
             "that are sent again after the guest changed them; the first pass over memory is "
             "not compressed at all.",
             "只有 --compressed 而没有 --comp-methods 时使用 xbzrle，"
             "它只压缩虚拟机修改后需要重新发送的页面；第一轮内存传输完全不压缩。"),
        Text("Add --comp-methods mt (or, with --parallel, zlib or zstd) for real compression.",
             "要真正压缩，请加上 --comp-methods mt（使用 --parallel 时则用 zlib 或 zstd）。"),
        since=v("1.3.4"),
    ),
)

# Rules that need facts about the guest (--state, --domain-xml): named tests on `guest` and on
# --migrate-disks (check.py). Without those facts they are reported as not checked.
_GUEST_ONLY = ("!offline", "!postcopy-resume")  # the checks qemuMigrationSrcBegin skips
_SAFETY = (*_GUEST_ONLY, "!unsafe")  # qemuMigrationSrcIsSafe is skipped by these too
_SAFETY_ORDER = 20  # one loop over the disks: the two safety rules sort by disk position
_GUEST_RULES: tuple[Rule, ...] = (
    Rule(
        "qemu-domain-not-running", _R, _QEMU, 10, (*_GUEST_ONLY, "guest:state(shutoff)"), (),
        (_m(_INVALID_OP + "domain is not running"),),
        Text("Only a running or paused guest can be migrated live; a shut-off guest has no "
             "memory to send. This is checked before any flag.",
             "只有正在运行或已暂停的虚拟机才能热迁移；已关机的虚拟机没有内存可发送。"
             "这项检查先于任何标志检查。"),
        Text("Start the guest first, or move only its definition with --offline --persistent.",
             "先启动虚拟机，或者用 --offline --persistent 只迁移它的定义。"),
        phase=_GUEST,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBegin, qemuMigrationSrcPerformJob "
               "(virDomainObjCheckActive)",
    ),
    # qemuMigrationSrcIsAllowed, between the state check and the storage check; only the
    # checks a domain XML can decide (not snapshots, block jobs or QEMU's own blockers).
    Rule(
        "qemu-shmem-not-master", _R, _QEMU, 15, (*_GUEST_ONLY, "guest:shmem-not-master"), (),
        (_m(_INVALID_OP + "shmem device '{item}' cannot be migrated, only shmem with "
            "role='master' can be migrated"),),
        Text("Only the master side of a shared-memory device takes its contents along; a "
             "peer (the default role) would leave the memory behind.",
             "共享内存设备只有 master 一方会带走其内容；peer（默认角色）会把内存留在原地。"),
        Text("Set role='master' on the <shmem> device if this guest owns the memory, or "
             "detach it before migrating.",
             "如果由该虚拟机持有这块内存，就在 <shmem> 设备上设置 role='master'；"
             "否则迁移前先把它卸下。"),
        phase=_GUEST, qemu_until=v("6.0.0"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcIsAllowed (shmem role); reached only "
               "when QEMU cannot list migration blockers (query-migrate blocked-reasons, QEMU "
               "6.0, inferred): a newer QEMU's own blocker answers first (qemu-shmem-blocked); "
               "not run",
    ),
    Rule(
        "qemu-shmem-blocked", _R, _QEMU, 14, (*_GUEST_ONLY, "guest:shmem-not-master"), (),
        (_m(_INVALID_OP + "cannot migrate domain: Migration is disabled when using feature "
            "'peer mode' in device 'ivshmem'"),),
        Text("A shared-memory device that is not the master runs in QEMU's peer mode, which "
             "blocks migration; libvirt asks QEMU for its migration blockers and passes the "
             "answer on.",
             "不是 master 的共享内存设备在 QEMU 中以 peer 模式运行，而该模式会阻止迁移；libvirt "
             "向 QEMU 查询迁移阻碍并转述其回答。"),
        Text("Set role='master' on the <shmem> device if this guest owns the memory, or "
             "detach it before migrating.",
             "如果由该虚拟机持有这块内存，就在 <shmem> 设备上设置 role='master'；"
             "否则迁移前先把它卸下。"),
        since=v("9.0.0"), phase=_GUEST, qemu_since=v("6.0.0"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcIsAllowed (qemuDomainGetMigrationBlockers, "
               "before libvirt's own device checks); run on libvirt 9.0.0 with QEMU 7.2 and "
               "12.9.0 with QEMU 10 for a <shmem> without a role and with role='peer'; the first "
               "libvirt release that asks QEMU is not determined (9.0.0 assumed)",
    ),
    Rule(
        "qemu-transient-disk", _R, _QEMU, 16, (*_GUEST_ONLY, "guest:transient-disk"), (),
        (_m(_INVALID_OP + "migration with transient disk is not supported"),),
        Text("A transient disk writes to a throw-away overlay on the source host that the "
             "destination cannot take over.",
             "临时磁盘把写入保存在源主机上一个用完即弃的覆盖层里，目标主机无法接管它。"),
        Text("Remove <transient/> from the disk, or shut the guest down and migrate it "
             "offline.",
             "去掉磁盘上的 <transient/>，或者关闭虚拟机后离线迁移。"),
        phase=_GUEST,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcIsAllowed (disk->transient)",
    ),
    Rule(
        "qemu-unsafe-storage", _R, _QEMU, _SAFETY_ORDER, (*_SAFETY, "guest:unsafe-storage"),
        (),
        (_m(_UNSAFE + "Migration without shared storage is unsafe"),),
        Text("A writable disk on local storage would be used by both hosts without being "
             "copied. migflags takes a file disk to be on a local file system; libvirt asks the "
             "host, and a file on NFS, GFS2, OCFS2, CephFS and the like counts as shared.",
             "一个位于本地存储上的可写磁盘既不复制又会被两台主机同时使用。migflags 把文件磁盘"
             "视为位于本地文件系统上；libvirt 则会询问主机，NFS、GFS2、OCFS2、CephFS 等上的文件"
             "算作共享存储。"),
        Text("Add --copy-storage-all (or --copy-storage-inc), put the disk on shared storage, "
             "or add --unsafe if you know the storage is shared.",
             "加上 --copy-storage-all（或 --copy-storage-inc），把磁盘放到共享存储上；"
             "如果确知存储是共享的，就加上 --unsafe。"),
        phase=_GUEST,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcIsSafe (from qemuMigrationSrcBeginPhase "
               "and qemuMigrationSrcPerformJob)",
    ),
    Rule(
        "qemu-unsafe-cache", _R, _QEMU, _SAFETY_ORDER, (*_SAFETY, "guest:unsafe-cache"), (),
        (_m(_UNSAFE + "Migration may lead to data corruption if disks use cache other than "
            "none or directsync"),),
        Text("Pages of a shared disk cached by the source host could be stale on the "
             "destination. A QEMU that can drop the page cache after migration (libvirt's "
             "QEMU_CAPS_MIGRATION_FILE_DROP_CACHE) makes any cache mode safe, and every QEMU "
             "that libvirt 8.1.0 and later accept has it.",
             "源主机缓存的共享磁盘页面在目标主机上可能已经过时。能在迁移后丢弃页面缓存的 QEMU"
             "（libvirt 的 QEMU_CAPS_MIGRATION_FILE_DROP_CACHE）让任何缓存模式都变得安全，"
             "而 libvirt 8.1.0 及以后接受的 QEMU 都具备这一能力。"),
        Text("Use cache='none' or cache='directsync' for the disk, or upgrade QEMU.",
             "把该磁盘的缓存模式改为 cache='none' 或 cache='directsync'，或者升级 QEMU。"),
        until=v("8.1.0"), phase=_GUEST, qemu_until=v("4.0.0"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcIsSafe; QEMU_CAPS_MIGRATION_FILE_"
               "DROP_CACHE is probed as blockdev-add/+file/drop-cache (QEMU 4.0, inferred); "
               "until inferred: libvirt 8.1.0 requires QEMU 4.2; not run",
    ),
    Rule(
        "qemu-postcopy-resume-not-migrating", _R, _QEMU, 2,
        ("postcopy-resume", "postcopy", "guest:state(running,shutoff)"), (),
        (_m(_INVALID_OP + "domain '{item}' is not being migrated"),),
        Text("Resuming recovers a post-copy migration of this guest that failed; a guest that "
             "runs normally or is shut off has no such migration.",
             "恢复操作用于挽救该虚拟机一次失败的后拷贝迁移；正常运行或已关机的虚拟机并没有这样的迁移。"),
        Text("Drop --postcopy-resume to start a new migration.",
             "去掉 --postcopy-resume，发起一次新的迁移。"),
        since=v("8.5.0"), phase=_GUEST,
        source="src/qemu/qemu_migration.c:qemuMigrationAnyCanResume (qemuMigrationJobIsActive)",
    ),
    Rule(
        "qemu-postcopy-paused-guest", _R, _QEMU, 20,
        ("postcopy", "live", "!suspend", "!postcopy-resume", "guest:state(paused)"), (),
        (_m(_UNSUPPORTED_ARG + "post-copy migration is not supported with non-live or "
            "paused migration"),),
        Text("The guest is paused, so libvirt adds VIR_MIGRATE_PAUSED to the flags by itself "
             "(the client library, or the peer-to-peer code in the driver), and a paused guest "
             "cannot run on the destination early as post-copy needs.",
             "虚拟机处于暂停状态，libvirt（客户端库，或驱动中的点对点代码）会自动在标志中加上 "
             "VIR_MIGRATE_PAUSED，而暂停的虚拟机无法像后拷贝要求的那样提前在目标主机上运行。"),
        Text("Resume the guest (virsh resume) before a post-copy migration, or drop --postcopy.",
             "进行后拷贝迁移之前先恢复虚拟机运行（virsh resume），或者去掉 --postcopy。"),
        since=v("1.3.3"), phase=_BEGIN,
        source="src/libvirt-domain.c:virDomainMigrateVersion3Full and src/qemu/"
               "qemu_migration.c:qemuMigrationSrcPerformPeer2Peer add VIR_MIGRATE_PAUSED for a "
               "paused guest; qemuMigrationSrcBeginPhase then refuses post-copy",
    ),
    Rule(
        "qemu-disk-target-not-found", _R, _QEMU, 85, ("migrate-disks:not-a-target",), (),
        (_m(_INVALID_ARG + "disk target {item} not found"),),
        Text("--migrate-disks names disks by their target (vda, sdb, ...) and the guest has "
             "no disk with this one.",
             "--migrate-disks 按目标名（vda、sdb 等）指定磁盘，而该虚拟机没有这个目标名的磁盘。"),
        Text("Use the targets that 'virsh domblklist' shows.",
             "使用 'virsh domblklist' 列出的目标名。"),
        since=v("1.2.17"), phase=_BEGIN, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase",
    ),
    Rule(
        "qemu-copy-readonly-disk", _R, _QEMU, 10, ("guest:copy-refused",), (),
        (_m(_NOT_SUPPORTED + "Cannot migrate empty or read-only disk {item}"),),
        Text("A read-only disk or a drive without a medium has nothing to copy; by default "
             "libvirt leaves them out, but --migrate-disks named one.",
             "只读磁盘或没有介质的驱动器没有可复制的内容；libvirt 默认会跳过它们，"
             "但 --migrate-disks 点名要复制其中一个。"),
        Text("Leave read-only and empty disks out of --migrate-disks.",
             "不要把只读磁盘和空驱动器写进 --migrate-disks。"),
        since=v("1.2.17"), phase=_NBD, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c:qemuMigrationDstStartNBDServer (on the destination)",
    ),
    Rule(
        # Unlike bandwidth.postcopy and bandwidth.avail.switchover (qemuMigrationParamsGetTPULL
        # refuses those), `bandwidth` reaches QEMU through the max-bandwidth migration
        # parameter as priv->migMaxBandwidth * 1024 * 1024, with no range check on the way.
        "advice-bandwidth-overflow", _W, _ADVICE, 90, (f"bandwidth>{_MIB_PER_S_MAX}",), (), (),
        Text("Nothing refuses it: the QEMU driver multiplies the MiB/s value by 1 MiB without "
             "a range check, so bytes per second wrap around 64 bits and QEMU gets a much "
             "smaller limit than asked for (libvirt refuses the same overflow in "
             "--postcopy-bandwidth).",
             "没有哪一层会拒绝它：QEMU 驱动把这个 MiB/s 数值乘以 1 MiB 时不做范围检查，"
             "每秒字节数会在 64 位上回绕，QEMU 得到的上限远小于所要求的值"
             "（同样的溢出在 --postcopy-bandwidth 上会被 libvirt 拒绝）。"),
        Text("Give a realistic number of MiB/s, or 0 for no limit set by virsh.",
             "给出一个合理的 MiB/s 数值，或者用 0 表示 virsh 不设上限。"),
        source="src/qemu/qemu_migration.c:qemuMigrationSrcRun "
               "(qemuMigrationParamsSetULL of QEMU_MIGRATION_PARAM_MAX_BANDWIDTH)",
    ),
)

# QEMU's own refusals: the driver passes the request on and QEMU answers a monitor command
# with an error, which libvirt wraps as an internal error.
_QMP_RULES: tuple[Rule, ...] = (
    Rule(
        "qmp-multifd-channels-range", _R, _QMP, 10, ("parallel", "parallel-connections>255"),
        (),
        (_m(_SET_PARAMS + "Parameter 'multifd-channels' expects uint8_t"),),
        Text("libvirt passes the number on unchecked, and QEMU stores the number of multifd "
             "channels in 8 bits; the destination's QEMU refuses it first.",
             "libvirt 不检查就把这个数交给 QEMU，而 QEMU 用 8 位整数保存 multifd 通道数；"
             "目标主机上的 QEMU 会最先拒绝。"),
        Text("Give --parallel-connections a value from 1 to 255.",
             "--parallel-connections 取 1 到 255 之间的值。"),
        since=v("5.2.0"), phase=_NBD,
        source="QEMU qapi/migration.json (multifd-channels: uint8) via "
               "qemuMigrationParamsApply on the destination",
    ),
    Rule(
        "qmp-zerocopy-tls", _R, _QMP, 20, ("zerocopy", "parallel", "tls"), (),
        (_m(_SET_PARAMS + "Zero copy only available for non-compressed non-TLS multifd "
            "migration"),),
        Text("QEMU's zero-copy sending hands guest pages straight to the socket, which TLS "
             "(it must encrypt them first) rules out.",
             "QEMU 的零拷贝发送把虚拟机内存页直接交给套接字，而 TLS 必须先加密它们，因此两者不能并用。"),
        Text("Drop --zerocopy or --tls.",
             "去掉 --zerocopy 或 --tls。"),
        since=v("8.5.0"), phase=_PERFORM,
        source="QEMU migration/options.c:migrate_params_check (zero-copy-send, QEMU 7.0+; an "
               "older QEMU has no zero-copy at all), via qemuMigrationParamsApply on the source",
    ),
    Rule(
        "qmp-compress-removed", _R, _QMP, 5, ("compressed", f"{_COMP}=mt"), (),
        (_m(_UNSUPPORTED_ARG + "Migration option 'compress' is not supported by QEMU binary"),),
        Text("QEMU 9.1 removed the multithreaded ('compress') migration compression that the "
             "mt method asks for; libvirt finds the capability missing.",
             "QEMU 9.1 删除了 mt 方法所用的多线程（'compress'）迁移压缩；libvirt 发现该能力不存在。"),
        Text("Use --parallel with --comp-methods zstd or zlib, or xbzrle, instead of mt.",
             "改用 --parallel 配合 --comp-methods zstd 或 zlib，或者用 xbzrle，不要用 mt。"),
        since=v("1.3.4"), phase=_PARAMS, qemu_since=v("9.1.0"),
        source="src/qemu/qemu_migration_params.c:qemuMigrationParamsCheck (capability "
               "missing); QEMU 9.1 removed 'compress'; seen with libvirt 12.9.0 and QEMU 10.0",
    ),
    Rule(
        "qmp-multifd-compress", _R, _QMP, 6, ("parallel", "compressed", f"{_COMP}=mt"), (),
        (_m(_INTERNAL + "unable to execute QEMU command 'migrate-set-capabilities': Multifd is "
            "not compatible with compress"),),
        Text("QEMU's multithreaded compression works on a single migration stream, so QEMU "
             "refuses it together with multifd (libvirt itself refuses the pair from 9.4.0).",
             "QEMU 的多线程压缩只作用于单个迁移流，所以 QEMU 拒绝它与 multifd 同时使用"
             "（libvirt 自 9.4.0 起自己就会拒绝这一组合）。"),
        Text("With --parallel use --comp-methods zlib or zstd (libvirt >= 9.4.0), or drop "
             "--parallel.",
             "使用 --parallel 时改用 --comp-methods zlib 或 zstd（libvirt >= 9.4.0），"
             "或者去掉 --parallel。"),
        since=v("5.2.0"), phase=_NBD, qemu_until=v("9.1.0"),
        source="QEMU migration/options.c:migrate_caps_check; seen with libvirt 9.0.0 and "
               "QEMU 7.2",
    ),
    Rule(
        "qmp-target-zero-unsupported", _R, _QMP, 7, ("migrate-disks-target-zero",), (),
        (_m(_NOT_SUPPORTED + "use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' is not "
            "supported by this QEMU"),),
        Text("Declaring the destination's disks already zeroed needs a QEMU feature that "
             "libvirt probes for; the QEMU on the host lacks it.",
             "声明目标端磁盘已全部为零需要 QEMU 的一项功能，libvirt 会探测它；主机上的 QEMU 没有这项功能。"),
        Text("Drop --migrate-disks-target-zero, or upgrade QEMU.",
             "去掉 --migrate-disks-target-zero，或者升级 QEMU。"),
        since=v("12.2.0"), phase=_BEGIN, any_of=_STORAGE,
        source="src/qemu/qemu_migration.c (12.x, capability check); seen with libvirt 12.9.0 "
               "and QEMU 10.0; the first QEMU that has the feature is not determined, so any "
               "QEMU is taken to lack it",
    ),
)

# Known libvirt defects: combinations the code means to accept but that fail (or crash).
_BUG_RULES: tuple[Rule, ...] = (
    Rule(
        "bug-storage-tunnelled-null-host", RuleKind.BUG, _QEMU, 10, ("tunnelled",), (),
        (_m(_INTERNAL + "argument key 'host' must not have null value"),),
        Text("A defect in this libvirt: the Begin step notes that storage cannot be copied "
             "through a tunnel but does not stop (a missing return), and the migration then "
             "fails while the destination sets up the disk copy.",
             "这是该版本 libvirt 的缺陷：Begin 阶段发现存储无法经隧道复制，却没有停下（少了一个 "
             "return），随后迁移在目标主机准备磁盘复制时失败。"),
        Text("Drop --tunnelled (use --tls for encryption) when copying storage.",
             "复制存储时去掉 --tunnelled（需要加密时用 --tls）。"),
        since=v("9.0.0"), until=v("10.0.0"), phase=_NBD, any_of=_STORAGE,
        source="seen on a real libvirt 9.0.0 daemon (--copy-storage-all and -inc); "
               "src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase reports the tunnel error "
               "without returning; first release not determined (9.0.0 assumed)"
               + _INFERRED_10,
    ),
    Rule(
        "bug-tunnelled-tls-yajl", RuleKind.BUG, _QEMU, 90, ("p2p", "tunnelled", "tls"), (),
        (_m(_INTERNAL + "failed to convert virJSONValue to yajl data"),),
        Text("A defect in this libvirt: a tunnelled peer-to-peer migration with TLS fails "
             "inside libvirt while it talks to the destination.",
             "这是该版本 libvirt 的缺陷：带 TLS 的隧道式点对点迁移会在 libvirt 与目标主机通信时"
             "在 libvirt 内部失败。"),
        Text("A tunnelled migration is already carried by the libvirt connection, which can be "
             "encrypted itself (qemu+tls://): drop --tls, or drop --tunnelled.",
             "隧道迁移本来就经由 libvirt 连接传输，而该连接本身可以加密（qemu+tls://）："
             "去掉 --tls，或者去掉 --tunnelled。"),
        since=v("9.0.0"), until=v("10.1.0"), api=Api.TO_URI3, phase=_P2P,
        source="seen on a real libvirt 9.0.0 daemon; earlier releases not run; until: 10.1.0 "
               "replaced yajl by json-c (the text cannot appear after it)",
    ),
    Rule(
        "bug-tunnelled-tls-crash", RuleKind.BUG, _QEMU, 90, ("p2p", "tunnelled", "tls"), (),
        (_m("Disconnected from {uri} due to I/O error"),),
        Text("A defect in this libvirt: a tunnelled peer-to-peer migration with TLS makes the "
             "source's libvirtd crash; virsh only sees its connection drop.",
             "这是该版本 libvirt 的缺陷：带 TLS 的隧道式点对点迁移会让源主机的 libvirtd 崩溃；"
             "virsh 只看到连接断开。"),
        Text("Drop --tls (encrypt the libvirt connection with qemu+tls:// instead), or drop "
             "--tunnelled; restart the source daemon if it crashed.",
             "去掉 --tls（改用 qemu+tls:// 加密 libvirt 连接），或者去掉 --tunnelled；"
             "如果源主机的守护进程已崩溃，请重启它。"),
        since=v("12.9.0"), api=Api.TO_URI3, phase=_P2P,
        source="seen on a real libvirt 12.9.0 daemon (8 of 8 runs; {uri} is virsh's connection "
               "URI, the source: -c, else qemu:///system); releases between 10.1.0 "
               "and 12.9.0 not run",
    ),
)

# Releases on which the real-QEMU tier (scripts/realqemu/; its recordings are
# tests/data/realqemu-RELEASE.json) ran a case that fires the rule and one that keeps it
# silent, and the real daemons agreed with check (tests/test_verified.py holds this to the
# recordings). Rules missing here were not reached by a real run. Read through Rule.verified.
_RAN_FOR_REAL: dict[str, tuple[str, ...]] = {
    "9.0.0": (
        "qemu-unknown-param",
        "qemu-disks-port-uri",
        "qemu-unix-listen-address",
        "qemu-unix-needs-disks-uri",
        "qemu-postcopy-bandwidth-overflow",
        "qemu-auto-converge-tuning",
        "qemu-parallel-tuning",
        "qemu-compression-unknown-method",
        "qemu-compression-twice",
        "qemu-compression-mt-tuning",
        "qemu-compression-xbzrle-tuning",
        "qemu-tunnelled-migrateuri",
        "qemu-tunnelled-listen-address",
        "qemu-tunnelled-disks-port",
        "qemu-postcopy-resume-needs-postcopy",
        "qemu-postcopy-needs-live",
        "qemu-postcopy-tunnelled",
        "qemu-offline-storage",
        "qemu-offline-needs-persistent",
        "qemu-offline-tunnelled",
        "qemu-zerocopy-needs-parallel",
        "qemu-tls-unix-needs-destination",
        "qemu-domain-not-running",
        "qemu-unsafe-storage",
        "qemu-postcopy-resume-not-migrating",
        "qemu-postcopy-paused-guest",
        "qemu-disk-target-not-found",
        "qemu-copy-readonly-disk",
        "qemu-transient-disk",
        "qemu-shmem-blocked",
        "qmp-multifd-channels-range",
        "qmp-zerocopy-tls",
        "qmp-multifd-compress",
        "bug-storage-tunnelled-null-host",
        "bug-tunnelled-tls-yajl",
    ),
    "12.9.0": (
        "qemu-disks-port-uri",
        "qemu-unix-listen-address",
        "qemu-unix-needs-disks-uri",
        "qemu-postcopy-bandwidth-overflow",
        "qemu-switchover-bandwidth-overflow",
        "qemu-auto-converge-tuning",
        "qemu-parallel-tuning",
        "qemu-compression-unknown",
        "qemu-compression-twice",
        "qemu-compression-not-parallel",
        "qemu-compression-needs-parallel",
        "qemu-compression-only-one",
        "qemu-compression-mt-tuning",
        "qemu-compression-xbzrle-tuning",
        "qemu-compression-zlib-tuning",
        "qemu-compression-zstd-tuning",
        "qemu-compressed-parallel-no-method",
        "qemu-tunnelled-migrateuri",
        "qemu-tunnelled-listen-address",
        "qemu-tunnelled-disks-port",
        "qemu-postcopy-resume-needs-postcopy",
        "qemu-postcopy-needs-live",
        "qemu-postcopy-tunnelled",
        "qemu-offline-storage",
        "qemu-offline-needs-persistent",
        "qemu-offline-tunnelled",
        "qemu-zerocopy-needs-parallel",
        "qemu-storage-tunnelled",
        "qemu-migrate-disks-needs-storage",
        "qemu-detect-zeroes-needs-storage",
        "qemu-target-zero-needs-storage",
        "qemu-tls-unix-needs-destination",
        "qemu-domain-not-running",
        "qemu-unsafe-storage",
        "qemu-postcopy-resume-not-migrating",
        "qemu-postcopy-paused-guest",
        "qemu-disk-target-not-found",
        "qemu-copy-readonly-disk",
        "qemu-transient-disk",
        "qemu-shmem-blocked",
        "qmp-multifd-channels-range",
        "qmp-zerocopy-tls",
        "qmp-compress-removed",
        "qmp-target-zero-unsupported",
        "bug-tunnelled-tls-crash",
    ),
}

RULES: tuple[Rule, ...] = (_VIRSH_RULES + _LIBVIRT_RULES + _QEMU_RULES + _GUEST_RULES
                           + _QMP_RULES + _BUG_RULES + _ADVICE_RULES)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# Messages that are not rules of their own: the core raises them from the flag and option
# tables (a flag or option newer than the release; bits outside virDomainMigrateFlags).
VIRSH_UNKNOWN_OPTION = "command 'migrate' doesn't support option {option}"
QEMU_UNKNOWN_FLAGS = "unsupported flags ({bits:#x}) in function {function}"
# The QEMU driver entry point that first sees the flags (virCheckFlags), per API virsh calls.
QEMU_FIRST_ENTRY: dict[Api, str] = {
    Api.TO_URI3: "qemuDomainMigratePerform3Params",
    Api.MIGRATE3: "qemuDomainMigrateBegin3Params",
}
