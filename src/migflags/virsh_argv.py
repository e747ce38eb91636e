"""Parse a `virsh migrate` command line the way virsh of a given release does.

Handles `virsh [global options] migrate`, `--opt value`, `--opt=value`, value options taking the
next word even when it looks like an option, bare words filling the positional slots of that
release, and virsh's numeric types. Errors quote virsh's own wording (without "error: ").
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from migflags.errors import InputError, did_you_mean
from migflags.model import FileArg, Request
from migflags.tables.options import (
    CURRENT_PARSER_SINCE,
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS,
    OPTIONS_BY_NAME,
    OptionKind,
    OptionRow,
    ValueType,
)
from migflags.versions import LibvirtVersion

# virsh's own global options (before the command name) that take a value.
_GLOBAL_WITH_VALUE = frozenset(
    {"-c", "--connect", "-d", "--debug", "-e", "--escape", "-k", "--keepalive-interval",
     "-K", "--keepalive-count", "-l", "--log"}
)
_GLOBAL_BOOL = frozenset({"-q", "--quiet", "-r", "--readonly", "-t", "--timing"})
_COMMAND = "migrate"

_INT_RANGE = (-(2**31), 2**31 - 1)
_UINT_MAX = 2**32 - 1
_ULLONG_MAX = 2**64 - 1


def strip_prefix(words: Sequence[str]) -> list[str]:
    """Drop a leading `virsh [global options] migrate` (each part optional)."""
    rest = list(words)
    if rest and os.path.basename(rest[0]) == "virsh":
        rest.pop(0)
        while rest and rest[0].startswith("-") and rest[0] != "--":
            word = rest.pop(0)
            name = word.split("=", 1)[0]
            if name in _GLOBAL_WITH_VALUE and "=" not in word and not (
                len(word) > 2 and not word.startswith("--")
            ):
                if not rest:
                    raise InputError(f"virsh option {word!r} needs a value")
                rest.pop(0)
            elif name not in _GLOBAL_WITH_VALUE and name not in _GLOBAL_BOOL:
                raise InputError(f"unknown virsh global option {word!r}")
        if not rest or rest[0] != _COMMAND:
            found = repr(rest[0]) if rest else "nothing"
            raise InputError(f"expected the command 'migrate' after 'virsh', found {found}")
    if rest and rest[0] == _COMMAND:
        rest.pop(0)
    return rest


def positional_slots(version: LibvirtVersion) -> list[OptionRow]:
    """The options that bare words fill, in order, for this virsh release."""
    legacy = version < CURRENT_PARSER_SINCE
    slots = [
        (row.slot_legacy if legacy else row.slot, row)
        for row in OPTIONS
        if version >= row.since
    ]
    return [row for slot, row in sorted((s, r) for s, r in slots if s is not None)]


def _numeric_error(option: OptionRow, text: str) -> InputError:
    return InputError(
        f"Numeric value '{text}' for <{option.name}> option is malformed or out of range"
    )


def _to_number(option: OptionRow, text: str) -> int:
    """Mimic virStrToLong_* as virsh uses them: base 10, optional sign, nothing trailing."""
    body = text.lstrip(" \t\n\v\f\r")
    sign = -1 if body.startswith("-") else 1
    digits = body[1:] if body[:1] in "+-" else body
    if not digits.isdigit() or not digits.isascii():
        raise _numeric_error(option, text)
    number = sign * int(digits)
    if option.type is ValueType.INT:
        low, high = _INT_RANGE
        if not low <= number <= high:
            raise _numeric_error(option, text)
    elif number < 0 or number > (_UINT_MAX if option.type is ValueType.UINT else _ULLONG_MAX):
        raise _numeric_error(option, text)
    return number


def convert(option: OptionRow, text: str, *, read_files: bool = True) -> object:
    """Turn an option's text into the value virsh would use."""
    if option.type in (ValueType.STRING, ValueType.FILE, ValueType.STRING_LIST) and text == "":
        raise InputError(f"Failed to get option '{option.name}': Option argument is empty")
    if option.type in (ValueType.INT, ValueType.UINT, ValueType.ULLONG):
        return _to_number(option, text)
    if option.type is ValueType.STRING_LIST:
        return tuple(text.split(","))
    if option.type is ValueType.FILE:
        if not read_files:
            return FileArg(text, "")
        try:
            with open(text, encoding="utf-8", errors="surrogateescape") as handle:
                return FileArg(text, handle.read())
        except OSError:
            raise InputError(f"cannot read file '{text}'") from None
    return text


def _option_for(word: str) -> OptionRow:
    """The option row for `--name`. An option newer than the chosen release is still parsed:
    the core reports it as the problem that release's virsh would raise."""
    name = word[2:]
    row = OPTIONS_BY_NAME.get(name)
    if row is None:
        hint = did_you_mean(name, [r.name for r in OPTIONS])
        raise InputError(f"command 'migrate' doesn't support option {word}{hint}")
    return row


def parse_virsh_argv(
    words: Sequence[str], version: LibvirtVersion, *, read_files: bool = True
) -> Request:
    """Parse `[virsh [-c URI] migrate] OPTIONS... [DOMAIN DESTURI ...]` into a Request."""
    rest = strip_prefix(words)
    seen: dict[str, object] = {}
    slots = positional_slots(version)
    index = 0
    while index < len(rest):
        word = rest[index]
        index += 1
        if word.startswith("--") and len(word) > 2:
            name, has_value, inline = word.partition("=")
            row = _option_for(name)
            if row.name in seen:
                raise InputError(f"option --{row.name} already seen")
            if not row.takes_value:
                if has_value:
                    raise InputError(f"invalid '=' after option --{row.name}")
                seen[row.name] = True
                continue
            if has_value:
                text = inline
            elif index < len(rest):
                text = rest[index]
                index += 1
            else:
                raise InputError(f"expected syntax: --{row.name} <{row.type.value}>")
            seen[row.name] = convert(row, text, read_files=read_files)
        elif word == "--":
            continue
        else:
            free = [s for s in slots if s.name not in seen]
            if not free:
                raise InputError(f"unexpected data '{word}'")
            seen[free[0].name] = convert(free[0], word, read_files=read_files)
    return request_from_options(seen)


def request_from_options(values: dict[str, object]) -> Request:
    """Build a Request from option name -> parsed value (flags OR-ed, the rest kept)."""
    flags = 0
    others: list[tuple[str, object]] = []
    domain = desturi = None
    for name, value in values.items():
        row = OPTIONS_BY_NAME[name]
        if row.kind is OptionKind.FLAG:
            assert row.flag is not None
            if value:
                flags |= row.flag.value
        elif row is DOMAIN_OPTION:
            domain = str(value)
        elif row is DESTURI_OPTION:
            desturi = str(value)
        else:
            others.append((row.name, value))
    return Request(flags=flags, values=tuple(others), domain=domain, desturi=desturi)
