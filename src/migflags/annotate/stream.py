"""Reading the input in blocks and handing whole lines to a writer (see `migflags.annotate`)."""

from __future__ import annotations

from typing import Protocol

from migflags.annotate.decoder import Decoder
from migflags.annotate.scanner import _line_hit, _Pending, scan
from migflags.annotate.writers import (
    _WRITERS,
    HOLD,
    Options,
    Output,
    Summary,
    _Strip,
    _Writer,
)

BLOCK = 1 << 20  # bytes read at a time
MAX_LINE = 4 << 20  # a longer line is decided by its first MAX_LINE bytes and then streamed


class Input(Protocol):
    def read(self, size: int, /) -> bytes | None: ...

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


class _Chunks:
    """Gives `data` in pieces of at most `size` bytes (tests use it to cut lines anywhere)."""

    def __init__(self, data: bytes, size: int = BLOCK) -> None:
        self.data = data
        self.size = size
        self.pos = 0

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


def strip_annotations(data: bytes, *, chunk: int = BLOCK, why: bool = False) -> bytes:
    """Remove what `annotate_bytes` added, in either colour mode: gives back its input.
    `why` says that the input was annotated with `Options(why=True)`.

    Raises ValueError when a line that carries a migration flags value has no annotation,
    i.e. when `data` is not the output of `migflags annotate`.
    """
    sink = _Sink()
    strip = _Strip(sink, Decoder(), Options(why=why), "-", Summary())
    _Runner(_Chunks(data, chunk), strip).run()
    return sink.value()
