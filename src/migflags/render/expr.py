"""The flags value as an expression a programmer pastes into code, in each binding's spelling
(`tables/bindings.py`), or as shifts (`1 << 0 | 1 << 1`)."""

from __future__ import annotations

from migflags.tables.bindings import BY_FORMAT, FORMATS, SHIFT_FORMAT
from migflags.tables.flags import FLAGS

STYLES = FORMATS


def expression(value: int, style: str) -> str:
    """`VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER`, `libvirt.MIGRATE_LIVE | ...`, ...

    Bits the binding has no constant for (ruby-libvirt and the C# binding stop at bit 14) and
    bits no libvirt release defines stay as one hex number at the end, so the expression
    always has the same value, written as the language needs it (Java's `L` past 31 bits,
    C#'s cast to the enum)."""
    if style == SHIFT_FORMAT:
        terms = [f"1 << {bit}" for bit in range(value.bit_length()) if value >> bit & 1]
        return " | ".join(terms) if terms else "0"
    binding = BY_FORMAT[style]
    names = []
    rest = value
    for row in FLAGS:
        if value & row.value and binding.defines(row):
            names.append(binding.constant(row))
            rest &= ~row.value
    if rest:
        names.append(binding.literal(rest))
    return binding.joiner.join(names) if names else "0"
