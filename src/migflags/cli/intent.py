"""A first word that is not a command but says what the user meant: the command to run instead.

`migflags 0x1b` means `migflags decode 0x1b`; `migflags --live --p2p` means
`migflags encode --live --p2p`; `migflags virsh migrate ...` means `migflags encode -- virsh
migrate ...`. Only the error path imports this module.
"""

from __future__ import annotations

import shlex
from collections.abc import Collection, Mapping

from migflags.errors import InputError
from migflags.parse import parse_value
from migflags.tables.options import OPTIONS_BY_NAME, PROGRAM


def _is_virsh_option(word: str) -> bool:
    return word.startswith("--") and word[2:].split("=", 1)[0] in OPTIONS_BY_NAME


def _is_value(word: str) -> bool:
    try:
        parse_value(word)
    except InputError:
        return False
    return True


def suggest_command(args: list[str], own_options: Collection[str],
                    command_options: Mapping[str, bool] | None = None,
                    commands: Collection[str] = ()) -> str | None:
    """One sentence naming the command to run for `args`, or None when nothing fits.
    `command_options`: the commands' own option names, each with whether it takes a value
    (`--lang zh` before the command belongs after it)."""
    first = args[0]
    if first in own_options:
        return None
    name = first.split("=", 1)[0]
    if command_options and name in command_options:
        size = 2 if command_options[name] and "=" not in first else 1
        rest = args[size:]
        if rest and rest[0] in commands:
            line = shlex.join(["migflags", rest[0], *rest[1:], *args[:size]])
            return f"{first!r} is an option of each command, not of migflags itself; run: {line}"
    if first == PROGRAM:
        line = shlex.join(["migflags", "encode", "--", *args])
        return f"{first!r} is not a migflags command; for a virsh command line run: {line}"
    if _is_virsh_option(first):
        line = shlex.join(["migflags", "encode", *args])
        return f"{first!r} is a virsh migrate option, not a migflags one; run: {line}"
    if _is_value(first):
        line = shlex.join(["migflags", "decode", *args])
        return f"{first!r} is not a migflags command; to decode it run: {line}"
    return None
