"""Flags values that well-known tools send, so `decode` can say who probably produced one.

Values are written as flag expressions (parsed with the flag table), never as bare numbers,
so a row cannot drift from the flag table.
"""

from __future__ import annotations

from dataclasses import dataclass

from migflags.text import Text


@dataclass(frozen=True)
class ProducerRow:
    name: str
    flags: str  # an expression parse_value() accepts
    description: Text
    source: str  # where the value comes from


PRODUCERS: tuple[ProducerRow, ...] = (
    ProducerRow(
        "nova live migration",
        "live|p2p|persistent|undefinesource",
        Text("OpenStack nova's default flags for a live migration on shared storage.",
             "OpenStack nova 在共享存储上做热迁移时默认使用的标志"),
        "nova/virt/libvirt/driver.py (live_migration_flag default, 0x1b)",
    ),
    ProducerRow(
        "nova block migration",
        "live|p2p|persistent|undefinesource|copy-storage-inc",
        Text("OpenStack nova's default flags for a live block migration (local disks).",
             "OpenStack nova 做块迁移（本地磁盘热迁移）时默认使用的标志"),
        "nova/virt/libvirt/driver.py (block_migration_flag default, 0x9b)",
    ),
)
