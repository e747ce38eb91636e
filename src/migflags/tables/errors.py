"""The error catalogue behind `migflags why`: migration errors that are not flag combinations.

The rules table (`rules.py`) holds what virsh, the library and the QEMU driver refuse for a
given set of flags and parameters. The rows here are the other errors a migration meets whose
cause or fix is still a `virsh migrate` option or a host setting: storage that is not shared,
disks that cannot be copied, TLS set-up, ports, host names, the ssh transport of peer-to-peer
URIs, jobs, the guest's state, QEMU's own parameter checks, and older wordings of rules.

Each row quotes the text the way `virGetLastErrorMessage()` returns it: the error-class prefix
of its code (`argument unsupported: `, ...) followed by the message. Where the class was not
checked the text starts with the message itself (the matcher ignores any class prefix when it
compares). `{name}` marks a value the layer fills in (a disk target, a URI, a number).

Where the texts were read (facts, quoted verbatim):
    9.0.0   Debian 12's libvirt 9.0.0 binaries: libvirt_driver_qemu.so and libvirt.so.0
    12.9.0  Debian 13 backports' libvirt 12.9.0 binaries (the same two libraries)
    src     libvirt's sources (src/qemu/qemu_migration.c, qemu_migration_cookie.c,
            src/util/virportallocator.c, src/util/vircommand.c) through code search, for the
            function that raises the text and for its error class
    QEMU    the qemu-system-x86_64 binaries of QEMU 7.2 (Debian 12) and 10.0 (Debian 13)
`since`/`until` are libvirt releases; None means the first or last release is not known.

The error-class prefixes and their Simplified Chinese translations (`ERROR_CLASSES`) come from
src/util/virerror.c and from libvirt's po/zh_CN.po, as compiled into libvirt 12.9.0's
zh_CN/LC_MESSAGES/libvirt.mo.
"""

from __future__ import annotations

from migflags.record import NamedTuple
from migflags.tables.options import (
    MSG_BAD_NUMBER,
    MSG_BOOL_WITH_VALUE,
    MSG_DUPLICATE,
    MSG_EMPTY_VALUE,
    MSG_EXTRA_WORD,
    MSG_FILE,
    MSG_FILE_OPEN,
    MSG_FILE_READ,
    MSG_MISSING_VALUE,
    OPTIONS_BY_NAME,
    OptionRow,
)
from migflags.tables.rules import VIRSH_UNKNOWN_OPTION, Layer
from migflags.text import Text
from migflags.versions import LibvirtVersion, v


class ErrorClass(NamedTuple):
    code: str  # virErrorNumber
    en: str  # the prefix virErrorMsg() puts before the message
    zh: str  # the same in libvirt's zh_CN translation


ERROR_CLASSES: tuple[ErrorClass, ...] = (
    ErrorClass("VIR_ERR_ARGUMENT_UNSUPPORTED", "argument unsupported: ", "不支持的参数："),
    ErrorClass("VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: ", "所需操作无效："),
    ErrorClass("VIR_ERR_OPERATION_UNSUPPORTED", "Operation not supported: ", "操作不被支持："),
    ErrorClass("VIR_ERR_INVALID_ARG", "invalid argument: ", "无效参数："),
    ErrorClass("VIR_ERR_MIGRATE_UNSAFE", "Unsafe migration: ", "不安全的迁移:"),
    ErrorClass("VIR_ERR_OVERFLOW", "numerical overflow: ", "数字溢出："),
    ErrorClass("VIR_ERR_INTERNAL_ERROR", "internal error: ", "内部错误："),
    ErrorClass("VIR_ERR_OPERATION_FAILED", "operation failed: ", "操作失败: "),
    ErrorClass("VIR_ERR_OPERATION_TIMEOUT", "Timed out during operation: ", "操作超时："),
    ErrorClass("VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration: ", "不支持的配置："),
)

# virsh's own prefix before every error it prints (tools/vsh.c:vshError), and its zh_CN form.
VIRSH_ERROR_PREFIXES: tuple[str, ...] = ("error: ", "错误：")
# libvirt's wrappers around an error QEMU reported, en and zh: a monitor command QEMU refused
# (qemu_monitor_json.c), and a migration job QEMU failed (qemu_migration.c,
# qemuMigrationJobCheckStatus; the job is named e.g. 'migration out', zh '迁出').
QEMU_COMMAND_WRAPPERS: tuple[str, ...] = (
    "unable to execute QEMU command '{command}': ",
    "无法执行 QEMU 命令 '{command}'：",
    "job '{job}' failed: ",
    "作业 '{job}' 失败：",
)
# nova-compute's log line for a failed live migration (nova/virt/libvirt/driver.py).
NOVA_FAILURE = "Live Migration failure: "
# The libvirt Python binding's exception, as a traceback's last line prints it.
PYTHON_EXCEPTIONS: tuple[str, ...] = ("libvirt.libvirtError: ", "libvirtError: ")


class Wording(NamedTuple):
    text: str
    since: LibvirtVersion | None = None  # first release with this wording (None: not known)
    until: LibvirtVersion | None = None  # first release without it (None: still printed)
    seen: str = ""  # the binaries whose strings hold this exact text ("": read in sources)


class ErrorEntry(NamedTuple):
    id: str
    layer: Layer
    function: str  # where it is raised
    wordings: tuple[Wording, ...]
    options: tuple[OptionRow, ...]
    why: Text
    fix: Text
    source: str  # file (and release notes) of the function
    setting: str = ""  # a host or guest setting involved (qemu.conf key, domain XML element)
    rule: str = ""  # the rule in rules.py this is another wording of
    option_slot: str = ""  # the placeholder whose value names the option involved


def _o(*names: str) -> tuple[OptionRow, ...]:
    """Options by their table name: a name the option table does not know fails at import."""
    return tuple(OPTIONS_BY_NAME[name] for name in names)


_9, _12 = v("9.0.0"), v("12.9.0")
# `seen`: the binaries whose strings hold the exact text (see the module docstring).
_BOTH = "libvirt 9.0.0, 12.9.0"
_ONLY_12 = "libvirt 12.9.0"
_QEMU_BIN = "QEMU 7.2, 10.0"
_QEMU, _LIB, _VIRSH = Layer.QEMU, Layer.LIBVIRT, Layer.VIRSH
_VIRSH_SEEN = "virsh 9.0.0, 12.9.0"  # run by tests/test_realvirsh_params.py
_VSH = "tools/vsh.c (virsh's option parser; the same words in 9.0.0 and 12.9.0)"
_MIGRATION_C = "src/qemu/qemu_migration.c"
_UNSAFE = "Unsafe migration: "
_INVALID_OP = "Requested operation is not valid: "
_NOT_SUPPORTED = "Operation not supported: "
_INTERNAL = "internal error: "

ERRORS: tuple[ErrorEntry, ...] = (
    # ---- storage: shared or copied, cache modes ----
    ErrorEntry(
        "qemu-unsafe-shared-storage", _QEMU, "qemuMigrationSrcIsSafe",
        (Wording(_UNSAFE + "Migration without shared storage is unsafe", seen=_BOTH),),
        _o("copy-storage-all", "copy-storage-inc", "migrate-disks", "unsafe"),
        Text("A writable disk of the guest is on storage the destination cannot see, and "
             "nothing asked libvirt to copy it, so the guest would lose its disk after the "
             "switchover.",
             "虚拟机有一个可写磁盘位于目标主机看不到的存储上，而又没有要求 libvirt 复制它，"
             "切换之后虚拟机就会失去这个磁盘。"),
        Text("Add --copy-storage-all (or --copy-storage-inc when the backing images exist on "
             "the destination), limit the copy with --migrate-disks, or move the disk to "
             "shared storage. Use --unsafe only if the storage really is shared.",
             "加上 --copy-storage-all（如果后备镜像已经在目标主机上，就用 --copy-storage-inc），"
             "需要时用 --migrate-disks 限定要复制的磁盘，或者把磁盘移到共享存储上。"
             "只有存储确实是共享的时候才用 --unsafe。"),
        _MIGRATION_C + " (called from qemuMigrationSrcBeginPhase and the peer-to-peer path)",
    ),
    ErrorEntry(
        "qemu-unsafe-cache-mode", _QEMU, "qemuMigrationSrcIsSafe",
        (Wording(_UNSAFE + "Migration may lead to data corruption if disks use cache other "
                 "than none or directsync", seen=_BOTH),),
        _o("unsafe"),
        Text("A disk on shared storage uses a host page cache (cache mode writeback, "
             "writethrough or unsafe), so the destination could read stale data the source "
             "host has not written yet.",
             "共享存储上的某个磁盘使用了主机页缓存（缓存模式为 writeback、writethrough 或 "
             "unsafe），目标主机可能读到源主机尚未写回的旧数据。"),
        Text("Set cache='none' (or 'directsync') on the disk's <driver> element and restart "
             "the guest; add --unsafe only when the storage keeps caches coherent itself.",
             "把磁盘 <driver> 元素的 cache 设为 'none'（或 'directsync'）并重启虚拟机；"
             "只有存储本身能保证缓存一致时才加 --unsafe。"),
        _MIGRATION_C, setting="<disk><driver cache='...'/> in the domain XML",
    ),
    # ---- disks to copy ----
    ErrorEntry(
        "qemu-copy-readonly-or-empty-disk", _QEMU, "qemuMigrationSrcNBDStorageCopy",
        (Wording(_NOT_SUPPORTED + "Cannot migrate empty or read-only disk {disk}",
                 seen=_BOTH),),
        _o("migrate-disks", "copy-storage-all", "copy-storage-inc"),
        Text("Storage copy was asked for a disk that has no medium (an empty CD-ROM) or is "
             "read-only; there is nothing QEMU can mirror to the destination.",
             "要求复制的磁盘没有介质（例如空光驱）或者是只读的，QEMU 无法把它镜像到目标主机。"),
        Text("List only the writable disks with --migrate-disks (for example "
             "--migrate-disks vda), and make the read-only image available at the same path "
             "on the destination.",
             "用 --migrate-disks 只列出可写磁盘（例如 --migrate-disks vda），"
             "并让只读镜像在目标主机的相同路径上可用。"),
        _MIGRATION_C,
    ),
    ErrorEntry(
        "qemu-migrate-disks-unknown-target", _QEMU,
        "qemuMigrationSrcBeginPhaseValidateDiskTargetList",
        (Wording("invalid argument: disk target {disk} not found", seen=_BOTH),),
        _o("migrate-disks", "migrate-disks-detect-zeroes"),
        Text("A name given to --migrate-disks is not a disk target of this guest. Targets "
             "are the names in <target dev='...'/> (vda, sdb), not file names; a trailing "
             "comma sends an empty name.",
             "--migrate-disks 中的某个名称不是这台虚拟机的磁盘目标。目标是 <target dev='...'/> "
             "里的名称（vda、sdb），不是文件名；末尾多一个逗号会传出一个空名称。"),
        Text("Use the names `virsh domblklist DOMAIN` prints in its Target column.",
             "使用 `virsh domblklist DOMAIN` 的 Target 列中的名称。"),
        _MIGRATION_C + " (9.0.0: inside qemuMigrationSrcBeginPhase; the text is the same)",
    ),
    ErrorEntry(
        "qemu-precreate-incremental", _QEMU, "qemuMigrationDstPrecreateStorage",
        (
            Wording(_NOT_SUPPORTED + "pre-creation of storage targets for incremental "
                    "storage migration is not supported", seen="libvirt 9.0.0"),
            Wording(_NOT_SUPPORTED + "pre-creation of storage target for incremental storage "
                    "migration of disk '{disk}' is not supported", seen=_ONLY_12),
        ),
        _o("copy-storage-inc", "copy-storage-all"),
        Text("With --copy-storage-inc only the top image is copied, so the destination must "
             "already have a disk image at the same path; libvirt creates missing images only "
             "for full copies.",
             "使用 --copy-storage-inc 时只复制最上层镜像，因此目标主机上必须已经有相同路径的"
             "磁盘镜像；libvirt 只在完整复制时才创建缺失的镜像。"),
        Text("Create the image (with its backing chain) on the destination first, or use "
             "--copy-storage-all so libvirt creates it.",
             "先在目标主机上创建镜像（连同其后备链），或者改用 --copy-storage-all，"
             "让 libvirt 去创建。"),
        _MIGRATION_C + " (destination host; the per-disk wording is newer than 9.0.0, the "
        "release that changed it was not determined)",
    ),
    # ---- TLS ----
    ErrorEntry(
        "qemu-tls-force", _QEMU, "qemuMigrationSrcBegin",
        (Wording(_INVALID_OP + "this libvirtd instance allows migration only with "
                 "VIR_MIGRATE_TLS flag", since=v("6.10.0"), seen=_BOTH),),
        _o("tls", "tunnelled"),
        Text("The host's qemu.conf sets migrate_tls_force = 1, which refuses every migration "
             "that is neither encrypted with TLS nor tunnelled.",
             "主机的 qemu.conf 设置了 migrate_tls_force = 1，既不用 TLS 加密也不经隧道的迁移"
             "都会被拒绝。"),
        Text("Add --tls (with --tls-destination when the certificate's name differs from the "
             "URI's host name).",
             "加上 --tls（如果证书中的名称与 URI 中的主机名不同，再加 --tls-destination）。"),
        _MIGRATION_C + " (also qemuMigrationDstPrepareAny on the destination)",
        setting="migrate_tls_force in /etc/libvirt/qemu.conf",
    ),
    ErrorEntry(
        "qemu-tls-dir-not-configured", _QEMU, "qemuMigrationParamsEnableTLS",
        (Wording(_INVALID_OP + "host migration TLS directory not configured", seen=_BOTH),),
        _o("tls"),
        Text("--tls needs certificates, and this host's qemu.conf names no directory for "
             "them.",
             "--tls 需要证书，而这台主机的 qemu.conf 没有指定证书目录。"),
        Text("Install the certificates and set migrate_tls_x509_cert_dir (or "
             "default_tls_x509_cert_dir) in qemu.conf on both hosts, or drop --tls.",
             "在两台主机上安装证书，并在 qemu.conf 中设置 migrate_tls_x509_cert_dir"
             "（或 default_tls_x509_cert_dir），或者去掉 --tls。"),
        "src/qemu/qemu_migration_params.c",
        setting="migrate_tls_x509_cert_dir in /etc/libvirt/qemu.conf",
    ),
    ErrorEntry(
        "qemu-tls-unsupported", _QEMU, "qemuMigrationParamsEnableTLS",
        (Wording(_NOT_SUPPORTED + "TLS migration is not supported with this QEMU binary",
                 seen=_BOTH),),
        _o("tls"),
        Text("The QEMU on this host cannot encrypt its migration stream.",
             "这台主机上的 QEMU 无法加密迁移数据流。"),
        Text("Upgrade QEMU, or use --p2p --tunnelled to carry the stream over libvirt's own "
             "(encrypted) connection instead of --tls.",
             "升级 QEMU，或者改用 --p2p --tunnelled，让数据流走 libvirt 自己的（加密）连接，"
             "而不是 --tls。"),
        "src/qemu/qemu_migration_params.c",
    ),
    ErrorEntry(
        "qemu-tls-credentials-missing", _QEMU, "qcrypto_tls_creds_get_path (QEMU)",
        (Wording("Unable to access credentials {path}: {reason}", seen=_QEMU_BIN),),
        _o("tls"),
        Text("QEMU could not read a certificate or key from the TLS directory libvirt gave "
             "it: a file is missing or unreadable for the QEMU user.",
             "QEMU 无法从 libvirt 指定的 TLS 目录读取证书或密钥：文件缺失，或者 QEMU "
             "用户没有读取权限。"),
        Text("Put ca-cert.pem, server-cert.pem, server-key.pem (and client-*.pem on the "
             "source) in the migrate_tls_x509_cert_dir directory, readable by the qemu user.",
             "把 ca-cert.pem、server-cert.pem、server-key.pem（源主机上还有 client-*.pem）"
             "放进 migrate_tls_x509_cert_dir 目录，并让 qemu 用户可读。"),
        "QEMU crypto/tlscreds.c",
        setting="migrate_tls_x509_cert_dir in /etc/libvirt/qemu.conf",
    ),
    ErrorEntry(
        "qemu-tls-certificate-hostname", _QEMU,
        "qcrypto_tls_session_check_certificate (QEMU)",
        (Wording("Certificate does not match the hostname {host}", seen=_QEMU_BIN),),
        _o("tls", "tls-destination", "migrateuri"),
        Text("The destination's certificate does not name the host the source connected to "
             "(the host of the destination URI or --migrateuri).",
             "目标主机证书中的名称与源主机连接的主机名（目标 URI 或 --migrateuri 中的主机）"
             "不一致。"),
        Text("Give --tls-destination with the name in the destination's certificate, or "
             "connect by that name in --migrateuri.",
             "用 --tls-destination 给出目标主机证书中的名称，或者在 --migrateuri 中使用该名称。"),
        "QEMU crypto/tlssession.c",
    ),
    # ---- ports, addresses, host names ----
    ErrorEntry(
        "libvirt-migration-ports-exhausted", _LIB, "virPortAllocatorAcquire",
        (Wording(_INTERNAL + "Unable to find an unused port in range '{range}' "
                 "({start}-{end})", seen=_BOTH),),
        _o("migrateuri", "disks-port"),
        Text("The destination picks the port for incoming memory (and disk) streams from a "
             "range, 49152-49215 by default, and every port in it is taken.",
             "目标主机从一个端口范围（默认 49152-49215）中为接收内存（和磁盘）数据流选择端口，"
             "而这个范围内的端口都已被占用。"),
        Text("Give a free port yourself (--migrateuri tcp://HOST:PORT, --disks-port PORT), or "
             "widen migration_port_min/migration_port_max in the destination's qemu.conf.",
             "自己指定一个空闲端口（--migrateuri tcp://HOST:PORT、--disks-port PORT），"
             "或者在目标主机的 qemu.conf 中放宽 migration_port_min/migration_port_max。"),
        "src/util/virportallocator.c",
        setting="migration_port_min, migration_port_max in /etc/libvirt/qemu.conf",
    ),
    ErrorEntry(
        "qemu-bind-failed", _QEMU, "inet_listen_saddr (QEMU)",
        (
            Wording("Failed to bind socket: {reason}", seen=_QEMU_BIN),
            Wording("Failed to bind socket to {path}: {reason}", seen=_QEMU_BIN),
        ),
        _o("listen-address", "migrateuri", "disks-uri"),
        Text("QEMU on the destination could not listen on the address or port it was given: "
             "the address is not one of the host's, or the port is in use.",
             "目标主机上的 QEMU 无法在给定的地址或端口上监听：该地址不属于这台主机，"
             "或者端口已被占用。"),
        Text("Give --listen-address an address of the destination (or 0.0.0.0), and pick a "
             "free port in --migrateuri / --disks-uri.",
             "给 --listen-address 一个目标主机自己的地址（或 0.0.0.0），"
             "并在 --migrateuri / --disks-uri 中选一个空闲端口。"),
        "QEMU util/qemu-sockets.c",
    ),
    ErrorEntry(
        "qemu-destination-hostname-localhost", _QEMU, "qemuMigrationDstPrepareDirect",
        (Wording(_INTERNAL + "hostname on destination resolved to localhost, but migration "
                 "requires an FQDN", seen=_BOTH),),
        _o("migrateuri"),
        Text("Without --migrateuri the destination tells the source to connect to its own "
             "host name, and that name is 'localhost...', which the source cannot use.",
             "没有 --migrateuri 时，目标主机让源主机连接它自己的主机名，而这个主机名是 "
             "'localhost...'，源主机无法使用。"),
        Text("Give --migrateuri tcp://DEST-ADDRESS, or set a real host name on the "
             "destination (hostnamectl, /etc/hosts).",
             "加上 --migrateuri tcp://目标地址，或者在目标主机上设置真正的主机名"
             "（hostnamectl、/etc/hosts）。"),
        _MIGRATION_C + " (destination host, Prepare step without a migration URI; the "
        "function name was not re-checked in 12.9.0)",
    ),
    # ---- what the source or destination driver offers ----
    ErrorEntry(
        "libvirt-p2p-unsupported", _LIB, "virDomainMigrateUnmanagedCheckCompat",
        (Wording("argument unsupported: p2p migration is not supported by the source host",
                 seen=_BOTH),),
        _o("p2p"),
        Text("The client library asked the source connection's driver whether it can run a "
             "peer-to-peer migration, and it cannot. The QEMU driver can, so the connection "
             "reached some other driver: a test:///default URI, a typo in -c, or another "
             "hypervisor.",
             "客户端库询问源连接的驱动能否执行点对点迁移，回答是不能。QEMU 驱动是可以的，"
             "所以这个连接连到了别的驱动：test:///default URI、-c 写错了，或者是其他 "
             "hypervisor。"),
        Text("Check which URI virsh connected to (virsh -c ... uri); for QEMU guests use "
             "qemu:///system. With a driver that has no peer-to-peer mode, drop --p2p and "
             "let virsh drive the migration.",
             "检查 virsh 连接的是哪个 URI（virsh -c ... uri）；QEMU 虚拟机请用 "
             "qemu:///system。如果驱动没有点对点模式，就去掉 --p2p，由 virsh 驱动迁移。"),
        "src/libvirt-domain.c (VIR_DRV_FEATURE_MIGRATION_P2P)",
    ),
    ErrorEntry(
        "libvirt-offline-unsupported", _LIB, "virDomainMigrate3",
        (Wording("argument unsupported: offline migration is not supported by the source "
                 "host", seen=_BOTH),
         Wording("argument unsupported: offline migration is not supported by the "
                 "destination host", seen=_BOTH)),
        _o("offline"),
        Text("The driver on one side has no offline migration (moving only the definition). "
             "The QEMU driver has it, so that side is some other driver or a connection to "
             "the wrong URI.",
             "某一端的驱动不支持离线迁移（只移动定义）。QEMU 驱动是支持的，所以那一端是别的"
             "驱动，或者连接到了错误的 URI。"),
        Text("Check the source (-c) and destination URIs; for QEMU guests use qemu:///system "
             "and qemu+ssh://HOST/system. Otherwise copy the definition by hand (virsh dumpxml "
             "on the source, virsh define on the destination).",
             "检查源（-c）和目标 URI；QEMU 虚拟机请用 qemu:///system 和 "
             "qemu+ssh://HOST/system。否则就手工复制定义（在源主机上 virsh dumpxml，在目标"
             "主机上 virsh define）。"),
        "src/libvirt-domain.c (VIR_DRV_FEATURE_MIGRATION_OFFLINE, checked on both "
        "connections; the destination wording also in src/qemu/qemu_migration.c, "
        "qemuMigrationSrcPerformPeer2Peer)",
    ),
    # ---- the peer-to-peer connection ----
    ErrorEntry(
        "libvirt-ssh-not-found", _LIB, "virExec",
        (Wording("Cannot find '{program}' in path: No such file or directory", seen=_BOTH),),
        _o("p2p", "desturi"),
        Text("A qemu+ssh:// URI runs the ssh client, and it is not installed (or not in the "
             "PATH) where it runs: with --p2p that is the source host's libvirtd, without it "
             "virsh itself, on the machine where you typed the command.",
             "qemu+ssh:// URI 会运行 ssh 客户端，而运行它的地方没有安装 ssh（或不在 PATH "
             "中）：使用 --p2p 时是源主机上的 libvirtd，不使用时是你输入命令的那台机器上的 "
             "virsh 本身。"),
        Text("Install openssh-client there (on the source host with --p2p, else where virsh "
             "runs), or use a qemu+tls:// or qemu+tcp:// destination URI.",
             "在那里安装 openssh-client（使用 --p2p 时装在源主机上，否则装在运行 virsh 的"
             "机器上），或者改用 qemu+tls:// 或 qemu+tcp:// 目标 URI。"),
        "src/util/vircommand.c",
    ),
    ErrorEntry(
        "libvirt-p2p-connection-closed", _LIB, "virNetSocketReadWire",
        (Wording("Cannot recv data: {detail}", seen=_BOTH),),
        _o("p2p", "desturi"),
        Text("The connection to the destination's libvirtd ended while reading; with "
             "qemu+ssh:// the text after the colon is what ssh printed (host key, "
             "permission denied, connection refused).",
             "读取时与目标主机 libvirtd 的连接断开了；对 qemu+ssh:// 而言，冒号后面的文字"
             "是 ssh 打印的内容（主机密钥、权限被拒绝、连接被拒绝）。"),
        Text("Make the ssh login work without a prompt for whoever opens the connection: with "
             "--p2p the source libvirtd (root on the source: `ssh root@DEST`), without --p2p "
             "the user running virsh, on the machine where it runs. Or use qemu+tls://.",
             "确保建立连接的一方无需交互即可 ssh 登录：使用 --p2p 时是源主机的 libvirtd"
             "（源主机上的 root：`ssh root@DEST`），不使用 --p2p 时是运行 virsh 的用户，"
             "在运行 virsh 的机器上。或者改用 qemu+tls://。"),
        "src/rpc/virnetsocket.c",
    ),
    # ---- same host ----
    ErrorEntry(
        "qemu-same-host-uuid", _QEMU, "qemuMigrationCookieXMLParse",
        (Wording(_INTERNAL + "Attempt to migrate guest to the same host {uuid}",
                 seen=_BOTH),),
        _o("desturi"),
        Text("Both hosts report the same host UUID, so libvirt believes the destination is "
             "the source itself: either the URI points back to this host or the machines are "
             "clones sharing one SMBIOS UUID.",
             "两台主机报告的主机 UUID 相同，libvirt 因此认为目标就是源主机本身："
             "要么 URI 指回了本机，要么两台机器是共用同一 SMBIOS UUID 的克隆。"),
        Text("Check the destination URI; on cloned hosts set a distinct host_uuid in "
             "libvirtd.conf (or virtqemud.conf) and restart the daemon.",
             "检查目标 URI；对克隆出来的主机，在 libvirtd.conf（或 virtqemud.conf）中设置"
             "不同的 host_uuid 并重启守护进程。"),
        "src/qemu/qemu_migration_cookie.c",
        setting="host_uuid in libvirtd.conf / virtqemud.conf",
    ),
    # ---- jobs and the guest's state ----
    ErrorEntry(
        "qemu-migration-job-running", _QEMU, "qemuMigrationJobIsAllowed",
        (Wording(_INVALID_OP + "another migration job is already running for domain "
                 "'{domain}'", seen=_BOTH),),
        (),
        Text("The guest is already migrating (in or out); one migration at a time.",
             "该虚拟机已经在迁移（迁入或迁出）中；同一时间只能有一个迁移。"),
        Text("Wait for it (virsh domjobinfo DOMAIN) or cancel it (virsh domjobabort DOMAIN) "
             "before starting another.",
             "等它完成（virsh domjobinfo DOMAIN），或者先取消它（virsh domjobabort DOMAIN），"
             "再发起新的迁移。"),
        _MIGRATION_C,
    ),
    ErrorEntry(
        "libvirt-state-change-lock", _LIB, "virDomainObjBeginJobInternal",
        (
            Wording("Timed out during operation: cannot acquire state change lock (held by "
                    "monitor={job})", seen=_BOTH),
            Wording("Timed out during operation: cannot acquire state change lock (held by "
                    "monitor={job} agent={agent})", seen=_BOTH),
            Wording("Timed out during operation: cannot acquire state change lock (held by "
                    "agent={agent})", seen=_BOTH),
            Wording("Timed out during operation: cannot acquire state change lock",
                    seen=_BOTH),
        ),
        (),
        Text("Another API call holds the guest's job (named after 'held by') and did not "
             "finish within 30 seconds, so the migration could not start.",
             "另一个 API 调用占用着该虚拟机的作业（'held by' 后面给出了它的名字），"
             "30 秒内没有结束，迁移因此无法开始。"),
        Text("Find what holds it (virsh domjobinfo, the daemon log), let it finish or abort "
             "it, then retry the migration.",
             "找出占用者（virsh domjobinfo、守护进程日志），等它结束或中止它，然后重试迁移。"),
        "src/conf/virdomainjob.c (src/util in older releases)",
    ),
    ErrorEntry(
        "libvirt-domain-not-running", _QEMU, "virDomainObjCheckActive",
        (Wording(_INVALID_OP + "domain is not running", seen=_BOTH),),
        _o("offline", "persistent"),
        Text("A live migration moves a running guest, and this one is shut off.",
             "热迁移迁移的是正在运行的虚拟机，而这台虚拟机处于关闭状态。"),
        Text("Start the guest first, or move only its definition with --offline "
             "--persistent.",
             "先启动虚拟机，或者用 --offline --persistent 只迁移其定义。"),
        "src/conf/domain_conf.c (called by the QEMU driver's Begin step)",
    ),
    ErrorEntry(
        "qemu-abort-on-error-io-error", _QEMU, "qemuMigrationSrcIsAllowed",
        (Wording(_INVALID_OP + "cannot migrate domain with I/O error", seen=_BOTH),),
        _o("abort-on-error"),
        Text("The guest is paused after a disk I/O error, and --abort-on-error refuses to "
             "migrate a guest in that state.",
             "虚拟机因磁盘 I/O 错误而暂停，--abort-on-error 拒绝迁移处于这种状态的虚拟机。"),
        Text("Fix the storage error and resume the guest, or drop --abort-on-error.",
             "先解决存储错误并恢复虚拟机运行，或者去掉 --abort-on-error。"),
        _MIGRATION_C,
    ),
    ErrorEntry(
        "qemu-rdma-needs-hard-limit", _QEMU, "qemuMigrationSrcPerformNative",
        (Wording(_INVALID_OP + "cannot start RDMA migration with no memory hard limit set",
                 seen=_BOTH),),
        _o("migrateuri", "rdma-pin-all"),
        Text("An rdma:// --migrateuri pins guest memory, which libvirt allows only up to a "
             "limit the guest's XML sets.",
             "rdma:// 形式的 --migrateuri 会锁定虚拟机内存，libvirt 只允许锁定到虚拟机 XML "
             "中设定的上限为止。"),
        Text("Add <memtune><hard_limit> to the guest's XML, or migrate over tcp://.",
             "在虚拟机 XML 中加上 <memtune><hard_limit>，或者改用 tcp:// 迁移。"),
        _MIGRATION_C + " (also qemuMigrationDstPrepareActive)",
        setting="<memtune><hard_limit> in the domain XML",
    ),
    # ---- post-copy ----
    ErrorEntry(
        "qemu-postcopy-start-without-flag", _QEMU, "qemuDomainMigrateStartPostCopy",
        (Wording("switching to post-copy requires migration to be started with "
                 "VIR_MIGRATE_POSTCOPY flag", seen=_BOTH),),
        _o("postcopy", "postcopy-after-precopy", "timeout-postcopy"),
        Text("`virsh migrate-postcopy` (or --postcopy-after-precopy / --timeout-postcopy) "
             "can switch only a migration that was started with post-copy allowed.",
             "`virsh migrate-postcopy`（或 --postcopy-after-precopy / --timeout-postcopy）"
             "只能切换以允许后拷贝方式启动的迁移。"),
        Text("Start the migration with --postcopy; then switch with virsh migrate-postcopy.",
             "用 --postcopy 启动迁移，然后再用 virsh migrate-postcopy 切换。"),
        "src/qemu/qemu_driver.c (error class not checked)",
    ),
    ErrorEntry(
        "qemu-postcopy-start-no-migration", _QEMU, "qemuDomainMigrateStartPostCopy",
        (Wording("post-copy can only be started while outgoing migration is in progress",
                 seen=_BOTH),),
        _o("postcopy", "postcopy-after-precopy"),
        Text("`virsh migrate-postcopy` was run when this guest had no outgoing migration "
             "running (not yet started, or already over).",
             "执行 `virsh migrate-postcopy` 时，该虚拟机没有正在进行的迁出（尚未开始或已经结束）。"),
        Text("Run it on the source while `virsh migrate --postcopy` is in progress, or let "
             "virsh do it with --postcopy-after-precopy.",
             "在源主机上、`virsh migrate --postcopy` 进行期间执行它，"
             "或者用 --postcopy-after-precopy 让 virsh 自动切换。"),
        "src/qemu/qemu_driver.c (error class not checked)",
    ),
    ErrorEntry(
        "qemu-postcopy-resume-state", _QEMU, "qemuMigrationAnyCanResume",
        (
            Wording(_INVALID_OP + "migration of domain {domain} is not in post-copy phase",
                    since=v("8.5.0"), seen=_BOTH),
            Wording(_INVALID_OP + "post-copy migration of domain {domain} has not failed",
                    since=v("8.5.0"), seen=_BOTH),
            Wording(_INVALID_OP + "resuming failed post-copy migration of domain {domain} "
                    "already in progress", since=v("8.5.0"), seen=_BOTH),
            # a guest with no migration job at all (seen for real with libvirt 9.0.0)
            Wording(_INVALID_OP + "domain '{domain}' is not being migrated", seen=_BOTH),
        ),
        _o("postcopy-resume"),
        Text("--postcopy-resume recovers only a migration of this guest that failed after "
             "switching to post-copy and is not being recovered already.",
             "--postcopy-resume 只能恢复该虚拟机在切换到后拷贝之后失败、且尚未在恢复中的那次迁移。"),
        Text("For a new migration drop --postcopy-resume; check the state with virsh "
             "domjobinfo DOMAIN.",
             "发起新的迁移时去掉 --postcopy-resume；可以用 virsh domjobinfo DOMAIN 查看状态。"),
        _MIGRATION_C,
    ),
    # ---- QEMU's own parameter checks and removed commands ----
    ErrorEntry(
        "qemu-parallel-connections-range", _QEMU, "migrate_params_check (QEMU)",
        (
            Wording("Parameter '{parameter}' expects a value between 1 and 255",
                    seen=_QEMU_BIN),
            # above 255: QEMU's QAPI input visitor refuses the number before the range check
            # (seen for real with libvirt 12.9.0 and QEMU 10.0: --parallel-connections 300)
            Wording("Parameter '{parameter}' expects uint8_t", seen=_QEMU_BIN),
        ),
        _o("parallel-connections", "parallel"),
        Text("QEMU accepts 1 to 255 multifd channels (0 fails its range check, 256 and more "
             "do not fit its 8-bit type); libvirt passes --parallel-connections on without "
             "checking.",
             "QEMU 接受 1 到 255 个 multifd 通道（0 通不过范围检查，256 及以上放不进 8 位类型）；"
             "libvirt 不做检查，直接把 --parallel-connections 传给 QEMU。"),
        Text("Give --parallel-connections a value from 1 to 255.",
             "给 --parallel-connections 一个 1 到 255 之间的值。"),
        "QEMU migration/options.c (migration/migration.c before QEMU 8.1)",
    ),
    ErrorEntry(
        "qemu-xbzrle-cache-size", _QEMU, "migrate_params_check (QEMU)",
        (Wording("Parameter '{parameter}' expects a power of two no less than the target "
                 "page size", seen=_QEMU_BIN),),
        _o("comp-xbzrle-cache"),
        Text("The xbzrle cache size is in bytes and QEMU wants a power of two of at least one "
             "page (4096 on x86).",
             "xbzrle 缓存大小以字节为单位，QEMU 要求它是 2 的幂且不小于一页（x86 上为 4096）。"),
        Text("Give --comp-xbzrle-cache a power of two in bytes, e.g. 67108864 (64 MiB).",
             "给 --comp-xbzrle-cache 一个以字节为单位的 2 的幂，例如 67108864（64 MiB）。"),
        "QEMU migration/options.c (migration/migration.c before QEMU 8.1)",
    ),
    ErrorEntry(
        "qemu-bandwidth-overflow", _QEMU, "qemuDomainMigrateSetMaxSpeed",
        (
            Wording("numerical overflow: bandwidth must be less than {max}", seen=_BOTH),
            Wording("numerical overflow: bandwidth must be less than '{bytes}' bytes/s "
                    "({mib} MiB/s)", seen=_BOTH),
        ),
        _o("bandwidth"),
        Text("The bandwidth is in MiB/s and libvirt hands QEMU bytes per second, which must "
             "fit QEMU's limit.",
             "带宽的单位是 MiB/s，而 libvirt 交给 QEMU 的是每秒字节数，必须在 QEMU 的上限之内。"),
        Text("Give --bandwidth in MiB/s below the limit the message names (or 0 for no "
             "limit).",
             "以 MiB/s 为单位给出 --bandwidth，并小于消息中给出的上限（0 表示不限速）。"),
        "src/qemu/qemu_driver.c; the bytes/s wording is raised for the migration's bandwidth "
        "parameter in src/qemu (function not checked)",
    ),
    ErrorEntry(
        "qemu-command-removed-migrate-set-speed", _QEMU, "qmp_dispatch (QEMU)",
        (Wording("The command migrate_set_speed has not been found", seen=_QEMU_BIN),),
        _o("bandwidth"),
        Text("An old libvirt sets the migration bandwidth with QEMU's migrate_set_speed "
             "command, which QEMU 6.0 removed in favour of migrate-set-parameters.",
             "较老的 libvirt 用 QEMU 的 migrate_set_speed 命令设置迁移带宽，"
             "而 QEMU 6.0 已删除该命令，改用 migrate-set-parameters。"),
        Text("Upgrade libvirt on the source to a release that matches its QEMU, or migrate "
             "without --bandwidth until then.",
             "把源主机上的 libvirt 升级到与其 QEMU 相配的版本；在此之前迁移时不要用 --bandwidth。"),
        "QEMU qapi/qmp-dispatch.c (the binaries hold the format 'The command %s has not been "
        "found'; no libvirt 9.0.0 or 12.9.0 driver sends migrate_set_speed)",
    ),
    ErrorEntry(
        "qemu-zerocopy-needs-plain-multifd", _QEMU, "migration capability checks (QEMU)",
        (Wording("Zero copy only available for non-compressed non-TLS multifd migration",
                 seen=_QEMU_BIN),),
        _o("zerocopy", "tls", "compressed", "comp-methods", "parallel"),
        Text("QEMU sends pages without copying them only on plain multifd connections: "
             "neither TLS nor multifd compression may be on (seen for real with --zerocopy "
             "--parallel --tls, refused by the source's QEMU).",
             "QEMU 只有在普通的 multifd 连接上才能零拷贝发送页面：既不能开启 TLS，也不能开启 "
             "multifd 压缩（实际见于 --zerocopy --parallel --tls，被源主机的 QEMU 拒绝）。"),
        Text("Drop --zerocopy, or drop --tls and the zlib/zstd --comp-methods.",
             "去掉 --zerocopy，或者去掉 --tls 以及 zlib/zstd 的 --comp-methods。"),
        "QEMU migration/options.c (the function was not checked)",
    ),
    ErrorEntry(
        "qemu-multifd-not-with-compression", _QEMU, "migrate_caps_check (QEMU)",
        (
            Wording("Multifd is not compatible with compress", seen="QEMU 7.2"),
            Wording("Multifd is not compatible with xbzrle", seen=_QEMU_BIN),
        ),
        _o("parallel", "comp-methods", "compressed"),
        Text("QEMU's parallel (multifd) migration cannot be combined with the mt or xbzrle "
             "compression capabilities. libvirt 9.0.0 passes --comp-methods mt (or xbzrle) "
             "with --parallel on to QEMU, which refuses it (seen for real with QEMU 7.2); "
             "newer libvirt refuses first (qemu-compression-not-parallel).",
             "QEMU 的并行（multifd）迁移不能与 mt 或 xbzrle 压缩能力同时使用。libvirt 9.0.0 "
             "会把与 --parallel 同时给出的 --comp-methods mt（或 xbzrle）传给 QEMU，由 QEMU 拒绝"
             "（在 QEMU 7.2 上实际见到过）；较新的 libvirt 会先行拒绝"
             "（qemu-compression-not-parallel）。"),
        Text("Drop --comp-methods mt/xbzrle (with --parallel, libvirt 9.4 and later offer zlib "
             "and zstd), or drop --parallel.",
             "去掉 --comp-methods mt/xbzrle（使用 --parallel 时，libvirt 9.4 及以后提供 zlib "
             "和 zstd），或者去掉 --parallel。"),
        "QEMU migration/options.c (migration/migration.c in QEMU 7.2)",
        rule="qemu-compression-not-parallel",
    ),
    ErrorEntry(
        "libvirt-memlock-limit", _LIB, "virProcessSetMaxMemLock",
        (Wording("cannot limit locked memory of process {pid} to {bytes}: {reason}",
                 seen=_BOTH),),
        _o("zerocopy", "rdma-pin-all"),
        Text("Zero-copy and RDMA migrations lock the guest's memory, so libvirt raises the "
             "QEMU process's locked-memory limit first, and the daemon is not allowed to (it "
             "lacks CAP_SYS_RESOURCE, or a limit above it forbids it).",
             "零拷贝和 RDMA 迁移会锁定虚拟机内存，因此 libvirt 要先提高 QEMU 进程的锁定内存上限，"
             "而守护进程没有这个权限（缺少 CAP_SYS_RESOURCE，或者受更上层的限制）。"),
        Text("Run the daemon with CAP_SYS_RESOURCE (or a high enough LimitMEMLOCK), set "
             "<memtune><hard_limit> for the guest, or drop --zerocopy / --rdma-pin-all.",
             "让守护进程具备 CAP_SYS_RESOURCE（或足够大的 LimitMEMLOCK），为虚拟机设置 "
             "<memtune><hard_limit>，或者去掉 --zerocopy / --rdma-pin-all。"),
        "src/util/virprocess.c",
        setting="LimitMEMLOCK of the daemon's service; <memtune><hard_limit> in the domain XML",
    ),
    ErrorEntry(
        "libvirt-tunnelled-tls-json", _LIB, "libvirt's JSON writer (src/util/virjson.c)",
        (Wording(_INTERNAL + "failed to convert virJSONValue to yajl data",
                 seen="libvirt 9.0.0"),),
        _o("tls", "tunnelled", "p2p"),
        Text("libvirt 9.0.0 fails this way when --tls is combined with --p2p --tunnelled "
             "(seen for real); a tunnelled stream goes through libvirt's own connection, so "
             "QEMU's TLS has nothing to protect there. (libvirt 12.9.0 no longer uses yajl and "
             "has no such message.)",
             "libvirt 9.0.0 在 --tls 与 --p2p --tunnelled 同时使用时会这样失败（实际见到过）；"
             "隧道数据流走的是 libvirt 自己的连接，QEMU 的 TLS 在这里没有可保护的对象。"
             "（libvirt 12.9.0 不再使用 yajl，也没有这条消息。）"),
        Text("Drop --tls with --tunnelled (use a qemu+tls:// destination URI to encrypt the "
             "tunnel), or drop --tunnelled and keep --tls.",
             "使用 --tunnelled 时去掉 --tls（要加密隧道就用 qemu+tls:// 目标 URI），"
             "或者去掉 --tunnelled 而保留 --tls。"),
        "src/util/virjson.c (the function was not checked; the text is absent from libvirt "
        "12.9.0's libvirt.so.0, the release that dropped it was not checked)",
    ),
    ErrorEntry(
        "libvirt-params-unsupported", _LIB, "virDomainMigrate3",
        (
            Wording("argument unsupported: Migration APIs with extensible parameters are not "
                    "supported but extended parameters were passed", seen=_BOTH),
            Wording("argument unsupported: Some parameters are not supported by migration "
                    "protocol {protocol}", seen=_BOTH),
        ),
        _o("migrate-disks", "bandwidth", "dname", "xml", "listen-address", "migrateuri"),
        Text("virsh turns value options into typed parameters, and a driver on the way (a "
             "very old libvirt on one host, or a driver without parameter-based migration, "
             "such as the test driver) cannot take them.",
             "virsh 把带值的选项转换成类型化参数，而途中的某个驱动（某台主机上非常老的 libvirt，"
             "或不支持基于参数的迁移的驱动，例如 test 驱动）无法接受它们。"),
        Text("Upgrade libvirt on both hosts, or leave out the options that become parameters "
             "(migflags decode --desturi ... shows which ones).",
             "在两台主机上升级 libvirt，或者去掉会变成参数的选项"
             "（migflags decode --desturi ... 会列出是哪些）。"),
        "src/libvirt-domain.c (virDomainMigrate3; the protocol wording in "
        "virDomainMigrateUnmanagedProto2/3); seen for real from virsh 9.0.0 on the test driver",
    ),
    # ---- virsh's own option parser (texts from tables/options.py and rules.py) ----
    ErrorEntry(
        "too-new", _VIRSH, "vshCommandParse",
        (Wording(VIRSH_UNKNOWN_OPTION, seen=_VIRSH_SEEN),),
        (),
        Text("This virsh does not know the option: it is newer than this virsh (9.0.0 lacks "
             "--comp-zlib-level, for example), or it is misspelt.",
             "这个 virsh 不认识该选项：选项比这个 virsh 新（例如 9.0.0 没有 --comp-zlib-level），"
             "或者拼写有误。"),
        Text("Check the spelling (migflags check suggests the closest option), upgrade virsh, "
             "or leave the option out.",
             "检查拼写（migflags check 会给出最接近的选项），升级 virsh，或者去掉这个选项。"),
        _VSH, option_slot="option",
    ),
    ErrorEntry(
        "virsh-bad-number", _VIRSH, "vshCommandOptInt/UInt/ULongLong",
        (Wording(MSG_BAD_NUMBER, seen=_VIRSH_SEEN),),
        (),
        Text("virsh reads the number into the option's C type: digits only, no unit suffix, "
             "no minus sign for unsigned options, and within the type's range.",
             "virsh 按选项的 C 类型读取数字：只能是数字，不能带单位后缀，无符号选项不能带负号，"
             "并且必须在该类型的范围之内。"),
        Text("Give a plain integer in the option's unit (--bandwidth in MiB/s, "
             "--comp-xbzrle-cache in bytes).",
             "给出该选项单位下的纯整数（--bandwidth 以 MiB/s 为单位，--comp-xbzrle-cache "
             "以字节为单位）。"),
        _VSH + "; vshCommandOptInt / UInt / ULongLong by the option's type",
        option_slot="option",
    ),
    ErrorEntry(
        "virsh-empty-value", _VIRSH, "vshCommandOptString",
        (Wording(MSG_EMPTY_VALUE, seen=_VIRSH_SEEN),),
        (),
        Text("A string option was given an empty value, which virsh refuses.",
             "字符串选项的值为空，virsh 拒绝接受。"),
        Text("Give the option a value, or leave it out.", "给该选项一个值，或者去掉它。"),
        _VSH, option_slot="option",
    ),
    ErrorEntry(
        "virsh-duplicate-option", _VIRSH, "vshCommandParse",
        (Wording(MSG_DUPLICATE, seen=_VIRSH_SEEN),),
        (),
        Text("An option may appear only once; list options take one comma-separated value.",
             "每个选项只能出现一次；列表型选项用一个逗号分隔的值。"),
        Text("Give the option once, e.g. --migrate-disks vda,vdb.",
             "只给一次该选项，例如 --migrate-disks vda,vdb。"),
        _VSH, option_slot="option",
    ),
    ErrorEntry(
        "virsh-switch-with-value", _VIRSH, "vshCommandParse",
        (Wording(MSG_BOOL_WITH_VALUE, seen=_VIRSH_SEEN),),
        (),
        Text("A switch such as --live takes no value; '=' after it is an error.",
             "像 --live 这样的开关不带值，后面跟 '=' 是错误的。"),
        Text("Write the switch alone (--live), or leave it out to turn it off.",
             "只写开关本身（--live）；要关闭它就去掉。"),
        _VSH, option_slot="option",
    ),
    ErrorEntry(
        "virsh-missing-value", _VIRSH, "vshCommandParse",
        (Wording(MSG_MISSING_VALUE, seen=_VIRSH_SEEN),),
        (),
        Text("The option needs a value and nothing follows it.",
             "该选项需要一个值，但后面什么都没有。"),
        Text("Put the value after the option (--bandwidth 100), or leave the option out.",
             "在选项后面给出值（--bandwidth 100），或者去掉该选项。"),
        _VSH, option_slot="option",
    ),
    ErrorEntry(
        "virsh-extra-word", _VIRSH, "vshCommandParse",
        (Wording(MSG_EXTRA_WORD, seen=_VIRSH_SEEN),),
        _o("domain", "desturi", "migrateuri"),
        Text("More bare words than virsh has positional slots: 9.0.0 fills 23 options in "
             "order, the parser of 10.3.0 and later only 10; a typo in an option name also "
             "leaves a bare word.",
             "不带选项名的单词比 virsh 的位置参数槽多：9.0.0 按顺序填 23 个选项，"
             "10.3.0 及以后的解析器只有 10 个；选项名拼错也会留下一个裸单词。"),
        Text("Name every option except the domain and the destination URI "
             "(--migrateuri URI, not a bare URI).",
             "除虚拟机名和目标 URI 外，每个选项都写出名字（写 --migrateuri URI，而不是裸 URI）。"),
        _VSH,
    ),
    ErrorEntry(
        "virsh-xml-file", _VIRSH, "doMigrate",
        (
            Wording(MSG_FILE, seen=_VIRSH_SEEN),
            Wording(MSG_FILE_OPEN, seen=_VIRSH_SEEN),
            Wording(MSG_FILE_READ, seen=_VIRSH_SEEN),
        ),
        _o("xml", "persistent-xml"),
        Text("--xml and --persistent-xml name files that virsh itself reads, on the host where "
             "virsh runs, and sends their contents.",
             "--xml 和 --persistent-xml 指定的文件由 virsh 自己在其运行的主机上读取，"
             "然后发送文件内容。"),
        Text("Give a path readable on the host running virsh (not on the destination).",
             "给出在运行 virsh 的主机上可读的路径（不是目标主机上的路径）。"),
        "tools/virsh-domain.c (virFileReadAll)",
    ),
    # ---- older wordings of today's rules ----
    ErrorEntry(
        "qemu-nbd-tunnelled-old", _QEMU, "qemuMigrationBeginPhase",
        (Wording("NBD in tunnelled migration is currently not supported",
                 until=v("6.10.0")),),
        _o("tunnelled", "copy-storage-all", "copy-storage-inc"),
        Text("Older libvirt only logs this and carries on without copying the disks, because "
             "the NBD disk stream cannot go through the tunnel; from 6.10.0 the QEMU driver "
             "refuses the combination instead.",
             "较老的 libvirt 只记录这条日志并继续迁移，但不会复制磁盘，因为 NBD 磁盘数据流无法"
             "经过隧道；从 6.10.0 起 QEMU 驱动直接拒绝这种组合。"),
        Text("Drop --tunnelled (use --tls for encryption) when copying storage.",
             "复制存储时去掉 --tunnelled（需要加密时用 --tls）。"),
        _MIGRATION_C + " (logged with VIR_WARN or VIR_DEBUG, not raised, in older copies; "
        "absent from the 9.0.0 binary; until 6.10.0 inferred from the release that added "
        "qemu-storage-tunnelled's error)",
        rule="qemu-storage-tunnelled",
    ),
)

