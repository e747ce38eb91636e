"""Where migration flags values show up in logs: one row per kind of log line, with examples.

`migflags annotate` (src/migflags/annotate/scanner.py) compiles its patterns from this module and
`tests/test_annotate.py` runs every example through it. Each example says where it comes from:
captured from a real program, or written from the format string of the libvirt source named
(the debug format strings of libvirt 9.0.0 were read from the Debian bookworm source package
libvirt_9.0.0.orig.tar.xz; older ones from libvirt's public git history).

libvirt debug lines look like ``<time>: <thread>: <level> : <function>:<line> : <message>``.
A line is a migration line when its function matches a row below and no row of
`NOT_MIGRATION_FLAGS`; its first ``flags=`` (or ``destflags=``) field is the value. A message
can span several physical lines (the migration cookie is XML): then the value is on a later
line of the same record, and that line is the one annotated.

The number base is a fact of the libvirt release that wrote the log:

* ``0x1b``: hexadecimal, every release that prints the prefix (all of them today).
* ``1b``/``43`` without a prefix: hexadecimal (``%lx``/``%x``) from libvirt 0.9.4, decimal
  (``%lu``) before it. Bare hex is still in the migration debug lines of a libvirt-domain.c
  that ends with virDomainSetGuestVcpus (added in 2.0.0, so a 2.x release); 7.0.0 (Debian
  bullseye's source) and 9.0.0 print ``0x`` everywhere, and the syntax-check rule that
  once said "use %x to debug flag values" asks for "0x%x" by then. The exact release of the
  switch is not pinned down here.
* CloudStack's ``with flags [N]`` is decimal (Java ``long`` through ``%s``).
"""

from __future__ import annotations

from enum import Enum

from migflags.record import NamedTuple

# `<level> : <function>:<line> : ` in every libvirt log line (file, stderr and libvirtd.log).
RECORD_START = r"(?:debug|info|warning|error) : (?P<func>[A-Za-z_][A-Za-z0-9_]*):(?P<lineno>[0-9]+) : "
# A flags field inside a libvirt message: one of FIELD_NAMES, not preceded by a letter, digit
# or `_`, then `=` and the value (at most 16 digits: a 64-bit value) not followed by one.
# The pattern starts at `flags=` so that the regex engine can skip to it; the character
# before the name is checked by the scanner.
FIELD_NAMES = ("flags", "destflags")
FLAGS_VALUE = r"flags=(?P<value>0[xX][0-9a-fA-F]{1,16}|[0-9a-fA-F]{1,16})(?![0-9A-Za-z_])"
# Every migration function name contains this, and so does CloudStack's message: the scanner
# looks for it first and only then parses the line.
ANCHOR = "Migrat"


class Base(Enum):
    LIBVIRT = "libvirt"  # 0x... is hex; bare digits follow --bare-flags (hex by default)
    DECIMAL = "decimal"  # always decimal


class Example(NamedTuple):
    text: str  # one log record: a line, or several when the message spans lines
    value: int  # the flags value the record carries (bare digits read as hex)
    function: str
    origin: str
    bare: bool = False  # the value is written without 0x


class LogSource(NamedTuple):
    name: str
    writer: str
    functions: str  # regular expression a whole function name must match ("" = not libvirt)
    message: str  # regular expression with a `value` group ("" = a flags field after RECORD_START)
    base: Base
    examples: tuple[Example, ...]
    function: str = ""  # the function reported for rows without a libvirt function name


class NotMigrationFlags(NamedTuple):
    functions: str
    why: str
    examples: tuple[str, ...]


_T9 = "2026-11-27 14:36:00.917+0000: 6460: debug : "
_UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f"
_VM = f"dom=0x7f3a8c00b6d0, (VM: name=vm1, uuid={_UUID}), "
_COOKIE = (
    "<qemu-migration>\n"
    "  <name>vm1</name>\n"
    f"  <uuid>{_UUID}</uuid>\n"
    "  <hostname>dst.example.org</hostname>\n"
    "  <hostuuid>4c4c4544-0038-3510-8052-b4c04f4a3732</hostuuid>\n"
    "  <nbd port='49153'/>\n"
    "</qemu-migration>\n"
)
_FMT9 = "written from the format string in libvirt 9.0.0 "
_VIRSH9 = "captured: virsh 9.0.0 migrate against test:///default with LIBVIRT_DEBUG=1"
_VIRSH12 = "captured: virsh 12.9.0 migrate against test:///default with LIBVIRT_DEBUG=1"

LOG_SOURCES: tuple[LogSource, ...] = (
    LogSource(
        "libvirt-api",
        "libvirt: the public migration calls, logged by the client library (virsh, nova, ...)",
        r"virDomainMigrate(?:2|3|ToURI|ToURI2|ToURI3)?",
        "",
        Base.LIBVIRT,
        (
            Example(
                "2026-11-27 14:36:00.917+0000: 6460: debug : virDomainMigrateToURI3:4646 : "
                f"dom=0x5632a9ed1690, (VM: name=test, uuid={_UUID}), "
                "dconnuri=qemu+ssh://x/system, params=(nil), nparms=0 flags=0x1b",
                0x1B, "virDomainMigrateToURI3", _VIRSH9 + " (--live --p2p --persistent "
                "--undefinesource)",
            ),
            Example(
                "2026-11-27 14:46:13.726+0000: 6924: debug : virDomainMigrate3:4209 : "
                f"dom=0x5613a99dda90, (VM: name=test, uuid={_UUID}), dconn=0x5613a99d2170, "
                "params=(nil), nparms=0 flags=0x9",
                0x9, "virDomainMigrate3", _VIRSH9 + " (--live --persistent)",
            ),
            Example(
                "2026-11-27 14:36:02.575+0000: 6591: debug : virDomainMigrateToURI3:4710 : "
                f"dom=0x55557e855690, (VM: name=test, uuid={_UUID}), "
                "dconnuri=qemu+ssh://x/system, params=0x7fcb44000cb0, nparms=1 flags=0x1b",
                0x1B, "virDomainMigrateToURI3", _VIRSH12 + " (--bandwidth 10)",
            ),
            Example(
                _T9 + "virDomainMigrateToURI2:4567 : " + _VM
                + "dconnuri=qemu+ssh://dst/system, miguri=<null>, dxml=<null>, flags=0x3, "
                "dname=<null>, bandwidth=0",
                0x3, "virDomainMigrateToURI2", _FMT9 + "src/libvirt-domain.c:4567",
            ),
        ),
    ),
    LogSource(
        "libvirt-protocol",
        "libvirt: the Begin/Prepare/Perform/Finish/Confirm steps, logged where they run "
        "(libvirtd on the source or the destination)",
        r"virDomainMigrate(?:Begin3|Prepare|Prepare2|Prepare3|PrepareTunnel|PrepareTunnel3"
        r"|Perform|Perform3|Finish|Finish2|Finish3|Confirm3)(?:Params)?",
        "",
        Base.LIBVIRT,
        (
            Example(
                _T9 + "virDomainMigratePerform3Params:5379 : " + _VM
                + "dconnuri=qemu+tls://dst.example.org/system, params=0x7f3a8c012340, "
                "nparams=2, cookiein=(nil), cookieinlen=0, cookieout=0x7f3a9affc8a8, "
                "cookieoutlen=0x7f3a9affc89c, flags=0x1b",
                0x1B, "virDomainMigratePerform3Params", _FMT9 + "src/libvirt-domain.c:5379",
            ),
            Example(
                _T9 + "virDomainMigratePrepare3Params:5282 : dconn=0x7f3a8c001f20, "
                "params=0x7f3a8c0133a0, nparams=3, cookiein=0x7f3a8c00d1e0, cookieinlen=342, "
                "cookieout=0x7f3a9b7fd8a8, cookieoutlen=0x7f3a9b7fd89c, uri_out=0x7f3a9b7fd890, "
                "flags=0x49",
                0x49, "virDomainMigratePrepare3Params", _FMT9 + "src/libvirt-domain.c:5282",
            ),
            Example(
                _T9 + "virDomainMigrateConfirm3Params:5469 : " + _VM
                + "params=0x7f3a8c012340, nparams=2, cookiein=0x7f3a8c00e2a0, "
                "cookieinlen=120, flags=0x1b, cancelled=0",
                0x1B, "virDomainMigrateConfirm3Params", _FMT9 + "src/libvirt-domain.c:5469",
            ),
            Example(
                _T9 + "virDomainMigrateBegin3:4949 : " + _VM
                + "xmlin=<null> cookieout=0x7f3a9affc8a8, cookieoutlen=0x7f3a9affc89c, "
                "flags=0x1001, dname=<null>, bandwidth=0",
                0x1001, "virDomainMigrateBegin3", _FMT9 + "src/libvirt-domain.c:4949",
            ),
        ),
    ),
    LogSource(
        "libvirt-sequence",
        "libvirt: the client-side sequences that drive the steps, including the "
        "`Prepare2 %p flags=` / `Prepare3 %p flags=` lines with the flags sent to the "
        "destination",
        r"virDomainMigrate(?:Version1|Version2|Version3|Version3Full|Version3Params|Unmanaged"
        r"|UnmanagedParams|UnmanagedProto2|UnmanagedProto3|Peer2Peer|Peer2PeerFull"
        r"|Peer2PeerParams|Direct)",
        "",
        Base.LIBVIRT,
        (
            Example(
                _T9 + "virDomainMigrateVersion3Full:3300 : Prepare3 0x55d0c2f1e120 flags=0x9",
                0x9, "virDomainMigrateVersion3Full", _FMT9 + "src/libvirt-domain.c:3300",
            ),
            Example(
                _T9 + "virDomainMigrateVersion2:3129 : Prepare2 0x55d0c2f1e120 flags=0x29",
                0x29, "virDomainMigrateVersion2", _FMT9 + "src/libvirt-domain.c:3129",
            ),
            Example(
                _T9 + "virDomainMigrateVersion3Full:3240 : " + _VM
                + "dconn=0x55d0c2f1e120, xmlin=<null>, dname=<null>, uri=<null>, "
                "bandwidth=0, params=0x7f3a8c012340, nparams=0, useParams=1, flags=0x9",
                0x9, "virDomainMigrateVersion3Full", _FMT9 + "src/libvirt-domain.c:3240",
            ),
            Example(
                "2016-07-12 09:15:02.331+0000: 2874: debug : virDomainMigrateVersion3Full:3226"
                " : Prepare3 0x7f1e3c0011c0 flags=1b",
                0x1B, "virDomainMigrateVersion3Full",
                "written from the format string `Prepare3 %p flags=%x` in the libvirt-domain.c "
                "that ends with virDomainSetGuestVcpus (2.0.0)",
                bare=True,
            ),
        ),
    ),
    LogSource(
        "qemu-driver",
        "libvirtd/virtqemud: the QEMU driver's migration steps (names since libvirt 3.x)",
        r"qemuMigration(?:Src|Dst|Any)[A-Za-z0-9_]+",
        "",
        Base.LIBVIRT,
        (
            Example(
                _T9 + "qemuMigrationSrcPerform:6226 : driver=0x7f3a5c0231a0, "
                "conn=0x7f3a8c001f20, vm=0x7f3a5c0a8b70, xmlin=<null>, "
                "dconnuri=qemu+tls://dst.example.org/system, uri=<null>, graphicsuri=<null>, "
                "listenAddress=<null>, nmigrate_disks=0, migrate_disks=(nil), nbdPort=0, "
                "nbdURI=<null>, cookiein=<null>, cookieinlen=0, cookieout=0x7f3a9affc8a8, "
                "cookieoutlen=0x7f3a9affc89c, flags=0x1b, dname=<null>, resource=0, "
                "v3proto=1",
                0x1B, "qemuMigrationSrcPerform", _FMT9 + "src/qemu/qemu_migration.c:6226",
            ),
            Example(
                _T9 + "qemuMigrationSrcPerform:6226 : driver=0x7f3a5c0231a0, "
                "conn=0x7f3a8c001f20, vm=0x7f3a5c0a8b70, xmlin=<null>, dconnuri=<null>, "
                "uri=tcp://dst.example.org:49152, graphicsuri=<null>, listenAddress=<null>, "
                "nmigrate_disks=0, migrate_disks=(nil), nbdPort=0, nbdURI=<null>, cookiein="
                + _COOKIE
                + ", cookieinlen=342, cookieout=0x7f3a9affc8a8, cookieoutlen=0x7f3a9affc89c, "
                "flags=0x1009, dname=<null>, resource=0, v3proto=1",
                0x1009, "qemuMigrationSrcPerform",
                _FMT9 + "src/qemu/qemu_migration.c:6226 (the cookie is XML, so the flags "
                "are on a later line of the record)",
            ),
            Example(
                _T9 + "qemuMigrationDstPrepareDirect:3686 : driver=0x7f3a5c0231a0, "
                "dconn=0x7f3a8c001f20, cookiein=" + _COOKIE + ", cookieinlen=342, "
                "cookieout=0x7f3a9b7fd8a8, cookieoutlen=0x7f3a9b7fd89c, uri_in=<null>, "
                "uri_out=0x7f3a9b7fd890, def=0x7f3a8c014a40, origname=<null>, "
                "listenAddress=<null>, nmigrate_disks=0, migrate_disks=(nil), nbdPort=0, "
                "nbdURI=<null>, flags=0x9",
                0x9, "qemuMigrationDstPrepareDirect", _FMT9 + "src/qemu/qemu_migration.c:3686",
            ),
            Example(
                _T9 + "qemuMigrationSrcBeginPhase:2546 : driver=0x7f3a5c0231a0, "
                "vm=0x7f3a5c0a8b70, xmlin=<null>, dname=<null>, cookieout=0x7f3a9affc8a8, "
                "cookieoutlen=0x7f3a9affc89c, nmigrate_disks=0, migrate_disks=(nil), "
                "flags=0x103",
                0x103, "qemuMigrationSrcBeginPhase", _FMT9 + "src/qemu/qemu_migration.c:2546",
            ),
            Example(
                _T9 + "qemuMigrationSrcConfirm:4011 : vm=0x7f3a5c0a8b70, flags=0x1b, "
                "cancelled=0",
                0x1B, "qemuMigrationSrcConfirm", _FMT9 + "src/qemu/qemu_migration.c:4011",
            ),
            Example(
                _T9 + "qemuMigrationDstFinish:6761 : driver=0x7f3a5c0231a0, "
                "dconn=0x7f3a8c001f20, vm=0x7f3a5c0a8b70, cookiein=<null>, cookieinlen=0, "
                "cookieout=0x7f3a9b7fd8a8, cookieoutlen=0x7f3a9b7fd89c, flags=0x8009, "
                "retcode=0",
                0x8009, "qemuMigrationDstFinish", _FMT9 + "src/qemu/qemu_migration.c:6761",
            ),
            Example(
                _T9 + "qemuMigrationSrcPerformPeer2Peer3:5496 : driver=0x7f3a5c0231a0, "
                "sconn=0x7f3a8c001f20, dconn=0x7f3a70004b30, "
                "dconnuri=qemu+tls://dst.example.org/system, vm=0x7f3a5c0a8b70, "
                "xmlin=<null>, dname=<null>, uri=<null>, graphicsuri=<null>, "
                "listenAddress=<null>, nmigrate_disks=0, migrate_disks=(nil), nbdPort=0, "
                "nbdURI=<null>, bandwidth=0, useParams=1, flags=0x1b",
                0x1B, "qemuMigrationSrcPerformPeer2Peer3",
                _FMT9 + "src/qemu/qemu_migration.c:5496",
            ),
        ),
    ),
    LogSource(
        "qemu-driver-old",
        "libvirtd: the QEMU driver's migration steps before they were split into Src/Dst",
        r"qemuMigration(?:Begin|Prepare|Perform|Finish|Confirm|Run)[A-Za-z0-9_]*"
        r"|do(?:Native|Tunnel|Peer2Peer)Migrate[0-9]?",
        "",
        Base.LIBVIRT,
        (
            Example(
                "2012-03-05 10:00:00.120+0000: 4321: debug : doPeer2PeerMigrate3:2251 : "
                "driver=0x7f8e3c0a8d20, sconn=0x7f8e2c000a10, dconn=0x7f8e24001b20, "
                "vm=0x7f8e3c0c1e40, xmlin=<null>, dconnuri=qemu+tcp://dst/system, "
                "uri=<null>, flags=b, dname=<null>, resource=0",
                0xB, "doPeer2PeerMigrate3",
                "written from the format string `... flags=%lx, dname=%s, resource=%lu` of "
                "doPeer2PeerMigrate3 in a libvirt 0.9 src/qemu/qemu_migration.c",
                bare=True,
            ),
            Example(
                "2012-03-05 10:00:00.118+0000: 4321: debug : doPeer2PeerMigrate:2349 : "
                "driver=0x7f8e3c0a8d20, sconn=0x7f8e2c000a10, vm=0x7f8e3c0c1e40, "
                "xmlin=<null>, dconnuri=qemu+tcp://dst/system, uri=<null>, flags=1b, "
                "dname=<null>, resource=0",
                0x1B, "doPeer2PeerMigrate",
                "written from the format string of doPeer2PeerMigrate in a libvirt 0.9 "
                "src/qemu/qemu_migration.c",
                bare=True,
            ),
        ),
    ),
    LogSource(
        "driver-entry",
        "libvirtd: a hypervisor driver's own migration entry points (qemuDomainMigrate..., "
        "libxlDomainMigrate..., ...), for drivers and releases that log their flags",
        r"[a-z][A-Za-z0-9]*DomainMigrat[A-Za-z0-9_]*",
        "",
        Base.LIBVIRT,
        (
            Example(
                _T9 + "libxlDomainMigratePerform3Params:6243 : dom=0x7f3a8c00b6d0, "
                "dconnuri=xen+ssh://dst/system, flags=0x3",
                0x3, "libxlDomainMigratePerform3Params",
                "constructed: libvirt 9.0.0 has no driver other than qemu that logs its "
                "migration flags; the line has the common shape so that such a driver's "
                "lines are recognised",
            ),
        ),
    ),
    LogSource(
        "cloudstack-agent",
        "Apache CloudStack KVM agent (MigrateKVMAsync): the decimal flags it passes to "
        "virDomainMigrate3",
        "",
        r"Migrating \[[^\]\n]*\] with flags \[(?P<value>[0-9]{1,19})\]",
        Base.DECIMAL,
        (
            Example(
                "2024-05-14 10:21:33,456 DEBUG [kvm.resource.MigrateKVMAsync] "
                "(agentRequest-Handler-3:null) (logid:6d1c2b1a) Migrating [i-2-10-VM] with "
                "flags [10241], destination [10.1.1.12] and speed [0]. The disks with the "
                "following labels will be migrated [[]].",
                10241, "MigrateKVMAsync",
                "written from the log format in plugins/hypervisors/kvm/.../"
                "MigrateKVMAsync.java (Apache CloudStack)",
            ),
        ),
        function="MigrateKVMAsync",
    ),
)

NOT_MIGRATION_FLAGS: tuple[NotMigrationFlags, ...] = (
    NotMigrationFlags(
        r"[A-Za-z0-9_]*DomainMigrate(?:Set|Get)(?:MaxSpeed|MaxDowntime|CompressionCache)"
        r"|[A-Za-z0-9_]*DomainMigrateStartPostCopy",
        "migration tuning calls: their flags are their own (e.g. "
        "VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY = 1), not virDomainMigrateFlags",
        (
            "2026-11-27 14:50:13.466+0000: 22886: debug : virDomainMigrateSetMaxSpeed:9715 : "
            f"dom=0x558b04f01c10, (VM: name=test, uuid={_UUID}), bandwidth=10, flags=0x0",
            "2026-11-27 14:50:14.325+0000: 22996: debug : virDomainMigrateSetMaxSpeed:9715 : "
            f"dom=0x557ddf6e3c10, (VM: name=test, uuid={_UUID}), bandwidth=10, flags=0x1",
            "2026-11-27 14:50:13.642+0000: 22899: debug : virDomainMigrateGetMaxSpeed:9760 : "
            f"dom=0x557819ff7c10, (VM: name=test, uuid={_UUID}), bandwidth = 0x7fffd9a0e4d0, "
            "flags=0x0",
            "2026-11-27 14:50:13.766+0000: 22918: debug : virDomainMigrateSetMaxDowntime:9538 : "
            f"dom=0x55fba2e8bc10, (VM: name=test, uuid={_UUID}), downtime=100, flags=0x0",
            "2026-11-27 14:50:13.896+0000: 22932: debug : virDomainMigrateGetMaxDowntime:9581 : "
            f"dom=0x5566f4c33c10, (VM: name=test, uuid={_UUID}), downtime = 0x7ffce644bdf0, "
            "flags=0x0",
            "2026-11-27 14:50:14.034+0000: 22953: debug : "
            f"virDomainMigrateGetCompressionCache:9623 : dom=0x5580da57f010, (VM: name=test, "
            f"uuid={_UUID}), cacheSize=0x7ffedf4a5468, flags=0x0",
            "2026-11-27 14:50:14.140+0000: 22973: debug : "
            f"virDomainMigrateSetCompressionCache:9669 : dom=0x557a189ec410, (VM: name=test, "
            f"uuid={_UUID}), cacheSize=1000, flags=0x0",
            "2016-07-12 09:15:02.331+0000: 2874: debug : virDomainMigrateStartPostCopy:9866 : "
            f"dom=0x56496ca2bc10, (VM: name=test, uuid={_UUID}), flags=0",
        ),
    ),
)

# Lines that carry a `flags=` field but are no migration line at all (used by the tests).
OTHER_FLAGS_LINES: tuple[str, ...] = (
    "2026-11-27 14:36:00.912+0000: 6447: debug : virConnectOpenAuth:1269 : "
    "name=test:///default, auth=0x7f0002c96800, flags=0x0",
    "2026-11-27 14:36:02.478+0000: 6567: debug : remoteGetUNIXSocket:319 : Choosing remote "
    "socket for transport=ssh mode=auto driver=qemu flags=0x0",
    _T9 + "qemuMonitorMigrateToHost:2248 : hostname=dst.example.org port=49152 flags=0x1",
    _T9 + "virDomainGetXMLDesc:2617 : " + _VM + "flags=0x1",
)
