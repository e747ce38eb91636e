# Types of the optional C module built from _native.c (see scanner.py, `_native_skip`).
from typing import Any

RECORD_TAIL: str
FLAGS_VALUE: str
SOURCE_CRC: int  # CRC-32 of the _native.c it was built from (0: unknown)

class Skipper:
    def __init__(
        self, anchor: bytes, must: bytes, levels: tuple[bytes, ...],
        names: dict[bytes, Any], hit: type[tuple[Any, ...]], bare_name: str,
    ) -> None: ...
    def skip(
        self, buf: bytes, pos: int, size: int, anchor: int, hits: list[Any], /
    ) -> tuple[int, int]: ...

def find(buf: bytes, needle: bytes, start: int, end: int, /) -> int: ...
