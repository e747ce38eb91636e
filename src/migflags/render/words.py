"""The textual forms of a result shared by every renderer: names, virsh arguments, command."""

from __future__ import annotations

import shlex

from migflags.model import FileArg, Result
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.options import OptionRow

PLACEHOLDER_DOMAIN = "DOMAIN"
PLACEHOLDER_DESTURI = "DESTURI"


def symbolic(value: int, style: str = "short") -> str:
    """`LIVE|PEER2PEER|0x200000` (strace style: unknown bits stay as a hex remainder)."""
    names = [row.short if style == "short" else row.c_name for row in FLAGS if value & row.value]
    rest = value & ~FLAG_MASK
    if rest:
        names.append(hex(rest))
    return "|".join(names) if names else "0"


def _option_words(option: OptionRow, value: object) -> list[str]:
    if value is True:
        return [option.dashed]
    if isinstance(value, FileArg):
        return [option.dashed, value.path]
    if isinstance(value, tuple):
        return [option.dashed, ",".join(value)]
    return [option.dashed, str(value)]


def virsh_args(result: Result) -> list[str]:
    """The `virsh migrate` options for the result, without domain and destination."""
    words = [row.virsh_option for row in result.flags]
    for option, value in result.options:
        words += _option_words(option, value)
    return words


def command_words(result: Result) -> list[str]:
    return [
        "virsh", "migrate", *virsh_args(result),
        result.domain or PLACEHOLDER_DOMAIN, result.desturi or PLACEHOLDER_DESTURI,
    ]


def command_line(result: Result) -> str:
    """A runnable, shell-quoted `virsh migrate ...` line."""
    return shlex.join(command_words(result))
