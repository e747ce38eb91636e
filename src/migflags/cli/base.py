"""What every migflags command and the group share: a `--help` option built without Click's
gettext lookup.

Click builds each command's help option with `_("Show this message and exit.")`. The first
gettext call of a process imports `locale` and searches for message catalogues (about 4 M
instructions, as much as the rest of a `decode`'s Click work), and Click ships no catalogue, so
the answer is always the English text. migflags translates its help itself (`help_text.py`),
so it builds the option with its own text and leaves gettext alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

HELP_OPTION_HELP = "Show this message and exit."
STORAGE_NAME = "_click_default_help"  # where Click keeps the help option's (unused) value


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def help_option_of(command: click.Command, ctx: click.Context) -> click.Option | None:
    """The command's help option, made once, in the language its help is in."""
    names = command.get_help_option_names(ctx)
    if not names or not command.add_help_option:
        return None
    if command._help_option is None:
        command._help_option = click.Option(
            [*names, STORAGE_NAME], is_flag=True, expose_value=False, is_eager=True,
            help=HELP_OPTION_HELP, callback=_show_help)
    if "migflags.cli.help_text" in sys.modules:  # help in another language, now or before
        from migflags.cli.help_text import language_of, translate

        text = translate(HELP_OPTION_HELP, language_of(command)) or HELP_OPTION_HELP
        command._help_option.help = text
    return command._help_option


class Command(click.Command):
    """The base of every migflags command."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return help_option_of(self, ctx)


def version_option(version: str) -> Callable[[F], F]:
    """`--version`, printing what Click's own version option prints, without its gettext."""

    def show(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            click.echo(f"migflags, version {version}")
            ctx.exit()

    return click.option("--version", is_flag=True, expose_value=False, is_eager=True,
                        callback=show, help="Show the version and exit.")
