"""Explain every migration flags value inside a log, in place, like `c++filt` for libvirt logs.

Bytes in, bytes out: the input is never decoded as text, so invalid UTF-8, NUL bytes and CRLF
line ends pass through untouched. Which lines carry a value is decided by
`migflags.tables.log_sources`; what a value means by `migflags.core.decode`.

The annotation format (what `strip_annotations` removes)
---------------------------------------------------------
Only a line that carries a migration flags value changes, and only at its end: between the
line's content and its line end (``\\r\\n``, ``\\n``, or nothing on a last line without one)
comes ::

    "  " [ESC "[" <digits and ;> "m"] "[" BODY "]" [ESC "[0m"]

two spaces, an optional colour, the body in brackets, the colour reset. BODY never holds
``[``, ``]``, CR, LF or ESC. It is the flag names joined by ``|`` (``0`` for no flag, an
unknown remainder as hex), then ``" (bare hex)"`` or ``" (bare dec)"`` when the log wrote the
value without ``0x`` and that base was assumed, then ``" !"`` and the ids of the error-level
problems (``unknown-bits`` among them) when there are any. A value that cannot be read in the
assumed base gets ``"? <reason>"`` as its body.

Which lines carry a value depends only on the bytes of the log, never on the options, and an
annotation can never make a line carry a value (it has no ``=``, no ``Migrat`` and no
``level : function:line :``), so running the same scanner over annotated output finds exactly
the annotated lines: that is how `strip_annotations` gives back the input byte for byte.

How it stays fast and small
---------------------------
The input is read in blocks of `BLOCK` bytes. Each block is searched with one compiled
pattern for `ANCHOR` (every migration function name contains it); only the lines it hits are
parsed, and everything between them is written through as it is. A line longer than
`MAX_LINE` is not held in memory: its first `MAX_LINE` bytes decide, the rest streams through
with the last `HOLD` bytes kept back for the annotation. Decodings are cached per value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from migflags.core import TOO_NEW, decode
from migflags.model import Result
from migflags.render.words import symbolic
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
from migflags.tables.rules import Layer
from migflags.versions import NEWEST, LibvirtVersion

BLOCK = 1 << 20  # bytes read at a time
MAX_LINE = 4 << 20  # a longer line is decided by its first MAX_LINE bytes and then streamed
HOLD = 8 << 10  # bytes of a streamed long line kept back until its end is known
MAX_BODY = 2 << 10  # an annotation is never longer, so it always fits in HOLD

BARE_BASES = ("hex", "dec")
COLOR_OK = b"\x1b[36m"
COLOR_ERROR = b"\x1b[1;31m"
COLOR_RESET = b"\x1b[0m"


def _candidate_pattern() -> bytes:
    """One pattern with `ANCHOR` as its literal prefix (so the regex engine can skip ahead)
    that every line a log source recognises contains: a migration function's
    `name:line : `, or the start of another source's message."""
    # A function name counts only where it can matter: with `flags` later on its line, when
    # the next line is no new record (a message over several lines), or at the end of what
    # is searched.
    # (Greedy `[^\n]*` runs to the line end at C speed and backs up; a lazy one steps
    # through the regex engine character by character, several times slower.)
    tails = [
        r"(?P<fn>[A-Za-z0-9_]*):[0-9]+ : (?=[^\n]*flags|[^\n]*\n(?![^\n]*" + RECORD_START
        + r")|[^\n]*\Z)"
    ]
    for row in LOG_SOURCES:
        if not row.functions:
            if not row.message.startswith(ANCHOR):
                raise ValueError(f"log source {row.name}: its message must start with {ANCHOR}")
            tails.append(row.message[len(ANCHOR) :].replace("(?P<value>", "(?:"))
    return (re.escape(ANCHOR) + "(?:" + "|".join(tails) + ")").encode()


_CANDIDATE = re.compile(_candidate_pattern())
_FN = _CANDIDATE.groupindex["fn"]
_RECORD = re.compile(RECORD_START.encode())
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


_ANNOTATION = re.compile(rb"  (?:\x1b\[[0-9;]*m)?\[[^\[\]\r\n\x1b]*\](?:\x1b\[0m)?\Z")
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
        row = _SOURCE_CACHE[function] = source_of(function.decode("ascii"))
        return row


# ------------------------------------------------------------------ finding the values


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
_UNSEEN = ("", LOG_SOURCES[0])  # a name not looked up yet


def _name(name: bytes) -> tuple[str, LogSource] | None:
    try:
        return _NAMES[name]
    except KeyError:
        row = _source_of(name)
        found = _NAMES[name] = None if row is None else (name.decode("ascii"), row)
        return found


_LEVELS = (b"debug : ", b"info : ", b"warning : ", b"error : ")  # as in RECORD_START


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


def scan(
    buf: bytes, start: int = 0, stop: int | None = None, state: _Pending | None = None
) -> tuple[list[Hit], _Pending | None]:
    """Every hit in `buf[start:stop]`, a run of whole lines (the last one may lack its line
    end at the end of the input). `state` is the open migration record before `start`.

    The same as `_line_hit` on every line in turn (tests/test_annotate_lossless.py checks
    it), but it looks only at the lines the candidate pattern finds, and decides the usual
    ones (a known function, its flags field on the same line) inline.
    """
    hits: list[Hit] = []
    size = len(buf) if stop is None else stop
    pos = start
    search = _CANDIDATE.search
    field = _field
    new_hit = tuple.__new__
    names = _NAMES
    rfind = buf.rfind
    find = buf.find
    while pos < size:
        if state is None:
            first = search(buf, pos, size)
            if first is None:
                break
            anchor, token_end = first.span()
            line = rfind(b"\n", pos, anchor)
            if line >= 0:
                pos = line + 1
            nl = find(b"\n", token_end, size)
        else:
            first = None
            nl = find(b"\n", pos, size)
        if nl < 0:
            end = after = size
        else:
            after = nl + 1
            end = nl - 1 if nl > pos and buf[nl - 1] == 0x0D else nl
        if first is None or token_end > end:
            hit, state = _line_hit(buf, pos, end, after, state)
        else:
            name_end = first.end(_FN)
            if name_end < 0:  # another log source's message
                hit, state = _classify(buf, pos, end, after, first)
            else:
                space = rfind(b" ", pos, anchor)
                known = names.get(buf[space + 1 : name_end], _UNSEEN) if space >= 0 else None
                if known is _UNSEEN:
                    hit, state = _classify(buf, pos, end, after, first)
                elif known is None or not buf.endswith(_LEVELS, max(pos, space - 9), space + 1):
                    hit, state = None, None
                else:
                    found = field(buf, token_end, end)
                    if found is None:
                        hit, state = None, _Pending(*known)
                    else:
                        hit = new_hit(Hit, (pos, end, after, known[0], found[0], found[1],
                                            known[1]))
        if hit is not None:
            hits.append(hit)
        pos = after
    return hits, state


# ------------------------------------------------------------------ what a value means


@dataclass(frozen=True, eq=False)  # one object per value (cached): compared by identity
class Decoded:
    value: int | None
    base: str  # "hex" or "dec"
    bare: bool
    result: Result | None
    body: bytes
    error: str = ""  # why the value could not be read
    plain: bytes = field(init=False)
    colored: bytes = field(init=False)

    def __post_init__(self) -> None:
        tint = COLOR_ERROR if self.has_errors or self.value is None else COLOR_OK
        object.__setattr__(self, "plain", b"  [" + self.body + b"]")
        object.__setattr__(self, "colored", b"  " + tint + b"[" + self.body + b"]" + COLOR_RESET)

    @property
    def has_errors(self) -> bool:
        return self.result is not None and self.result.has_errors

    @property
    def has_unknown_bits(self) -> bool:
        return self.result is not None and bool(self.result.unknown_bits)


class Decoder:
    """Turns the text of a value into its decoding and annotation; caches per value."""

    def __init__(self, version: LibvirtVersion = NEWEST, bare: str = "hex") -> None:
        if bare not in BARE_BASES:
            raise ValueError(f"bare must be one of {BARE_BASES}, not {bare!r}")
        self.version = version
        self.bare = bare
        self.cache: dict[tuple[bytes, bool], Decoded] = {}

    def __call__(self, text: bytes, decimal: Base | bool) -> Decoded:
        """Decode the value `text`; `decimal`: the log source's base, or whether it is
        Base.DECIMAL."""
        if isinstance(decimal, Base):
            decimal = decimal is _DECIMAL
        found = self.cache.get((text, decimal))
        if found is None:
            found = self.cache[text, decimal] = self._decode(text, decimal)
        return found

    def _decode(self, text: bytes, decimal: bool) -> Decoded:
        token = text.decode("ascii")
        bare = False
        if decimal:
            number, name = int(token, 10), "dec"
        elif token[:2].lower() == "0x":
            number, name = int(token, 16), "hex"
        else:
            bare, name = True, self.bare
            try:
                number = int(token, 16 if name == "hex" else 10)
            except ValueError:
                reason = f"? {token} is not decimal"
                return Decoded(None, name, bare, None, reason.encode(), reason[2:])
        if number >= 1 << 64:
            reason = f"? {token} does not fit in 64 bits"
            return Decoded(None, name, bare, None, reason.encode(), reason[2:])
        # A logged value reached libvirt through its API, from virsh or from any other client
        # (nova, vdsm, ...): virsh's own option checks say nothing about it. A flag newer than
        # the release still matters: that libvirt does not know it.
        result = decode(number, self.version)
        result = result._replace(problems=tuple(
            p for p in result.problems if p.layer != Layer.VIRSH.value or p.rule == TOO_NEW
        ))
        body = symbolic(number)
        if bare:
            body += f" (bare {name})"
        errors = [p.rule for p in result.problems if p.is_error]
        if errors:
            body += " !" + ",".join(dict.fromkeys(errors))
        if len(body) > MAX_BODY:  # far more than any real value needs
            body = body[: MAX_BODY - 3] + "..."
        return Decoded(number, name, bare, result, body.encode())


def annotation(decoded: Decoded, color: bool) -> bytes:
    """The bytes added to a line (see the module doc for the format)."""
    return decoded.colored if color else decoded.plain


# ------------------------------------------------------------------ the stream


@dataclass
class Options:
    version: LibvirtVersion = NEWEST
    bare: str = "hex"
    color: bool = False
    mode: str = "annotate"  # "annotate", "only" or "json"
    lang: str = "en"


@dataclass
class Summary:
    matches: int = 0  # lines with a value
    # distinct values (a decoder shared by several inputs counts all it has seen):
    errors: int = 0  # distinct values with an error-level problem
    unknown_bits: int = 0  # distinct values with bits no libvirt flag has
    unreadable: int = 0  # distinct values that could not be read in the assumed base
    bare: bool = False  # a bare value was read in the assumed base


class Output(Protocol):
    def write(self, data: bytes | memoryview, /) -> int | None: ...

    def flush(self) -> None: ...


class Input(Protocol):
    def read(self, size: int, /) -> bytes | None: ...


class _Writer:
    """Gets the scanned buffers and their hits and writes the output of one mode.

    `buffer` is called with whole lines `buf[start:stop]`; a line longer than MAX_LINE
    comes as `long_start(hit)`, `long_data(...)`* and `long_end(tail, eol)`, where `tail` is
    the last bytes of the line's content (at least HOLD of them when there are so many).
    """

    count_lines = False

    def __init__(self, out: Output, decoder: Decoder, options: Options, name: str,
                 summary: Summary) -> None:
        self.out = out
        self.decoder = decoder
        self.options = options
        self.name = name
        self.summary = summary
        self.line = 0  # lines of this input before the buffer being written
        self.long_hit: Hit | None = None
        self.lines = 0  # lines annotated

    def _decoded(self, hit: Hit) -> Decoded:
        self.lines += 1
        return self.decoder(hit.text, hit.source.base is _DECIMAL)

    def _numbered(self, buf: bytes, start: int, hits: list[Hit]) -> Iterator[tuple[Hit, int]]:
        """Each hit with the 1-based number of its line (for the modes that print it)."""
        counted = start
        line = self.line
        for hit in hits:
            line += buf.count(b"\n", counted, hit.start)
            counted = hit.start
            yield hit, line + 1

    def finish(self) -> None:
        """Bring the summary up to date: the values are those the decoder has seen."""
        summary = self.summary
        summary.matches += self.lines
        seen = list(self.decoder.cache.values())
        summary.errors = sum(decoded.has_errors for decoded in seen)
        summary.unknown_bits = sum(decoded.has_unknown_bits for decoded in seen)
        summary.unreadable = sum(decoded.value is None for decoded in seen)
        summary.bare = any(decoded.bare for decoded in seen)

    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        raise NotImplementedError

    def long_start(self, hit: Hit | None) -> None:
        self.long_hit = hit

    def long_data(self, data: bytes) -> None:
        raise NotImplementedError

    def long_end(self, tail: bytes, eol: bytes) -> None:
        raise NotImplementedError


class _Annotate(_Writer):
    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        view = memoryview(buf)
        if not hits:
            self.out.write(view[start:stop])
            view.release()
            return
        write = self.out.write
        color = self.options.color
        decoder = self.decoder
        cache = decoder.cache
        pieces: list[bytes | memoryview] = []
        add = pieces.append
        last = start
        for hit in hits:  # the one loop per value in the log: kept lean
            key = (hit.text, hit.source.base is _DECIMAL)
            decoded = cache.get(key) or decoder(*key)
            add(view[last : hit.end])
            add(decoded.colored if color else decoded.plain)
            last = hit.end
        add(view[last:stop])
        self.lines += len(hits)
        for piece in pieces:  # into the output buffer (the command gives stdout a large one)
            write(piece)
        view.release()

    def long_data(self, data: bytes) -> None:
        self.out.write(data)

    def long_end(self, tail: bytes, eol: bytes) -> None:
        hit = self.long_hit
        extra = b"" if hit is None else annotation(self._decoded(hit), self.options.color)
        self.out.write(tail + extra + eol)


class _Strip(_Writer):
    """The inverse of `_Annotate`: removes the annotation of each line the scanner finds."""

    @staticmethod
    def _cut(buf: bytes, start: int, end: int) -> int:
        found = _ANNOTATION.search(buf, max(start, end - HOLD), end)
        if found is None:
            raise ValueError(f"a migration line has no annotation: {bytes(buf[start:end])!r}")
        return found.start()

    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        write = self.out.write
        view = memoryview(buf)
        last = start
        for hit in hits:
            write(view[last : self._cut(buf, hit.start, hit.end)])
            last = hit.end
        write(view[last:stop])
        view.release()

    def long_data(self, data: bytes) -> None:
        self.out.write(data)

    def long_end(self, tail: bytes, eol: bytes) -> None:
        if self.long_hit is not None:
            tail = tail[: self._cut(tail, 0, len(tail))]
        self.out.write(tail + eol)


class _Only(_Writer):
    """`grep -Hn`: only the annotated lines, each after `NAME:LINE:`."""

    count_lines = True

    def _prefix(self, line: int) -> bytes:
        return f"{self.name}:{line}:".encode("utf-8", "surrogateescape")

    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        color = self.options.color
        pieces = []
        for hit, line in self._numbered(buf, start, hits):
            eol = bytes(buf[hit.end : hit.stop]) or b"\n"
            pieces += [self._prefix(line), bytes(buf[hit.start : hit.end]),
                       annotation(self._decoded(hit), color), eol]
        if pieces:
            self.out.write(b"".join(pieces))

    def long_start(self, hit: Hit | None) -> None:
        super().long_start(hit)
        if hit is not None:
            self.out.write(self._prefix(self.line + 1))

    def long_data(self, data: bytes) -> None:
        if self.long_hit is not None:
            self.out.write(data)

    def long_end(self, tail: bytes, eol: bytes) -> None:
        hit = self.long_hit
        if hit is not None:
            extra = annotation(self._decoded(hit), self.options.color)
            self.out.write(tail + extra + (eol or b"\n"))


class _Json(_Writer):
    """One JSON object per value, one per line (for `jq`)."""

    count_lines = True

    def record(self, hit: Hit, line: int) -> bytes:
        decoded = self._decoded(hit)
        result = decoded.result
        lang = self.options.lang
        doc: dict[str, object] = {
            "file": self.name,
            "line": line,
            "function": hit.function,
            "field": hit.field,
            "text": hit.text.decode("ascii"),
            "base": decoded.base,
            "bare": decoded.bare,
            "value": decoded.value,
            "hex": None if decoded.value is None else hex(decoded.value),
            "names": None if decoded.value is None else symbolic(decoded.value),
            "flags": [] if result is None else [row.c_name for row in result.flags],
            "unknown_bits": [] if result is None else list(result.unknown_bits),
            "problems": [] if result is None else [
                {"level": p.level, "layer": p.layer, "rule": p.rule, "message": p.message,
                 "explanation": p.explanation.get(lang)}
                for p in result.problems
            ],
            "error": decoded.error or None,
            "source": hit.source.name,
            "libvirt": str(self.decoder.version),
        }
        return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n"

    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        pieces = [self.record(hit, line) for hit, line in self._numbered(buf, start, hits)]
        if pieces:
            self.out.write(b"".join(pieces))

    def long_start(self, hit: Hit | None) -> None:
        super().long_start(hit)
        if hit is not None:
            self.out.write(self.record(hit, self.line + 1))

    def long_data(self, data: bytes) -> None:
        pass

    def long_end(self, tail: bytes, eol: bytes) -> None:
        pass


_WRITERS: dict[str, type[_Writer]] = {"annotate": _Annotate, "only": _Only, "json": _Json}


class _Runner:
    """Reads blocks, hands whole lines to the writer, streams lines longer than MAX_LINE, and
    keeps what is left of a line for the next block."""

    def __init__(self, src: Input, writer: _Writer) -> None:
        self.src = src
        self.writer = writer
        self.state: _Pending | None = None

    def _read(self) -> bytes:
        return self.src.read(BLOCK) or b""

    def _lines(self, buf: bytes, start: int, stop: int) -> None:
        """Whole lines `buf[start:stop]` (the last may lack a line end at the end of input)."""
        if start >= stop:
            return
        hits, self.state = scan(buf, start, stop, self.state)
        writer = self.writer
        writer.buffer(buf, start, stop, hits)
        if writer.count_lines:
            writer.line += buf.count(b"\n", start, stop)

    def _rest(self, data: bytes) -> bytes:
        """Write the whole lines of `data`; return its unfinished last line."""
        cut = data.rfind(b"\n") + 1
        self._lines(data, 0, cut)
        return data[cut:]

    def run(self) -> None:
        carry = b""
        flush = self.writer.out.flush
        while True:
            block = self._read()
            if not block:
                self._lines(carry, 0, len(carry))
                flush()
                return
            first = block.find(b"\n")
            if first < 0:
                carry += block
                if len(carry) > MAX_LINE:
                    carry = self._rest(self._long_line(carry))
                continue
            start = 0
            if carry:  # the line begun in the blocks before ends in this one
                joint = carry + block[: first + 1]
                self._lines(joint, 0, len(joint))
                start = first + 1
            last = max(start, block.rfind(b"\n") + 1)
            self._lines(block, start, last)
            carry = block[last:]
            flush()  # a pipe (`tail -f log | migflags annotate`) sees each block

    def _long_line(self, head: bytes) -> bytes:
        """Write a line longer than MAX_LINE that starts with `head`; return what follows it
        in the last block read."""
        writer = self.writer
        decide = head[:MAX_LINE]
        hit, self.state = _line_hit(decide, 0, len(decide), len(decide), self.state)
        writer.long_start(hit)
        held = head
        while True:
            block = self._read()
            if not block:
                writer.long_data(held[:-HOLD])
                writer.long_end(held[-HOLD:], b"")
                return b""
            nl = block.find(b"\n")
            if nl < 0:
                held += block
                if len(held) > 2 * HOLD:
                    writer.long_data(held[:-HOLD])
                    held = held[-HOLD:]
                continue
            held += block[:nl]
            eol = b"\n"
            if held.endswith(b"\r"):
                held, eol = held[:-1], b"\r\n"
            writer.long_data(held[:-HOLD])
            writer.long_end(held[-HOLD:], eol)
            if writer.count_lines:
                writer.line += 1
            return block[nl + 1 :]


def annotate_stream(src: Input, out: Output, options: Options | None = None,
                    name: str = "-", decoder: Decoder | None = None,
                    summary: Summary | None = None) -> Summary:
    """Copy `src` to `out`, explaining each migration flags value (see the module doc)."""
    options = options or Options()
    decoder = decoder or Decoder(options.version, options.bare)
    summary = summary if summary is not None else Summary()
    writer = _WRITERS[options.mode](out, decoder, options, name, summary)
    _Runner(src, writer).run()
    writer.finish()
    return summary


class _Sink:
    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes | memoryview, /) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


@dataclass
class _Chunks:
    """Gives `data` in pieces of at most `size` bytes (tests use it to cut lines anywhere)."""

    data: bytes
    size: int = BLOCK
    pos: int = field(default=0)

    def read(self, limit: int, /) -> bytes:
        piece = self.data[self.pos : self.pos + min(limit, self.size)]
        self.pos += len(piece)
        return piece


def annotate_bytes(data: bytes, options: Options | None = None, *, chunk: int = BLOCK,
                   name: str = "-") -> bytes:
    """`annotate_stream` on a bytes object (given to it `chunk` bytes at a time)."""
    sink = _Sink()
    annotate_stream(_Chunks(data, chunk), sink, options, name)
    return sink.value()


def strip_annotations(data: bytes, *, chunk: int = BLOCK) -> bytes:
    """Remove what `annotate_bytes` added, in either colour mode: gives back its input.

    Raises ValueError when a line that carries a migration flags value has no annotation,
    i.e. when `data` is not the output of `migflags annotate`.
    """
    sink = _Sink()
    _Runner(_Chunks(data, chunk), _Strip(sink, Decoder(), Options(), "-", Summary())).run()
    return sink.value()


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
