"""The output modes of `migflags annotate`: each writer gets the scanned buffers and their
hits from `migflags.annotate.stream` and writes one format."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import Protocol

from migflags.annotate.decoder import Decoded, Decoder, annotation
from migflags.annotate.scanner import Hit
from migflags.record import NamedTuple
from migflags.render.words import symbolic
from migflags.tables.log_sources import Base
from migflags.versions import NEWEST, LibvirtVersion

HOLD = 8 << 10  # bytes of a streamed long line kept back until its end is known
_DECIMAL = Base.DECIMAL
_ANNOTATION = re.compile(rb"  (?:\x1b\[[0-9;]*m)?\[[^\[\]\r\n\x1b]*\](?:\x1b\[0m)?\Z")


class Options(NamedTuple):
    version: LibvirtVersion = NEWEST
    bare: str = "hex"
    color: bool = False
    mode: str = "annotate"  # "annotate", "only" or "json"
    lang: str = "en"
    why: bool = False  # also mark recognised error lines `[why: ID]` (annotate mode only)


class Summary:
    """What a run saw, counted while it writes (a plain class: the writers add to it)."""

    __slots__ = ("bare", "errors", "matches", "unknown_bits", "unreadable")

    def __init__(self) -> None:
        self.matches = 0  # lines with a value
        # distinct values (a decoder shared by several inputs counts all it has seen):
        self.errors = 0  # distinct values with an error-level problem
        self.unknown_bits = 0  # distinct values with bits no libvirt flag has
        self.unreadable = 0  # distinct values that could not be read in the assumed base
        self.bare = False  # a bare value was read in the assumed base


class Output(Protocol):
    def write(self, data: bytes | memoryview, /) -> int | None: ...

    def flush(self) -> None: ...


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


def _why_cuts(buf: bytes, start: int, stop: int, hits: list[Hit], color: bool,
              strip: bool) -> list[tuple[int, int, bytes]]:
    """`--why` on whole lines buf[start:stop]: (from, to, insert) edits, in order, that mark
    (or, with `strip`, unmark) the recognised error lines among those without a value."""
    from migflags.why_marks import mark, marks, strip_ranges

    skip = frozenset(hit.start for hit in hits)
    if strip:
        return [(cut, end, b"") for cut, end in strip_ranges(buf, start, stop, skip)]
    return [(end, end, mark(rule_id, color)) for end, rule_id in marks(buf, start, stop, skip)]


def _edited(buf: bytes, start: int, stop: int, edits: list[tuple[int, int, bytes]]) -> bytes:
    pieces, last = [], start
    for cut, end, insert in edits:
        pieces += [buf[last:cut], insert]
        last = end
    pieces.append(buf[last:stop])
    return b"".join(pieces)


def _file_descriptor(out: Output) -> int | None:
    """The file descriptor under `out`, if it has one (standard output does; tests' sinks
    do not)."""
    fileno = getattr(out, "fileno", None)
    if fileno is None or not hasattr(os, "writev"):
        return None
    try:
        fd = fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return fd if isinstance(fd, int) else None


_IOV_MAX = 1024  # POSIX's minimum is 16; Linux and the BSDs take 1024


def _write_all(fd: int, pieces: list[bytes | memoryview]) -> None:
    """Write `pieces` in order with as few system calls as it takes (`os.writev`): the
    unchanged stretches of the input go from its buffer to the kernel, not copied first
    into an output buffer."""
    while pieces:
        batch = pieces[:_IOV_MAX]
        written = os.writev(fd, batch)
        if written == sum(map(len, batch)):  # the usual case: all of it, no loop in Python
            pieces = pieces[len(batch) :]
            continue
        done = 0
        for piece in batch:
            if written < len(piece):
                break
            written -= len(piece)
            done += 1
        pieces = pieces[done:]
        if written:  # a piece written in part
            pieces[0] = memoryview(pieces[0])[written:]


class _Annotate(_Writer):
    def __init__(self, out: Output, decoder: Decoder, options: Options, name: str,
                 summary: Summary) -> None:
        super().__init__(out, decoder, options, name, summary)
        self.fd = _file_descriptor(out)

    def buffer(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        if self.options.why:
            self._buffer_why(buf, start, stop, hits)
            return
        view = memoryview(buf)
        if not hits:
            if self.fd is None:
                self.out.write(view[start:stop])
            else:
                self.out.flush()
                _write_all(self.fd, [view[start:stop]])
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
        if self.fd is None:
            for piece in pieces:
                write(piece)
        else:
            self.out.flush()  # what went through `out` before comes first
            _write_all(self.fd, pieces)
        view.release()

    def _buffer_why(self, buf: bytes, start: int, stop: int, hits: list[Hit]) -> None:
        """`buffer` with `--why`: the flags annotations and the error marks, in line order."""
        color = self.options.color
        edits = [(hit.end, hit.end, annotation(self._decoded(hit), color)) for hit in hits]
        edits += _why_cuts(buf, start, stop, hits, color, strip=False)
        self.out.write(_edited(buf, start, stop, sorted(edits, key=lambda edit: edit[0])))

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
        if self.options.why:
            edits = [(self._cut(buf, hit.start, hit.end), hit.end, b"") for hit in hits]
            edits += _why_cuts(buf, start, stop, hits, False, strip=True)
            self.out.write(_edited(buf, start, stop, sorted(edits, key=lambda edit: edit[0])))
            return
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
    """One JSON object per value, one per line (for `jq`). Its `flags`, `unknown_bits` and
    `problems` are the objects of decode's JSON document (`migflags.render.json_doc`), and
    `schema` is that document's version."""

    count_lines = True

    def record(self, hit: Hit, line: int) -> bytes:
        import json

        from migflags.render import json_doc  # only in this mode: annotate stays light

        decoded = self._decoded(hit)
        result = decoded.result
        lang = self.options.lang
        doc: dict[str, object] = {
            "schema": json_doc.SCHEMA_VERSION,
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
            "flags": [] if result is None else [
                json_doc.flag_object(row, lang) for row in result.flags
            ],
            "unknown_bits": [] if result is None else [
                json_doc.unknown_bit_object(bit) for bit in result.unknown_bits
            ],
            "problems": [] if result is None else [
                json_doc.problem_object(p, lang) for p in result.problems
            ],
            "error": decoded.error or None,
            "source": hit.source.name,
            "libvirt": str(self.decoder.version),
            "lang": lang,
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
