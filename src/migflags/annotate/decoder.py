"""What a logged value means: its decoding and its annotation bytes, cached per value.

A log holds a few values many times and, now and then, one never seen before: each new
value costs the check of every rule, so the annotation is made from what it needs alone
(`_error_ids`), and the whole `Result` (the JSON records) only when it is asked for.
"""

from __future__ import annotations

from functools import cache

from migflags.check import _check_flags
from migflags.core import TOO_NEW, decode
from migflags.model import Result
from migflags.render.words import symbolic
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.log_sources import Base
from migflags.tables.rules import LAYER_ORDER, Layer
from migflags.versions import NEWEST, LibvirtVersion

MAX_BODY = 2 << 10  # an annotation is never longer, so it always fits in writers.HOLD

BARE_BASES = ("hex", "dec")
COLOR_OK = b"\x1b[36m"
COLOR_ERROR = b"\x1b[1;31m"
COLOR_RESET = b"\x1b[0m"
_DECIMAL = Base.DECIMAL
_VIRSH = Layer.VIRSH.value  # an Enum's .value is a slow descriptor: read it once
_UNKNOWN_BITS = "unknown-bits"
_RANK = {layer.value: rank for layer, rank in LAYER_ORDER.items()}


class Decoded:
    """One value of a log: its annotation and, when asked for, its whole decoding. One
    object per value (cached): compared by identity."""

    __slots__ = (
        "_result",
        "_version",
        "bare",
        "base",
        "body",
        "colored",
        "error",
        "has_errors",
        "has_unknown_bits",
        "plain",
        "value",
    )

    def __init__(self, value: int | None, base: str, bare: bool, body: bytes, error: str = "",
                 has_errors: bool = False, version: LibvirtVersion = NEWEST) -> None:
        self.value = value
        self.base = base  # "hex" or "dec"
        self.bare = bare
        self.body = body
        self.error = error  # why the value could not be read
        self.has_errors = has_errors
        self.has_unknown_bits = value is not None and bool(value & ~FLAG_MASK)
        self._version = version
        self._result: Result | None = None
        tint = COLOR_ERROR if has_errors or value is None else COLOR_OK
        self.plain = b"  [" + body + b"]"
        self.colored = b"  " + tint + b"[" + body + b"]" + COLOR_RESET

    @property
    def result(self) -> Result | None:
        """decode's `Result` (None when the value could not be read), without the problems of
        virsh's own option checks: a logged value reached libvirt through its API, from virsh
        or from any other client (nova, vdsm, ...). A flag newer than the release still
        matters: that libvirt does not know it."""
        if self.value is None:
            return None
        if self._result is None:
            result = decode(self.value, self._version)
            self._result = result._replace(problems=tuple(
                p for p in result.problems if p.layer != _VIRSH or p.rule == TOO_NEW
            ))
        return self._result


@cache
def _since(version: LibvirtVersion) -> int:
    """The bits of the flags that `version` does not know yet."""
    return sum(row.value for row in FLAGS if version < row.since)


def _error_ids(number: int, version: LibvirtVersion) -> list[str]:
    """The ids of the error-level problems of `Decoded.result`, in its order (with
    repeats): what `core.analyse` puts together for a flags value (its release check, the
    unknown bits, then the rules, sorted stably by layer), without the rest of the `Result`
    and without the rules that cannot fire on flags alone (`check._check_flags`).
    tests/test_annotate.py holds it to `decode`."""
    found: list[tuple[int, str]] = []
    if number & _since(version):
        found.append((_RANK[_VIRSH], TOO_NEW))  # one per flag; the ids are joined once
    if number & ~FLAG_MASK:
        found.append((_RANK[Layer.QEMU.value], _UNKNOWN_BITS))
    problems, _ = _check_flags(number, version, problems_only=True)
    found += [(_RANK[p.layer], p.rule) for p in problems if p.is_error and p.layer != _VIRSH]
    found.sort(key=lambda pair: pair[0])
    return [rule for _, rule in found]


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
                return Decoded(None, name, bare, reason.encode(), reason[2:])
        if number >= 1 << 64:
            reason = f"? {token} does not fit in 64 bits"
            return Decoded(None, name, bare, reason.encode(), reason[2:])
        body = symbolic(number)
        if bare:
            body += f" (bare {name})"
        errors = _error_ids(number, self.version)
        if errors:
            body += " !" + ",".join(dict.fromkeys(errors))
        if len(body) > MAX_BODY:  # far more than any real value needs
            body = body[: MAX_BODY - 3] + "..."
        return Decoded(number, name, bare, body.encode(), "", bool(errors), self.version)


def annotation(decoded: Decoded, color: bool) -> bytes:
    """The bytes added to a line (see the module doc for the format)."""
    return decoded.colored if color else decoded.plain
