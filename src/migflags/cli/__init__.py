"""The Click layer: thin commands that parse input, call the core and hand results to a renderer.

Errors are one line on stderr, `migflags: error: ...`, with exit status 2 (see `exits.py`).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from migflags import __version__
from migflags.cli.annotate import annotate_cmd
from migflags.cli.commands import check_cmd, decode_cmd, encode_cmd, explain_cmd, list_cmd
from migflags.cli.completion import completion_cmd
from migflags.cli.help_text import localize
from migflags.errors import InputError
from migflags.exits import BAD_INPUT
from migflags.text import language_from_env


def _fail(message: str, status: int) -> None:
    """Print one diagnostic line, whatever line breaks the offending token carried."""
    click.echo(f"migflags: error: {' '.join(message.splitlines())}", err=True)
    sys.exit(status)


class MigflagsGroup(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run without Click's multi-line usage errors: every failure is one line."""
        kwargs["standalone_mode"] = False
        localize(self, language_from_env())  # --help follows LC_ALL / LC_MESSAGES / LANG
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except InputError as error:
            _fail(str(error), BAD_INPUT)
        except click.Abort:
            click.echo("migflags: aborted", err=True)
            sys.exit(BAD_INPUT)
        except BrokenPipeError:
            sys.stderr.close()  # reader went away (`| head`): nothing more to say
            sys.exit(0)


@click.group(
    cls=MigflagsGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="migflags")
def main() -> None:
    """Decode, encode, explain and check libvirt migration flags (virDomainMigrateFlags) and
    `virsh migrate` command lines."""


for command in (decode_cmd, encode_cmd, check_cmd, list_cmd, explain_cmd):
    main.add_command(command)
main.add_command(completion_cmd)
main.add_command(annotate_cmd)
