"""Option bundles shared by the commands, and the one place output modes are chosen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from migflags.exits import exit_status
from migflags.record import NamedTuple
from migflags.render.expr import STYLES
from migflags.text import LANGUAGES, language_from_env
from migflags.versions import NEWEST, LibvirtVersion

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from migflags.guest import Guest
    from migflags.model import Result

F = TypeVar("F", bound=Callable[..., Any])


class VersionType(click.ParamType):  # type: ignore[type-arg]
    name = "VERSION"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> LibvirtVersion:
        if isinstance(value, LibvirtVersion):
            return value
        return LibvirtVersion.parse(str(value))


def libvirt_option(fn: F) -> F:
    return click.option(
        "--libvirt",
        "version",
        type=VersionType(),
        default=str(NEWEST),
        show_default=True,
        help="Check against this libvirt release (e.g. 9.0.0, 8.5, 6).",
    )(fn)


def lang_option(fn: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=None,
        help="Language of explanations [default: from LC_ALL, LC_MESSAGES, LANG].",
    )(fn)


class _StyleChoice(click.Choice):  # type: ignore[type-arg]
    """--format's styles; `json` is answered with the option that prints JSON."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if value == "json":
            self.fail(f"{value!r} is not a --format style; for the JSON document use --json",
                      param, ctx)
        return super().convert(value, param, ctx)


def output_options(fn: F) -> F:
    """--json, --format, --color: the output modes every result-printing command shares."""
    for decorator in reversed(
        [
            click.option("--json", "as_json", is_flag=True, help="Print the JSON document."),
            click.option(
                "--format",
                "expr_format",
                type=_StyleChoice(STYLES),
                default=None,
                help="Print the flags as an expression of a language binding, or as shifts.",
            ),
            click.option(
                "--color",
                type=click.Choice(["auto", "always", "never"]),
                default="auto",
                show_default=True,
                help="Rich tables with colour on a terminal (auto), always, or plain text.",
            ),
        ]
    ):
        fn = decorator(fn)
    return fn


class Output(NamedTuple):
    as_json: bool
    expr_format: str | None
    color: str
    lang: str


def resolve_lang(lang: str | None) -> str:
    return lang or language_from_env()


def use_rich(color: str) -> bool:
    if color == "always":
        return True
    if color == "never":
        return False
    # no standard output at all (`>&-`): nothing is drawn anywhere
    return sys.stdout is not None and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def note(message: str) -> None:
    """A diagnostic that does not stop the command: one line on stderr, in the run's
    language."""
    from migflags.cli.messages import current_language, localize, prefix

    lang = current_language()
    click.echo(prefix("note", lang) + localize(message, lang), err=True)


def refuse_mixed_modes(out: Output, quiet: bool = False) -> None:
    """--json, --format and -q each choose the whole output: two of them is a usage error."""
    chosen = [name for name, on in (("--json", out.as_json), ("--format", out.expr_format),
                                    ("-q/--args", quiet)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"{chosen[0]} and {chosen[1]} choose different outputs: "
                               "give one of them")


# Notes about the command line itself (a release newer than the tables) wait until the command
# has read its input: a run that ends on bad input prints its one error line and nothing else.
_PENDING_NOTES: list[str] = []


def note_later(message: str) -> None:
    _PENDING_NOTES.append(message)


def flush_notes() -> None:
    """Print the notes held back so far (the command got past its input)."""
    while _PENDING_NOTES:
        note(_PENDING_NOTES.pop(0))


def drop_notes() -> None:
    """Forget the notes held back: the run ends on an error line."""
    _PENDING_NOTES.clear()


def version_note(version: LibvirtVersion) -> None:
    """Refuse a release that predates migration; note one newer than the tables."""
    from migflags.tables.options import MIGRATE_COMMAND_SINCE

    if version < MIGRATE_COMMAND_SINCE:
        raise click.BadParameter(
            f"libvirt {version} cannot migrate: 'virsh migrate' and virDomainMigrate came with "
            f"libvirt {MIGRATE_COMMAND_SINCE}", param_hint="'--libvirt'")
    if version > NEWEST:
        note_later(f"libvirt {version} is newer than {NEWEST}, the newest release the tables were "
             f"checked against: flags, rules and messages are those of {NEWEST}")


def emit(results: list[Result], out: Output, *, single: bool) -> None:
    """Print results in the chosen mode. Rich is imported only when a Rich table is drawn."""
    flush_notes()
    if out.as_json:
        from migflags.render.json_doc import dumps

        click.echo(dumps(results, out.lang, single=single))
    elif out.expr_format:
        from migflags.render.expr import expression

        for result in results:
            click.echo(expression(result.value, out.expr_format))
    elif use_rich(out.color):
        from migflags.render.rich_table import make_console, print_result

        console = make_console(force_color=True if out.color == "always" else None)
        for index, result in enumerate(results):
            if index:
                console.print()
            print_result(console, result, out.lang)
    else:
        from migflags.render.plain import render

        click.echo("\n\n".join(render(r, out.lang) for r in results))


def finish(results: list[Result], *, strict: bool) -> None:
    flush_notes()
    sys.exit(exit_status(results, strict=strict))


class QemuVersionType(click.ParamType):  # type: ignore[type-arg]
    name = "VERSION"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> LibvirtVersion:
        from migflags.errors import InputError

        if isinstance(value, LibvirtVersion):
            return value
        try:
            return LibvirtVersion.parse(str(value))
        except InputError:
            self.fail(f"invalid QEMU version {value!r}: expected MAJOR[.MINOR[.MICRO]], e.g. "
                      "7.2.0", param, ctx)


class FileType(click.ParamType):  # type: ignore[type-arg]
    """A file name (`-` included), completed as one; opening and reading it is the command's
    job (a directory, a missing or unreadable file is one line, exit 2). Not `click.Path`,
    whose constructor asks gettext for its name on every start-up (see `cli/base.py`)."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return str(value)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


XML_FILE = FileType()


def guest_options(fn: F) -> F:
    """--state, --domain-xml and --qemu: what check may know about the guest and the host
    (see guest.py)."""
    from migflags.tables.guest import STATES

    fn = click.option(
        "--qemu", "qemu_version", type=QemuVersionType(), default=None,
        help="The QEMU release on the hosts (e.g. 7.2.0), for QEMU's own refusals.",
    )(fn)
    fn = click.option(
        "--domain-xml", "domain_xml", metavar="FILE",
        type=XML_FILE,
        help="The guest's definition as 'virsh dumpxml' prints it (- for standard input).",
    )(fn)
    return click.option(
        "--state", "guest_state", type=click.Choice(STATES), default=None,
        help="The guest's state on the source host.",
    )(fn)


def guest_from_cli(state: str | None, path: str | None) -> Guest | None:
    """The guest facts from --state and --domain-xml; a file that cannot be read or parsed is
    bad input (one line, exit 2)."""
    if state is None and path is None:
        return None  # the XML reader is not even imported
    from migflags.errors import InputError
    from migflags.guest import GuestError, guest_from

    text: str | None = None
    if path == "-":
        text = sys.stdin.read()
    elif path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise InputError(f"--domain-xml {path!r}: {reason}") from None
    try:
        return guest_from(state, text)
    except GuestError as error:
        raise InputError(f"--domain-xml {path!r}: {error}") from None


def unchecked_note(result: Result, lang: str) -> None:
    """Name the rules that could not be decided without facts about the guest."""
    if result.unchecked:
        from migflags.texts import UI

        note(UI["unchecked"].get(lang).format(rules=", ".join(result.unchecked)))
