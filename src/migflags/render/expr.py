"""The flags value as an expression a programmer pastes into C, Python or Go."""

from __future__ import annotations

from migflags.tables.flags import FLAG_MASK, FLAGS

STYLES = ("c", "python", "go")


def expression(value: int, style: str) -> str:
    """`VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER`, `libvirt.VIR_MIGRATE_LIVE | ...`, or the
    go-libvirt constants `libvirt.MigrateLive | ...`; unknown bits stay as a hex number."""
    names = []
    for row in FLAGS:
        if value & row.value:
            if style == "c":
                names.append(row.c_name)
            elif style == "python":
                names.append(f"libvirt.{row.c_name}")
            else:
                names.append(f"libvirt.{row.go_name}")
    rest = value & ~FLAG_MASK
    if rest:
        names.append(hex(rest))
    return " | ".join(names) if names else "0"
