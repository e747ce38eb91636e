"""The flag table: every bit of libvirt's `virDomainMigrateFlags`, in bit order.

This module is the only place in migflags where a flag's C name or its `virsh migrate`
option is written. Everything else (the IntFlag, parsing, Click options, completion, JSON,
the README table) is derived from `FLAGS`. `tests/test_table.py` pins it to libvirt's own
`libvirt-api.xml`.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass

from migflags.text import Text
from migflags.versions import LibvirtVersion, v

C_PREFIX = "VIR_MIGRATE_"
# go-libvirt (digitalocean) spells these words in capitals when it CamelCases a C name.
GO_ACRONYMS = frozenset({"TLS"})


@dataclass(frozen=True)
class FlagRow:
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
        Text("Migrate while the guest keeps running; it pauses only for the final switchover."),
        Text(
            "Memory is copied in rounds while the guest runs, re-sending pages it dirties, and "
            "the vCPUs stop only for the short final hand-over. Without this flag the guest is "
            "paused for the whole transfer, which is simpler and converges for certain, but the "
            "downtime equals the copy time."
        ),
    ),
    FlagRow(
        1, "VIR_MIGRATE_PEER2PEER", "p2p", v("0.7.2"),
        Text("The source daemon talks to the destination daemon and runs the migration itself."),
        Text(
            "Instead of the client (virsh, nova, ...) driving each step on both hosts, the "
            "source libvirtd opens its own connection to the destination URI and manages the "
            "whole job. The client then only needs a connection to the source. Needed for "
            "TUNNELLED; virsh also switches to virDomainMigrateToURI3 when it sees --p2p."
        ),
        to_uri=True,
    ),
    FlagRow(
        2, "VIR_MIGRATE_TUNNELLED", "tunnelled", v("0.7.2"),
        Text("Send the migration stream through the libvirtd connection instead of a QEMU socket."),
        Text(
            "The hypervisor's data is carried inside the libvirt RPC connection between the two "
            "daemons, so only the libvirt port must be reachable and the stream inherits that "
            "connection's encryption. It costs throughput and rules out parallel connections, "
            "post-copy and (with QEMU) disk copying; it requires PEER2PEER."
        ),
        aliases=("tunneled",),
    ),
    FlagRow(
        3, "VIR_MIGRATE_PERSIST_DEST", "persistent", v("0.7.3"),
        Text("Define the guest persistently on the destination once the migration succeeds."),
        Text(
            "Without it the guest arrives as a transient domain that vanishes from the "
            "destination when it shuts down. With it the destination stores a definition (or the "
            "persistent_xml parameter, when given). OFFLINE migration requires this flag."
        ),
    ),
    FlagRow(
        4, "VIR_MIGRATE_UNDEFINE_SOURCE", "undefinesource", v("0.7.3"),
        Text("Delete the guest's persistent definition on the source after success."),
        Text(
            "After a successful migration the source host forgets the domain's configuration, "
            "so it cannot be started there again by accident. Pair it with PERSIST_DEST, or the "
            "definition exists on neither host afterwards."
        ),
    ),
    FlagRow(
        5, "VIR_MIGRATE_PAUSED", "suspend", v("0.7.5"),
        Text("Leave the guest paused on the destination; something must resume it later."),
        Text(
            "The guest finishes the migration with its vCPUs stopped and waits for an explicit "
            "resume. libvirt also sets this by itself when the guest was already paused on the "
            "source, which is why post-copy fails for paused guests."
        ),
    ),
    FlagRow(
        6, "VIR_MIGRATE_NON_SHARED_DISK", "copy-storage-all", v("0.8.2"),
        Text("Copy whole disk images to the destination (storage that is not shared)."),
        Text(
            "For guests whose disks live on local storage: libvirt mirrors every writable, "
            "non-shared disk (or the ones listed in migrate_disks) to the destination, which "
            "must already have images of the right size. Slow for big disks; cannot be "
            "combined with NON_SHARED_INC."
        ),
    ),
    FlagRow(
        7, "VIR_MIGRATE_NON_SHARED_INC", "copy-storage-inc", v("0.8.2"),
        Text("Copy only the top image of each disk; the backing images already exist there."),
        Text(
            "Like NON_SHARED_DISK, but only the topmost layer of each backing chain is copied. "
            "The base images must already be present, identical, on the destination. Cannot be "
            "combined with NON_SHARED_DISK."
        ),
    ),
    FlagRow(
        8, "VIR_MIGRATE_CHANGE_PROTECTION", "change-protection", v("0.9.4"),
        Text("Block configuration changes to the guest while it migrates."),
        Text(
            "Nobody may alter the domain's configuration until the migration ends. libvirt "
            "already does this by itself whenever the hypervisor supports it; asking for it "
            "explicitly only turns 'not supported' into a hard error."
        ),
    ),
    FlagRow(
        9, "VIR_MIGRATE_UNSAFE", "unsafe", v("0.9.11"),
        Text("Skip libvirt's safety checks on disks and cache modes."),
        Text(
            "libvirt normally refuses a migration that could corrupt data: disks that are "
            "neither shared nor copied, or disks with a cache mode other than none/directsync. "
            "This flag silences those checks; use it only when you know the storage is coherent."
        ),
    ),
    FlagRow(
        10, "VIR_MIGRATE_OFFLINE", "offline", v("1.0.1"),
        Text("Move only the definition of a guest; nothing runs and no memory is copied."),
        Text(
            "The destination receives the domain's configuration and nothing else; the guest "
            "is not started there and the source is not touched. It needs PERSIST_DEST and "
            "cannot copy storage, tunnel, or be combined with --live in virsh."
        ),
    ),
    FlagRow(
        11, "VIR_MIGRATE_COMPRESSED", "compressed", v("1.0.3"),
        Text("Compress the memory stream (the method comes from the compression parameter)."),
        Text(
            "Trades CPU for bandwidth. The methods are chosen with the compression parameter "
            "(virsh --comp-methods); without one, QEMU uses xbzrle, which only helps with pages "
            "that are re-sent. Parallel migration needs an explicit zlib or zstd method instead."
        ),
    ),
    FlagRow(
        12, "VIR_MIGRATE_ABORT_ON_ERROR", "abort-on-error", v("1.1.0"),
        Text("Cancel the migration if a soft error such as a disk I/O error happens meanwhile."),
        Text(
            "Without it a guest that hits an I/O error keeps migrating in a paused state. With "
            "it the job is aborted, and a guest already paused by an I/O error cannot start "
            "migrating at all."
        ),
    ),
    FlagRow(
        13, "VIR_MIGRATE_AUTO_CONVERGE", "auto-converge", v("1.2.3"),
        Text("Slow the guest's vCPUs down when memory changes faster than it can be copied."),
        Text(
            "QEMU throttles the guest progressively so that a busy guest cannot dirty memory "
            "faster than the link sends it and the migration can finish. Tuned with the "
            "auto_converge.initial and auto_converge.increment parameters."
        ),
    ),
    FlagRow(
        14, "VIR_MIGRATE_RDMA_PIN_ALL", "rdma-pin-all", v("1.2.9"),
        Text("With RDMA transport, lock all guest memory in host RAM before starting."),
        Text(
            "Only meaningful for rdma:// migration URIs: all guest pages are registered (pinned) "
            "up front instead of on demand, which speeds the transfer but needs enough lockable "
            "host memory. libvirt does not check the URI scheme for you."
        ),
    ),
    FlagRow(
        15, "VIR_MIGRATE_POSTCOPY", "postcopy", v("1.3.3"),
        Text("Allow switching to post-copy, where the guest runs on the destination early."),
        Text(
            "The migration starts as usual (pre-copy); once switched (virsh "
            "--postcopy-after-precopy or --timeout-postcopy, or virDomainMigrateStartPostCopy) the "
            "guest runs on the destination and fetches missing pages on demand. That always "
            "converges, but if the network fails during post-copy the guest is lost until "
            "POSTCOPY_RESUME recovers it. Needs a live, non-tunnelled migration."
        ),
    ),
    FlagRow(
        16, "VIR_MIGRATE_TLS", "tls", v("3.2.0"),
        Text("Encrypt QEMU's migration connections with the hosts' TLS certificates."),
        Text(
            "The hypervisor's own data connections use TLS, with the certificates configured "
            "in qemu.conf (migrate_tls_x509_cert_dir). The tls.destination parameter overrides "
            "the host name checked in the destination's certificate."
        ),
    ),
    FlagRow(
        17, "VIR_MIGRATE_PARALLEL", "parallel", v("5.2.0"),
        Text("Send memory over several connections at once (QEMU multifd)."),
        Text(
            "Spreads the memory stream across parallel.connections sockets, which helps on fast "
            "links where one stream is CPU bound. Not possible when tunnelled; needed for "
            "ZEROCOPY and for zlib or zstd compression."
        ),
    ),
    FlagRow(
        18, "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES", "copy-storage-synchronous-writes",
        v("8.0.0"),
        Text("While copying disks, make guest writes reach the destination before completing."),
        Text(
            "Guest disk writes are mirrored synchronously, so a guest that writes heavily cannot "
            "stop the disk copy from converging; the price is write latency. Requires "
            "NON_SHARED_DISK or NON_SHARED_INC."
        ),
    ),
    FlagRow(
        19, "VIR_MIGRATE_POSTCOPY_RESUME", "postcopy-resume", v("8.5.0"),
        Text("Recover a migration that failed after it had switched to post-copy."),
        Text(
            "Repeat the original migration call with this flag added to reconnect the two "
            "halves of a guest whose post-copy phase broke. Requires POSTCOPY and only works on "
            "a migration that failed in post-copy."
        ),
    ),
    FlagRow(
        20, "VIR_MIGRATE_ZEROCOPY", "zerocopy", v("8.5.0"),
        Text("Send memory pages without copying them in the host (needs PARALLEL)."),
        Text(
            "QEMU transmits guest pages straight from guest memory, saving host CPU. For that "
            "the pages must be locked in RAM, so libvirt raises the guest's memory-lock limit "
            "during the migration. Only works with PARALLEL."
        ),
    ),
)

FLAG_MASK = sum(row.value for row in FLAGS)

# Python 3.11 needs boundary=KEEP to keep unknown bits; 3.10 keeps them anyway.
_KEEP = {"boundary": enum.KEEP} if sys.version_info >= (3, 11) else {}  # type: ignore[attr-defined,unused-ignore]
# Built from the table so the member names are never spelled out twice. Unknown bits are kept.
MigrateFlag = enum.IntFlag(  # type: ignore[misc]
    "MigrateFlag", [(row.short, row.value) for row in FLAGS], module=__name__, **_KEEP
)
MigrateFlag.__doc__ = "virDomainMigrateFlags as an enum.IntFlag (member names lack VIR_MIGRATE_)."
