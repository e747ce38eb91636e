"""Finding the lines of a log that carry a migration flags value (see `migflags.annotate`).

`scan` is the fast path over a buffer of whole lines; `_line_hit` is the one definition of
which lines carry a value, and `scan` must agree with it on every line
(tests/test_annotate_lossless.py checks it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from migflags.record import NamedTuple
from migflags.tables.log_sources import (
    ANCHOR,
    FIELD_NAMES,
    FLAGS_VALUE,
    LOG_SOURCES,
    NOT_MIGRATION_FLAGS,
    RECORD_START,
    Base,
    LogSource,
)


def _candidate_pattern() -> bytes:
    """One pattern with `ANCHOR` as its literal prefix (so the regex engine can skip ahead)
    that every line a log source recognises contains: a migration function's
    `name:line : `, or the start of another source's message. It is only ever searched
    within one line."""
    tails = [r"(?P<fn>[A-Za-z0-9_]*):[0-9]+ : "]
    for row in LOG_SOURCES:
        if not row.functions:
            if not row.message.startswith(ANCHOR):
                raise ValueError(f"log source {row.name}: its message must start with {ANCHOR}")
            tails.append(row.message[len(ANCHOR) :].replace("(?P<value>", "(?:"))
    return (re.escape(ANCHOR) + "(?:" + "|".join(tails) + ")").encode()


_CANDIDATE = re.compile(_candidate_pattern())
_RECORD = re.compile(RECORD_START.encode())
_FUNC = _RECORD.groupindex["func"]
_VALUE = re.compile(FLAGS_VALUE.encode())
_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_BARE_NAME = "flags"  # a field name of its own: FIELD_NAMES' shortest, which the others end with
_PREFIXES = tuple(
    (name.removesuffix(_BARE_NAME).encode(), name) for name in FIELD_NAMES if name != _BARE_NAME
)  # ((b"dest", "destflags"),)
_VALUE_GROUP = _VALUE.groupindex["value"]
if _BARE_NAME not in FIELD_NAMES or not all(name.endswith(_BARE_NAME) for name in FIELD_NAMES):
    raise ValueError(f"every field name must end with {_BARE_NAME!r}: {FIELD_NAMES}")


def _field(buf: bytes, start: int, end: int) -> tuple[str, bytes] | None:
    """The first flags field in `buf[start:end]`: (its name, the value as written)."""
    word = _WORD
    search = _VALUE.search
    while True:
        found = search(buf, start, end)
        if found is None:
            return None
        at = found.start()
        if at == 0 or buf[at - 1] not in word:
            return _BARE_NAME, found.group(_VALUE_GROUP)
        for prefix, name in _PREFIXES:
            begin = at - len(prefix)
            if (
                begin >= 0
                and buf.startswith(prefix, begin)
                and (begin == 0 or buf[begin - 1] not in word)
            ):
                return name, found.group(_VALUE_GROUP)
        start = at + 1


_LIBVIRT_ROWS = tuple((re.compile(row.functions), row) for row in LOG_SOURCES if row.functions)
_OTHER_ROWS = tuple(
    (re.compile(row.message.encode()), row) for row in LOG_SOURCES if not row.functions
)
_NOT_MIGRATION = tuple(re.compile(row.functions) for row in NOT_MIGRATION_FLAGS)

def source_of(function: str) -> LogSource | None:
    """The log source whose functions take migration flags and include `function`."""
    if any(deny.fullmatch(function) for deny in _NOT_MIGRATION):
        return None
    for pattern, row in _LIBVIRT_ROWS:
        if pattern.fullmatch(function):
            return row
    return None


_SOURCE_CACHE: dict[bytes, LogSource | None] = {}


def _source_of(function: bytes) -> LogSource | None:
    try:
        return _SOURCE_CACHE[function]
    except KeyError:
        pass
    # a "name" with other bytes (binary junk before a name in a damaged log) names nothing
    row = _SOURCE_CACHE[function] = source_of(function.decode()) if function.isascii() else None
    return row




class Hit(NamedTuple):
    """A line that carries a migration flags value (offsets into the scanned buffer)."""

    start: int  # first byte of the line
    end: int  # end of the line's content (before \r\n / \n)
    stop: int  # after the line end
    function: str
    field: str
    text: bytes  # the value as written
    source: LogSource


class _Pending(NamedTuple):
    """A migration record whose first line had no flags field: look on its next lines."""

    function: str
    source: LogSource


_DECIMAL = Base.DECIMAL
_NAMES: dict[bytes, tuple[str, LogSource] | None] = {}


def _name(name: bytes) -> tuple[str, LogSource] | None:
    try:
        return _NAMES[name]
    except KeyError:
        row = _source_of(name)
        found = _NAMES[name] = None if row is None else (name.decode("ascii"), row)
        return found


_LEVELS = (b"debug : ", b"info : ", b"warning : ", b"error : ")  # as in RECORD_START
_LEVEL_WORD = max(len(level) for level in _LEVELS) - len(b" : ")
if not RECORD_START.startswith("(?:" + "|".join(lv.decode()[:-3] for lv in _LEVELS) + ") : "):
    raise ValueError(f"RECORD_START must start with the levels {_LEVELS}: {RECORD_START}")
_ANCHOR = ANCHOR.encode()
_MUST = b"flags"  # in every line that carries a value (see `scan`)
if any(_MUST.decode() not in row.message for row in LOG_SOURCES if not row.functions):
    raise ValueError(f"every log source without functions must have {_MUST!r} in its message")


_Skip = Callable[[bytes, int, int, int, list[Hit]], tuple[int, int]]


def _built_from_its_source(module_file: str | None, crc: int | None) -> bool:
    """False for a module built from another `_native.c` than the one beside it (an editable
    install whose C source was edited since: rerun `pip install -e .`). An installed wheel
    has no source beside its module."""
    if module_file is None or crc is None:
        return False
    source = os.path.join(os.path.dirname(module_file), "_native.c")
    try:
        with open(source, "rb") as file:
            text = file.read()
    except OSError:
        return True
    import zlib

    return zlib.crc32(text) == crc


def _native_skip() -> _Skip | None:
    """The C loop that runs `scan`'s common iterations (`_native.c`), or None when the
    optional module was not built, MIGFLAGS_PURE_PYTHON=1 is set, or the table's RECORD_START
    or FLAGS_VALUE no longer has the shape the C code checks by hand (it uses no regex)."""
    if os.environ.get("MIGFLAGS_PURE_PYTHON") == "1":
        return None
    try:
        from migflags.annotate import _native
    except ImportError:
        return None
    # (a module built before SOURCE_CRC existed is older than its source)
    if not _built_from_its_source(_native.__file__, getattr(_native, "SOURCE_CRC", None)):
        return None
    levels = tuple(level[: -len(b" : ")] for level in _LEVELS)
    shape = "(?:" + "|".join(level.decode() for level in levels) + ") : " + _native.RECORD_TAIL
    # The C code takes the record start at a line's first " : " for the regex's first match:
    # true while no level word holds a space or ends another.
    # (`_classify` looks for the level in the 10 bytes before a name: "warning : " fits.)
    plain = all(level.isalpha() and len(level) <= 7 for level in levels) and not any(
        a != b and a.endswith(b) for a in levels for b in levels
    )
    if shape != RECORD_START or _native.FLAGS_VALUE != FLAGS_VALUE or not plain:
        return None
    if not FLAGS_VALUE.startswith(_MUST.decode() + "="):
        return None
    return _native.Skipper(_ANCHOR, _MUST, levels, _NAMES, Hit, _BARE_NAME).skip


_SKIP = _native_skip()


def _classify(
    buf: bytes, start: int, end: int, stop: int, first: re.Match[bytes]
) -> tuple[Hit | None, _Pending | None]:
    """Decide a line by its first candidate match `first` (see `_line_hit`)."""
    name_end = first.end("fn")
    if name_end >= 0:  # a function name: `...Migrat...:123 : `
        space = buf.rfind(b" ", start, first.start())
        if space < 0:
            return None, None
        known = _name(buf[space + 1 : name_end])
        if known is None or not buf[max(start, space - 9) : space + 1].endswith(_LEVELS):
            return None, None
        found = _field(buf, first.end(), end)
        if found is None:
            return None, _Pending(*known)
        return Hit(start, end, stop, known[0], found[0], found[1], known[1]), None
    for pattern, other in _OTHER_ROWS:
        match = pattern.match(buf, first.start(), end)
        if match is not None:
            return Hit(start, end, stop, other.function, "flags", match["value"], other), None
    return None, None


def _line_hit(
    buf: bytes, start: int, end: int, stop: int, state: _Pending | None
) -> tuple[Hit | None, _Pending | None]:
    """Decide the line `buf[start:end]` (its content, without the line end).

    `state` is the open migration record of the lines before, if any. Returns the hit on
    this line (or None) and the open record after it. This is the one definition of which
    lines carry a value; `scan` only skips the lines this would ignore anyway:

    * a line of an open record (no `level : function:line : ` on it) carries the record's
      value when it has a flags field, else the record stays open;
    * otherwise the line's first candidate match decides: a migration function's
      `name:line : ` (the name running back to the last space) preceded by `level : ` starts
      a record, whose value is the first flags field after it (on this line, or else on the
      next lines of the record); another log source's message carries its value.
    """
    if state is not None and _RECORD.search(buf, start, end) is None:
        found = _field(buf, start, end)
        if found is None:
            return None, state
        return Hit(start, end, stop, state.function, found[0], found[1], state.source), None
    first = _CANDIDATE.search(buf, start, end)
    if first is None:
        return None, None
    return _classify(buf, start, end, stop, first)


def _has_record(buf: bytes, start: int, end: int) -> bool:
    """Whether `buf[start:end]` holds a `level : function:line : ` (RECORD_START): searched
    from its first ` : ` on (the level word ends there), not from every byte of the line."""
    colon = buf.find(b" : ", start, end)
    return colon >= 0 and _RECORD.search(buf, max(start, colon - _LEVEL_WORD), end) is not None


def _state_after(buf: bytes, start: int, stop: int, state: _Pending | None) -> _Pending | None:
    """The open record after the lines `buf[start:stop]`, none of which holds `flags`.

    Such a line never carries a value, so only the last line that starts a record matters
    (a migration function's line leaves its record open); when none does, `state` goes on.
    """
    end = stop  # lines from `end` on hold no record
    while True:
        # A record has ` : ` in it: go back from one ` : ` to the next, not line by line
        # (a multi-line message, like the XML of a migration cookie, has none).
        colon = buf.rfind(b" : ", start, end)
        if colon < 0:
            return state
        line = buf.rfind(b"\n", start, colon) + 1 or start
        nl = buf.find(b"\n", colon, stop)
        after = stop if nl < 0 else nl + 1
        content = after - 1 if buf[after - 1] == 0x0A else after
        if content > line and buf[content - 1] == 0x0D:
            content -= 1
        if _has_record(buf, line, content):
            return _line_hit(buf, line, content, after, None)[1]
        end = line


def scan(
    buf: bytes, start: int = 0, stop: int | None = None, state: _Pending | None = None,
    skip: _Skip | None = _SKIP,
) -> tuple[list[Hit], _Pending | None]:
    """Every hit in `buf[start:stop]`, a run of whole lines (the last one may lack its line
    end at the end of the input). `state` is the open migration record before `start`.

    The same as `_line_hit` on every line in turn (tests/test_annotate_lossless.py checks
    it), but it looks only at the lines that contain `flags`, since every line that carries
    a value does (a flags field, or another source's message: checked at import), and while
    no record is open, only from the next line that names a migration function (`ANCHOR`) on.
    The lines in between can only open or close a record; they are looked at (from the last
    one back) only when the next `flags` line continues a record.

    `skip`, when given (the C module's, by default, when it was built), runs the common
    iterations of the loop below: a `flags` line that starts a record of its own with no
    anchor on it (other APIs' flags), and one whose anchor is in a known function's name
    (passed, or its bare `flags=` value made a hit). It returns `pos` and `anchor` at the
    first iteration of another kind, and the loop goes on in Python from there.
    """
    hits: list[Hit] = []
    size = len(buf) if stop is None else stop
    pos = start  # the lines before pos are decided; `state` is the open record after them
    anchor = -1  # the next ANCHOR at or after pos, when no record is open
    find = buf.find
    rfind = buf.rfind
    record = _RECORD.search
    value_search = _VALUE.search
    word = _WORD
    new_hit = tuple.__new__
    names = _NAMES
    while pos < size:
        if state is None:
            if skip is not None:
                pos, anchor = skip(buf, pos, size, anchor, hits)
                if pos >= size:
                    break
            # No record is open: nothing can happen before the next line with the anchor,
            # and on that line, nothing before the anchor (a value comes after the name).
            if anchor < pos:
                anchor = find(_ANCHOR, pos, size)
                if anchor < 0:
                    return hits, None
            at = find(_MUST, anchor, size)
        else:
            at = find(_MUST, pos, size)
        if at < 0:
            break
        line = rfind(b"\n", pos, at) + 1 or pos
        nl = find(b"\n", at, size)
        if nl < 0:
            end = after = size
        else:
            after = nl + 1
            end = nl - 1 if buf[nl - 1] == 0x0D else nl
        # The record this line starts, if any (this loop runs for every `flags` line).
        rec = record(buf, line, end)
        if rec is None:  # it continues the record of the lines before
            if line > pos:
                state = _state_after(buf, pos, line, state)
            pos = after
            if state is None:  # only another source's message can be here (CloudStack)
                hit, state = _line_hit(buf, line, end, after, None)
                if hit is not None:
                    hits.append(hit)
                continue
            # `_line_hit` on a line of an open record, which is known to start none
            found = _field(buf, line, end)
            if found is not None:
                hits.append(Hit(line, end, after, state.function, found[0], found[1],
                                state.source))
                state = None
            continue
        # A record of its own: what the lines before left open does not matter.
        state = None
        if anchor < line:
            anchor = find(_ANCHOR, line, size)
        pos = after
        if anchor < 0 or anchor >= end:
            continue  # no anchor on this line: no value (the common case: other flags)
        name_start, name_end = rec.span(_FUNC)
        if name_start <= anchor < name_end:
            # The line's first anchor is in its function's name, so `_line_hit` would
            # decide by that function: the same, without searching the line again.
            name = buf[name_start:name_end]
            known = names[name] if name in names else _name(name)
            if known is None:
                continue
            value = value_search(buf, name_end, end)
            if value is not None and buf[value.start() - 1] not in word:
                # a bare `flags=` field (`_field`'s first case, the common one)
                hits.append(new_hit(
                    Hit, (line, end, after, known[0], _BARE_NAME, value[_VALUE_GROUP], known[1])
                ))
                continue
            found = _field(buf, name_end, end)
            if found is None:
                state = _Pending(*known)
            else:
                hits.append(Hit(line, end, after, known[0], found[0], found[1], known[1]))
            continue
        hit, state = _line_hit(buf, line, end, after, None)
        if hit is not None:
            hits.append(hit)
    if pos < size and (state is not None or find(_ANCHOR, pos, size) >= 0):
        state = _state_after(buf, pos, size, state)
    return hits, state


def find_hits(data: bytes) -> list[tuple[int, Hit]]:
    """(line number, hit) for each migration flags value in `data` (for tests and tools)."""
    found: list[tuple[int, Hit]] = []
    hits, _ = scan(data)
    counted = 0
    line = 0
    for hit in hits:
        line += data.count(b"\n", counted, hit.start)
        counted = hit.start
        found.append((line + 1, hit))
    return found
