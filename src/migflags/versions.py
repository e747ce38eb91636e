"""libvirt release numbers as comparable values (never compared as strings)."""

from __future__ import annotations

from functools import cache

from migflags.errors import InputError
from migflags.record import NamedTuple


class LibvirtVersion(NamedTuple):
    """A libvirt release such as 9.0.0; `9` and `9.0` mean 9.0.0."""

    major: int
    minor: int = 0
    micro: int = 0

    @classmethod
    def parse(cls, text: str) -> LibvirtVersion:
        parts = text.strip().removeprefix("v").split(".")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise InputError(
                f"invalid libvirt version {text!r}: expected MAJOR[.MINOR[.MICRO]], e.g. 9.0.0"
            )
        numbers = [int(p) for p in parts] + [0] * (3 - len(parts))
        return cls(numbers[0], numbers[1], numbers[2])

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.micro}"


@cache
def v(text: str) -> LibvirtVersion:
    """Shorthand for the tables: ``v("8.5.0")`` (each release parsed once)."""
    return LibvirtVersion.parse(text)


NEWEST = LibvirtVersion(12, 9, 0)  # the newest libvirt the tables were checked against
