"""`[why: ID]` marks for `migflags annotate`: the error lines of a log that `why` recognises.

Bytes in, bytes out, like the rest of annotate. A line is a candidate when it holds one of the
words every wrapped error carries (`error`/`Error` as in `error: `, ` error : `,
`libvirtError`, `virError`; `ERROR` as in nova's log level; libvirt's zh_CN `错误`); only those
lines are decoded and matched, and only a full match (score 100) is marked. The mark goes at
the end of the line's content, before its line end:

    "  " [ESC "[33m"] "[why: " ID "]" [ESC "[0m"]

The mark is lossless: `recognised` ignores marks already at the end of a line, so a line and
the same line with marks appended are recognised alike, and `strip_ranges` removes a mark only
when the line without it is recognised as that very id. A mark never makes a line a candidate
that was not one, and lines longer than MAX_MARKED_LINE are never marked (a marked line must
stay well under annotate's long-line limit so that both directions see the same lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# One pattern per word: a single literal is searched several times faster than an alternation.
CANDIDATES = tuple(re.compile(word) for word in (b"rror", b"RROR", "错误".encode()))
MARK = re.compile(rb"  (?:\x1b\[[0-9;]*m)?\[why: ([a-z0-9-]+)\](?:\x1b\[0m)?\Z")
MAX_MARKED_LINE = 16 << 10
_COLOR, _RESET = b"\x1b[33m", b"\x1b[0m"


def mark(rule_id: str, color: bool = False) -> bytes:
    text = f"[why: {rule_id}]".encode("ascii")
    return b"  " + (_COLOR + text + _RESET if color else text)


@lru_cache(maxsize=4096)
def _recognised_message(content: bytes) -> str | None:
    from migflags.why import recognise  # the matcher loads only when a candidate line comes

    return recognise(content.decode("utf-8", "replace"))


def recognised(content: bytes) -> str | None:
    """The id `why` recognises in a line's content, marks at its end left out."""
    found = MARK.search(content)
    while found is not None:
        content = content[: found.start()]
        found = MARK.search(content)
    return _recognised_message(content)


def error_lines(buf: bytes, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """(line start, content end) of each candidate line among the whole lines buf[start:stop]
    (the content ends before `\\n` or `\\r\\n`), in order."""
    ends: dict[int, int] = {}
    for word in CANDIDATES:
        pos = start
        while pos < stop:
            found = word.search(buf, pos, stop)
            if found is None:
                break
            line_start = buf.rfind(b"\n", start, found.start()) + 1 or start
            line_end = buf.find(b"\n", found.end(), stop)
            if line_end < 0:
                line_end = stop
            ends[line_start] = line_end
            pos = line_end + 1
    for line_start in sorted(ends):
        content_end = ends[line_start]
        if content_end > line_start and buf[content_end - 1] == 0x0D:
            content_end -= 1
        if content_end - line_start <= MAX_MARKED_LINE:
            yield line_start, content_end


def marks(buf: bytes, start: int, stop: int,
          skip: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """(content end, id) of each recognised error line in buf[start:stop] whose start is not
    in `skip` (the lines that already carry a flags annotation)."""
    found = []
    for line_start, content_end in error_lines(buf, start, stop):
        if line_start in skip:
            continue
        rule_id = recognised(bytes(buf[line_start:content_end]))
        if rule_id is not None:
            found.append((content_end, rule_id))
    return found


def strip_ranges(buf: bytes, start: int, stop: int,
                 skip: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(mark start, content end) of each mark `marks` would have added in buf[start:stop]."""
    found = []
    for line_start, content_end in error_lines(buf, start, stop):
        if line_start in skip:
            continue
        last = MARK.search(buf, line_start, content_end)
        if last is None:
            continue
        if recognised(bytes(buf[line_start:last.start()])) == last.group(1).decode("ascii"):
            found.append((last.start(), content_end))
    return found


def annotate_lines(data: bytes, color: bool = False) -> bytes:
    """`data` with each recognised error line marked (whole lines; for tests and reuse)."""
    pieces, last = [], 0
    for content_end, rule_id in marks(data, 0, len(data)):
        pieces += [data[last:content_end], mark(rule_id, color)]
        last = content_end
    pieces.append(data[last:])
    return b"".join(pieces)


def strip_lines(data: bytes) -> bytes:
    """The inverse of `annotate_lines`."""
    pieces, last = [], 0
    for cut, content_end in strip_ranges(data, 0, len(data)):
        pieces.append(data[last:cut])
        last = content_end
    pieces.append(data[last:])
    return b"".join(pieces)
