"""A whole log line given to `decode`: the flags value `annotate` would find in it.

The line is scanned by the log scanner itself (`annotate.find_hits`), so `decode` accepts
exactly the lines and formats `annotate` recognises (libvirtd and virsh debug records,
CloudStack's `flags [2049]`, ...) and reads the value in the base that log source uses.
Imported only when a value did not parse as a number or names.
"""

from __future__ import annotations

from migflags.errors import InputError
from migflags.parse import MAX_VALUE
from migflags.tables.log_sources import Base


def value_in_log_line(text: str) -> int | None:
    """The first migration flags value logged in `text`, or None when it carries none.
    Bare digits in a libvirt record are hex, as libvirt 0.9.4 and later print them."""
    from migflags.annotate import find_hits

    hits = find_hits(text.encode("utf-8", "surrogateescape"))
    if not hits:
        return None
    hit = hits[0][1]
    token = hit.text.decode("ascii", "replace")
    try:
        if hit.source.base is Base.DECIMAL:
            number = int(token, 10)
        else:
            number = int(token.removeprefix("0x").removeprefix("0X"), 16)
    except ValueError:
        raise InputError(f"the {hit.field} value {token!r} logged by {hit.function} is not a "
                         "number") from None
    if number > MAX_VALUE:
        raise InputError(f"the {hit.field} value {token!r} logged by {hit.function} does not "
                         "fit in 64 bits")
    return number
