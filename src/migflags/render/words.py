"""The textual forms of a result shared by every renderer: names, virsh arguments, command."""

from __future__ import annotations

from functools import cache

from migflags.model import FileArg, RawValue, Result
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.options import (
    COMMAND,
    DESTURI_OPTION,
    DOMAIN_OPTION,
    PROGRAM,
    OptionRow,
    needs_option_form,
)

# What a POSIX shell reads as part of a plain word: such a word needs no quotes.
_PLAIN_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                        "_@%+=:,./-")


def shell_quote(word: str) -> str:
    """`word` as one shell word: unchanged when it is plain, else in single quotes, with each
    single quote inside written as '"'"' (the same text as `shlex.quote`, which this module
    does not import: start-up cost)."""
    if word and _PLAIN_WORD.issuperset(word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def shell_join(words: list[str]) -> str:
    return " ".join(shell_quote(word) for word in words)


PLACEHOLDER_DOMAIN = "DOMAIN"
PLACEHOLDER_DESTURI = "DESTURI"


@cache
def _flag_names() -> tuple[tuple[int, str, str], ...]:
    """(value, short name, C name) of every flag, computed once (they are row properties)."""
    return tuple((row.value, row.short, row.c_name) for row in FLAGS)


def symbolic(value: int, style: str = "short") -> str:
    """`LIVE|PEER2PEER|0x200000` (strace style: unknown bits stay as a hex remainder)."""
    short = style == "short"
    names = [name if short else c_name for bit, name, c_name in _flag_names() if value & bit]
    rest = value & ~FLAG_MASK
    if rest:
        names.append(hex(rest))
    return "|".join(names) if names else "0"


def option_words(option: OptionRow, value: object) -> list[str]:
    """The words of one option on a command line: `--opt` or `--opt VALUE`."""
    if value is True:
        return [option.dashed]
    if isinstance(value, FileArg):
        return [option.dashed, value.path]
    if isinstance(value, RawValue):
        return [option.dashed, value.text]
    if isinstance(value, tuple):
        return [option.dashed, ",".join(value)]
    return [option.dashed, str(value)]


def virsh_args(result: Result) -> list[str]:
    """The `virsh migrate` options for the result, without domain and destination."""
    words = [row.virsh_option for row in result.flags]
    for option, value in result.options:
        words += option_words(option, value)
    return words


# What an unquoted `$(...)` does to its output besides splitting at blanks: pathname expansion
# of words with these characters. An empty word disappears altogether.
_SPLIT_BLANKS = " \t\n"
_GLOB = "*?["


def survives_word_splitting(word: str) -> bool:
    """True when `$(...)` in bash or sh gives this word back unchanged (no quote removal
    happens there, so quotes and backslashes are safe; blanks, globs and emptiness are not)."""
    return bool(word) and not any(ch in _SPLIT_BLANKS or ch in _GLOB for ch in word)


def _positional(option: OptionRow, value: str | None, placeholder: str) -> list[str]:
    """A bare word, or `--domain VALUE` when virsh would read the bare word as an option."""
    if value is None:
        return [placeholder]
    return [option.dashed, value] if needs_option_form(value) else [value]


def command_words(result: Result) -> list[str]:
    """`virsh migrate OPTIONS... DOMAIN DESTURI`, with placeholders for what is not known."""
    return [
        PROGRAM, COMMAND, *virsh_args(result),
        *_positional(DOMAIN_OPTION, result.domain, PLACEHOLDER_DOMAIN),
        *_positional(DESTURI_OPTION, result.desturi, PLACEHOLDER_DESTURI),
    ]


def command_line(result: Result) -> str:
    """A runnable, shell-quoted `virsh migrate ...` line."""
    return shell_join(command_words(result))
