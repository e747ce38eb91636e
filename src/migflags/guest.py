"""What `check` may know about the guest: its state and its disks, read from `virsh dumpxml`.

Pure functions over text: no file access, no libvirt. The facts are the ones the QEMU driver's
own checks look at (qemuMigrationSrcBegin, qemuMigrationSrcIsSafe, the NBD server on the
destination): whether the domain is active, for each disk its target, device, source type,
whether it is read-only, empty, shareable or transient, and its cache mode, and the role of
each shared-memory device.

`virsh dumpxml` says whether a domain is active (an active domain's root element carries
`id='N'`) but neither whether it runs or is paused nor whether it is persistent; `--state`
says the former. A fact nobody gave stays None, and the rules that need it are reported as
not checked instead of guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from migflags.record import NamedTuple
from migflags.tables.guest import ACTIVE, LOCAL_PATH_TYPES, STATES

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["ACTIVE", "STATES", "Disk", "Guest", "GuestError", "Shmem", "guest_from",
           "parse_domain_xml"]


class GuestError(ValueError):
    """A domain XML that cannot be read: the message is one line naming what is wrong."""


class Disk(NamedTuple):
    target: str  # <target dev=...>: what --migrate-disks names
    device: str  # disk, cdrom, floppy, lun
    source_type: str  # file, block, dir, network, volume, nvme, vhostuser, vhostvdpa
    path: str | None  # the file, device or directory; None when the source is empty
    readonly: bool
    shareable: bool
    cache: str | None  # <driver cache=...>; None for the hypervisor default
    transient: bool = False  # <transient/>: changes are discarded when the guest stops

    @property
    def empty(self) -> bool:
        """No medium (virStorageSourceIsEmpty): a local source without a path, or a network
        source without a protocol."""
        if self.source_type in LOCAL_PATH_TYPES:
            return self.path is None
        return self.source_type == "network" and self.path is None


class Shmem(NamedTuple):
    name: str
    role: str  # master, peer, or "" when the XML leaves it to the default


class Guest(NamedTuple):
    name: str | None = None
    state: str | None = None  # one of STATES, ACTIVE, or None when unknown
    disks: tuple[Disk, ...] | None = None  # None when no domain XML was given
    shmems: tuple[Shmem, ...] | None = None  # <shmem> devices; None without domain XML

    @property
    def known(self) -> bool:
        return self.state is not None or self.disks is not None


def _disk(element: Element) -> Disk:
    source_type = element.get("type", "file")
    target = element.find("target")
    dev = target.get("dev") if target is not None else None
    if not dev:
        raise GuestError("a <disk> has no <target dev='...'>")
    source = element.find("source")
    path: str | None = None
    if source is not None:
        if source_type == "network":
            path = (source.get("name") or "") if source.get("protocol") else None
        else:
            path = (source.get("file") or source.get("dev") or source.get("dir")
                    or source.get("volume") or source.get("path"))
        if source_type in ("nvme", "vhostuser", "vhostvdpa", "volume") and path is None:
            path = ""
    driver = element.find("driver")
    device = element.get("device", "disk")
    return Disk(
        target=dev,
        device=device,
        source_type=source_type,
        path=path,
        readonly=element.find("readonly") is not None or device == "cdrom",
        shareable=element.find("shareable") is not None,
        cache=driver.get("cache") if driver is not None else None,
        transient=element.find("transient") is not None,
    )


def parse_domain_xml(text: str) -> Guest:
    """The facts in a `virsh dumpxml` document; GuestError when it is not one."""
    from xml.etree.ElementTree import ParseError, fromstring

    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise GuestError("domain XML must not declare a DOCTYPE or entities")
    try:
        root = fromstring(text)
    except ParseError as error:
        raise GuestError(f"malformed domain XML: {error}") from None
    if root.tag != "domain":
        raise GuestError(f"the root element is <{root.tag}>, not <domain>")
    name = root.findtext("name")
    disks = tuple(_disk(d) for d in root.findall("./devices/disk"))
    shmems = tuple(Shmem(e.get("name", ""), e.get("role", ""))
                   for e in root.findall("./devices/shmem"))
    return Guest(name=name.strip() if name else None,
                 state=ACTIVE if root.get("id") not in (None, "-1") else "shutoff",
                 disks=disks, shmems=shmems)


def guest_from(state: str | None, xml_text: str | None) -> Guest | None:
    """Combine --state and --domain-xml; None when neither was given. --state is the more
    precise fact (running or paused), so it wins over what the XML's id says."""
    if state is None and xml_text is None:
        return None
    guest = parse_domain_xml(xml_text) if xml_text is not None else Guest()
    if state is not None:
        guest = guest._replace(state=state)
    return guest
