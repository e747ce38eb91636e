"""What encode and check share: one Click option per `virsh migrate` option, and everything
after `--` kept as a virsh command line, all folded into one Request by the virsh parser.

The core and the parser are imported inside `request_from_cli`: completing
`migflags encode --<TAB>` needs only the option table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from migflags.tables.options import OPTIONS
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:
    from migflags.model import Request


class VirshLineCommand(click.Command):
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


def _warn_own_options(ctx: click.Context, tail: list[str]) -> None:
    """Words after `--` belong to the virsh command line, even `-q` or `--json`: say so when
    one of them is an option of migflags itself rather than of virsh."""
    own = {
        name
        for param in ctx.command.params
        if isinstance(param, click.Option) and not param.name.startswith("virsh__")
        for name in (*param.opts, *param.secondary_opts)
    }
    for word in tail:
        if word.split("=", 1)[0] in own:
            from migflags.cli.common import note

            note(f"{word!r} comes after '--', so it is read as part of the virsh command line; "
                 "put migflags' own options before '--'")


def request_from_cli(
    ctx: click.Context, names: tuple[str, ...], options: dict[str, Any],
    version: LibvirtVersion,
) -> tuple[Request, str]:
    """Fold Click-parsed options, NAMES and a `-- virsh migrate ...` tail into one Request."""
    import shlex

    from migflags.parse import parse_value
    from migflags.virsh_argv import parse_virsh_argv

    words: list[str] = []
    for row in OPTIONS:
        value = options.pop("virsh__" + row.name.replace("-", "_"))
        if row.takes_value:
            for text in value:
                words += [row.dashed, text]
        else:
            words += [row.dashed] * value
    flags = 0
    for name in names:
        flags |= parse_value(name)
    tail = ctx.meta.get("virsh_words", [])
    _warn_own_options(ctx, tail)
    request = parse_virsh_argv(words + tail, version)
    request = request._replace(flags=request.flags | flags)
    source = shlex.join([*words, *names, *tail])
    return request, source
