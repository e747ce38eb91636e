"""The Click layer: thin commands that parse input, call the core and hand results to a renderer.

Errors are one line on stderr, `migflags: error: ...`, with exit status 2 (see `exits.py`).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from migflags import __version__
from migflags.cli.base import help_option_of, version_option
from migflags.errors import InputError
from migflags.exits import BAD_INPUT
from migflags.text import language_from_env


def _localize(command: click.Command) -> None:
    """Put `command`'s help into the environment's language. The help catalogue is loaded
    only when a language other than English is (or was, in this process) in play."""
    lang = language_from_env()
    if lang != "en" or "migflags.cli.help_text" in sys.modules:
        from migflags.cli.help_text import localize

        localize(command, lang)


def _drop_output() -> None:
    """Point standard output's descriptor at /dev/null once its reader went away or its disk
    is full: what is still buffered then goes nowhere at exit, instead of failing (and being
    reported) again when `entry` flushes it."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a test's in-memory stream: nothing to do
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _fail(message: str, status: int) -> None:
    """Print one diagnostic line, whatever line breaks the offending token carried, in the
    language of the run (`--lang`, else the environment)."""
    from migflags.cli.messages import current_language, localize, prefix

    if "migflags.cli.common" in sys.modules:
        from migflags.cli.common import drop_notes

        drop_notes()  # the run ends on this one line
    line = " ".join(message.replace("\t", " ").split())
    lang = current_language()
    click.echo(prefix("error", lang) + localize(line, lang), err=True)
    sys.exit(status)


def _flush_notes() -> None:
    if "migflags.cli.common" in sys.modules:
        from migflags.cli.common import flush_notes

        flush_notes()


def _choose_message_language(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Diagnostics follow `--lang` when the command line has one (before it is parsed)."""
    argv = kwargs.get("args", args[0] if args else None)
    if argv is None:
        argv = sys.argv[1:]
    words = [str(word) for word in argv]
    if any(word == "--lang" or word.startswith("--lang=") for word in words):
        from migflags.cli.messages import language_of_argv, set_language

        set_language(language_of_argv(words))
    elif "migflags.cli.messages" in sys.modules:
        from migflags.cli.messages import set_language

        set_language("")  # a new run in the same process: back to the environment's


# Subcommands are imported when first asked for: `migflags decode` never loads the log scanner,
# and a TAB completion loads only the command being completed.
COMMANDS = {
    "decode": "migflags.cli.commands:decode_cmd",
    "encode": "migflags.cli.encode:encode_cmd",
    "check": "migflags.cli.check:check_cmd",
    "list": "migflags.cli.commands:list_cmd",
    "explain": "migflags.cli.commands:explain_cmd",
    "annotate": "migflags.cli.annotate:annotate_cmd",
    "lint": "migflags.cli.lint:lint_cmd",
    "completion": "migflags.cli.completion:completion_cmd",
    "why": "migflags.cli.why:why_cmd",
}


class LazyCommands(dict[str, click.Command]):
    """Click's `Group.commands`, filled on demand from `COMMANDS`. Looking one name up imports
    one module; iterating (help pages, listing subcommands) imports them all."""

    def __init__(self, specs: dict[str, str]) -> None:
        super().__init__()
        self._specs = specs

    def _load(self, name: str) -> click.Command:
        module_name, _, attr = self._specs[name].partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        _localize(command)
        dict.__setitem__(self, name, command)
        return command

    def __missing__(self, name: str) -> click.Command:
        if name not in self._specs:
            raise KeyError(name)
        return self._load(name)

    def __contains__(self, name: object) -> bool:
        return name in self._specs or dict.__contains__(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def _all(self) -> list[str]:
        for name in self._specs:
            _ = self[name]  # loads it
        return list(dict.keys(self))

    def __iter__(self) -> Any:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def keys(self) -> Any:
        self._all()
        return dict.keys(self)

    def values(self) -> Any:
        self._all()
        return dict.values(self)

    def items(self) -> Any:
        self._all()
        return dict.items(self)

    def loaded(self) -> list[click.Command]:
        """The commands imported so far (for localizing without importing the rest)."""
        return list(dict.values(self))


def ranked_no_such_option(error: click.exceptions.NoSuchOption) -> str:
    """Click lists close option names alphabetically; name them closest first."""
    if not error.possibilities:
        return error.format_message()
    import difflib

    def closeness(name: str) -> float:
        return difflib.SequenceMatcher(None, error.option_name, name).ratio()

    ranked = sorted(error.possibilities, key=closeness, reverse=True)
    names = ", ".join(repr(name) for name in ranked)
    return f"{error.message} (did you mean {names}?)"


def _command_options(group: click.Group, ctx: click.Context) -> dict[str, bool]:
    """Every command's option names, each with whether it takes a value (the error path
    only: this loads every command)."""
    found: dict[str, bool] = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        for param in command.params if command is not None else ():
            if isinstance(param, click.Option):
                for opt in (*param.opts, *param.secondary_opts):
                    found.setdefault(opt, not param.is_flag and not param.count)
    return found


class MigflagsGroup(click.Group):
    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return help_option_of(self, ctx)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not ctx.resilient_parsing:
            from migflags.cli.intent import suggest_command

            own = {*self.get_help_option_names(ctx), "--version"}
            hint = suggest_command(args, own, _command_options(self, ctx), self.list_commands(ctx))
            if hint:
                raise click.UsageError(hint, ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`| head`): no error, like grep. Caught before Click's
            # own handler, which would exit 1.
            _drop_output()
            raise click.exceptions.Exit(0) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run without Click's multi-line usage errors: every failure is one line."""
        kwargs["standalone_mode"] = False
        if "_MIGFLAGS_COMPLETE" in os.environ:  # a TAB: the common ones without the tree
            from migflags.cli.fast_completion import answer

            if answer(self, kwargs.get("prog_name") or "migflags", "_MIGFLAGS_COMPLETE"):
                sys.exit(0)
        _localize(self)  # --help follows LC_ALL / LC_MESSAGES / LANG
        _choose_message_language(args, kwargs)
        try:
            returned = super().main(*args, **kwargs)
            _flush_notes()
            return returned
        except SystemExit:  # a command's own exit (its status): what it held back goes out
            _flush_notes()
            raise
        except click.exceptions.NoArgsIsHelpError as bare:
            try:
                click.echo(bare.ctx.get_help())  # `migflags` alone: the help, as --help shows it
            except BrokenPipeError:
                sys.stderr.close()
            sys.exit(0)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.NoSuchOption as error:
            _fail(ranked_no_such_option(error), error.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except InputError as error:
            _fail(str(error), BAD_INPUT)
        except click.Abort:
            from migflags.cli.messages import aborted, current_language

            click.echo(aborted(current_language()), err=True)
            sys.exit(BAD_INPUT)
        except BrokenPipeError:
            sys.stderr.close()  # reader went away (`| head`): nothing more to say
            sys.exit(0)
        except OSError as error:  # writing failed (a full disk): one line, not a traceback
            _drop_output()
            _fail(f"cannot write the output: {error.strerror or error}", BAD_INPUT)


@click.group(
    cls=MigflagsGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@version_option(__version__)
def main() -> None:
    """Decode, encode, explain and check libvirt migration flags (virDomainMigrateFlags) and
    `virsh migrate` command lines."""


main.commands = LazyCommands(COMMANDS)
