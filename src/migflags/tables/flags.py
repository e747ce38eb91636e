"""The flag table: every bit of libvirt's `virDomainMigrateFlags`, in bit order.

This module is the only place in migflags where a flag's C name or its `virsh migrate`
option is written. Everything else (the IntFlag, parsing, Click options, completion, JSON,
the README table) is derived from `FLAGS`. `tests/test_table.py` pins it to libvirt's own
`libvirt-api.xml`.
"""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING, Any

from migflags.record import NamedTuple
from migflags.text import Text
from migflags.versions import LibvirtVersion, v

C_PREFIX = "VIR_MIGRATE_"
# go-libvirt (digitalocean) spells these words in capitals when it CamelCases a C name.
GO_ACRONYMS = frozenset({"TLS"})


class FlagRow(NamedTuple):
    bit: int
    c_name: str
    option: str  # the virsh migrate option, without the leading dashes
    since: LibvirtVersion
    summary: Text
    explanation: Text
    aliases: tuple[str, ...] = ()  # further spellings virsh accepts for the same option
    to_uri: bool = False  # makes virsh call virDomainMigrateToURI3 instead of virDomainMigrate3

    @property
    def value(self) -> int:
        return 1 << self.bit

    @property
    def hex(self) -> str:
        return hex(self.value)

    @property
    def short(self) -> str:
        return self.c_name.removeprefix(C_PREFIX)

    @property
    def virsh_option(self) -> str:
        return f"--{self.option}"

    @property
    def go_name(self) -> str:
        words = self.short.split("_")
        return "Migrate" + "".join(w if w in GO_ACRONYMS else w.capitalize() for w in words)


FLAGS: tuple[FlagRow, ...] = (
    FlagRow(
        0, "VIR_MIGRATE_LIVE", "live", v("0.3.2"),
        Text("Migrate while the guest keeps running; it pauses only for the final switchover.",
             "在虚拟机持续运行的同时迁移；只在最后切换时短暂暂停。"),
        Text(
            "Memory is copied in rounds while the guest runs, re-sending pages it dirties, and "
            "the vCPUs stop only for the short final hand-over. Without this flag the guest is "
            "paused for the whole transfer, which is simpler and converges for certain, but the "
            "downtime equals the copy time.",
            "虚拟机运行期间，内存分多轮复制，期间被写脏的页面（脏页）会重新发送，"
            "vCPU 只在最后短暂的交接阶段停下。不带此标志时，虚拟机在整个传输过程中都处于暂停状态："
            "这样更简单，也一定能收敛，但停机时间就等于复制所需的全部时间。"
        ),
    ),
    FlagRow(
        1, "VIR_MIGRATE_PEER2PEER", "p2p", v("0.7.2"),
        Text("The source daemon talks to the destination daemon and runs the migration itself.",
             "由源端守护进程直接连接目标端守护进程，自己完成迁移（点对点）。"),
        Text(
            "Instead of the client (virsh, nova, ...) driving each step on both hosts, the "
            "source libvirtd opens its own connection to the destination URI and manages the "
            "whole job. The client then only needs a connection to the source. Needed for "
            "TUNNELLED; virsh also switches to virDomainMigrateToURI3 when it sees --p2p.",
            "迁移不再由客户端（virsh、nova 等）在两台主机上逐步驱动，"
            "而是由源端 libvirtd 自己建立到目标 URI 的连接并管理整个迁移任务，"
            "客户端只需要连接源主机即可。TUNNELLED 依赖此标志；"
            "virsh 看到 --p2p 时还会改为调用 virDomainMigrateToURI3。"
        ),
        to_uri=True,
    ),
    FlagRow(
        2, "VIR_MIGRATE_TUNNELLED", "tunnelled", v("0.7.2"),
        Text("Send the migration stream through the libvirtd connection instead of a QEMU socket.",
             "迁移数据流经 libvirtd 之间的连接传输（隧道），而不是走 QEMU 自己的套接字。"),
        Text(
            "The hypervisor's data is carried inside the libvirt RPC connection between the two "
            "daemons, so only the libvirt port must be reachable and the stream inherits that "
            "connection's encryption. It costs throughput and rules out parallel connections, "
            "post-copy and (with QEMU) disk copying; it requires PEER2PEER.",
            "hypervisor 的迁移数据封装在两个守护进程之间的 libvirt RPC 连接里传输，"
            "因此只需开放 libvirt 的端口，数据流也沿用这条连接的加密。"
            "代价是吞吐量下降，而且不能使用并行连接、后拷贝，以及（对 QEMU 而言）磁盘复制；"
            "它要求同时设置 PEER2PEER。"
        ),
        aliases=("tunneled",),
    ),
    FlagRow(
        3, "VIR_MIGRATE_PERSIST_DEST", "persistent", v("0.7.3"),
        Text("Define the guest persistently on the destination once the migration succeeds.",
             "迁移成功后，在目标主机上持久化定义该虚拟机。"),
        Text(
            "Without it the guest arrives as a transient domain that vanishes from the "
            "destination when it shuts down. With it the destination stores a definition (or the "
            "persistent_xml parameter, when given). OFFLINE migration requires this flag.",
            "不带此标志时，虚拟机到达目标主机后只是一个临时（transient）域，"
            "一旦关机就会从目标主机上消失。带上它，目标主机会保存一份定义（如果给了 persistent_xml "
            "参数，就保存该参数中的定义）。离线迁移（OFFLINE）必须带此标志。"
        ),
    ),
    FlagRow(
        4, "VIR_MIGRATE_UNDEFINE_SOURCE", "undefinesource", v("0.7.3"),
        Text("Delete the guest's persistent definition on the source after success.",
             "迁移成功后，删除源主机上该虚拟机的持久化定义。"),
        Text(
            "After a successful migration the source host forgets the domain's configuration, "
            "so it cannot be started there again by accident. Pair it with PERSIST_DEST, or the "
            "definition exists on neither host afterwards.",
            "迁移成功后，源主机不再保留该域的配置，这样就不会在源端被误启动。"
            "应与 PERSIST_DEST 搭配使用，否则迁移完成后两台主机上都不再有它的定义。"
        ),
    ),
    FlagRow(
        5, "VIR_MIGRATE_PAUSED", "suspend", v("0.7.5"),
        Text("Leave the guest paused on the destination; something must resume it later.",
             "虚拟机到达目标主机后保持暂停，之后需要有人另行恢复运行。"),
        Text(
            "The guest finishes the migration with its vCPUs stopped and waits for an explicit "
            "resume. libvirt also sets this by itself when the guest was already paused on the "
            "source, which is why post-copy fails for paused guests.",
            "迁移结束时虚拟机的 vCPU 处于停止状态，等待显式的恢复（resume）操作。"
            "如果虚拟机在源端本来就是暂停的，libvirt 也会自动加上此标志，"
            "这正是暂停状态的虚拟机无法进行后拷贝迁移的原因。"
        ),
    ),
    FlagRow(
        6, "VIR_MIGRATE_NON_SHARED_DISK", "copy-storage-all", v("0.8.2"),
        Text("Copy whole disk images to the destination (storage that is not shared).",
             "把完整的磁盘镜像复制到目标主机（用于非共享存储）。"),
        Text(
            "For guests whose disks live on local storage: libvirt mirrors every writable, "
            "non-shared disk (or the ones listed in migrate_disks) to the destination, which "
            "must already have images of the right size. Slow for big disks; cannot be "
            "combined with NON_SHARED_INC.",
            "适用于磁盘放在本地存储上的虚拟机：libvirt 会把每个可写的非共享磁盘（或 migrate_disks "
            "中列出的磁盘）镜像同步到目标主机，目标主机上必须事先准备好大小正确的镜像文件。"
            "磁盘很大时速度很慢；不能与 NON_SHARED_INC 同时使用。"
        ),
    ),
    FlagRow(
        7, "VIR_MIGRATE_NON_SHARED_INC", "copy-storage-inc", v("0.8.2"),
        Text("Copy only the top image of each disk; the backing images already exist there.",
             "增量复制：只复制每个磁盘最上层的镜像，后备（backing）镜像在目标主机上已经存在。"),
        Text(
            "Like NON_SHARED_DISK, but only the topmost layer of each backing chain is copied. "
            "The base images must already be present, identical, on the destination. Cannot be "
            "combined with NON_SHARED_DISK.",
            "与 NON_SHARED_DISK 类似，但只复制每条后备链（backing chain）最上层的那一层。"
            "底层的基础镜像必须已经以完全相同的内容存在于目标主机上。不能与 NON_SHARED_DISK "
            "同时使用。"
        ),
    ),
    FlagRow(
        8, "VIR_MIGRATE_CHANGE_PROTECTION", "change-protection", v("0.9.4"),
        Text("Block configuration changes to the guest while it migrates.",
             "迁移期间禁止修改虚拟机的配置。"),
        Text(
            "Nobody may alter the domain's configuration until the migration ends. libvirt "
            "already does this by itself whenever the hypervisor supports it; asking for it "
            "explicitly only turns 'not supported' into a hard error.",
            "在迁移结束之前，任何人都不能修改该域的配置。只要 hypervisor 支持，"
            "libvirt 本来就会自动这样做；显式要求此标志的唯一作用，"
            "是在 hypervisor 不支持时直接报错，而不是默默继续。"
        ),
    ),
    FlagRow(
        9, "VIR_MIGRATE_UNSAFE", "unsafe", v("0.9.11"),
        Text("Skip libvirt's safety checks on disks and cache modes.",
             "跳过 libvirt 对磁盘和缓存模式的安全检查。"),
        Text(
            "libvirt normally refuses a migration that could corrupt data: disks that are "
            "neither shared nor copied, or disks with a cache mode other than none/directsync. "
            "This flag silences those checks; use it only when you know the storage is coherent.",
            "对于可能损坏数据的迁移，libvirt 通常会拒绝执行：例如既不共享也不复制的磁盘，"
            "或者缓存模式不是 none/directsync 的磁盘。此标志会关闭这些检查；"
            "只有在确认存储数据一致时才应使用。"
        ),
    ),
    FlagRow(
        10, "VIR_MIGRATE_OFFLINE", "offline", v("1.0.1"),
        Text("Move only the definition of a guest; nothing runs and no memory is copied.",
             "离线迁移：只迁移虚拟机的定义，不运行虚拟机，也不复制内存。"),
        Text(
            "The destination receives the domain's configuration and nothing else; the guest "
            "is not started there and is not stopped on the source. The source keeps its "
            "definition unless UNDEFINE_SOURCE is also set: then, once the migration succeeds, "
            "a guest that is not running on the source loses its definition there. It needs "
            "PERSIST_DEST and cannot copy storage, tunnel, or be combined with --live in virsh.",
            "目标主机只接收该域的配置，别的什么都没有；虚拟机不会在目标主机上启动，"
            "在源主机上也不会被停止。源主机保留它的定义，除非同时设置了 UNDEFINE_SOURCE："
            "这时迁移成功后，如果虚拟机在源主机上没有运行，它在源主机上的定义就会被删除。"
            "它需要 PERSIST_DEST，不能复制存储，不能使用隧道，在 virsh 中也不能与 --live 同时使用。"
        ),
    ),
    FlagRow(
        11, "VIR_MIGRATE_COMPRESSED", "compressed", v("1.0.3"),
        Text("Compress the memory stream (the method comes from the compression parameter).",
             "压缩内存数据流（压缩方法由 compression 参数决定）。"),
        Text(
            "Trades CPU for bandwidth. The methods are chosen with the compression parameter "
            "(virsh --comp-methods); without one, QEMU uses xbzrle, which only helps with pages "
            "that are re-sent. Parallel migration needs an explicit zlib or zstd method instead.",
            "用 CPU 换带宽。压缩方法通过 compression 参数（virsh --comp-methods）"
            "选择；不指定时 QEMU 使用 xbzrle，它只对重复发送的页面有效。"
            "并行迁移则必须明确指定 zlib 或 zstd 方法。"
        ),
    ),
    FlagRow(
        12, "VIR_MIGRATE_ABORT_ON_ERROR", "abort-on-error", v("1.1.0"),
        Text("Cancel the migration if a soft error such as a disk I/O error happens meanwhile.",
             "迁移过程中一旦发生软错误（例如磁盘 I/O 错误），就取消迁移。"),
        Text(
            "Without it a guest that hits an I/O error keeps migrating in a paused state. With "
            "it the job is aborted, and a guest already paused by an I/O error cannot start "
            "migrating at all.",
            "不带此标志时，遇到 I/O 错误的虚拟机会在暂停状态下继续迁移。"
            "带上它，迁移任务会被中止；已经因为 I/O 错误而暂停的虚拟机则根本无法开始迁移。"
        ),
    ),
    FlagRow(
        13, "VIR_MIGRATE_AUTO_CONVERGE", "auto-converge", v("1.2.3"),
        Text("Slow the guest's vCPUs down when memory changes faster than it can be copied.",
             "内存变化比复制还快时，降低虚拟机 vCPU 的运行速度（自动收敛）。"),
        Text(
            "QEMU throttles the guest progressively so that a busy guest cannot dirty memory "
            "faster than the link sends it and the migration can finish. Tuned with the "
            "auto_converge.initial and auto_converge.increment parameters.",
            "QEMU 会逐步限制虚拟机的 CPU 时间，让繁忙的虚拟机产生脏页的速度不超过链路的发送速度，"
            "从而使迁移能够完成。可以用 auto_converge.initial 和 auto_converge.increment "
            "参数调节。"
        ),
    ),
    FlagRow(
        14, "VIR_MIGRATE_RDMA_PIN_ALL", "rdma-pin-all", v("1.2.9"),
        Text("With RDMA transport, lock all guest memory in host RAM before starting.",
             "使用 RDMA 传输时，在开始前把虚拟机的全部内存锁定在主机内存中。"),
        Text(
            "Only meaningful for rdma:// migration URIs: all guest pages are registered (pinned) "
            "up front instead of on demand, which speeds the transfer but needs enough lockable "
            "host memory. libvirt does not check the URI scheme for you.",
            "只对 rdma:// 迁移 URI 有意义：所有虚拟机内存页在开始时一次性注册（锁定），"
            "而不是按需注册，这样传输更快，但主机必须有足够的可锁定内存。"
            "libvirt 不会替你检查 URI 的协议。"
        ),
    ),
    FlagRow(
        15, "VIR_MIGRATE_POSTCOPY", "postcopy", v("1.3.3"),
        Text("Allow switching to post-copy, where the guest runs on the destination early.",
             "允许切换到后拷贝模式，让虚拟机提前在目标主机上运行。"),
        Text(
            "The migration starts as usual (pre-copy); once switched (virsh "
            "--postcopy-after-precopy or --timeout-postcopy, or virDomainMigrateStartPostCopy) the "
            "guest runs on the destination and fetches missing pages on demand. That always "
            "converges, but if the network fails during post-copy the guest is lost until "
            "POSTCOPY_RESUME recovers it. Needs a live, non-tunnelled migration.",
            "迁移先照常以预拷贝（pre-copy）方式进行；一旦切换（virsh 的 --postcopy-after-precopy "
            "或 --timeout-postcopy，或调用 virDomainMigrateStartPostCopy），"
            "虚拟机就改在目标主机上运行，缺少的内存页按需从源主机获取。这种方式一定能收敛，"
            "但如果在后拷贝阶段网络中断，虚拟机就无法继续运行，直到用 POSTCOPY_RESUME 恢复为止。"
            "要求是热迁移，且不使用隧道。"
        ),
    ),
    FlagRow(
        16, "VIR_MIGRATE_TLS", "tls", v("3.2.0"),
        Text("Encrypt QEMU's migration connections with the hosts' TLS certificates.",
             "用主机的 TLS 证书加密 QEMU 的迁移连接。"),
        Text(
            "The hypervisor's own data connections use TLS, with the certificates configured "
            "in qemu.conf (migrate_tls_x509_cert_dir). The tls.destination parameter overrides "
            "the host name checked in the destination's certificate.",
            "hypervisor 自己的数据连接使用 TLS，证书在 qemu.conf 中配置（migrate_tls_x509_cert_dir）。"
            "tls.destination 参数可以改变校验目标主机证书时所用的主机名。"
        ),
    ),
    FlagRow(
        17, "VIR_MIGRATE_PARALLEL", "parallel", v("5.2.0"),
        Text("Send memory over several connections at once (QEMU multifd).",
             "通过多个连接同时发送内存（并行迁移，即 QEMU multifd）。"),
        Text(
            "Spreads the memory stream across parallel.connections sockets, which helps on fast "
            "links where one stream is CPU bound. Not possible when tunnelled; needed for "
            "ZEROCOPY and for zlib or zstd compression.",
            "把内存数据流分散到 parallel.connections 个套接字上，"
            "适合高速链路上单个数据流受限于 CPU 的情况。使用隧道时不可用；"
            "ZEROCOPY 以及 zlib、zstd 压缩都需要它。"
        ),
    ),
    FlagRow(
        18, "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES", "copy-storage-synchronous-writes",
        v("8.0.0"),
        Text("While copying disks, make guest writes reach the destination before completing.",
             "复制磁盘期间，虚拟机的写操作要先写到目标主机才算完成。"),
        Text(
            "Guest disk writes are mirrored synchronously, so a guest that writes heavily cannot "
            "stop the disk copy from converging; the price is write latency. Requires "
            "NON_SHARED_DISK or NON_SHARED_INC.",
            "虚拟机的磁盘写入以同步方式镜像，因此即使虚拟机大量写盘，磁盘复制也能收敛；"
            "代价是写延迟增加。要求同时设置 NON_SHARED_DISK 或 NON_SHARED_INC。"
        ),
    ),
    FlagRow(
        19, "VIR_MIGRATE_POSTCOPY_RESUME", "postcopy-resume", v("8.5.0"),
        Text("Recover a migration that failed after it had switched to post-copy.",
             "恢复在切换到后拷贝之后失败的迁移。"),
        Text(
            "Repeat the original migration call with this flag added to reconnect the two "
            "halves of a guest whose post-copy phase broke. Requires POSTCOPY and only works on "
            "a migration that failed in post-copy.",
            "在原来的迁移调用上加上此标志再执行一次，即可把后拷贝阶段中断、"
            "分处两台主机上的虚拟机重新连接起来。要求 POSTCOPY，"
            "而且只对在后拷贝阶段失败的迁移有效。"
        ),
    ),
    FlagRow(
        20, "VIR_MIGRATE_ZEROCOPY", "zerocopy", v("8.5.0"),
        Text("Send memory pages without copying them in the host (needs PARALLEL).",
             "发送内存页时不在主机内复制数据（零拷贝，需要 PARALLEL）。"),
        Text(
            "QEMU transmits guest pages straight from guest memory, saving host CPU. For that "
            "the pages must be locked in RAM, so libvirt raises the guest's memory-lock limit "
            "during the migration. Only works with PARALLEL.",
            "QEMU 直接从虚拟机内存发送页面，节省主机的 CPU。为此这些页面必须锁定在内存中，"
            "所以 libvirt 会在迁移期间提高该虚拟机的内存锁定上限。"
            "只能与 PARALLEL 一起使用。"
        ),
    ),
)

FLAG_MASK = sum(row.value for row in FLAGS)

# Python 3.11 needs boundary=KEEP to keep unknown bits; 3.10 keeps them anyway.
def _build_enum() -> type[enum.IntFlag]:
    # Built from the table so the member names are never spelled out twice; unknown bits are
    # kept (Python 3.11 needs boundary=KEEP for that, 3.10 keeps them anyway).
    keep = {"boundary": enum.KEEP} if sys.version_info >= (3, 11) else {}  # type: ignore[attr-defined,unused-ignore]
    flag = enum.IntFlag(  # type: ignore[misc]
        "MigrateFlag", [(row.short, row.value) for row in FLAGS], module=__name__, **keep
    )
    flag.__doc__ = "virDomainMigrateFlags as an enum.IntFlag (member names lack VIR_MIGRATE_)."
    return flag


if TYPE_CHECKING:
    MigrateFlag: type[enum.IntFlag]


def __getattr__(name: str) -> Any:
    """`MigrateFlag` is made on first use: the command line never needs it."""
    if name == "MigrateFlag":
        flag = _build_enum()
        globals()["MigrateFlag"] = flag
        return flag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
