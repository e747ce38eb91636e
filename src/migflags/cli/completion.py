"""`migflags completion bash|zsh|fish`, and the callbacks that complete flag names.

The scripts are Click's own (`_MIGFLAGS_COMPLETE`): the shell runs `migflags` with that
variable set and Click answers from the command tree, so every subcommand and option, with its
help text, completes without a list kept anywhere else. The callbacks below add what Click
cannot know: flag names for the NAMES / VALUES / NAME arguments.

`commands.py` imports this module while the command tree is built, so it imports nothing at
module level beyond Click; the candidate logic (`migflags.complete`) loads on the first TAB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from migflags.cli.base import Command

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from migflags.complete import Candidate

SHELLS = ("bash", "zsh", "fish")
PROG_NAME = "migflags"
COMPLETE_VAR = "_MIGFLAGS_COMPLETE"
# Where `VirshLineCommand.parse_args` (encode.py) keeps the words after `--`.
_VIRSH_WORDS = "virsh_words"
_FISH_SPLIT = 'string split "," $completion'
_FISH_SPLIT_ONCE = 'string split --max 1 "," $completion'


def completion_script(cli: click.Command, shell: str) -> str:
    """The completion script Click writes for `shell`, for the program `migflags`."""
    from click.shell_completion import ShellComplete, get_completion_class

    comp_cls = get_completion_class(shell)
    if comp_cls is None or shell not in SHELLS:
        raise click.BadParameter(f"unsupported shell {shell!r}")
    comp = comp_cls(cli, {}, PROG_NAME, COMPLETE_VAR)
    # ShellComplete.source, not BashComplete.source: the latter runs `bash` to check its
    # version and warns on stderr, which has no place in a generated file.
    script = ShellComplete.source(comp)
    if shell == "fish":
        # Click's fish script splits each answer line at every comma and keeps the second
        # field, which cuts `live,p2p` and any description with a comma short. Split once.
        script = script.replace(_FISH_SPLIT, _FISH_SPLIT_ONCE)
    return script


@click.command("completion", cls=Command)
@click.argument("shell", type=click.Choice(SHELLS), metavar="SHELL")
@click.pass_context
def completion_cmd(ctx: click.Context, shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    \b
    Load it in the running shell:
      bash:  eval "$(migflags completion bash)"
      zsh:   eval "$(migflags completion zsh)"      (after compinit)
      fish:  migflags completion fish | source
    Install it for your user:
      bash:  migflags completion bash > ~/.local/share/bash-completion/completions/migflags
      zsh:   migflags completion zsh > ~/.zfunc/_migflags   (fpath+=(~/.zfunc) before compinit)
      fish:  migflags completion fish > ~/.config/fish/completions/migflags.fish
    """
    click.echo(completion_script(ctx.find_root().command, shell), nl=False)


# ------------------------------------------------------------------ callbacks


def _lang(ctx: click.Context) -> str:
    lang = ctx.params.get("lang")
    if isinstance(lang, str):
        return lang
    from migflags.text import language_from_env

    return language_from_env()


def _items(candidates: list[Candidate]) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(c.value, help=c.help) for c in candidates]


def _given_options(ctx: click.Context) -> list[str]:
    """Options without a value already on the command line (`--live`), as their names."""
    given: list[str] = []
    for param in ctx.command.params:
        if (
            isinstance(param, click.Option)
            and (param.is_flag or param.count)
            and param.name
            and ctx.params.get(param.name)  # True, or a count above 0
            and ctx.get_parameter_source(param.name) is click.core.ParameterSource.COMMANDLINE
        ):
            given += param.opts
    return given


def complete_flags(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """NAMES / VALUES: flag names, also after `|`, `,` or `+`; after `--`, virsh options."""
    from migflags import complete

    tail = ctx.meta.get(_VIRSH_WORDS)
    if tail is not None:
        return _items(complete.virsh_option_candidates(incomplete, given=tail, lang=_lang(ctx)))
    given = [*(ctx.params.get(param.name or "") or ()), *_given_options(ctx)]
    return _items(complete.flag_candidates(incomplete, given=given, lang=_lang(ctx)))


def complete_name(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """`explain NAME`: one flag name or virsh migrate option name."""
    from migflags import complete

    return _items(complete.name_candidates(incomplete, lang=_lang(ctx)))
