"""The real-QEMU tier's cases, written by hand from real runs (never from the rules table).

Each QEMU-layer rule of `src/migflags/tables/rules.py` has a case that fires it and one that
stays silent; the guest-dependent checks and QEMU's own refusals have cases of their own. Every
expected result is the literal outcome of a real `virsh migrate` between the two daemons of
`scripts/realqemu/setup.sh` (first error message verbatim, or "migrated"), per release. A
release missing from `expect` has no daemon pair to run the case on.

Some rules cannot be reached through a virsh of the same release (virsh refuses the options
first, or has no option for the parameter); their cases call the migration API directly
(`api=True`: python3-libvirt, the client library of Debian 12, against the release's daemons),
with the typed parameters as options.
"""

from __future__ import annotations

import random
from typing import NamedTuple

V9, V12 = "9.0.0", "12.9.0"
M = "migrated"


class Case(NamedTuple):
    name: str
    options: tuple[str, ...]
    expect: dict[str, str]  # release -> "migrated" or the first error verbatim
    guest: str = "mf-ro"
    state: str | None = None  # None: the guest's home state
    rule: str = ""  # the rule this case fires or keeps silent ("" for other checks)
    fires: bool = False
    api: bool = False  # call the API (python3-libvirt) instead of virsh


def _c(rule: str, fires: bool, options: str, expect: dict[str, str], guest: str = "mf-ro",
       state: str | None = None, api: bool = False) -> Case:
    word = "fires" if fires else "silent"
    return Case(f"{rule}/{word}/{guest}/{options}", tuple(options.split()), expect, guest,
                state, rule, fires, api)


RULE_CASES: tuple[Case, ...] = (
    # -- parameters the driver does not know (only reachable through the API) --
    _c("qemu-unknown-param", True, "--live --p2p --comp-zlib-level 1",
       {V9: "argument unsupported: parameter 'compression.zlib.level' not supported"},
       api=True),
    _c("qemu-unknown-param", False, "--live --p2p --migrate-disks-detect-zeroes vda",
       {V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' "
             "requires use of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' "
             "flag"}, api=True),
    _c("qemu-disks-port-uri", True,
       "--live --p2p --copy-storage-all --disks-port 49499 --disks-uri tcp://vm:49498",
       {V9: "invalid argument: Both port and URI requested for disk migration while being "
            "mutually exclusive",
        V12: "invalid argument: Both port and URI requested for disk migration while being "
             "mutually exclusive"}, guest="mf-rw"),
    _c("qemu-disks-port-uri", True,
       "--live --copy-storage-all --disks-port 49499 --disks-uri tcp://vm:49498",
       {V9: "invalid argument: Both port and URI requested for disk migration while being "
            "mutually exclusive",
        V12: "invalid argument: Both port and URI requested for disk migration while being "
             "mutually exclusive"}, guest="mf-rw"),
    # (a --disks-port stays reserved on the destination after the migration, so a second run
    # with the same port fails: no fixed port in a case that migrates)
    _c("qemu-disks-port-uri", False,
       "--live --p2p --copy-storage-all --disks-port 0 --disks-uri tcp://vm:49498",
       {V9: M, V12: M}, guest="mf-rw"),
    _c("qemu-unix-listen-address", True,
       "--live --migrateuri unix:///tmp/mf-mig.sock --listen-address 127.0.0.1",
       {V9: "invalid argument: Usage of listen-address is forbidden when migration URI uses "
            "UNIX transport method",
        V12: "invalid argument: Usage of listen-address is forbidden when migration URI uses "
             "UNIX transport method"}),
    _c("qemu-unix-listen-address", False, "--live --migrateuri unix:///tmp/mf-mig.sock",
       {V9: M, V12: M}),
    _c("qemu-unix-needs-disks-uri", True,
       "--live --migrateuri unix:///tmp/mf-mig.sock --copy-storage-all",
       {V9: "invalid argument: NBD URI must be supplied when migration URI uses UNIX "
            "transport method",
        V12: "invalid argument: NBD URI must be supplied when migration URI uses UNIX "
             "transport method"}, guest="mf-rw"),
    _c("qemu-unix-needs-disks-uri", False,
       "--live --migrateuri unix:///tmp/mf-mig.sock --copy-storage-all "
       "--disks-uri unix:///tmp/mf-nbd.sock",
       {V9: M, V12: M}, guest="mf-rw"),
    _c("qemu-postcopy-bandwidth-overflow", True,
       "--live --postcopy --postcopy-bandwidth 17592186044416",
       {V9: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
            "17592186044416",
        V12: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
             "17592186044416"}),
    _c("qemu-postcopy-bandwidth-overflow", False,
       "--live --postcopy --postcopy-bandwidth 17592186044415", {V9: M, V12: M}),
    # --bandwidth is not range-checked (an advice rule: nothing refuses it, the limit wraps)
    _c("advice-bandwidth-overflow", True, "--live --bandwidth 17592186044416", {V9: M, V12: M}),
    _c("advice-bandwidth-overflow", True, "--live --p2p --bandwidth 18446744073709551615",
       {V9: M, V12: M}),
    _c("advice-bandwidth-overflow", False, "--live --bandwidth 17592186044415", {V9: M, V12: M}),
    _c("qemu-switchover-bandwidth-overflow", True,
       "--live --available-switchover-bandwidth 17592186044416",
       {V9: "command 'migrate' doesn't support option --available-switchover-bandwidth",
        V12: "numerical overflow: migration parameter 'bandwidth.avail.switchover' must be "
             "less than 17592186044416"}),
    _c("qemu-switchover-bandwidth-overflow", False,
       "--live --available-switchover-bandwidth 17592186044415",
       {V9: "command 'migrate' doesn't support option --available-switchover-bandwidth",
        V12: M}),
    _c("qemu-auto-converge-tuning", True, "--live --auto-converge-initial 20",
       {V9: "invalid argument: Turn auto convergence on to tune it",
        V12: "invalid argument: Turn auto convergence on to tune it"}),
    _c("qemu-auto-converge-tuning", False,
       "--live --auto-converge --auto-converge-initial 20 --auto-converge-increment 5",
       {V9: M, V12: M}),
    _c("qemu-parallel-tuning", True, "--live --parallel-connections 2",
       {V9: "invalid argument: Turn parallel migration on to tune it",
        V12: "invalid argument: Turn parallel migration on to tune it"}),
    _c("qemu-parallel-tuning", False, "--live --parallel --parallel-connections 2",
       {V9: M, V12: M}),
    _c("qemu-compression-unknown-method", True, "--live --compressed --comp-methods zlib",
       {V9: "invalid argument: Unsupported compression method 'zlib'",
        V12: "invalid argument: Compression method 'zlib' is only supported with parallel "
             "migration"}),
    _c("qemu-compression-unknown-method", False,
       "--live --compressed --comp-methods xbzrle", {V9: M, V12: M}),
    _c("qemu-compression-unknown", True, "--live --compressed --comp-methods lzo",
       {V9: "invalid argument: Unsupported compression method 'lzo'",
        V12: "invalid argument: Unsupported compression method 'lzo'"}),
    _c("qemu-compression-unknown", False,
       "--live --parallel --compressed --comp-methods zlib",
       {V9: "invalid argument: Unsupported compression method 'zlib'", V12: M}),
    _c("qemu-compression-twice", True, "--live --compressed --comp-methods mt,mt",
       {V9: "invalid argument: Compression method 'mt' is specified twice",
        V12: "invalid argument: Compression method 'mt' is specified twice"}),
    _c("qemu-compression-twice", False, "--live --compressed --comp-methods mt,xbzrle",
       {V9: M,
        V12: "argument unsupported: Migration option 'compress' is not supported by QEMU "
             "binary"}),
    _c("qemu-compression-not-parallel", True,
       "--live --parallel --compressed --comp-methods mt",
       {V9: "internal error: unable to execute QEMU command 'migrate-set-capabilities': "
            "Multifd is not compatible with compress",
        V12: "invalid argument: Compression method 'mt' isn't supported with parallel "
             "migration"}),
    _c("qemu-compression-not-parallel", False,
       "--live --parallel --compressed --comp-methods zlib",
       {V9: "invalid argument: Unsupported compression method 'zlib'", V12: M}),
    _c("qemu-compression-needs-parallel", True, "--live --compressed --comp-methods zstd",
       {V9: "invalid argument: Unsupported compression method 'zstd'",
        V12: "invalid argument: Compression method 'zstd' is only supported with parallel "
             "migration"}),
    _c("qemu-compression-needs-parallel", False,
       "--live --parallel --compressed --comp-methods zstd",
       {V9: "invalid argument: Unsupported compression method 'zstd'", V12: M}),
    _c("qemu-compression-only-one", True,
       "--live --parallel --compressed --comp-methods zlib,zstd",
       {V9: "invalid argument: Unsupported compression method 'zlib'",
        V12: "invalid argument: Only one compression method could be specified with "
             "parallel compression"}),
    _c("qemu-compression-only-one", False,
       "--live --parallel --compressed --comp-methods zstd",
       {V9: "invalid argument: Unsupported compression method 'zstd'", V12: M}),
    _c("qemu-compression-mt-tuning", True, "--live --compressed --comp-mt-level 1",
       {V9: "invalid argument: Turn multithread compression on to tune it",
        V12: "invalid argument: Turn multithread compression on to tune it"}),
    _c("qemu-compression-mt-tuning", False,
       "--live --compressed --comp-methods mt --comp-mt-level 1 --comp-mt-threads 1 "
       "--comp-mt-dthreads 1",
       {V9: M,
        V12: "argument unsupported: Migration option 'compress' is not supported by QEMU "
             "binary"}),
    _c("qemu-compression-xbzrle-tuning", True,
       "--live --compressed --comp-xbzrle-cache 4194304",
       {V9: "invalid argument: Turn xbzrle compression on to tune it",
        V12: "invalid argument: Turn xbzrle compression on to tune it"}),
    _c("qemu-compression-xbzrle-tuning", False,
       "--live --compressed --comp-methods xbzrle --comp-xbzrle-cache 4194304",
       {V9: M, V12: M}),
    _c("qemu-compression-zlib-tuning", True,
       "--live --parallel --compressed --comp-methods zstd --comp-zlib-level 1",
       {V9: "command 'migrate' doesn't support option --comp-zlib-level",
        V12: "invalid argument: Turn zlib compression on to tune it"}),
    _c("qemu-compression-zlib-tuning", False,
       "--live --parallel --compressed --comp-methods zlib --comp-zlib-level 1",
       {V9: "command 'migrate' doesn't support option --comp-zlib-level", V12: M}),
    _c("qemu-compression-zstd-tuning", True,
       "--live --parallel --compressed --comp-methods zlib --comp-zstd-level 1",
       {V9: "command 'migrate' doesn't support option --comp-zstd-level",
        V12: "invalid argument: Turn zstd compression on to tune it"}),
    _c("qemu-compression-zstd-tuning", False,
       "--live --parallel --compressed --comp-methods zstd --comp-zstd-level 1",
       {V9: "command 'migrate' doesn't support option --comp-zstd-level", V12: M}),
    _c("qemu-compressed-parallel-no-method", True, "--live --parallel --compressed",
       {V9: M,
        V12: "invalid argument: No compression algorithm selected for parallel migration"}),
    _c("qemu-compressed-parallel-no-method", False,
       "--live --parallel --compressed --comp-methods zlib",
       {V9: "invalid argument: Unsupported compression method 'zlib'", V12: M}),
    _c("qemu-tunnelled-migrateuri", True, "--live --p2p --tunnelled --migrateuri tcp://vm:49490",
       {V9: "argument unsupported: migration URI is not supported by tunnelled migration",
        V12: "argument unsupported: migration URI is not supported by tunnelled migration"}),
    _c("qemu-tunnelled-migrateuri", False, "--live --p2p --tunnelled", {V9: M, V12: M}),
    _c("qemu-tunnelled-listen-address", True,
       "--live --p2p --tunnelled --listen-address 127.0.0.1",
       {V9: "argument unsupported: listen address is not supported by tunnelled migration",
        V12: "argument unsupported: listen address is not supported by tunnelled migration"}),
    _c("qemu-tunnelled-listen-address", False, "--live --p2p --listen-address 127.0.0.1",
       {V9: M, V12: M}),
    _c("qemu-tunnelled-disks-port", True, "--live --p2p --tunnelled --disks-port 49491",
       {V9: "argument unsupported: disk port address is not supported by tunnelled "
            "migration",
        V12: "argument unsupported: disk port address is not supported by tunnelled "
             "migration"}),
    _c("qemu-tunnelled-disks-port", False, "--live --p2p --disks-port 49491",
       {V9: M, V12: M}),
    # virsh itself insists on --postcopy next to --postcopy-resume; the API does not.
    _c("qemu-postcopy-resume-needs-postcopy", True, "--live --p2p --postcopy-resume",
       {V9: "argument unsupported: resuming failed post-copy migration requires post-copy "
            "to be enabled",
        V12: "argument unsupported: resuming failed post-copy migration requires post-copy "
             "to be enabled"}, api=True),
    _c("qemu-postcopy-resume-needs-postcopy", False, "--live --postcopy --postcopy-resume",
       {V9: "Requested operation is not valid: domain 'mf-ro' is not being migrated",
        V12: "Requested operation is not valid: domain 'mf-ro' is not being migrated"}),
    _c("qemu-postcopy-needs-live", True, "--postcopy",
       {V9: "argument unsupported: post-copy migration is not supported with non-live or "
            "paused migration",
        V12: "argument unsupported: post-copy migration is not supported with non-live or "
             "paused migration"}),
    _c("qemu-postcopy-needs-live", True, "--live --postcopy --suspend",
       {V9: "argument unsupported: post-copy migration is not supported with non-live or "
            "paused migration",
        V12: "argument unsupported: post-copy migration is not supported with non-live or "
             "paused migration"}),
    _c("qemu-postcopy-needs-live", False, "--live --postcopy", {V9: M, V12: M}),
    _c("qemu-postcopy-tunnelled", True, "--live --p2p --tunnelled --postcopy",
       {V9: "argument unsupported: post-copy is not supported with tunnelled migration",
        V12: "argument unsupported: post-copy is not supported with tunnelled migration"}),
    _c("qemu-postcopy-tunnelled", False, "--live --p2p --postcopy", {V9: M, V12: M}),
    _c("qemu-offline-storage", True, "--offline --persistent --copy-storage-all",
       {V9: "Requested operation is not valid: offline migration cannot handle non-shared "
            "storage",
        V12: "Requested operation is not valid: offline migration cannot handle non-shared "
             "storage"}, guest="mf-off"),
    _c("qemu-offline-storage", False, "--offline --persistent", {V9: M, V12: M},
       guest="mf-off"),
    _c("qemu-offline-needs-persistent", True, "--offline",
       {V9: "Requested operation is not valid: offline migration must be specified with the "
            "persistent flag set",
        V12: "Requested operation is not valid: offline migration must be specified with the "
             "persistent flag set"}, guest="mf-off"),
    _c("qemu-offline-needs-persistent", False, "--offline --persistent --undefinesource",
       {V9: M, V12: M}, guest="mf-off"),
    _c("qemu-offline-tunnelled", True, "--offline --persistent --p2p --tunnelled",
       {V9: "Requested operation is not valid: tunnelled offline migration does not make "
            "sense",
        V12: "Requested operation is not valid: tunnelled offline migration does not make "
             "sense"}, guest="mf-off"),
    _c("qemu-offline-tunnelled", False, "--offline --persistent --p2p", {V9: M, V12: M},
       guest="mf-off"),
    _c("qemu-zerocopy-needs-parallel", True, "--live --zerocopy",
       {V9: "Requested operation is not valid: zero-copy is only available for parallel "
            "migration",
        V12: "Requested operation is not valid: zero-copy is only available for parallel "
             "migration"}),
    # With --parallel the next refusal is QEMU's own (zero copy and TLS do not mix).
    _c("qemu-zerocopy-needs-parallel", False, "--live --zerocopy --parallel --tls",
       {V9: "internal error: unable to execute QEMU command 'migrate-set-parameters': Zero "
            "copy only available for non-compressed non-TLS multifd migration",
        V12: "internal error: unable to execute QEMU command 'migrate-set-parameters': Zero "
             "copy only available for non-compressed non-TLS multifd migration"}),
    _c("qemu-storage-tunnelled", True, "--live --p2p --tunnelled --copy-storage-all",
       {V9: "internal error: argument key 'host' must not have null value",
        V12: "Operation not supported: migration of non-shared storage is not supported with "
             "tunnelled migration and this QEMU"}, guest="mf-rw"),
    _c("qemu-storage-tunnelled", False, "--live --p2p --copy-storage-all", {V9: M, V12: M},
       guest="mf-rw"),
    # Enforced only before 9.0.0: on 9.0.0 the storage/tunnel check logs the error and goes on.
    _c("qemu-storage-tunnelled-old", False, "--live --p2p --tunnelled --copy-storage-inc",
       {V9: "internal error: argument key 'host' must not have null value",
        V12: "Operation not supported: migration of non-shared storage is not supported with "
             "tunnelled migration and this QEMU"}, guest="mf-rw"),
    # virsh 12.9.0 refuses --migrate-disks without --copy-storage-* itself: API cases.
    _c("qemu-migrate-disks-needs-storage", True, "--live --p2p --migrate-disks vda",
       {V9: M,
        V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS' requires use "
             "of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' flag"},
       api=True),
    _c("qemu-migrate-disks-needs-storage", False,
       "--live --copy-storage-all --migrate-disks vda", {V9: M, V12: M}, guest="mf-rw"),
    _c("qemu-detect-zeroes-needs-storage", True,
       "--live --p2p --migrate-disks-detect-zeroes vda",
       {V9: "argument unsupported: parameter 'migrate_disks_detect_zeroes' not supported",
        V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' "
             "requires use of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' "
             "flag"},
       api=True),
    _c("qemu-detect-zeroes-needs-storage", False,
       "--live --copy-storage-all --migrate-disks-detect-zeroes vda",
       {V9: "command 'migrate' doesn't support option --migrate-disks-detect-zeroes", V12: M},
       guest="mf-rw"),
    _c("qemu-target-zero-needs-storage", True, "--live --p2p --migrate-disks-target-zero vda",
       {V9: "argument unsupported: parameter 'migrate_disks_target_zero' not supported",
        V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' "
             "requires use of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' "
             "flag"},
       api=True),
    _c("qemu-target-zero-needs-storage", False,
       "--live --copy-storage-all --migrate-disks-target-zero vda",
       {V9: "command 'migrate' doesn't support option --migrate-disks-target-zero",
        V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' is "
             "not supported by this QEMU"},
       guest="mf-rw"),
    _c("qemu-tls-unix-needs-destination", True, "--live --tls --migrateuri unix:///tmp/mf-tls.sock",
       {V9: "Operation not supported: Explicit destination hostname is required for TLS "
            "migration over UNIX socket",
        V12: "Operation not supported: Explicit destination hostname is required for TLS "
             "migration over UNIX socket"}),
    _c("qemu-tls-unix-needs-destination", False,
       "--live --tls --migrateuri unix:///tmp/mf-tls.sock --tls-destination vm",
       {V9: M, V12: M}),
)

# The guest's state and definition, QEMU's own refusals (layer qmp) and libvirt's bugs.
GUEST_CASES: tuple[Case, ...] = (
    _c("qemu-unsafe-storage", False, "--live", {V9: M, V12: M}),
    _c("qemu-unsafe-storage", True, "--live",
       {V9: "Unsafe migration: Migration without shared storage is unsafe",
        V12: "Unsafe migration: Migration without shared storage is unsafe"}, guest="mf-rw"),
    _c("qemu-unsafe-storage", False, "--live --unsafe", {V9: M, V12: M}, guest="mf-rw"),
    _c("qemu-unsafe-storage", False, "--live --copy-storage-inc", {V9: M, V12: M},
       guest="mf-rw"),
    _c("qemu-unsafe-storage", True, "--live",
       {V9: "Unsafe migration: Migration without shared storage is unsafe",
        V12: "Unsafe migration: Migration without shared storage is unsafe"}, guest="mf-wb"),
    _c("qemu-unsafe-storage", False, "--live --unsafe", {V9: M, V12: M}, guest="mf-wb"),
    # cache=writeback and nothing refuses it: these releases flush the cache themselves
    _c("qemu-unsafe-cache", False, "--live --copy-storage-all", {V9: M, V12: M},
       guest="mf-wb"),
    _c("qemu-copy-readonly-disk", False, "--live --copy-storage-all", {V9: M, V12: M},
       guest="mf-cd"),
    _c("qemu-copy-readonly-disk", True, "--live --copy-storage-all --migrate-disks sda",
       {V9: "Operation not supported: Cannot migrate empty or read-only disk sda",
        V12: "Operation not supported: Cannot migrate empty or read-only disk sda"},
       guest="mf-cd"),
    _c("qemu-copy-readonly-disk", True, "--live --copy-storage-all --migrate-disks vda",
       {V9: "Operation not supported: Cannot migrate empty or read-only disk vda",
        V12: "Operation not supported: Cannot migrate empty or read-only disk vda"}),
    _c("qemu-copy-readonly-disk", True, "--live --p2p --copy-storage-all --migrate-disks vda",
       {V9: "Operation not supported: Cannot migrate empty or read-only disk vda",
        V12: "Operation not supported: Cannot migrate empty or read-only disk vda"}),
    # the unsafe disk vda (not copied) is refused before the unknown target is looked up
    _c("qemu-disk-target-not-found", False, "--live --copy-storage-all --migrate-disks aaa",
       {V9: "Unsafe migration: Migration without shared storage is unsafe",
        V12: "Unsafe migration: Migration without shared storage is unsafe"}, guest="mf-rw"),
    _c("qemu-disk-target-not-found", True, "--live --copy-storage-all --migrate-disks aaa",
       {V9: "invalid argument: disk target aaa not found",
        V12: "invalid argument: disk target aaa not found"}),
    _c("qemu-disk-target-not-found", False, "--live --p2p --copy-storage-all --migrate-disks vda",
       {V9: M, V12: M}, guest="mf-rw"),
    _c("qemu-domain-not-running", True, "--live",
       {V9: "Requested operation is not valid: domain is not running",
        V12: "Requested operation is not valid: domain is not running"}, guest="mf-off"),
    _c("qemu-domain-not-running", True, "--live --postcopy",
       {V9: "Requested operation is not valid: domain is not running",
        V12: "Requested operation is not valid: domain is not running"}, guest="mf-off"),
    _c("qemu-domain-not-running", False, "--offline --persistent", {V9: M, V12: M}),
    _c("qemu-domain-not-running", False, "--offline --persistent", {V9: M, V12: M},
       guest="mf-tr"),
    _c("qemu-postcopy-paused-guest", True, "--live --postcopy",
       {V9: "argument unsupported: post-copy migration is not supported with non-live or "
            "paused migration",
        V12: "argument unsupported: post-copy migration is not supported with non-live or "
             "paused migration"}, guest="mf-paused"),
    _c("qemu-postcopy-paused-guest", False, "--live", {V9: M, V12: M}, guest="mf-paused"),
    _c("qemu-postcopy-resume-not-migrating", True, "--live --p2p --postcopy --postcopy-resume",
       {V9: "Requested operation is not valid: domain 'mf-ro' is not being migrated",
        V12: "Requested operation is not valid: domain 'mf-ro' is not being migrated"}),
    _c("qemu-postcopy-resume-not-migrating", False, "--live --p2p --postcopy",
       {V9: M, V12: M}),
    _c("qemu-transient-disk", False, "--live --persistent --undefinesource", {V9: M, V12: M},
       guest="mf-tr"),
    _c("qemu-shmem-not-master", False, "--live --p2p --persistent", {V9: M, V12: M}),
    _c("qemu-shmem-blocked", False, "--live --p2p --persistent --undefinesource",
       {V9: M, V12: M}),
    # a guest whose only disk is <transient/> (an image of its own)
    _c("qemu-transient-disk", True, "--live",
       {V9: "Requested operation is not valid: migration with transient disk is not supported",
        V12: "Requested operation is not valid: migration with transient disk is not "
             "supported"}, guest="mf-tdisk"),
    _c("qemu-transient-disk", True, "--live --p2p --persistent",
       {V9: "Requested operation is not valid: migration with transient disk is not supported",
        V12: "Requested operation is not valid: migration with transient disk is not "
             "supported"}, guest="mf-tdisk"),
    _c("qemu-transient-disk", False, "--offline --persistent", {V9: M, V12: M},
       guest="mf-tdisk"),
    # ivshmem-plain without a role, with role='peer' and with role='master': QEMU's own
    # migration blocker answers for the first two, before libvirt's role check
    _c("qemu-shmem-blocked", True, "--live",
       {V9: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
            "when using feature 'peer mode' in device 'ivshmem'",
        V12: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
             "when using feature 'peer mode' in device 'ivshmem'"}, guest="mf-shm"),
    _c("qemu-shmem-blocked", True, "--live",
       {V9: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
            "when using feature 'peer mode' in device 'ivshmem'",
        V12: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
             "when using feature 'peer mode' in device 'ivshmem'"}, guest="mf-shm-peer"),
    _c("qemu-shmem-blocked", True, "--live --p2p --persistent",
       {V9: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
            "when using feature 'peer mode' in device 'ivshmem'",
        V12: "Requested operation is not valid: cannot migrate domain: Migration is disabled "
             "when using feature 'peer mode' in device 'ivshmem'"}, guest="mf-shm"),
    _c("qemu-shmem-blocked", False, "--offline --persistent", {V9: M, V12: M}, guest="mf-shm"),
    _c("qemu-shmem-blocked", False, "--live", {V9: M, V12: M}, guest="mf-shm-master"),
    _c("qemu-shmem-not-master", False, "--live --p2p", {V9: M, V12: M},
       guest="mf-shm-master"),
    _c("qemu-shmem-not-master", False, "--offline --persistent", {V9: M, V12: M},
       guest="mf-shm-peer"),
    _c("qmp-zerocopy-tls", False, "--live --p2p --tls", {V9: M, V12: M}),
    _c("qmp-zerocopy-tls", True, "--live --p2p --zerocopy --parallel --tls",
       {V9: "internal error: unable to execute QEMU command 'migrate-set-parameters': Zero "
            "copy only available for non-compressed non-TLS multifd migration",
        V12: "internal error: unable to execute QEMU command 'migrate-set-parameters': Zero "
             "copy only available for non-compressed non-TLS multifd migration"}),
    _c("qmp-multifd-channels-range", True, "--live --parallel --parallel-connections 300",
       {V9: "internal error: unable to execute QEMU command 'migrate-set-parameters': "
            "Parameter 'multifd-channels' expects uint8_t",
        V12: "internal error: unable to execute QEMU command 'migrate-set-parameters': "
             "Parameter 'multifd-channels' expects uint8_t"}),
    _c("qmp-multifd-channels-range", False, "--live --parallel --parallel-connections 255",
       {V9: M, V12: M}),
    _c("qmp-compress-removed", True, "--live --compressed --comp-methods mt",
       {V9: M,
        V12: "argument unsupported: Migration option 'compress' is not supported by QEMU "
             "binary"}),
    _c("qmp-compress-removed", False, "--live --compressed --comp-methods xbzrle",
       {V9: M, V12: M}),
    _c("qmp-multifd-compress", True, "--live --p2p --parallel --compressed --comp-methods mt",
       {V9: "internal error: unable to execute QEMU command 'migrate-set-capabilities': "
            "Multifd is not compatible with compress",
        V12: "invalid argument: Compression method 'mt' isn't supported with parallel "
             "migration"}),
    _c("qmp-multifd-compress", False, "--live --p2p --parallel", {V9: M, V12: M}),
    _c("qmp-target-zero-unsupported", True,
       "--live --p2p --copy-storage-all --migrate-disks-target-zero vda",
       {V12: "Operation not supported: use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO' "
             "is not supported by this QEMU"}, guest="mf-rw"),
    _c("qmp-target-zero-unsupported", False, "--live --p2p --copy-storage-all "
       "--migrate-disks vda", {V12: M}, guest="mf-rw"),
    _c("bug-tunnelled-tls-yajl", True, "--live --p2p --tunnelled --tls",
       {V9: "internal error: failed to convert virJSONValue to yajl data"}),
    # (12.9.0's source daemon crashes; the harness starts it again)
    _c("bug-tunnelled-tls-crash", True, "--live --p2p --tunnelled --tls",
       {V12: "Disconnected from qemu+tcp://127.0.0.1:16593/system due to I/O error"}),
    _c("bug-tunnelled-tls-yajl", False, "--live --p2p --tunnelled --persistent",
       {V9: M, V12: M}),
    _c("bug-tunnelled-tls-crash", False, "--live --p2p --tls --persistent", {V9: M, V12: M}),
    _c("bug-storage-tunnelled-null-host", True, "--live --p2p --tunnelled --copy-storage-all",
       {V9: "internal error: argument key 'host' must not have null value",
        V12: "Operation not supported: migration of non-shared storage is not supported with "
             "tunnelled migration and this QEMU"}, guest="mf-rw"),
    _c("bug-storage-tunnelled-null-host", False, "--live --p2p --tunnelled --unsafe",
       {V9: M, V12: M}, guest="mf-rw"),
    # The order of the parameter checks (qemuMigrationParamsFromFlags), one pair at a time.
    _c("", False, "--live --parallel-connections 2 --compressed --comp-xbzrle-cache 4194304",
       {V9: "invalid argument: Turn parallel migration on to tune it",
        V12: "invalid argument: Turn parallel migration on to tune it"}),
    _c("", False, "--live --auto-converge-initial 10 --parallel-connections 2",
       {V9: "invalid argument: Turn parallel migration on to tune it",
        V12: "invalid argument: Turn parallel migration on to tune it"}),
    _c("", False, "--live --auto-converge-initial 10 --compressed --comp-mt-level 1",
       {V9: "invalid argument: Turn multithread compression on to tune it",
        V12: "invalid argument: Turn multithread compression on to tune it"}),
    _c("", False, "--live --compressed --comp-methods lzo --auto-converge-initial 10",
       {V9: "invalid argument: Unsupported compression method 'lzo'",
        V12: "invalid argument: Unsupported compression method 'lzo'"}),
    _c("", False, "--live --parallel-connections 2 --postcopy-bandwidth 17592186044416",
       {V9: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
            "17592186044416",
        V12: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
             "17592186044416"}),
    _c("", False, "--live --compressed --comp-methods lzo --postcopy-bandwidth 17592186044416",
       {V9: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
            "17592186044416",
        V12: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
             "17592186044416"}),
    _c("", False, "--live --available-switchover-bandwidth 17592186044416 "
       "--postcopy-bandwidth 17592186044416",
       {V12: "numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
             "17592186044416"}),
    _c("", False, "--live --available-switchover-bandwidth 17592186044416 --compressed "
       "--comp-methods lzo",
       {V12: "invalid argument: Unsupported compression method 'lzo'"}),
    # ... and with --p2p, where the source runs them all in one go.
    _c("", False, "--live --p2p --auto-converge-initial 10 --parallel-connections 2",
       {V9: "invalid argument: Turn auto convergence on to tune it",
        V12: "invalid argument: Turn auto convergence on to tune it"}),
    _c("", False, "--live --p2p --compressed --comp-methods lzo --auto-converge-initial 10",
       {V9: "invalid argument: Turn auto convergence on to tune it",
        V12: "invalid argument: Turn auto convergence on to tune it"}),
    _c("", False, "--live --p2p --parallel --compressed --comp-methods zlib --comp-zlib-level 1",
       {V12: M}),
)

ALL_CASES = RULE_CASES + GUEST_CASES

# ---- the seeded sample: mixed option sets, drawn the same way on every run -----------------
SAMPLE_SEED = 20261129
SAMPLE_SIZE = 110
_GUESTS = ("mf-ro", "mf-ro", "mf-ro", "mf-rw", "mf-wb", "mf-cd", "mf-off", "mf-paused", "mf-tr")
_FLAGS = ("--live", "--live", "--live", "--p2p", "--p2p", "--tunnelled", "--persistent",
          "--undefinesource", "--suspend", "--copy-storage-all", "--copy-storage-inc",
          "--unsafe", "--offline", "--compressed", "--auto-converge", "--postcopy", "--tls",
          "--parallel", "--abort-on-error", "--change-protection",
          "--copy-storage-synchronous-writes")
_VALUED = (
    ("--comp-methods", ("mt", "xbzrle", "zlib", "zstd", "mt,xbzrle", "lzo", "zlib,zstd")),
    ("--parallel-connections", ("2", "3")),
    ("--auto-converge-initial", ("10",)),
    ("--auto-converge-increment", ("5",)),
    ("--comp-xbzrle-cache", ("4194304",)),
    ("--comp-mt-level", ("1",)),
    ("--postcopy-bandwidth", ("100", "17592186044416")),
    ("--bandwidth", ("1000",)),
    ("--migrate-disks", ("vda", "sda", "aaa")),
    ("--listen-address", ("127.0.0.1",)),
    ("--dname", ("mf-renamed",)),
    ("--timeout", ("30",)),
)


def sample_cases(seed: int = SAMPLE_SEED, size: int = SAMPLE_SIZE) -> tuple[Case, ...]:
    """`size` option sets drawn from `seed`: a guest and 1-5 flag options plus 0-2 options with
    values. What the real daemons answer is recorded in tests/data/realqemu-RELEASE.json."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for index in range(size):
        guest = rng.choice(_GUESTS)
        options: list[str] = []
        for flag in rng.sample(_FLAGS, rng.randint(1, 5)):
            if flag not in options:
                options.append(flag)
        for name, values in rng.sample(_VALUED, rng.randint(0, 2)):
            options += [name, rng.choice(values)]
        cases.append(Case(f"sample-{index:03d}", tuple(options), {}, guest))
    return tuple(cases)
