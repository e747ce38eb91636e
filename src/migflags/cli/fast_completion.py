"""TAB completion without building the command tree, for the common cases.

Click answers a completion request (`_MIGFLAGS_COMPLETE=..._complete`) by importing every
module of the command being completed and building its sixty generated options, then parsing
the words typed so far. For what is typed most often the answer does not depend on any of
that, and `completion_table.py` (generated from the command tree by
scripts/gen_completion_table.py) already holds it:

* `migflags <TAB>` (and any word that does not start an option): the subcommands;
* `migflags -<TAB>`, `migflags --v<TAB>`: the group's options;
* `migflags SUBCOMMAND -<TAB>`, `migflags encode --pe<TAB>`: the subcommand's options, when
  nothing else has been typed yet (an option already given is not offered again, which
  needs parsing: Click does that).

Everything else, and every language but English (help texts are translated while the tree is
built), goes to Click. The words are split and the answer formatted by Click's own shell
classes, so only the choice of items is ours; tests/test_fast_completion.py checks it against
Click's for every subcommand, option prefix and shell.
"""

from __future__ import annotations

import os
import sys

import click

Item = tuple[str, str, "str | None"]


def items(args: list[str], incomplete: str) -> list[Item] | None:
    """What Click would offer after `args` for `incomplete`, or None when this module does
    not know (then Click answers)."""
    from migflags.cli import completion_table as table

    if "=" in incomplete:
        return None
    option = incomplete[:1] == "-"
    if not args:
        found = [item for item in table.COMMANDS if item[1].startswith(incomplete)]
        if incomplete and not incomplete[0].isalnum():
            found += [item for item in table.GROUP_OPTIONS if item[1].startswith(incomplete)]
        return found
    if len(args) == 1 and option and args[0] in table.OPTIONS:
        return [item for item in table.OPTIONS[args[0]] if item[1].startswith(incomplete)]
    return None


def answer(cli: click.Command, prog_name: str, complete_var: str) -> bool:
    """Print the answer to the completion request in the environment and return True, or
    return False when Click must answer it."""
    from click.shell_completion import CompletionItem, get_completion_class

    from migflags.text import language_from_env

    shell, _, instruction = os.environ.get(complete_var, "").partition("_")
    comp_cls = get_completion_class(shell)
    if (
        comp_cls is None
        or instruction != "complete"
        or language_from_env() != "en"
        or "migflags.cli.help_text" in sys.modules
    ):
        return False
    comp = comp_cls(cli, {}, prog_name, complete_var)
    args, incomplete = comp.get_completion_args()
    found = items(args, incomplete)
    if found is None:
        return False
    out = [comp.format_completion(CompletionItem(value, type=kind, help=help_))
           for kind, value, help_ in found]
    click.echo("\n".join(out).encode())
    return True
