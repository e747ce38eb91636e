"""What a logged value means: its decoding and its annotation bytes, cached per value."""

from __future__ import annotations

from dataclasses import dataclass, field

from migflags.core import TOO_NEW, decode
from migflags.model import Result
from migflags.render.words import symbolic
from migflags.tables.log_sources import Base
from migflags.tables.rules import Layer
from migflags.versions import NEWEST, LibvirtVersion

MAX_BODY = 2 << 10  # an annotation is never longer, so it always fits in writers.HOLD

BARE_BASES = ("hex", "dec")
COLOR_OK = b"\x1b[36m"
COLOR_ERROR = b"\x1b[1;31m"
COLOR_RESET = b"\x1b[0m"
_DECIMAL = Base.DECIMAL
_VIRSH = Layer.VIRSH.value  # an Enum's .value is a slow descriptor: read it once


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
            p for p in result.problems if p.layer != _VIRSH or p.rule == TOO_NEW
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
