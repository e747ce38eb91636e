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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from migflags.core import NEWEST, decode
from migflags.model import Result
from migflags.render.words import symbolic
from migflags.tables.log_sources import (
    ANCHOR,
    FLAGS_FIELD,
    LOG_SOURCES,
    NOT_MIGRATION_FLAGS,
    RECORD_START,
    Base,
    LogSource,
)
from migflags.versions import LibvirtVersion

BLOCK = 1 << 20  # bytes read at a time
MAX_LINE = 4 << 20  # a longer line is decided by its first MAX_LINE bytes and then streamed
HOLD = 8 << 10  # bytes of a streamed long line kept back until its end is known

BARE_BASES = ("hex", "dec")
COLOR_OK = b"\x1b[36m"
COLOR_ERROR = b"\x1b[1;31m"
COLOR_RESET = b"\x1b[0m"

_ANCHOR = ANCHOR.encode()
_HIT = re.compile(re.escape(_ANCHOR))
_RECORD = re.compile(RECORD_START.encode())
_FIELD = re.compile(FLAGS_FIELD.encode())
_ANNOTATION = re.compile(
    rb"  (?:\x1b\[[0-9;]*m)?\[[^\[\]\r\n\x1b]*\](?:\x1b\[0m)?\Z"
)
_LIBVIRT_ROWS = tuple(
    (re.compile(row.functions), row) for row in LOG_SOURCES if row.functions
)
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


# ------------------------------------------------------------------ what a hit is


@dataclass(frozen=True)
class Hit:
    """A line that carries a migration flags value (offsets into the scanned buffer)."""

    start: int  # first byte of the line
    end: int  # end of the line's content (before \r\n / \n)
    stop: int  # after the line end
    function: str
    field: str
    text: bytes  # the value as written
    source: LogSource


@dataclass
class _Pending:
    """A migration record whose first line had no flags field: look on its next lines."""

    function: str
    source: LogSource


def _content_end(buf: bytes, start: int, nl: int) -> int:
    """End of a line's content: before `\\r\\n` or `\\n` (nl is the newline, or len)."""
    if nl < len(buf) and nl > start and buf[nl - 1] == 0x0D:
        return nl - 1
    return nl


def _line_hit(
    buf: bytes, start: int, end: int, stop: int, state: _Pending | None
) -> tuple[Hit | None, _Pending | None, bool]:
    """Decide one line, `buf[start:end]`. Returns (hit, state after it, was it looked at)."""
    if state is not None:
        if _RECORD.search(buf, start, end) is None:
            found = _FIELD.search(buf, start, end)
            if found is None:
                return None, state, True
            return (
                Hit(start, end, stop, state.function, found["field"].decode(), found["value"],
                    state.source),
                None,
                True,
            )
        state = None  # a new record starts here
    anchor = _HIT.search(buf, start, end)
    if anchor is None:
        return None, None, False
    record = _RECORD.search(buf, start, end)
    if record is not None and _ANCHOR in record["func"]:
        row = _source_of(record["func"])
        if row is None:
            return None, None, True
        function = record["func"].decode("ascii")
        found = _FIELD.search(buf, record.end(), end)
        if found is None:
            return None, _Pending(function, row), True
        return (
            Hit(start, end, stop, function, found["field"].decode(), found["value"], row),
            None,
            True,
        )
    for pattern, row in _OTHER_ROWS:
        other = pattern.search(buf, start, end)
        if other is not None:
            return Hit(start, end, stop, row.function, "flags", other["value"], row), None, True
    return None, None, True


def scan(buf: bytes, state: _Pending | None = None) -> tuple[list[Hit], _Pending | None]:
    """Every hit in `buf`, a run of whole lines (the last may lack its newline at the end of
    the input).

    `state` carries an open migration record from the lines before `buf`.
    """
    hits: list[Hit] = []
    size = len(buf)
    pos = 0
    while pos < size:
        if state is None:
            anchor = _HIT.search(buf, pos)
            if anchor is None:
                break
            pos = buf.rfind(b"\n", 0, anchor.start()) + 1
        nl = buf.find(b"\n", pos)
        if nl < 0:
            nl = size
        stop = nl + 1 if nl < size else size
        hit, state, _ = _line_hit(buf, pos, _content_end(buf, pos, nl), stop, state)
        if hit is not None:
            hits.append(hit)
        pos = stop
    return hits, state


# ------------------------------------------------------------------ what a value means


@dataclass(frozen=True)
class Decoded:
    value: int | None
    base: str  # "hex" or "dec"
    bare: bool
    result: Result | None
    body: bytes
    error: str = ""  # why the value could not be read

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
        self._cache: dict[tuple[bytes, Base], Decoded] = {}
        self.bare_seen = False

    def __call__(self, text: bytes, base: Base) -> Decoded:
        key = (text, base)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._decode(text, base)
        if found.bare:
            self.bare_seen = True
        return found

    def _decode(self, text: bytes, base: Base) -> Decoded:
        token = text.decode("ascii")
        bare = False
        if base is Base.DECIMAL:
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
        result = decode(number, self.version)
        body = symbolic(number)
        if bare:
            body += f" (bare {name})"
        errors = [p.rule for p in result.problems if p.is_error]
        if errors:
            body += " !" + ",".join(dict.fromkeys(errors))
        return Decoded(number, name, bare, result, body.encode())


def annotation(decoded: Decoded, color: bool) -> bytes:
    if not color:
        return b"  [" + decoded.body + b"]"
    tint = COLOR_ERROR if decoded.has_errors or decoded.value is None else COLOR_OK
    return b"  " + tint + b"[" + decoded.body + b"]" + COLOR_RESET


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
    matches: int = 0
    errors: int = 0  # values with an error-level problem
    unknown_bits: int = 0  # values with bits no libvirt flag has
    unreadable: int = 0  # values that could not be read in the assumed base
    bare: bool = False  # a bare value was read in the assumed base


class Output(Protocol):
    def write(self, data: bytes, /) -> int | None: ...

    def flush(self) -> None: ...


class _Writer:
    """Gets the scanned buffers and hits, writes the output of one mode."""

    def __init__(self, out: Output, decoder: Decoder, options: Options, name: str,
                 summary: Summary) -> None:
        self.out = out
        self.decoder = decoder
        self.options = options
        self.name = name
        self.summary = summary
        self.line = 0  # lines of this input before the buffer being written
        self.long_hit: Hit | None = None
        self.long_line = 0

    def _decoded(self, hit: Hit) -> Decoded:
        decoded = self.decoder(hit.text, hit.source.base)
        summary = self.summary
        summary.matches += 1
        summary.errors += decoded.has_errors
        summary.unknown_bits += decoded.has_unknown_bits
        summary.unreadable += decoded.value is None
        summary.bare |= decoded.bare
        return decoded

    def buffer(self, buf: bytes, hits: list[Hit]) -> None:
        raise NotImplementedError

    def long_start(self, hit: Hit | None) -> None:
        self.long_hit = hit

    def long_data(self, data: bytes) -> None:
        raise NotImplementedError

    def long_end(self, tail: bytes, eol: bytes) -> None:
        raise NotImplementedError


class _Annotate(_Writer):
    def buffer(self, buf: bytes, hits: list[Hit]) -> None:
        if not hits:
            self.out.write(buf)
            return
        color = self.options.color
        pieces = []
        last = 0
        for hit in hits:
            pieces.append(buf[last : hit.end])
            pieces.append(annotation(self._decoded(hit), color))
            last = hit.end
        pieces.append(buf[last:])
        self.out.write(b"".join(pieces))

    def long_data(self, data: bytes) -> None:
        self.out.write(data)

    def long_end(self, tail: bytes, eol: bytes) -> None:
        hit = self.long_hit
        extra = b"" if hit is None else annotation(self._decoded(hit), self.options.color)
        self.out.write(tail + extra + eol)


class _Strip(_Writer):
    """The inverse of `_Annotate`: removes the annotation of each line the scanner finds."""

    @staticmethod
    def _cut(content: bytes) -> int:
        found = _ANNOTATION.search(content)
        if found is None:
            raise ValueError(f"a migration line has no annotation: {content[-200:]!r}")
        return found.start()

    def buffer(self, buf: bytes, hits: list[Hit]) -> None:
        pieces = []
        last = 0
        for hit in hits:
            start = max(hit.start, hit.end - HOLD)
            cut = start + self._cut(buf[start : hit.end])
            pieces.append(buf[last:cut])
            last = hit.end
        pieces.append(buf[last:])
        self.out.write(b"".join(pieces))

    def long_data(self, data: bytes) -> None:
        self.out.write(data)

    def long_end(self, tail: bytes, eol: bytes) -> None:
        if self.long_hit is not None:
            tail = tail[: self._cut(tail)]
        self.out.write(tail + eol)


class _Only(_Writer):
    """`grep -Hn`: only the annotated lines, each after `NAME:LINE:`."""

    def _prefix(self, line: int) -> bytes:
        return f"{self.name}:{line}:".encode("utf-8", "surrogateescape")

    def buffer(self, buf: bytes, hits: list[Hit]) -> None:
        color = self.options.color
        counted = 0
        line = self.line
        pieces = []
        for hit in hits:
            line += buf.count(b"\n", counted, hit.start)
            counted = hit.start
            eol = buf[hit.end : hit.stop] or b"\n"
            pieces += [self._prefix(line + 1), buf[hit.start : hit.end],
                       annotation(self._decoded(hit), color), eol]
        if pieces:
            self.out.write(b"".join(pieces))

    def long_start(self, hit: Hit | None) -> None:
        super().long_start(hit)
        if hit is not None:
            self.out.write(self._prefix(self.long_line))

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

    def buffer(self, buf: bytes, hits: list[Hit]) -> None:
        counted = 0
        line = self.line
        pieces = []
        for hit in hits:
            line += buf.count(b"\n", counted, hit.start)
            counted = hit.start
            pieces.append(self.record(hit, line + 1))
        if pieces:
            self.out.write(b"".join(pieces))

    def long_start(self, hit: Hit | None) -> None:
        super().long_start(hit)
        if hit is not None:
            self.out.write(self.record(hit, self.long_line))

    def long_data(self, data: bytes) -> None:
        pass

    def long_end(self, tail: bytes, eol: bytes) -> None:
        pass


_WRITERS: dict[str, type[_Writer]] = {"annotate": _Annotate, "only": _Only, "json": _Json}


def _run(read: Callable[[int], bytes], writer: _Writer) -> None:
    """Read blocks, scan whole lines, hand them to `writer`; stream lines over MAX_LINE."""
    state: _Pending | None = None
    carry = b""
    count_lines = not isinstance(writer, (_Annotate, _Strip))
    while True:
        chunk = read(BLOCK)
        buf = carry + chunk if carry else chunk
        if not chunk:
            if buf:
                hits, state = scan(buf, state)
                writer.buffer(buf, hits)
            return
        cut = buf.rfind(b"\n") + 1
        carry = buf[cut:]
        if cut:
            whole = buf[:cut] if carry else buf
            hits, state = scan(whole, state)
            writer.buffer(whole, hits)
            writer.out.flush()  # a pipe (`tail -f log | migflags annotate`) sees each block
            if count_lines:
                writer.line += whole.count(b"\n")
        if len(carry) > MAX_LINE:
            state, carry = _stream_long_line(read, writer, carry, state)
            if count_lines:
                writer.line += 1


def _stream_long_line(
    read: Callable[[int], bytes], writer: _Writer, head: bytes, state: _Pending | None
) -> tuple[_Pending | None, bytes]:
    """Write one line longer than MAX_LINE whose first bytes are `head`; return what follows."""
    decide = head[:MAX_LINE]
    hit, state, _ = _line_hit(decide, 0, len(decide), len(decide), state)
    writer.long_line = writer.line + 1
    writer.long_start(hit)
    held = head
    while True:
        chunk = read(BLOCK)
        if not chunk:
            writer.long_data(held[:-HOLD])
            writer.long_end(held[-HOLD:], b"")
            return state, b""
        nl = chunk.find(b"\n")
        if nl < 0:
            held += chunk
            if len(held) > 2 * HOLD:
                writer.long_data(held[:-HOLD])
                held = held[-HOLD:]
            continue
        held += chunk[:nl]
        eol = b"\n"
        if held.endswith(b"\r"):
            held, eol = held[:-1], b"\r\n"
        writer.long_data(held[:-HOLD])
        writer.long_end(held[-HOLD:], eol)
        return state, chunk[nl + 1 :]


def annotate_stream(src: BinaryIO, out: Output, options: Options | None = None,
                    name: str = "-", decoder: Decoder | None = None,
                    summary: Summary | None = None) -> Summary:
    """Copy `src` to `out`, explaining each migration flags value (see the module doc)."""
    options = options or Options()
    decoder = decoder or Decoder(options.version, options.bare)
    summary = summary if summary is not None else Summary()
    writer = _WRITERS[options.mode](out, decoder, options, name, summary)
    _run(src.read, writer)
    return summary


class _Sink:
    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes, /) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


@dataclass
class _Chunks:
    """Reads `data` in pieces of at most `size` bytes (tests use it to cut lines anywhere)."""

    data: bytes
    size: int = BLOCK
    pos: int = field(default=0)

    def __call__(self, limit: int) -> bytes:
        piece = self.data[self.pos : self.pos + min(limit, self.size)]
        self.pos += len(piece)
        return piece


def annotate_bytes(data: bytes, options: Options | None = None, *, chunk: int = BLOCK,
                   name: str = "-") -> bytes:
    """`annotate_stream` on a bytes object (read `chunk` bytes at a time)."""
    options = options or Options()
    sink = _Sink()
    writer = _WRITERS[options.mode](
        sink, Decoder(options.version, options.bare), options, name, Summary()
    )
    _run(_Chunks(data, chunk), writer)
    return sink.value()


def strip_annotations(data: bytes, *, chunk: int = BLOCK) -> bytes:
    """Remove what `annotate_bytes` added, in either colour mode: gives back its input.

    Raises ValueError when a line that carries a migration flags value has no annotation,
    i.e. when `data` is not the output of `migflags annotate`.
    """
    sink = _Sink()
    writer = _Strip(sink, Decoder(), Options(), "-", Summary())
    _run(_Chunks(data, chunk), writer)
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
