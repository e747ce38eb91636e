"""Text -> flags: numbers in any base, log tokens and symbolic names.

Pure functions; every failure is an `InputError` whose one-line message names the bad token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from migflags.errors import InputError, did_you_mean
from migflags.tables.flags import FLAGS, FlagRow

MAX_VALUE = 2**64 - 1  # the widest flags argument libvirt has (unsigned long on LP64)
SEPARATORS = "|,+"
# Prefixes a programmer may paste along with a name: C, Python binding, Go module.
_NAME_PREFIXES = ("libvirt.", "golibvirt.")

# `flags=0x1b`, `destflags=1b`, `flags: 0x1b`: libvirt logs print flags in hex, and releases
# before the `0x` prefix was added printed bare hex digits.
_LOG_TOKEN = r"^\s*[A-Za-z_]*flags\s*[=:]\s*(?P<value>\S+?)\s*[,;)]?\s*$"
_SPLIT = r"\s*[|,+]\s*"
_EMPTY_LOG_TOKEN = r"^\s*[A-Za-z_]*flags\s*[=:]\s*$"


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """Compiled on first use: a TAB completion or `decode 3` never needs them."""
    return re.compile(source, re.I)


@cache
def name_index() -> dict[str, FlagRow]:
    """Every accepted spelling of every flag, lower-cased."""
    index: dict[str, FlagRow] = {}
    for row in FLAGS:
        for spelling in (row.c_name, row.short, row.option, row.go_name, *row.aliases):
            index[spelling.lower()] = row
    return index


def flag_spellings() -> list[str]:
    """The spellings shown in suggestions and completion, most familiar first."""
    return [s for row in FLAGS for s in (row.option, *row.aliases, row.short, row.c_name)]


def lookup_flag(token: str) -> FlagRow:
    """Resolve one flag name: C name, short name, virsh option (dashes optional), Go name."""
    key = token.strip()
    for prefix in _NAME_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    key = key.lstrip("-").lower()
    row = name_index().get(key)
    if row is None:
        if not token.strip():
            raise InputError("empty flag name")
        raise InputError(f"unknown flag {token!r}{did_you_mean(key, flag_spellings())}")
    return row


def parse_number(token: str, *, default_base: int = 10) -> int:
    """Parse one unsigned number: decimal, 0x, 0o or 0b; `default_base` applies to bare digits."""
    text = token.strip()
    if not text:
        raise InputError("empty value")
    if text.startswith("-"):
        raise InputError(f"negative value {token!r}: flags are unsigned")
    body = text.removeprefix("+")
    # Only what C and libvirt's logs write: ASCII digits, no `_` separators.
    if not body.isascii() or "_" in body:
        raise InputError(f"not a number: {token!r}")
    try:
        if body[:2].lower() in ("0x", "0o", "0b"):
            number = int(body, 0)
        else:
            number = int(body, default_base)
    except ValueError:
        raise InputError(f"not a number: {token!r}{_hex_hint(body, default_base)}") from None
    if number > MAX_VALUE:
        raise InputError(f"value {token!r} does not fit in 64 bits")
    return number


def _hex_hint(body: str, base: int) -> str:
    """`1b` is not decimal, but it is what a log prints for 0x1b."""
    if base == 10 and body and body[:2].lower() not in ("0x", "0o", "0b"):
        try:
            int(body, 16)
        except ValueError:
            return ""
        return f": did you mean '0x{body}' (or 'flags={body}', as a log prints it)?"
    return ""


def _looks_numeric(token: str) -> bool:
    # `-1` and `+3` are numbers (the sign is checked later); `--live` and `-live` are names.
    return bool(token) and (token[0].isdigit() or (token[0] in "+-" and token[1:2].isdigit()))


def _parse_term(token: str) -> int:
    if _looks_numeric(token.strip()):
        return parse_number(token)
    return lookup_flag(token).value


def split_terms(text: str) -> list[str]:
    """`re.split(_SPLIT, text)` without the regex: the pieces between separators, stripped
    (`\\s` and `str.strip` mean the same whitespace)."""
    pieces = [text]
    for sep in SEPARATORS:
        pieces = [part for piece in pieces for part in piece.split(sep)]
    return [piece.strip() for piece in pieces]


def parse_value(text: str) -> int:
    """Turn any accepted spelling of a flags value into the integer.

    `1035`, `0x40b`, `0o2013`, `0b10000001011`, `flags=0x40b`, `flags=40b` (hex, as in logs),
    `VIR_MIGRATE_LIVE|VIR_MIGRATE_PEER2PEER`, `LIVE,PEER2PEER`, `live+p2p`, `--live|0x200000`.
    """
    if not text.strip():
        raise InputError("empty value: give a number such as 0x1b or names such as LIVE|PEER2PEER")
    if "=" in text or ":" in text:  # both log-token patterns need one (regexes cost ~4 M
        # instructions to compile: `decode 1035` and the producers table do without them)
        log_token = _pattern(_LOG_TOKEN).match(text)
        if log_token is None and _pattern(_EMPTY_LOG_TOKEN).match(text):
            raise InputError(f"empty value in {text!r}")
        if log_token:
            return parse_number(log_token.group("value"), default_base=16)
    terms = split_terms(text.strip())
    if any(not t for t in terms):
        raise InputError(f"empty name in {text!r}")
    value = 0
    for term in terms:
        value |= _parse_term(term)
    return value


def encode(names: Iterable[str | int]) -> int:
    """OR together flag names (any spelling), virsh options, or integers."""
    value = 0
    for item in names:
        value |= item if isinstance(item, int) else parse_value(item)
    return value
