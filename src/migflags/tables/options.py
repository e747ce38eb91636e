"""The `virsh migrate` option table: every option virsh knows, besides the flag options.

Flag options (`--live`, `--p2p`, ...) are not repeated here: `OPTIONS` derives their rows from
`flags.FLAGS`. The rows written here are the options that become typed parameters, the ones
only virsh itself acts on, the two positional arguments and `--direct`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from migflags.tables.flags import FLAGS, FlagRow
from migflags.text import Text
from migflags.versions import LibvirtVersion, v


class OptionKind(str, enum.Enum):
    FLAG = "flag"  # sets one virDomainMigrateFlags bit
    PARAM = "param"  # becomes a VIR_MIGRATE_PARAM_* typed parameter
    VIRSH = "virsh"  # handled by virsh itself; never reaches the API as a flag or param
    API = "api"  # selects which API virsh calls (--direct)
    POSITIONAL = "positional"  # the domain and the destination URI


class ValueType(str, enum.Enum):
    BOOL = "bool"
    STRING = "string"
    INT = "int"  # C int: -2147483648 .. 2147483647
    UINT = "uint"  # C unsigned int, parsed by vshCommandOptUInt
    ULLONG = "ullong"  # C unsigned long long
    STRING_LIST = "string-list"  # comma separated; one repeated string param per item
    FILE = "file"  # a local path; virsh sends the file's contents as a string param


@dataclass(frozen=True)
class OptionRow:
    name: str  # without the leading dashes
    kind: OptionKind
    type: ValueType
    since: LibvirtVersion
    summary: Text
    param: str | None = None  # the typed parameter key, e.g. "migrate_uri"
    param_macro: str | None = None  # e.g. "VIR_MIGRATE_PARAM_URI"
    param_since: LibvirtVersion | None = None  # when the API learnt the param (may predate virsh)
    slot_legacy: int | None = None  # positional slot in virsh's old option parser (9.0.0)
    slot: int | None = None  # positional slot in the current parser (12.9.0)
    flag: FlagRow | None = None
    aliases: tuple[str, ...] = ()
    omit_zero: bool = False  # virsh sends no param when the value is 0
    to_uri: bool = False  # makes virsh call virDomainMigrateToURI3 instead of virDomainMigrate3

    @property
    def dashed(self) -> str:
        return f"--{self.name}"

    @property
    def takes_value(self) -> bool:
        return self.type is not ValueType.BOOL

    @property
    def param_type(self) -> str | None:
        """The typed-parameter type virsh sends, as libvirt's debug log spells it."""
        if self.param is None:
            return None
        if self.type in (ValueType.STRING, ValueType.STRING_LIST, ValueType.FILE):
            return "string"
        return str(self.type.value)


def _flag_option(row: FlagRow) -> OptionRow:
    return OptionRow(
        name=row.option,
        kind=OptionKind.FLAG,
        type=ValueType.BOOL,
        since=row.since,
        summary=row.summary,
        flag=row,
        aliases=row.aliases,
        to_uri=row.to_uri,
    )


_S, _I, _U, _L, _F = (
    ValueType.STRING,
    ValueType.INT,
    ValueType.UINT,
    ValueType.ULLONG,
    ValueType.FILE,
)
_LIST = ValueType.STRING_LIST


def _param(
    name: str,
    type_: ValueType,
    since: str,
    key: str,
    macro_suffix: str,
    param_since: str,
    summary: Text,
    *,
    slot_legacy: int | None = None,
    slot: int | None = None,
    omit_zero: bool = False,
) -> OptionRow:
    return OptionRow(
        name=name,
        kind=OptionKind.PARAM,
        type=type_,
        since=v(since),
        summary=summary,
        param=key,
        param_macro="VIR_MIGRATE_PARAM_" + macro_suffix,
        param_since=v(param_since),
        slot_legacy=slot_legacy,
        slot=slot,
        omit_zero=omit_zero,
    )


_OTHER_OPTIONS: tuple[OptionRow, ...] = (
    OptionRow(
        "domain", OptionKind.POSITIONAL, _S, v("0.3.2"),
        Text("The guest to migrate: its name, id or UUID on the source host.",
             "要迁移的虚拟机：它在源主机上的名称、ID 或 UUID。"),
        slot_legacy=1, slot=1,
    ),
    OptionRow(
        "desturi", OptionKind.POSITIONAL, _S, v("0.3.2"),
        Text("libvirt URI of the destination host, e.g. qemu+ssh://dst/system.",
             "目标主机的 libvirt URI，例如 qemu+ssh://dst/system。"),
        slot_legacy=2, slot=2,
    ),
    OptionRow(
        "direct", OptionKind.API, ValueType.BOOL, v("0.7.2"),
        Text("Ask the hypervisor to migrate by itself, without libvirt on the destination.",
             "让 hypervisor 自己完成迁移，目标主机上不需要 libvirt 参与。"),
        to_uri=True,
    ),
    OptionRow(
        "verbose", OptionKind.VIRSH, ValueType.BOOL, v("0.8.8"),
        Text("virsh prints the migration's progress while it waits.",
             "virsh 在等待期间输出迁移进度。"),
    ),
    OptionRow(
        "postcopy-after-precopy", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("virsh switches to post-copy as soon as the first pre-copy pass completes.",
             "第一轮预拷贝一完成，virsh 就切换到后拷贝。"),
    ),
    _param("migrateuri", _S, "0.3.2", "migrate_uri", "URI", "1.1.0",
           Text("Where the hypervisor sends the data, e.g. tcp://10.0.0.2:49152 or unix:///path.",
                "hypervisor 发送迁移数据的地址，例如 tcp://10.0.0.2:49152 或 unix:///path。"),
           slot_legacy=3, slot=3),
    _param("graphicsuri", _S, "1.1.0", "graphics_uri", "GRAPHICS_URI", "1.1.0",
           Text("Where connected SPICE/VNC clients should reconnect after the switchover.",
                "切换完成后，已连接的 SPICE/VNC 客户端应重新连接的地址。"),
           slot_legacy=4, slot=4),
    _param("listen-address", _S, "1.1.4", "listen_address", "LISTEN_ADDRESS", "1.1.4",
           Text("Address the destination QEMU listens on for the incoming migration.",
                "目标主机上的 QEMU 为接收迁移而监听的地址。"),
           slot_legacy=5, slot=5),
    _param("dname", _S, "0.5.0", "destination_name", "DEST_NAME", "1.1.0",
           Text("Rename the guest on the destination.",
                "在目标主机上给虚拟机换一个名称。"),
           slot_legacy=6, slot=6),
    OptionRow(
        "timeout", OptionKind.VIRSH, _U, v("0.8.8"),
        Text("After N seconds virsh suspends the guest (or starts post-copy) to force an end.",
             "N 秒后 virsh 暂停虚拟机（或开始后拷贝），强制迁移结束。"),
        slot_legacy=7, slot=7,
    ),
    OptionRow(
        "timeout-suspend", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("When --timeout expires, pause the guest so the migration can finish.",
             "--timeout 到期时暂停虚拟机，让迁移得以完成。"),
    ),
    OptionRow(
        "timeout-postcopy", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("When --timeout expires, switch the migration to post-copy.",
             "--timeout 到期时把迁移切换到后拷贝。"),
    ),
    _param("xml", _F, "0.9.2", "destination_xml", "DEST_XML", "1.1.0",
           Text("File with the domain XML to use on the destination (its contents are sent).",
                "包含目标主机上所用域 XML 的文件（发送的是文件内容）。"),
           slot_legacy=8, slot=8),
    _param("migrate-disks", _LIST, "1.2.17", "migrate_disks", "MIGRATE_DISKS", "1.2.17",
           Text("Comma-separated disk targets (vda,vdb) to copy when copying storage.",
                "复制存储时要复制的磁盘目标名，以逗号分隔（如 vda,vdb）。"),
           slot_legacy=9, slot=9),
    _param("migrate-disks-detect-zeroes", _LIST, "10.9.0", "migrate_disks_detect_zeroes",
           "MIGRATE_DISKS_DETECT_ZEROES", "10.9.0",
           Text("Disk targets whose zeroed blocks are skipped while copying (sparse copy).",
                "复制时跳过全零数据块的磁盘目标名（稀疏复制）。")),
    _param("migrate-disks-target-zero", _LIST, "12.2.0", "migrate_disks_target_zero",
           "MIGRATE_DISKS_TARGET_ZERO", "12.2.0",
           Text("Disk targets whose destination images are known to be zero-filled already.",
                "目标主机上的镜像已确定全部为零的磁盘目标名。")),
    _param("disks-port", _I, "1.3.3", "disks_port", "DISKS_PORT", "1.3.3",
           Text("TCP port the destination uses for the disk copy (0 lets libvirt choose).",
                "目标主机用于磁盘复制的 TCP 端口（0 表示由 libvirt 选择）。"),
           slot_legacy=10, slot=10, omit_zero=True),
    _param("disks-uri", _S, "6.8.0", "disks_uri", "DISKS_URI", "6.8.0",
           Text("URI for the disk copy stream, e.g. tcp://host:port or unix:///path.",
                "磁盘复制数据流的 URI，例如 tcp://host:port 或 unix:///path。"),
           slot_legacy=11),
    _param("comp-methods", _LIST, "1.3.4", "compression", "COMPRESSION", "1.3.4",
           Text("Comma-separated compression methods: xbzrle, mt, and from 9.4 zlib, zstd.",
                "以逗号分隔的压缩方法：xbzrle、mt，以及从 9.4 起支持的 zlib、zstd。"),
           slot_legacy=12),
    _param("comp-mt-level", _I, "1.3.4", "compression.mt.level", "COMPRESSION_MT_LEVEL",
           "1.3.4", Text("Compression level (0-9) for the mt method.",
                         "mt 方法的压缩级别（0-9）。"), slot_legacy=13),
    _param("comp-mt-threads", _I, "1.3.4", "compression.mt.threads",
           "COMPRESSION_MT_THREADS", "1.3.4",
           Text("Number of compression threads for the mt method.",
                "mt 方法的压缩线程数。"), slot_legacy=14),
    _param("comp-mt-dthreads", _I, "1.3.4", "compression.mt.dthreads",
           "COMPRESSION_MT_DTHREADS", "1.3.4",
           Text("Number of decompression threads on the destination for mt.",
                "mt 方法在目标主机上的解压线程数。"), slot_legacy=15),
    _param("comp-xbzrle-cache", _L, "1.3.4", "compression.xbzrle.cache",
           "COMPRESSION_XBZRLE_CACHE", "1.3.4",
           Text("Size in bytes of the xbzrle page cache.",
                "xbzrle 页面缓存的大小，单位为字节。"), slot_legacy=16),
    _param("comp-zlib-level", _I, "9.4.0", "compression.zlib.level", "COMPRESSION_ZLIB_LEVEL",
           "9.4.0", Text("Compression level (0-9) for the zlib method.",
                         "zlib 方法的压缩级别（0-9）。")),
    _param("comp-zstd-level", _I, "9.4.0", "compression.zstd.level", "COMPRESSION_ZSTD_LEVEL",
           "9.4.0", Text("Compression level (0-20) for the zstd method.",
                         "zstd 方法的压缩级别（0-20）。")),
    _param("auto-converge-initial", _I, "2.0.0", "auto_converge.initial",
           "AUTO_CONVERGE_INITIAL", "2.0.0",
           Text("Percentage the guest is first throttled by under auto-converge.",
                "自动收敛时，第一次限制虚拟机 CPU 的百分比。"),
           slot_legacy=17),
    _param("auto-converge-increment", _I, "2.0.0", "auto_converge.increment",
           "AUTO_CONVERGE_INCREMENT", "2.0.0",
           Text("Percentage added to the throttle each time auto-converge tightens it.",
                "自动收敛每次加大限制时增加的百分比。"),
           slot_legacy=18),
    _param("persistent-xml", _F, "2.5.0", "persistent_xml", "PERSIST_XML", "1.3.4",
           Text("File with the persistent definition to store on the destination.",
                "包含要在目标主机上保存的持久化定义的文件。"),
           slot_legacy=19),
    _param("postcopy-bandwidth", _L, "5.1.0", "bandwidth.postcopy", "BANDWIDTH_POSTCOPY",
           "5.1.0", Text("Bandwidth cap in MiB/s during the post-copy phase.",
                         "后拷贝阶段的带宽上限，单位为 MiB/s。"), slot_legacy=20),
    _param("parallel-connections", _I, "5.2.0", "parallel.connections",
           "PARALLEL_CONNECTIONS", "5.2.0",
           Text("Number of connections used by parallel migration.",
                "并行迁移使用的连接数。"), slot_legacy=21),
    _param("bandwidth", _L, "5.7.0", "bandwidth", "BANDWIDTH", "1.1.0",
           Text("Bandwidth cap in MiB/s for the migration (0: no cap set by virsh).",
                "迁移的带宽上限，单位为 MiB/s（0 表示 virsh 不设上限）。"),
           slot_legacy=22),
    _param("tls-destination", _S, "6.0.0", "tls.destination", "TLS_DESTINATION", "6.0.0",
           Text("Host name expected in the destination's TLS certificate.",
                "目标主机 TLS 证书中应有的主机名。"), slot_legacy=23),
    _param("available-switchover-bandwidth", _L, "11.1.0", "bandwidth.avail.switchover",
           "BANDWIDTH_AVAIL_SWITCHOVER", "11.1.0",
           Text("MiB/s really available for the final switchover, for QEMU's downtime estimate.",
                "最后切换阶段实际可用的带宽（MiB/s），供 QEMU 估算停机时间。")),
)

OPTIONS: tuple[OptionRow, ...] = tuple(_flag_option(f) for f in FLAGS) + _OTHER_OPTIONS
DOMAIN_OPTION, DESTURI_OPTION = (row for row in _OTHER_OPTIONS if row.kind is OptionKind.POSITIONAL)

# virsh's option parser was rewritten: before this release every value option could be filled
# by a bare word (`slot_legacy`); from it on only the `slot` options can.
CURRENT_PARSER_SINCE = v("10.0.0")  # TODO(verify): first release with the rewritten parser

OPTIONS_BY_NAME: dict[str, OptionRow] = {
    spelling: row for row in OPTIONS for spelling in (row.name, *row.aliases)
}
OPTIONS_BY_PARAM: dict[str, OptionRow] = {row.param: row for row in OPTIONS if row.param}
