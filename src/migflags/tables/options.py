"""The `virsh migrate` option table: every option virsh knows, besides the flag options.

Flag options (`--live`, `--p2p`, ...) are not repeated here: `OPTIONS` derives their rows from
`flags.FLAGS`. The rows written here are the options that become typed parameters, the ones
only virsh itself acts on, the two positional arguments and `--direct`.

Besides the rows, this module holds the facts about virsh's own option parser that
`virsh_argv.py` needs: which release changed the parser, the order in which virsh reads the
option values (`VIRSH_FETCH_ORDER`), and virsh's wording for malformed command lines.

`tests/test_virsh_argv.py` pins the table to `virsh help migrate` of 9.0.0 and 12.9.0 and to
libvirt-api.xml; `tests/test_realvirsh_params.py` checks every value option, both parsers'
positional slots and every parser message against real virsh.
"""

from __future__ import annotations

from migflags.record import NamedTuple, StrEnum
from migflags.tables.flags import FLAGS, FlagRow
from migflags.text import Text
from migflags.versions import LibvirtVersion, v


class OptionKind(StrEnum):
    FLAG = "flag"  # sets one virDomainMigrateFlags bit
    PARAM = "param"  # becomes a VIR_MIGRATE_PARAM_* typed parameter
    VIRSH = "virsh"  # handled by virsh itself; never reaches the API as a flag or param
    API = "api"  # selects which API virsh calls (--direct)
    POSITIONAL = "positional"  # the domain and the destination URI


class ValueType(StrEnum):
    BOOL = "bool"
    STRING = "string"
    INT = "int"  # C int: -2147483648 .. 2147483647
    UINT = "uint"  # C unsigned int, parsed by vshCommandOptUInt
    ULLONG = "ullong"  # C unsigned long long
    STRING_LIST = "string-list"  # comma separated; one repeated string param per item
    FILE = "file"  # a local path; virsh sends the file's contents as a string param

    @property
    def numeric(self) -> bool:
        return self in (ValueType.INT, ValueType.UINT, ValueType.ULLONG)


class OptionRow(NamedTuple):
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
    note: Text | None = None  # what the option does beyond its summary (virsh-only and API rows)

    @property
    def dashed(self) -> str:
        return f"--{self.name}"

    @property
    def takes_value(self) -> bool:
        return self.type is not ValueType.BOOL

    @property
    def syntax_word(self) -> str:
        """What `virsh help migrate` shows after the option: `number` or `string`."""
        return "number" if self.type.numeric else "string"

    @property
    def is_list(self) -> bool:
        return self.type is ValueType.STRING_LIST

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
        note=Text(
            "Sets no flag: virsh calls virDomainMigrateToURI3 without PEER2PEER, so libvirt "
            "leaves the whole job to the hypervisor and ignores the destination URI (the "
            "hypervisor needs --migrateuri instead). The QEMU driver has no such mode and "
            "refuses it with 'argument unsupported: direct migration is not supported by the "
            "source host'. Together with --p2p the peer-to-peer path is used and --direct "
            "changes nothing.",
            "不设置任何标志：virsh 调用 virDomainMigrateToURI3 但不带 PEER2PEER，libvirt 把整个"
            "迁移交给 hypervisor，并忽略目标 URI（hypervisor 需要的是 --migrateuri）。QEMU 驱动"
            "没有这种模式，会以 'argument unsupported: direct migration is not supported by the "
            "source host' 拒绝。与 --p2p 同时给出时走点对点路径，--direct 不起作用。",
        ),
    ),
    OptionRow(
        "verbose", OptionKind.VIRSH, ValueType.BOOL, v("0.8.8"),
        Text("virsh prints the migration's progress while it waits.",
             "virsh 在等待期间输出迁移进度。"),
        note=Text("Only changes what virsh prints; the API call is the same without it.",
                  "只影响 virsh 的输出，API 调用与不加此选项时完全相同。"),
    ),
    OptionRow(
        "postcopy-after-precopy", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("virsh switches to post-copy as soon as the first pre-copy pass completes.",
             "第一轮预拷贝一完成，virsh 就切换到后拷贝。"),
        note=Text(
            "No flag of its own: virsh listens for the migration-iteration event and calls "
            "virDomainMigrateStartPostCopy after the first pass. Needs --postcopy.",
            "本身不设置标志：virsh 监听迁移迭代事件，在第一轮结束后调用 "
            "virDomainMigrateStartPostCopy。需要 --postcopy。",
        ),
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
        note=Text(
            "An unsigned number of seconds (negative values are refused); 0 means no timeout. "
            "When it expires virsh calls virDomainSuspend, or virDomainMigrateStartPostCopy "
            "with --timeout-postcopy. Only allowed with --live.",
            "无符号的秒数（负数会被拒绝），0 表示不设超时。到期时 virsh 调用 virDomainSuspend，"
            "若给了 --timeout-postcopy 则调用 virDomainMigrateStartPostCopy。只能与 --live 一起用。",
        ),
    ),
    OptionRow(
        "timeout-suspend", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("When --timeout expires, pause the guest so the migration can finish.",
             "--timeout 到期时暂停虚拟机，让迁移得以完成。"),
        note=Text("virsh's default timeout action; it needs --timeout greater than 0.",
                  "这是 virsh 默认的超时动作，需要 --timeout 大于 0。"),
    ),
    OptionRow(
        "timeout-postcopy", OptionKind.VIRSH, ValueType.BOOL, v("1.3.3"),
        Text("When --timeout expires, switch the migration to post-copy.",
             "--timeout 到期时把迁移切换到后拷贝。"),
        note=Text("Needs --postcopy and --timeout greater than 0.",
                  "需要 --postcopy，并且 --timeout 大于 0。"),
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

# How the renderers label options that become neither a flag nor a typed parameter.
KIND_LABELS: dict[OptionKind, Text] = {
    OptionKind.VIRSH: Text("virsh only", "仅 virsh"),
    OptionKind.API: Text("API choice", "API 选择"),
}
DOMAIN_OPTION, DESTURI_OPTION = (row for row in _OTHER_OPTIONS if row.kind is OptionKind.POSITIONAL)

# virsh's command option parser (tools/vsh.c) was rewritten by Peter Krempa in spring 2024.
# Before this release every value option could be filled by a bare word, in table order
# (`slot_legacy`: 23 slots in 9.0.0) and a word was an option only when a letter or digit
# followed its `--` (`---x`, `--_x` were data). From it on only `domain`, `desturi` and the
# eight options marked "unwanted positional" take bare words (`slot`: 10 slots in 12.9.0), and
# every word longer than `--` that starts with `--` is an option. Evidence for 10.3.0: libvirt's
# NEWS for 10.4.0 fixes "a bug introduced in v10.3.0" of that rewrite (`virsh list --help`
# answering "command 'list' doesn't support option --help"), and NEWS up to 10.2.0 has no
# parser change. Both ends were run here (9.0.0: old parser, 12.9.0: new one); no 10.x virsh
# was available to run, so the exact release rests on the release notes.
CURRENT_PARSER_SINCE = v("10.3.0")

# `virsh migrate` and virDomainMigrate came with this release (libvirt-api.xml gives
# virDomainMigrate version='0.3.2'); an older libvirt cannot migrate at all.
MIGRATE_COMMAND_SINCE = v("0.3.2")
PROGRAM = "virsh"
COMMAND = "migrate"


def needs_option_form(value: str) -> bool:
    """Whether virsh must be given a domain or URI as `--domain VALUE` rather than as a bare
    word: a bare word starting with `--` would be read as an option (or as the data mark)."""
    return value.startswith("--")

# The order in which virsh reads option values (cmdMigrate, then doMigrate). A malformed value
# is reported when virsh reaches it, so with several bad values virsh names the first in this
# order; the typed parameters are added to the API call in this order too (checked against
# 9.0.0 and 12.9.0 by giving each pair of options a bad value). The domain comes first and
# --timeout is read before --desturi; options that do not exist in a release are skipped.
VIRSH_FETCH_ORDER: tuple[str, ...] = (
    "domain", "timeout", "desturi", "migrateuri", "graphicsuri", "listen-address",
    "disks-port", "disks-uri", "dname", "migrate-disks", "migrate-disks-detect-zeroes",
    "migrate-disks-target-zero", "comp-methods", "comp-mt-level", "comp-mt-threads",
    "comp-mt-dthreads", "comp-xbzrle-cache", "xml", "persistent-xml", "auto-converge-initial",
    "auto-converge-increment", "postcopy-bandwidth", "parallel-connections", "comp-zlib-level",
    "comp-zstd-level", "bandwidth", "tls-destination", "available-switchover-bandwidth",
)

# virsh's own words for a malformed command line, printed after "error: " (tools/vsh.c and
# virsh-domain.c; identical in 9.0.0 and 12.9.0). `{option}` is the name without dashes. An
# unknown option uses `rules.VIRSH_UNKNOWN_OPTION`.
MSG_DUPLICATE = "option --{option} already seen"
MSG_BOOL_WITH_VALUE = "invalid '=' after option --{option}"
MSG_MISSING_VALUE = "expected syntax: --{option} <{word}>"
MSG_EXTRA_WORD = "unexpected data '{word}'"
# A whole command line without the domain or the destination (both releases; the domain is
# named first when both are missing). virsh checks this once the line is parsed, before
# cmdMigrate runs any of its own checks.
MSG_REQUIRED = "command 'migrate' requires <{option}> option"
MSG_EMPTY_VALUE = "Failed to get option '{option}': Option argument is empty"
MSG_BAD_NUMBER = "Numeric value '{value}' for <{option}> option is malformed or out of range"
# --xml / --persistent-xml: virsh prints the first line, then libvirt's reason on a second.
MSG_FILE = "cannot read file '{path}'"
MSG_FILE_OPEN = "Failed to open file '{path}': {reason}"
MSG_FILE_READ = "Failed to read file '{path}': {reason}"
MAX_FILE_BYTES = 10 * 1024 * 1024  # virsh's VSH_MAX_XML_FILE; longer files are refused

OPTIONS_BY_NAME: dict[str, OptionRow] = {
    spelling: row for row in OPTIONS for spelling in (row.name, *row.aliases)
}
OPTIONS_BY_PARAM: dict[str, OptionRow] = {row.param: row for row in OPTIONS if row.param}
FETCH_INDEX: dict[str, int] = {name: index for index, name in enumerate(VIRSH_FETCH_ORDER)}
