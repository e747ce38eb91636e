"""What the guest checks call things: the domain states `--state` takes, and the disk source
types whose storage libvirt inspects by path. Data only (kept apart from guest.py so that the
CLI can offer the states without loading the XML reader)."""

STATES = ("running", "paused", "shutoff")
ACTIVE = "active"  # running or paused: what a dumpxml with an id says without --state

# Disk source types (<disk type=...>) that name a local path: file, block device, directory.
LOCAL_PATH_TYPES = ("file", "block", "dir")
