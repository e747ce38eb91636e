"""What encode and check share: one Click option per `virsh migrate` option, and everything
after `--` kept as a virsh command line, all folded into one Request by the virsh parser.

The core and the parser are imported inside `request_from_cli`: completing
`migflags encode --<TAB>` needs only the option table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from migflags.cli.base import Command
from migflags.record import NamedTuple
from migflags.tables.options import COMMAND, OPTIONS, PROGRAM
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:
    from migflags.model import Problem, Request, Result
    from migflags.paste import Word
    from migflags.virsh_argv import Fault


class VirshLineCommand(Command):
    """Everything after `--` is a `virsh migrate` command line, kept for our own parser."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            cut = args.index("--")
            ctx.meta["virsh_words"] = args[cut + 1 :]
            args = args[:cut]
        return super().parse_args(ctx, args)


def virsh_options(fn: Any) -> Any:
    """One Click option per `virsh migrate` option, generated from the option table.

    Each may be given more than once as far as Click is concerned, so that the virsh parser
    sees every occurrence and refuses a repeat as virsh does ("option --X already seen").
    """
    for row in reversed(OPTIONS):
        names = [row.dashed, *(f"--{alias}" for alias in row.aliases)]
        attr = "virsh__" + row.name.replace("-", "_")
        if row.takes_value:
            fn = click.option(*names, attr, multiple=True, metavar=row.type.value.upper(),
                              help=row.summary.en)(fn)
        else:
            fn = click.option(*names, attr, count=True, help=row.summary.en)(fn)
    return fn


def _own_options(ctx: click.Context, tail: list[str]) -> list[str]:
    """Words after `--` belong to the virsh command line, even `-q` or `--json`: the ones
    that are options of migflags itself rather than of virsh."""
    own = {
        name
        for param in ctx.command.params
        if isinstance(param, click.Option) and not param.name.startswith("virsh__")
        for name in (*param.opts, *param.secondary_opts)
    }
    return [word for word in tail if word.split("=", 1)[0] in own]


class FromCli(NamedTuple):
    request: Request
    source: str
    faults: tuple[Fault, ...]  # what virsh refuses after parsing, in its order
    notes: tuple[Problem, ...]  # template placeholders in a pasted line


def _pasted(argument: str) -> list[Word] | None:
    """The words of an argument that holds a whole line; `-` reads the line from stdin."""
    from migflags.pasted import single_command, words_of_argument

    if argument == "-":
        import sys

        text = sys.stdin.read()
        return single_command(text, "stdin" if text.strip() else "empty stdin")
    return words_of_argument(argument)


def request_from_cli(
    ctx: click.Context, names: tuple[str, ...], options: dict[str, Any],
    version: LibvirtVersion,
) -> FromCli:
    """Fold Click-parsed options, NAMES and a `-- virsh migrate ...` tail into one Request.
    A NAME or a lone tail word holding a whole pasted line (or `-`: a line on stdin) is read
    as that line."""
    import shlex

    from migflags.errors import InputError
    from migflags.parse import parse_value
    from migflags.pasted import placeholder_notes
    from migflags.virsh_argv import read_virsh_argv

    words: list[str] = []
    for row in OPTIONS:
        value = options.pop("virsh__" + row.name.replace("-", "_"))
        if row.takes_value:
            for text in value:
                words += [row.dashed, text]
        else:
            words += [row.dashed] * value
    tail = list(ctx.meta.get("virsh_words", []))
    line: list[Word] = []
    if len(tail) == 1 and (pasted := _pasted(tail[0])) is not None:
        line, tail = pasted, []
    flags = 0
    for name in names:
        pasted = None if line else _pasted(name)
        if pasted is not None:
            line = pasted
            continue
        if name == PROGRAM and not flags:  # `migflags check virsh migrate --live ...`
            example = shlex.join(["migflags", ctx.info_name or "check", "--", PROGRAM,
                                  COMMAND, "..."])
            raise InputError(f"{name!r} starts a virsh command line: put the line after '--' "
                             f"({example}) or quote it whole")
        flags |= parse_value(name)
    own = _own_options(ctx, tail)
    tail += [word.text for word in line]
    try:
        reading = read_virsh_argv(words + tail, version)
    except InputError as error:
        if own:  # one line: the likely cause goes with the error
            raise InputError(f"{error} ({own[0]!r} comes after '--', so it is read as part "
                             "of the virsh command line; put migflags' own options before "
                             "'--')") from None
        raise
    if own:
        from migflags.cli.common import note

        for word in own:
            note(f"{word!r} comes after '--', so it is read as part of the virsh command line; "
                 "put migflags' own options before '--'")
    request = reading.request._replace(flags=reading.request.flags | flags)
    source = shlex.join([*words, *names, *ctx.meta.get("virsh_words", [])])
    return FromCli(request, source, reading.faults, tuple(placeholder_notes(line, reading)))


def refuse_bad_value(result: Result, lang: str = "en") -> None:
    """When the first thing virsh would say is that it cannot use a value, that is bad input
    (exit 2), as for any malformed line; a placeholder behind it is named on stderr."""
    from migflags.errors import InputError
    from migflags.pasted import PLACEHOLDER_RULE

    first = next((p for p in result.problems if p.is_error), None)
    if first is None or first.rule != "virsh-bad-value":
        return
    from migflags.cli.messages import prefix

    for problem in result.problems:
        if problem.rule == PLACEHOLDER_RULE:  # a Text already: printed in the run's language
            click.echo(prefix("note", lang) + problem.explanation.get(lang), err=True)
    raise InputError(first.message)
