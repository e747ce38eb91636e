"""Every rule, fired and kept silent by command lines written here by hand.

Nothing below is derived from the rule rows: each case is a literal `virsh migrate` command line
(parsed by the real-virsh-like parser, not built from the rule's terms), a literal release, and
for a firing case the literal message. The messages were copied from the reference facts
(libvirt-migrate-reference.json), from libvirt's source where the reference has no text (the
guest checks: qemuMigrationSrcIsSafe, qemuMigrationSrcBegin, qemuMigrationDstStartNBDServer),
and from real runs (the QEMU refusals and the libvirt bugs, seen on real 9.0.0 / 12.9.0
daemons; see the issue and qemu-driver-oracle.md).

scripts/mutate_rules.py mutates each row in turn and runs these cases: a mutant that no case
kills is a hole in this file.
"""

from __future__ import annotations

import shlex
from typing import NamedTuple

import pytest

from migflags.core import analyse
from migflags.guest import guest_from
from migflags.model import Result
from migflags.tables.rules import RULES
from migflags.versions import v
from migflags.virsh_argv import parse_virsh_argv

REMOTE_TAIL = " vm1 qemu+ssh://dst.example/system"


class Case(NamedTuple):
    rule: str
    version: str
    argv: str  # `virsh migrate` options; " vm1 qemu+ssh://dst.example/system" is added
    fires: bool
    message: str | None = None  # for a firing case: the exact text (None: advice, no text)
    state: str | None = None  # --state
    xml: str | None = None  # --domain-xml (one of the guests below)
    parse: str | None = None  # the virsh release parsing the line, when not `version`
    # values no virsh line can carry (virsh refuses an empty --dname; the API gets it from
    # other clients), added to the parsed request
    extra: tuple[tuple[str, object], ...] = ()
    qemu: str | None = None  # --qemu
    bits: int = 0  # bits no virsh option sets (a value from a log or another client), OR-ed in


# ------------------------------------------------------------------ guests (virsh dumpxml)

def _domain(disks: str, active: bool = True) -> str:
    opening = "<domain type='kvm' id='7'>" if active else "<domain type='kvm'>"
    return f"{opening}<name>web1</name><devices>{disks}</devices></domain>"


_VDA_LOCAL = ("<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/>"
              "<source file='/var/lib/libvirt/images/web1.qcow2'/>"
              "<target dev='vda' bus='virtio'/></disk>")
_VDA_READONLY = ("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                 "<source file='/var/lib/libvirt/images/base.qcow2'/>"
                 "<target dev='vda' bus='virtio'/><readonly/></disk>")
_SDA_EMPTY_CDROM = ("<disk type='file' device='cdrom'><driver name='qemu' type='raw'/>"
                    "<target dev='sda' bus='sata'/><readonly/></disk>")
_VDB_BLOCK_WRITEBACK = ("<disk type='block' device='disk'>"
                        "<driver name='qemu' type='raw' cache='writeback'/>"
                        "<source dev='/dev/mapper/san-lun1'/><target dev='vdb' bus='virtio'/>"
                        "</disk>")
_VDB_BLOCK_NONE = _VDB_BLOCK_WRITEBACK.replace("writeback", "none")
_VDC_NETWORK = ("<disk type='network' device='disk'><driver name='qemu' type='raw'/>"
                "<source protocol='rbd' name='pool/web1'><host name='ceph1' port='6789'/>"
                "</source><target dev='vdc' bus='virtio'/></disk>")

_VDD_TRANSIENT = ("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                  "<source file='/var/lib/libvirt/images/scratch.qcow2'/>"
                  "<target dev='vdd' bus='virtio'/><transient/></disk>")
_SHMEM_PEER = ("<shmem name='ivshmem0'><model type='ivshmem-plain'/>"
               "<size unit='M'>4</size></shmem>")
_SHMEM_MASTER = ("<shmem name='ivshmem1' role='master'><model type='ivshmem-plain'/>"
                 "<size unit='M'>4</size></shmem>")

GUESTS = {
    "transient": _domain(_VDA_READONLY + _VDD_TRANSIENT),
    "shmem-peer": _domain(_VDA_READONLY + _SHMEM_MASTER + _SHMEM_PEER),
    "shmem-master": _domain(_VDA_READONLY + _SHMEM_MASTER),
    "local": _domain(_VDA_LOCAL + _SDA_EMPTY_CDROM),
    "readonly": _domain(_VDA_READONLY),
    "block-writeback": _domain(_VDB_BLOCK_WRITEBACK + _VDC_NETWORK),
    "block-none": _domain(_VDB_BLOCK_NONE + _VDC_NETWORK),
    "shut-off": _domain(_VDA_READONLY, active=False),
}

# ------------------------------------------------------------------ literal messages

_BOTH_STORAGE = "'--copy-storage-all', '--copy-storage-inc'"
_NEEDS_NON_SHARED = ("requires use of 'VIR_MIGRATE_NON_SHARED_DISK' or "
                     "'VIR_MIGRATE_NON_SHARED_INC' flag")
_STORAGE_TUNNEL = ("Operation not supported: migration of non-shared storage is not supported "
                   "with tunnelled migration and this QEMU")
_SET_PARAMS = "internal error: unable to execute QEMU command 'migrate-set-parameters': "

C = Case
CASES: tuple[Case, ...] = (
    # ---- virsh
    C("virsh-live-offline", "9.0.0", "--live --offline", True,
      "Options --live and --offline are mutually exclusive"),
    C("virsh-live-offline", "9.0.0", "--live", False),
    C("virsh-live-offline", "9.0.0", "--offline --persistent", False),
    C("virsh-timeout-actions", "9.0.0",
      "--live --postcopy --timeout 5 --timeout-suspend --timeout-postcopy", True,
      "Options --timeout-suspend and --timeout-postcopy are mutually exclusive"),
    C("virsh-timeout-actions", "9.0.0", "--live --timeout 5 --timeout-suspend", False),
    C("virsh-copy-storage-exclusive", "12.9.0", "--live --copy-storage-all --copy-storage-inc",
      True, "Options --copy-storage-all and --copy-storage-inc are mutually exclusive"),
    C("virsh-copy-storage-exclusive", "12.9.0", "--live --copy-storage-all", False),
    C("virsh-copy-storage-exclusive", "9.0.0", "--live --copy-storage-all --copy-storage-inc",
      False),
    C("virsh-postcopy-after-precopy", "9.0.0", "--live --postcopy-after-precopy", True,
      "Option --postcopy is required by option --postcopy-after-precopy"),
    C("virsh-postcopy-after-precopy", "9.0.0", "--live --postcopy --postcopy-after-precopy",
      False),
    C("virsh-postcopy-resume", "9.0.0", "--live --postcopy-resume", True,
      "Option --postcopy is required by option --postcopy-resume"),
    C("virsh-postcopy-resume", "9.0.0", "--live --postcopy --postcopy-resume", False),
    C("virsh-timeout-postcopy", "9.0.0", "--live --timeout 5 --timeout-postcopy", True,
      "Option --postcopy is required by option --timeout-postcopy"),
    C("virsh-timeout-postcopy", "9.0.0", "--live --postcopy --timeout 5 --timeout-postcopy",
      False),
    C("virsh-persistent-xml", "9.0.0", "--live --persistent-xml p.xml", True,
      "Option --persistent is required by option --persistent-xml"),
    C("virsh-persistent-xml", "9.0.0", "--live --persistent --persistent-xml p.xml", False),
    C("virsh-tls-destination", "9.0.0", "--live --tls-destination dst.example", True,
      "Option --tls is required by option --tls-destination"),
    C("virsh-tls-destination", "9.0.0", "--live --tls --tls-destination dst.example", False),
    C("virsh-timeout-needs-live", "9.0.0", "--timeout 1", True,
      "migrate: Unexpected timeout for offline migration"),
    C("virsh-timeout-needs-live", "9.0.0", "--live --timeout 1", False),
    C("virsh-timeout-needs-live", "9.0.0", "--timeout 0", False),
    C("virsh-timeout-action-needs-timeout", "9.0.0", "--live --timeout-suspend", True,
      "migrate: Unexpected --timeout-* option without --timeout"),
    C("virsh-timeout-action-needs-timeout", "9.0.0", "--live --postcopy --timeout-postcopy", True,
      "migrate: Unexpected --timeout-* option without --timeout"),
    C("virsh-timeout-action-needs-timeout", "9.0.0", "--live --timeout 1 --timeout-suspend",
      False),
    C("virsh-timeout-action-needs-timeout", "9.0.0", "--live", False),
    C("virsh-sync-writes-needs-storage", "9.0.0", "--live --copy-storage-synchronous-writes",
      True, "'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
      "'copy-storage-inc'"),
    C("virsh-sync-writes-needs-storage", "12.9.0", "--live --copy-storage-synchronous-writes",
      True, f"'--copy-storage-synchronous-writes' requires one of {_BOTH_STORAGE}"),
    C("virsh-sync-writes-needs-storage", "9.0.0",
      "--live --copy-storage-all --copy-storage-synchronous-writes", False),
    C("virsh-sync-writes-needs-storage", "9.0.0",
      "--live --copy-storage-inc --copy-storage-synchronous-writes", False),
    C("virsh-migrate-disks-needs-storage", "12.9.0", "--live --migrate-disks vda", True,
      f"'--migrate-disks' requires one of {_BOTH_STORAGE}"),
    C("virsh-migrate-disks-needs-storage", "12.9.0",
      "--live --copy-storage-all --migrate-disks vda", False),
    C("virsh-migrate-disks-needs-storage", "12.9.0",
      "--live --copy-storage-inc --migrate-disks vda", False),
    C("virsh-migrate-disks-needs-storage", "9.0.0", "--live --migrate-disks vda", False),
    C("virsh-detect-zeroes-needs-storage", "12.9.0", "--live --migrate-disks-detect-zeroes vda",
      True, f"'--migrate-disks-detect-zeroes' requires one of {_BOTH_STORAGE}"),
    C("virsh-detect-zeroes-needs-storage", "12.9.0",
      "--live --copy-storage-all --migrate-disks-detect-zeroes vda", False),
    C("virsh-detect-zeroes-needs-storage", "12.9.0",
      "--live --copy-storage-inc --migrate-disks-detect-zeroes vda", False),
    C("virsh-target-zero-needs-storage", "12.9.0", "--live --migrate-disks-target-zero vda",
      True, f"'--migrate-disks-target-zero' requires one of {_BOTH_STORAGE}"),
    C("virsh-target-zero-needs-storage", "12.9.0",
      "--live --copy-storage-all --migrate-disks-target-zero vda", False),
    C("virsh-target-zero-needs-storage", "12.9.0",
      "--live --copy-storage-inc --migrate-disks-target-zero vda", False),
    # ---- the public API
    C("api-tunnelled-parallel", "9.0.0", "--live --p2p --tunnelled --parallel", True,
      "Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive"),
    C("api-tunnelled-parallel", "9.0.0", "--live --p2p --tunnelled", False),
    C("api-disk-inc-exclusive", "9.0.0", "--live --copy-storage-all --copy-storage-inc", True,
      "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually "
      "exclusive"),
    C("api-disk-inc-exclusive", "9.0.0", "--live --copy-storage-all", False),
    C("api-sync-writes-needs-storage", "9.0.0", "--live --copy-storage-synchronous-writes", True,
      "Flag 'VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC' is required by flag "
      "'VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES'"),
    C("api-sync-writes-needs-storage", "9.0.0",
      "--live --copy-storage-all --copy-storage-synchronous-writes", False),
    C("api-sync-writes-needs-storage", "9.0.0",
      "--live --copy-storage-inc --copy-storage-synchronous-writes", False),
    C("api-migrate3-tunnelled", "9.0.0", "--live --tunnelled", True,
      "cannot perform tunnelled migration without using peer2peer flag"),
    C("api-migrate3-tunnelled", "9.0.0", "--live --p2p --tunnelled", False),
    C("api-dname-empty", "12.9.0", "--live", True,
      "string dname in virDomainMigrate3 must not be empty", extra=(("dname", ""),)),
    C("api-dname-empty", "12.9.0", "--live --dname web2", False),
    C("api-dname-empty", "9.0.0", "--live", False, extra=(("dname", ""),)),
    C("api-direct-unsupported", "9.0.0", "--live --direct", True,
      "argument unsupported: direct migration is not supported by the source host"),
    C("api-direct-unsupported", "9.0.0", "--live --direct --p2p", False),
    C("api-p2p-same-host", "9.0.0", "--live --p2p vm1 qemu:///system", True,
      "Attempt to migrate guest to the same host"),
    C("api-p2p-same-host", "9.0.0", "--live --p2p", False),
    # ---- the QEMU driver: parameters
    C("qemu-unknown-param", "9.0.0",
      "--live --p2p --parallel --compressed --comp-methods zlib --comp-zlib-level 3", True,
      "argument unsupported: parameter 'compression.zlib.level' not supported", parse="12.9.0"),
    C("qemu-unknown-param", "9.0.0", "--live --p2p --bandwidth 10", False),
    C("qemu-disks-port-uri", "9.0.0",
      "--live --p2p --copy-storage-all --disks-port 1 --disks-uri tcp://dst.example:2", True,
      "invalid argument: Both port and URI requested for disk migration while being mutually "
      "exclusive"),
    C("qemu-disks-port-uri", "9.0.0", "--live --p2p --copy-storage-all --disks-port 1", False),
    C("qemu-unix-listen-address", "9.0.0",
      "--live --p2p --migrateuri unix:///run/m.sock --listen-address 0.0.0.0", True,
      "invalid argument: Usage of listen-address is forbidden when migration URI uses UNIX "
      "transport method"),
    C("qemu-unix-listen-address", "9.0.0", "--live --p2p --migrateuri unix:///run/m.sock",
      False),
    C("qemu-unix-listen-address", "9.0.0",
      "--live --p2p --migrateuri tcp://dst.example:1 --listen-address 0.0.0.0", False),
    C("qemu-unix-needs-disks-uri", "9.0.0",
      "--live --p2p --migrateuri unix:///run/m.sock --copy-storage-all", True,
      "invalid argument: NBD URI must be supplied when migration URI uses UNIX transport "
      "method"),
    C("qemu-unix-needs-disks-uri", "9.0.0",
      "--live --p2p --migrateuri unix:///run/m.sock --copy-storage-inc", True,
      "invalid argument: NBD URI must be supplied when migration URI uses UNIX transport "
      "method"),
    C("qemu-unix-needs-disks-uri", "9.0.0",
      "--live --p2p --migrateuri unix:///run/m.sock --migrate-disks vda", True,
      "invalid argument: NBD URI must be supplied when migration URI uses UNIX transport "
      "method"),
    C("qemu-unix-needs-disks-uri", "9.0.0",
      "--live --p2p --migrateuri unix:///run/m.sock --copy-storage-all "
      "--disks-uri unix:///run/d.sock", False),
    C("qemu-unix-needs-disks-uri", "9.0.0", "--live --p2p --migrateuri unix:///run/m.sock",
      False),
    C("qemu-unix-needs-disks-uri", "9.0.0",
      "--live --p2p --migrateuri tcp://dst.example:1 --copy-storage-all", False),
    C("qemu-postcopy-bandwidth-overflow", "9.0.0",
      "--live --p2p --postcopy --postcopy-bandwidth 17592186044416", True,
      "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
      "17592186044416"),
    C("qemu-postcopy-bandwidth-overflow", "9.0.0",
      "--live --p2p --postcopy --postcopy-bandwidth 17592186044415", False),
    C("qemu-switchover-bandwidth-overflow", "12.9.0",
      "--live --p2p --available-switchover-bandwidth 17592186044416", True,
      "numerical overflow: migration parameter 'bandwidth.avail.switchover' must be less than "
      "17592186044416"),
    C("qemu-switchover-bandwidth-overflow", "12.9.0",
      "--live --p2p --available-switchover-bandwidth 17592186044415", False),
    C("qemu-auto-converge-tuning", "9.0.0", "--live --p2p --auto-converge-initial 20", True,
      "invalid argument: Turn auto convergence on to tune it"),
    C("qemu-auto-converge-tuning", "9.0.0", "--live --p2p --auto-converge-increment 5", True,
      "invalid argument: Turn auto convergence on to tune it"),
    C("qemu-auto-converge-tuning", "9.0.0",
      "--live --p2p --auto-converge --auto-converge-initial 20", False),
    C("qemu-auto-converge-tuning", "9.0.0", "--live --p2p", False),
    C("qemu-parallel-tuning", "9.0.0", "--live --p2p --parallel-connections 4", True,
      "invalid argument: Turn parallel migration on to tune it"),
    C("qemu-parallel-tuning", "9.0.0", "--live --p2p --parallel --parallel-connections 4",
      False),
    C("qemu-compression-unknown-method", "9.0.0", "--live --p2p --compressed --comp-methods zlib",
      True, "invalid argument: Unsupported compression method 'zlib'"),
    C("qemu-compression-unknown-method", "9.0.0",
      "--live --p2p --compressed --comp-methods xbzrle,mt", False),
    C("qemu-compression-unknown-method", "9.4.0",
      "--live --p2p --compressed --comp-methods zlib", False),
    C("qemu-compression-unknown", "12.9.0", "--live --p2p --compressed --comp-methods bogus",
      True, "invalid argument: Unsupported compression method 'bogus'"),
    C("qemu-compression-unknown", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zstd", False),
    C("qemu-compression-unknown", "12.9.0",
      "--live --p2p --compressed --comp-methods xbzrle,mt", False),
    C("qemu-compression-twice", "9.0.0", "--live --p2p --compressed --comp-methods mt,mt", True,
      "invalid argument: Compression method 'mt' is specified twice"),
    C("qemu-compression-twice", "9.0.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      False),
    C("qemu-compression-not-parallel", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods mt", True,
      "invalid argument: Compression method 'mt' isn't supported with parallel migration"),
    C("qemu-compression-not-parallel", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods xbzrle", True,
      "invalid argument: Compression method 'xbzrle' isn't supported with parallel migration"),
    C("qemu-compression-not-parallel", "12.9.0", "--live --p2p --compressed --comp-methods mt",
      False),
    C("qemu-compression-needs-parallel", "12.9.0", "--live --p2p --compressed --comp-methods zlib",
      True, "invalid argument: Compression method 'zlib' is only supported with parallel "
      "migration"),
    C("qemu-compression-needs-parallel", "12.9.0", "--live --p2p --compressed --comp-methods zstd",
      True, "invalid argument: Compression method 'zstd' is only supported with parallel "
      "migration"),
    C("qemu-compression-needs-parallel", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib", False),
    C("qemu-compression-only-one", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib,zstd", True,
      "invalid argument: Only one compression method could be specified with parallel "
      "compression"),
    C("qemu-compression-only-one", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib", False),
    C("qemu-compression-mt-tuning", "9.0.0", "--live --p2p --compressed --comp-mt-level 3", True,
      "invalid argument: Turn multithread compression on to tune it"),
    C("qemu-compression-mt-tuning", "9.0.0", "--live --p2p --compressed --comp-mt-threads 2",
      True, "invalid argument: Turn multithread compression on to tune it"),
    C("qemu-compression-mt-tuning", "9.0.0", "--live --p2p --compressed --comp-mt-dthreads 2",
      True, "invalid argument: Turn multithread compression on to tune it"),
    C("qemu-compression-mt-tuning", "9.0.0",
      "--live --p2p --compressed --comp-methods mt --comp-mt-level 3", False),
    C("qemu-compression-mt-tuning", "9.0.0", "--live --p2p --compressed", False),
    C("qemu-compression-xbzrle-tuning", "9.0.0",
      "--live --p2p --compressed --comp-xbzrle-cache 1048576", True,
      "invalid argument: Turn xbzrle compression on to tune it"),
    C("qemu-compression-xbzrle-tuning", "9.0.0",
      "--live --p2p --compressed --comp-methods xbzrle --comp-xbzrle-cache 1048576", False),
    C("qemu-compression-zlib-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zstd --comp-zlib-level 3", True,
      "invalid argument: Turn zlib compression on to tune it"),
    C("qemu-compression-zlib-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib --comp-zlib-level 3", False),
    C("qemu-compression-zstd-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib --comp-zstd-level 3", True,
      "invalid argument: Turn zstd compression on to tune it"),
    C("qemu-compression-zstd-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zstd --comp-zstd-level 3", False),
    C("qemu-compressed-parallel-no-method", "12.9.0", "--live --p2p --parallel --compressed",
      True, "invalid argument: No compression algorithm selected for parallel migration"),
    C("qemu-compressed-parallel-no-method", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zstd", False),
    C("qemu-compressed-parallel-no-method", "9.0.0", "--live --p2p --parallel --compressed",
      False),
    # ---- the QEMU driver: peer-to-peer
    C("qemu-tunnelled-migrateuri", "9.0.0",
      "--live --p2p --tunnelled --migrateuri tcp://dst.example:1", True,
      "argument unsupported: migration URI is not supported by tunnelled migration"),
    C("qemu-tunnelled-migrateuri", "9.0.0", "--live --p2p --tunnelled", False),
    C("qemu-tunnelled-listen-address", "9.0.0",
      "--live --p2p --tunnelled --listen-address 0.0.0.0", True,
      "argument unsupported: listen address is not supported by tunnelled migration"),
    C("qemu-tunnelled-listen-address", "9.0.0", "--live --p2p --tunnelled", False),
    C("qemu-tunnelled-disks-port", "9.0.0", "--live --p2p --tunnelled --disks-port 1", True,
      "argument unsupported: disk port address is not supported by tunnelled migration"),
    C("qemu-tunnelled-disks-port", "9.0.0", "--live --p2p --tunnelled", False),
    # ---- the QEMU driver: Begin
    C("qemu-postcopy-resume-needs-postcopy", "9.0.0", "--live --p2p --postcopy-resume", True,
      "argument unsupported: resuming failed post-copy migration requires post-copy to be "
      "enabled"),
    C("qemu-postcopy-resume-needs-postcopy", "9.0.0",
      "--live --p2p --postcopy --postcopy-resume", False),
    C("qemu-postcopy-needs-live", "9.0.0", "--p2p --postcopy", True,
      "argument unsupported: post-copy migration is not supported with non-live or paused "
      "migration"),
    C("qemu-postcopy-needs-live", "9.0.0", "--live --p2p --postcopy --suspend", True,
      "argument unsupported: post-copy migration is not supported with non-live or paused "
      "migration"),
    C("qemu-postcopy-needs-live", "9.0.0", "--live --p2p --postcopy", False),
    C("qemu-postcopy-tunnelled", "9.0.0", "--live --p2p --postcopy --tunnelled", True,
      "argument unsupported: post-copy is not supported with tunnelled migration"),
    C("qemu-postcopy-tunnelled", "9.0.0", "--live --p2p --postcopy", False),
    C("qemu-offline-storage", "9.0.0", "--offline --persistent --p2p --copy-storage-all", True,
      "Requested operation is not valid: offline migration cannot handle non-shared storage"),
    C("qemu-offline-storage", "9.0.0", "--offline --persistent --p2p --copy-storage-inc", True,
      "Requested operation is not valid: offline migration cannot handle non-shared storage"),
    C("qemu-offline-storage", "9.0.0", "--offline --persistent --p2p", False),
    C("qemu-offline-needs-persistent", "9.0.0", "--offline --p2p", True,
      "Requested operation is not valid: offline migration must be specified with the "
      "persistent flag set"),
    C("qemu-offline-needs-persistent", "9.0.0", "--offline --persistent --p2p", False),
    C("qemu-offline-tunnelled", "9.0.0", "--offline --persistent --p2p --tunnelled", True,
      "Requested operation is not valid: tunnelled offline migration does not make sense"),
    C("qemu-offline-tunnelled", "9.0.0", "--offline --persistent --p2p", False),
    C("qemu-zerocopy-needs-parallel", "9.0.0", "--live --p2p --zerocopy", True,
      "Requested operation is not valid: zero-copy is only available for parallel migration"),
    C("qemu-zerocopy-needs-parallel", "9.0.0", "--live --p2p --zerocopy --parallel", False),
    C("qemu-storage-tunnelled", "12.9.0", "--live --p2p --tunnelled --copy-storage-all", True,
      _STORAGE_TUNNEL),
    C("qemu-storage-tunnelled", "12.9.0", "--live --p2p --tunnelled --copy-storage-inc", True,
      _STORAGE_TUNNEL),
    C("qemu-storage-tunnelled", "12.9.0", "--live --p2p --tunnelled", False),
    C("qemu-storage-tunnelled", "9.0.0", "--live --p2p --tunnelled --copy-storage-all", False),
    C("qemu-storage-tunnelled-old", "8.0.0", "--live --p2p --tunnelled --copy-storage-all", True,
      _STORAGE_TUNNEL),
    C("qemu-storage-tunnelled-old", "8.0.0", "--live --p2p --tunnelled --copy-storage-inc", True,
      _STORAGE_TUNNEL),
    C("qemu-storage-tunnelled-old", "8.0.0", "--live --p2p --tunnelled", False),
    C("qemu-storage-tunnelled-old", "9.0.0", "--live --p2p --tunnelled --copy-storage-all",
      False),
    C("qemu-migrate-disks-needs-storage", "12.9.0", "--live --p2p --migrate-disks vda", True,
      f"Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS' {_NEEDS_NON_SHARED}"),
    C("qemu-migrate-disks-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-all --migrate-disks vda", False),
    C("qemu-migrate-disks-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-inc --migrate-disks vda", False),
    C("qemu-migrate-disks-needs-storage", "9.0.0", "--live --p2p --migrate-disks vda", False),
    C("qemu-detect-zeroes-needs-storage", "12.9.0",
      "--live --p2p --migrate-disks-detect-zeroes vda", True,
      "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' "
      f"{_NEEDS_NON_SHARED}"),
    C("qemu-detect-zeroes-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-all --migrate-disks-detect-zeroes vda", False),
    C("qemu-detect-zeroes-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-inc --migrate-disks-detect-zeroes vda", False),
    C("qemu-target-zero-needs-storage", "12.9.0", "--live --p2p --migrate-disks-target-zero vda",
      True, "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' "
      f"{_NEEDS_NON_SHARED}"),
    C("qemu-target-zero-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-all --migrate-disks-target-zero vda", False),
    C("qemu-target-zero-needs-storage", "12.9.0",
      "--live --p2p --copy-storage-inc --migrate-disks-target-zero vda", False),
    # ---- the QEMU driver: Perform
    C("qemu-tls-unix-needs-destination", "9.0.0", "--live --p2p --tls --migrateuri unix:///m.s",
      True, "Operation not supported: Explicit destination hostname is required for TLS "
      "migration over UNIX socket"),
    C("qemu-tls-unix-needs-destination", "9.0.0",
      "--live --p2p --tls --tls-destination dst.example --migrateuri unix:///m.s", False),
    C("qemu-tls-unix-needs-destination", "9.0.0",
      "--live --p2p --postcopy --postcopy-resume --tls --migrateuri unix:///m.s", False),
    C("qemu-tls-unix-needs-destination", "9.0.0", "--live --p2p --migrateuri unix:///m.s", False),
    # ---- the QEMU driver: the guest (--state, --domain-xml)
    C("qemu-domain-not-running", "9.0.0", "--live --p2p", True,
      "Requested operation is not valid: domain is not running", state="shutoff"),
    C("qemu-domain-not-running", "9.0.0", "--live --p2p", True,
      "Requested operation is not valid: domain is not running", xml="shut-off"),
    C("qemu-domain-not-running", "9.0.0", "--live --p2p", False, state="running"),
    C("qemu-domain-not-running", "9.0.0", "--live --p2p", False, state="paused"),
    C("qemu-domain-not-running", "9.0.0", "--live --p2p", False, xml="readonly"),
    C("qemu-domain-not-running", "9.0.0", "--offline --persistent --p2p", False,
      state="shutoff"),
    C("qemu-domain-not-running", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      state="shutoff"),
    C("qemu-shmem-not-master", "9.0.0", "--live --p2p", True,
      "Requested operation is not valid: shmem device 'ivshmem0' cannot be migrated, only "
      "shmem with role='master' can be migrated", xml="shmem-peer", qemu="5.2.0"),
    C("qemu-shmem-not-master", "9.0.0", "--live --p2p", False, xml="shmem-peer", qemu="6.0.0"),
    C("qemu-shmem-not-master", "9.0.0", "--live --p2p", False, xml="shmem-master",
      qemu="5.2.0"),
    C("qemu-shmem-not-master", "9.0.0", "--offline --persistent --p2p", False,
      xml="shmem-peer", qemu="5.2.0"),
    C("qemu-shmem-not-master", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      xml="shmem-peer", qemu="5.2.0"),
    # seen by hand on 9.0.0 + QEMU 7.2 (NOTES-infra round 3): QEMU's blocker answers first
    C("qemu-shmem-blocked", "9.0.0", "--live --p2p", True,
      "Requested operation is not valid: cannot migrate domain: Migration is disabled when "
      "using feature 'peer mode' in device 'ivshmem'", xml="shmem-peer", qemu="7.2.0"),
    C("qemu-shmem-blocked", "9.0.0", "--live --p2p", False, xml="shmem-peer", qemu="5.2.0"),
    C("qemu-shmem-blocked", "9.0.0", "--live --p2p", False, xml="shmem-master", qemu="7.2.0"),
    C("qemu-shmem-blocked", "8.10.0", "--live --p2p", False, xml="shmem-peer", qemu="7.2.0"),
    C("qemu-shmem-blocked", "9.0.0", "--offline --persistent --p2p", False,
      xml="shmem-peer", qemu="7.2.0"),
    C("qemu-shmem-blocked", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      xml="shmem-peer", qemu="7.2.0"),
    C("qemu-transient-disk", "9.0.0", "--live --p2p", True,
      "Requested operation is not valid: migration with transient disk is not supported",
      xml="transient"),
    C("qemu-transient-disk", "9.0.0", "--live --p2p", False, xml="readonly"),
    C("qemu-transient-disk", "9.0.0", "--offline --persistent --p2p", False, xml="transient"),
    C("qemu-transient-disk", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      xml="transient"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p", True,
      "Unsafe migration: Migration without shared storage is unsafe", xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p --unsafe", False, xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p --copy-storage-all", False, xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p --copy-storage-inc", False, xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p --copy-storage-all --migrate-disks sda",
      True, "Unsafe migration: Migration without shared storage is unsafe", xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--offline --persistent --p2p", False, xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      xml="local"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p", False, xml="readonly"),
    C("qemu-unsafe-storage", "9.0.0", "--live --p2p", False, xml="block-writeback"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p", True,
      "Unsafe migration: Migration may lead to data corruption if disks use cache other than "
      "none or directsync", xml="block-writeback", qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p", False, xml="block-writeback",
      qemu="4.0.0"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p", False, xml="block-writeback"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p", False, xml="block-none", qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p --unsafe", False, xml="block-writeback",
      qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.0.0", "--offline --persistent --p2p", False,
      xml="block-writeback", qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      xml="block-writeback", qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.0.0", "--live --p2p", False, xml="local", qemu="3.1.0"),
    C("qemu-unsafe-cache", "8.1.0", "--live --p2p", False, xml="block-writeback", qemu="3.1.0"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy --postcopy-resume",
      True, "Requested operation is not valid: domain 'vm1' is not being migrated",
      state="running"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy --postcopy-resume",
      True, "Requested operation is not valid: domain 'vm1' is not being migrated",
      state="shutoff"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy --postcopy-resume",
      True, "Requested operation is not valid: domain 'web1' is not being migrated",
      state="running", xml="local"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy --postcopy-resume",
      False, state="paused"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy", False,
      state="running"),
    C("qemu-postcopy-resume-not-migrating", "9.0.0", "--live --p2p --postcopy-resume", False,
      state="running"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy", True,
      "argument unsupported: post-copy migration is not supported with non-live or paused "
      "migration", state="paused"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --postcopy", True,
      "argument unsupported: post-copy migration is not supported with non-live or paused "
      "migration", state="paused"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy", False, state="running"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --p2p", False, state="paused"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--p2p --postcopy", False, state="paused"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy --suspend", False,
      state="paused"),
    C("qemu-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy --postcopy-resume", False,
      state="paused"),
    C("qemu-disk-target-not-found", "9.0.0", "--live --p2p --copy-storage-all --migrate-disks aaa",
      True, "invalid argument: disk target aaa not found", xml="local"),
    C("qemu-disk-target-not-found", "9.0.0", "--live --p2p --copy-storage-inc --migrate-disks aaa",
      True, "invalid argument: disk target aaa not found", xml="local"),
    C("qemu-disk-target-not-found", "9.0.0", "--live --p2p --copy-storage-all --migrate-disks vda",
      False, xml="local"),
    C("qemu-disk-target-not-found", "9.0.0", "--live --p2p --migrate-disks aaa", False,
      xml="local"),
    C("qemu-copy-readonly-disk", "9.0.0", "--live --p2p --copy-storage-all --migrate-disks sda",
      True, "Operation not supported: Cannot migrate empty or read-only disk sda", xml="local"),
    C("qemu-copy-readonly-disk", "9.0.0", "--live --p2p --copy-storage-inc --migrate-disks vda",
      True, "Operation not supported: Cannot migrate empty or read-only disk vda",
      xml="readonly"),
    C("qemu-copy-readonly-disk", "9.0.0", "--live --p2p --copy-storage-all --migrate-disks vda",
      False, xml="local"),
    C("qemu-copy-readonly-disk", "9.0.0", "--live --p2p --copy-storage-all", False,
      xml="readonly"),
    C("qemu-copy-readonly-disk", "9.0.0", "--live --p2p --migrate-disks sda", False,
      xml="local"),
    # ---- QEMU itself (seen on real daemons)
    C("qmp-multifd-channels-range", "12.9.0",
      "--live --p2p --parallel --parallel-connections 300", True,
      _SET_PARAMS + "Parameter 'multifd-channels' expects uint8_t"),
    C("qmp-multifd-channels-range", "9.0.0",
      "--live --p2p --parallel --parallel-connections 256", True,
      _SET_PARAMS + "Parameter 'multifd-channels' expects uint8_t"),
    C("qmp-multifd-channels-range", "9.0.0",
      "--live --p2p --parallel --parallel-connections 255", False),
    C("qmp-zerocopy-tls", "9.0.0", "--live --p2p --zerocopy --parallel --tls", True,
      _SET_PARAMS + "Zero copy only available for non-compressed non-TLS multifd migration"),
    C("qmp-zerocopy-tls", "9.0.0", "--live --p2p --zerocopy --parallel", False),
    C("qmp-zerocopy-tls", "9.0.0", "--live --p2p --parallel --tls", False),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      True, "argument unsupported: Migration option 'compress' is not supported by QEMU binary",
      qemu="10.0.0"),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      True, "argument unsupported: Migration option 'compress' is not supported by QEMU binary",
      qemu="9.1.0"),
    C("qmp-compress-removed", "9.0.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      False, qemu="7.2.0"),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      False, qemu="9.0.0"),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --compressed --comp-methods mt,xbzrle",
      False),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --compressed --comp-methods xbzrle",
      False, qemu="10.0.0"),
    C("qmp-compress-removed", "12.9.0", "--live --p2p --comp-methods mt", False,
      qemu="10.0.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --parallel --compressed --comp-methods mt",
      True, "internal error: unable to execute QEMU command 'migrate-set-capabilities': "
      "Multifd is not compatible with compress", qemu="7.2.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --parallel --compressed --comp-methods mt",
      True, "internal error: unable to execute QEMU command 'migrate-set-capabilities': "
      "Multifd is not compatible with compress", qemu="9.0.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --parallel --compressed --comp-methods mt",
      False, qemu="9.1.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --compressed --comp-methods mt", False,
      qemu="7.2.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --parallel --comp-methods mt", False,
      qemu="7.2.0"),
    C("qmp-multifd-compress", "9.0.0", "--live --p2p --parallel --compressed --comp-methods xbzrle",
      False, qemu="7.2.0"),
    C("qmp-multifd-compress", "5.1.0", "--live --p2p --parallel --compressed --comp-methods mt",
      False, qemu="7.2.0"),
    C("qmp-target-zero-unsupported", "12.9.0",
      "--live --p2p --copy-storage-all --migrate-disks-target-zero vda", True,
      "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' is not "
      "supported by this QEMU"),
    C("qmp-target-zero-unsupported", "12.9.0",
      "--live --p2p --copy-storage-inc --migrate-disks-target-zero vda", True,
      "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' is not "
      "supported by this QEMU"),
    C("qmp-target-zero-unsupported", "12.9.0", "--live --p2p --migrate-disks-target-zero vda",
      False),
    C("qmp-target-zero-unsupported", "12.9.0", "--live --p2p --copy-storage-all", False),
    C("qmp-target-zero-unsupported", "12.1.0",
      "--live --p2p --copy-storage-all --migrate-disks-target-zero vda", False, parse="12.9.0"),
    # ---- known libvirt bugs (seen on real daemons)
    C("bug-storage-tunnelled-null-host", "9.0.0", "--live --p2p --tunnelled --copy-storage-all",
      True, "internal error: argument key 'host' must not have null value"),
    C("bug-storage-tunnelled-null-host", "9.0.0", "--live --p2p --tunnelled --copy-storage-inc",
      True, "internal error: argument key 'host' must not have null value"),
    C("bug-storage-tunnelled-null-host", "9.0.0", "--live --p2p --tunnelled", False),
    C("bug-storage-tunnelled-null-host", "9.0.0", "--live --p2p --copy-storage-all", False),
    C("bug-storage-tunnelled-null-host", "10.0.0", "--live --p2p --tunnelled --copy-storage-all",
      False),
    # ---- known libvirt bugs (seen on real daemons)
    C("bug-tunnelled-tls-yajl", "9.0.0", "--live --p2p --tunnelled --tls", True,
      "internal error: failed to convert virJSONValue to yajl data"),
    C("bug-tunnelled-tls-yajl", "9.0.0", "--live --p2p --tunnelled", False),
    C("bug-tunnelled-tls-yajl", "9.0.0", "--live --p2p --tls", False),
    C("bug-tunnelled-tls-yajl", "12.9.0", "--live --p2p --tunnelled --tls", False),
    C("bug-tunnelled-tls-crash", "12.9.0", "--live --p2p --tunnelled --tls", True,
      "Disconnected from qemu:///system due to I/O error"),
    # seen for real: virsh names the URI it connected to (the harness runs `virsh -c URI`)
    C("bug-tunnelled-tls-crash", "12.9.0",
      "virsh -c qemu+tcp://127.0.0.1:16593/system migrate --live --p2p --tunnelled --tls", True,
      "Disconnected from qemu+tcp://127.0.0.1:16593/system due to I/O error"),
    C("bug-tunnelled-tls-crash", "12.9.0", "--live --p2p --tunnelled", False),
    C("bug-tunnelled-tls-crash", "12.9.0", "--live --p2p --tls", False),
    # ---- advice (no layer refuses these: no message)
    C("advice-undefine-without-persist", "9.0.0", "--live --undefinesource", True),
    C("advice-undefine-without-persist", "9.0.0", "--live --undefinesource --persistent", False),
    C("advice-not-live", "9.0.0", "--p2p", True),
    C("advice-not-live", "9.0.0", "--live --p2p", False),
    C("advice-not-live", "9.0.0", "--offline --persistent --p2p", False),
    C("advice-not-live", "9.0.0", "--p2p --postcopy --postcopy-resume", False),
    C("advice-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy", True),
    C("advice-postcopy-paused-guest", "9.0.0", "--live --p2p --postcopy --suspend", False),
    C("advice-postcopy-paused-guest", "9.0.0", "--p2p --postcopy", False),
    C("advice-postcopy-paused-guest", "9.0.0", "--live --p2p", False),
    C("advice-unsafe", "9.0.0", "--live --p2p --unsafe", True),
    C("advice-unsafe", "9.0.0", "--live --p2p", False),
    C("advice-postcopy-resume", "9.0.0", "--live --p2p --postcopy --postcopy-resume", True),
    C("advice-postcopy-resume", "9.0.0", "--live --p2p --postcopy", False),
    C("advice-rdma-pin-all-without-rdma", "9.0.0", "--live --p2p --rdma-pin-all", True),
    C("advice-rdma-pin-all-without-rdma", "9.0.0",
      "--live --p2p --rdma-pin-all --migrateuri tcp://dst.example:1", True),
    C("advice-rdma-pin-all-without-rdma", "9.0.0",
      "--live --p2p --rdma-pin-all --migrateuri rdma://dst.example:1", False),
    C("advice-compressed-default-xbzrle", "9.0.0", "--live --p2p --compressed", True),
    C("advice-compressed-default-xbzrle", "9.0.0", "--live --p2p --compressed --comp-methods mt",
      False),
    C("advice-compressed-default-xbzrle", "9.0.0", "--live --p2p --compressed --parallel", False),
    C("advice-compressed-default-xbzrle", "9.0.0", "--live --p2p", False),
    # ---- silent without the rule's leading option (a dropped term must not go unnoticed)
    C("virsh-timeout-actions", "9.0.0", "--live --postcopy --timeout 5 --timeout-postcopy",
      False),
    C("virsh-copy-storage-exclusive", "12.9.0", "--live --copy-storage-inc", False),
    C("virsh-postcopy-after-precopy", "9.0.0", "--live", False),
    C("virsh-postcopy-resume", "9.0.0", "--live", False),
    C("virsh-timeout-postcopy", "9.0.0", "--live", False),
    C("virsh-persistent-xml", "9.0.0", "--live", False),
    C("virsh-tls-destination", "9.0.0", "--live", False),
    C("virsh-sync-writes-needs-storage", "9.0.0", "--live", False),
    C("virsh-migrate-disks-needs-storage", "12.9.0", "--live", False),
    C("virsh-detect-zeroes-needs-storage", "12.9.0", "--live", False),
    C("virsh-target-zero-needs-storage", "12.9.0", "--live", False),
    C("api-tunnelled-parallel", "9.0.0", "--live --p2p --parallel", False),
    C("api-disk-inc-exclusive", "9.0.0", "--live --copy-storage-inc", False),
    C("api-sync-writes-needs-storage", "9.0.0", "--live", False),
    C("api-migrate3-tunnelled", "9.0.0", "--live", False),
    C("api-p2p-same-host", "9.0.0", "--live --direct vm1 qemu:///system", False),
    C("qemu-disks-port-uri", "9.0.0",
      "--live --p2p --copy-storage-all --disks-uri tcp://dst.example:2", False),
    C("qemu-parallel-tuning", "9.0.0", "--live --p2p", False),
    C("qemu-compression-only-one", "12.9.0", "--live --p2p --compressed --comp-methods zlib,zstd",
      False),
    C("qemu-compression-xbzrle-tuning", "9.0.0", "--live --p2p --compressed", False),
    C("qemu-compression-zlib-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zstd", False),
    C("qemu-compression-zstd-tuning", "12.9.0",
      "--live --p2p --parallel --compressed --comp-methods zlib", False),
    C("qemu-compressed-parallel-no-method", "12.9.0", "--live --p2p --parallel", False),
    C("qemu-compressed-parallel-no-method", "12.9.0", "--live --p2p --compressed", False),
    C("qemu-tunnelled-migrateuri", "9.0.0",
      "--live --direct --tunnelled --migrateuri tcp://dst.example:1", False),
    C("qemu-tunnelled-migrateuri", "9.0.0", "--live --p2p --migrateuri tcp://dst.example:1",
      False),
    C("qemu-tunnelled-listen-address", "9.0.0",
      "--live --direct --tunnelled --listen-address 0.0.0.0", False),
    C("qemu-tunnelled-listen-address", "9.0.0", "--live --p2p --listen-address 0.0.0.0", False),
    C("qemu-tunnelled-disks-port", "9.0.0", "--live --direct --tunnelled --disks-port 1", False),
    C("qemu-tunnelled-disks-port", "9.0.0", "--live --p2p --disks-port 1", False),
    C("qemu-postcopy-resume-needs-postcopy", "9.0.0", "--live --p2p", False),
    C("qemu-postcopy-needs-live", "9.0.0", "--p2p", False),
    C("qemu-postcopy-tunnelled", "9.0.0", "--live --p2p --tunnelled", False),
    C("qemu-offline-storage", "9.0.0", "--live --p2p --copy-storage-all", False),
    C("qemu-offline-needs-persistent", "9.0.0", "--live --p2p", False),
    C("qemu-offline-tunnelled", "9.0.0", "--live --p2p --tunnelled", False),
    C("qemu-zerocopy-needs-parallel", "9.0.0", "--live --p2p", False),
    C("qemu-storage-tunnelled", "12.9.0", "--live --p2p --copy-storage-all", False),
    C("qemu-storage-tunnelled-old", "8.0.0", "--live --p2p --copy-storage-all", False),
    C("qemu-migrate-disks-needs-storage", "12.9.0", "--live --p2p", False),
    C("qemu-detect-zeroes-needs-storage", "12.9.0", "--live --p2p", False),
    C("qemu-target-zero-needs-storage", "12.9.0", "--live --p2p", False),
    C("qemu-tls-unix-needs-destination", "9.0.0", "--live --p2p --tls", False),
    C("qmp-multifd-channels-range", "9.0.0", "--live --p2p --parallel-connections 256", False),
    C("qmp-zerocopy-tls", "9.0.0", "--live --p2p --zerocopy --tls", False),
    C("bug-tunnelled-tls-yajl", "9.0.0", "--live --direct --tunnelled --tls", False),
    C("bug-tunnelled-tls-crash", "12.9.0", "--live --direct --tunnelled --tls", False),
    C("advice-undefine-without-persist", "9.0.0", "--live", False),
    C("advice-rdma-pin-all-without-rdma", "9.0.0", "--live --p2p", False),
    # a value made only of bits no release defines says nothing about live or not
    C("advice-not-live", "12.9.0", "--dname web2", True),
    C("advice-not-live", "12.9.0", "--dname web2", False, bits=1 << 40),
    # 2**44 MiB/s is the first value whose bytes per second no longer fit in 64 bits
    C("advice-bandwidth-overflow", "12.9.0", "--live --p2p --bandwidth 17592186044416", True),
    C("advice-bandwidth-overflow", "9.0.0", "--live --p2p --bandwidth 17592186044416", True),
    C("advice-bandwidth-overflow", "12.9.0", "--live --p2p --bandwidth 17592186044415", False),
)


def run(case: Case) -> Result:
    line = case.argv if case.argv.split()[-1].startswith("qemu") else case.argv + REMOTE_TAIL
    request = parse_virsh_argv(shlex.split(line), v(case.parse or case.version),
                               read_files=False)
    xml = GUESTS[case.xml] if case.xml else None
    request = request._replace(flags=request.flags | case.bits,
                               guest=guest_from(case.state, xml),
                               values=request.values + case.extra,
                               qemu=v(case.qemu) if case.qemu else None)
    return analyse(request, v(case.version))


def case_id(case: Case) -> str:
    guest = f"-{case.state or ''}{case.xml or ''}" if case.state or case.xml else ""
    guest += f"-qemu{case.qemu}" if case.qemu else ""
    extra = "".join(f" {name}={value!r}" for name, value in case.extra)
    extra += f" bits={case.bits:#x}" if case.bits else ""
    return (f"{case.rule}-{'fires' if case.fires else 'silent'}-{case.version}{guest}-"
            f"{case.argv}{extra}")


def verdict(case: Case) -> str | None:
    """None when the case holds, else what went wrong (the mutation script uses this too)."""
    found = [p for p in run(case).problems if p.rule == case.rule]
    if not case.fires:
        return f"{case.rule} fired: {found[0].message!r}" if found else None
    if not found:
        return f"{case.rule} did not fire"
    if case.message is not None and found[0].message != case.message:
        return f"message {found[0].message!r} != {case.message!r}"
    return None


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    assert verdict(case) is None


def test_every_rule_has_a_firing_and_a_silent_case() -> None:
    firing = {c.rule for c in CASES if c.fires}
    silent = {c.rule for c in CASES if not c.fires}
    ids = {rule.id for rule in RULES}
    assert ids - firing == set()
    assert ids - silent == set()
    assert {c.rule for c in CASES} <= ids


def test_every_refusal_case_quotes_a_message() -> None:
    quiet = {c.rule for c in CASES if c.fires and c.message is None}
    assert all(rule.startswith("advice-") for rule in quiet)


@pytest.mark.parametrize(
    ("version", "argv", "state", "xml", "first"),
    [
        # seen for real on 9.0.0: the state check comes before any flag check
        ("9.0.0", "--p2p --postcopy", "shutoff", None,
         "Requested operation is not valid: domain is not running"),
        ("9.0.0", "--postcopy", "shutoff", None,
         "Requested operation is not valid: domain is not running"),
        # qemuMigrationSrcPerformJob: the storage check before the peer-to-peer checks
        ("9.0.0", "--live --p2p --tunnelled --migrateuri tcp://dst.example:1", None, "local",
         "Unsafe migration: Migration without shared storage is unsafe"),
        # qemuMigrationSrcBeginPhase: the storage check before the post-copy checks
        ("9.0.0", "--postcopy", None, "local",
         "Unsafe migration: Migration without shared storage is unsafe"),
        # the peer-to-peer parameters are checked before the job starts
        ("9.0.0", "--live --p2p --parallel-connections 4", "shutoff", None,
         "invalid argument: Turn parallel migration on to tune it"),
        # ... while a client-driven migration runs Begin on the source first
        ("9.0.0", "--live --parallel-connections 4", "shutoff", None,
         "Requested operation is not valid: domain is not running"),
        # the resume checks (qemuMigrationAnyCanResume) before the peer-to-peer checks
        ("9.0.0", "--live --p2p --tunnelled --postcopy --postcopy-resume "
         "--migrateuri tcp://dst.example:1", "running", None,
         "Requested operation is not valid: domain 'vm1' is not being migrated"),
        # seen for real (9.0.0, 12.9.0): a client-driven migration's destination checks the
        # compression before the source checks the auto-converge tuning (source-only)
        ("9.0.0", "--parallel --undefinesource --auto-converge-initial 10 "
         "--comp-xbzrle-cache 4194304", "running", None,
         "invalid argument: Turn xbzrle compression on to tune it"),
        ("12.9.0", "--compressed --persistent --undefinesource --parallel --bandwidth 1000 "
         "--auto-converge-increment 5", "running", None,
         "invalid argument: No compression algorithm selected for parallel migration"),
        ("9.0.0", "--compressed --persistent --undefinesource --parallel --bandwidth 1000 "
         "--auto-converge-increment 5", "running", None,
         "invalid argument: Turn auto convergence on to tune it"),
        ("9.0.0", "--live --auto-converge-initial 10 --parallel-connections 2", "running", None,
         "invalid argument: Turn parallel migration on to tune it"),
        ("9.0.0", "--live --auto-converge-initial 10 --compressed --comp-mt-level 1", "running",
         None, "invalid argument: Turn multithread compression on to tune it"),
        ("9.0.0", "--live --compressed --comp-methods lzo --auto-converge-initial 10", "running",
         None, "invalid argument: Unsupported compression method 'lzo'"),
        ("12.9.0", "--live --available-switchover-bandwidth 17592186044416 --compressed "
         "--comp-methods lzo", "running", None,
         "invalid argument: Unsupported compression method 'lzo'"),
        # ... and the post-copy bandwidth overflow before the parallel tuning
        ("9.0.0", "--live --postcopy --postcopy-bandwidth 17592186044416 "
         "--parallel-connections 2", "running", None,
         "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
         "17592186044416"),
        # ... while peer-to-peer, the source checks them all in one call, auto-converge first
        ("9.0.0", "--p2p --parallel --auto-converge-initial 10 --comp-xbzrle-cache 4194304",
         "running", None, "invalid argument: Turn auto convergence on to tune it"),
        # the disk targets (Begin, source) before the read-only disk (NBD, destination)
        ("9.0.0", "--live --p2p --copy-storage-all --migrate-disks sda,aaa", None, "local",
         "Unsafe migration: Migration without shared storage is unsafe"),
        ("9.0.0", "--live --p2p --copy-storage-all --migrate-disks sda,aaa --unsafe", None,
         "local", "invalid argument: disk target aaa not found"),
    ],
)
def test_first_error_in_libvirts_order(
    version: str, argv: str, state: str | None, xml: str | None, first: str
) -> None:
    result = run(Case("", version, argv, True, state=state, xml=xml))
    errors = [p.message for p in result.problems if p.is_error and p.layer == "qemu"]
    assert errors and errors[0] == first
