"""Compressed input (rotated logs such as `libvirtd.log.1.gz`), recognised by its first bytes.

`open_input` looks at the first bytes of a reader, whatever its name (a file, a pipe on
standard input), and gives back a reader of the plain bytes: gzip, bzip2 and xz with the
standard library, zstd with the `zstandard` module (or `compression.zstd` on Python 3.14)
when one is installed. Concatenated streams (`cat a.gz b.gz`) are read to the end, as
`zcat` does. Anything else passes through unchanged, the bytes already looked at included.
"""

from __future__ import annotations

from typing import Any, Protocol

from migflags.record import NamedTuple


class Reader(Protocol):
    def read(self, size: int, /) -> bytes | None: ...


class Format(NamedTuple):
    name: str
    magic: tuple[bytes, ...]  # one of these starts every stream of the format
    module: str  # what reads it


# The magic numbers of each format's specification (RFC 1952, the bzip2 stream header with
# its first block's or end-of-stream marker, the xz and zstd frame formats).
_BZ_BLOCK = b"\x31\x41\x59\x26\x53\x59"  # pi: a compressed block follows
_BZ_END = b"\x17\x72\x45\x38\x50\x90"  # sqrt(pi): the stream is empty
FORMATS = (
    Format("gzip", (b"\x1f\x8b\x08",), "gzip"),
    Format("bzip2", tuple(b"BZh" + bytes([level]) + marker for level in b"123456789"
                          for marker in (_BZ_BLOCK, _BZ_END)), "bz2"),
    Format("xz", (b"\xfd7zXZ\x00",), "lzma"),
    Format("zstd", (b"\x28\xb5\x2f\xfd",), "zstandard"),
)
_HEAD = max(len(magic) for row in FORMATS for magic in row.magic)


class UnsupportedFormat(Exception):
    """The input is compressed in a format no installed module reads."""


class DamagedInput(Exception):
    """The compressed input cannot be decompressed (damaged, or cut short)."""


class _Prefixed:
    """`head` and then the rest of `src`: what was read to recognise the format comes back."""

    def __init__(self, head: bytes, src: Reader) -> None:
        self.head = head
        self.src = src

    def read(self, size: int = -1, /) -> bytes:
        head = self.head
        if not head:
            return self.src.read(size) or b""
        if 0 <= size <= len(head):
            self.head = head[size:]
            return head[:size]
        self.head = b""
        return head + (self.src.read(size - len(head) if size >= 0 else -1) or b"")

    def readable(self) -> bool:
        return True


class _Plain:
    """A decompressing reader as an `Input`: `read1` returns what is ready without waiting to
    fill the whole size, so a pipe still streams."""

    def __init__(self, reader: Any, name: str) -> None:
        self.reader = reader
        self.name = name
        self.read_part = getattr(reader, "read1", reader.read)

    def read(self, size: int, /) -> bytes:
        try:
            data: bytes = self.read_part(size)
        except Exception as error:  # each module has its own errors (OSError, LZMAError, ...)
            raise DamagedInput(f"{self.name} data is damaged or cut short ({error})") from None
        return data


def _head(src: Reader) -> bytes:
    """The first `_HEAD` bytes (fewer at the end of the input); a pipe may give them in
    several reads."""
    head = b""
    while len(head) < _HEAD:
        data = src.read(_HEAD - len(head))
        if not data:
            break
        head += data
    return head


def detect(head: bytes) -> Format | None:
    """The compression format whose magic number `head` starts with, if any."""
    for row in FORMATS:
        if head.startswith(row.magic):
            return row
    return None


class _ZstdFrames:
    """zstd frames one after another, read through the `zstandard` module's decompression
    object (its stream reader takes a file cut short for a complete one)."""

    def __init__(self, src: Reader, zstandard: Any) -> None:
        self.src = src
        self.new = zstandard.ZstdDecompressor().decompressobj
        self.frame: Any = None  # the frame being decompressed, None between frames

    def read(self, size: int, /) -> bytes:
        while True:
            data = self.src.read(max(size, 1 << 16)) or b""
            if not data:
                if self.frame is not None:
                    raise EOFError("the last zstd frame is incomplete")
                return b""
            out = b""
            while data:
                if self.frame is None:
                    self.frame = self.new()
                out += self.frame.decompress(data)
                data = b""
                if self.frame.eof:
                    data = self.frame.unused_data
                    self.frame = None
            if out:
                return out


def _zstd_reader(src: Any) -> Any:
    try:
        from compression import zstd  # type: ignore[import-not-found, unused-ignore]

        return zstd.ZstdFile(src)  # Python 3.14
    except ImportError:
        pass
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise UnsupportedFormat(
            "zstd-compressed input needs the zstandard module (pip install zstandard), "
            "or decompress it first: zstdcat FILE | migflags annotate"
        ) from None
    return _ZstdFrames(src, zstandard)


def open_input(src: Reader) -> tuple[Reader, str | None]:
    """A reader of the plain bytes of `src`, and the name of the compression format found
    (None for plain input). Raises UnsupportedFormat for zstd without a module to read it."""
    head = _head(src)
    row = detect(head)
    whole = _Prefixed(head, src)
    if row is None:
        return whole, None
    source: Any = whole  # a file object as far as the decompressors are concerned
    if row.name == "gzip":
        import gzip

        reader: Any = gzip.GzipFile(fileobj=source, mode="rb")
    elif row.name == "bzip2":
        import bz2

        reader = bz2.BZ2File(source)
    elif row.name == "xz":
        import lzma

        reader = lzma.LZMAFile(source)  # noqa: SIM115 (closed with its source)
    else:
        reader = _zstd_reader(whole)
    return _Plain(reader, row.name), row.name
