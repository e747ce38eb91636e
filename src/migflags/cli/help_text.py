"""`--help` in the reader's language.

Click has no translation hook for an application's own help strings (it runs its own strings,
"Usage:", "Options:", "Show this message and exit.", through gettext, and ships no catalogue
for them). What it does allow is setting a command's and a parameter's `help` before the help
page is drawn. `MigflagsGroup.main` calls `localize` with the language of the environment
before Click parses anything; `--lang` cannot take part, because `--help` is handled while
the command line is being parsed, before the value of `--lang` is known.

The English help strings written in `cli/` and the option summaries from the option table are
the message ids; their translations are `texts.HELP`, the `Text` of each option row, and any
module-level `Text` (alone, or in a tuple or dict) of a `migflags.cli` module, so a command
module may keep its help texts beside its command (as `cli/annotate.py` does).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from functools import cache

import click

from migflags.tables.options import OPTIONS
from migflags.text import Text
from migflags.texts import HELP

_SENTENCE_ENDS = "。："  # where the short help of a Chinese command help ends


def message_id(text: str) -> str:
    """The English text with its layout removed (docstring indentation, line breaks)."""
    return " ".join(inspect.cleandoc(text).split())


def _cli_module_texts() -> Iterator[Text]:
    for name, module in list(sys.modules.items()):
        if name.startswith(__package__ + ".") and module is not None:
            for value in vars(module).values():
                if isinstance(value, Text):
                    yield value
                elif isinstance(value, (tuple, dict)):
                    items = value.values() if isinstance(value, dict) else value
                    yield from (item for item in items if isinstance(item, Text))


def catalogue() -> dict[str, Text]:
    """The catalogue for the command modules imported so far (they load lazily)."""
    loaded = tuple(sorted(n for n in sys.modules if n.startswith(__package__ + ".")))
    return _catalogue(loaded)


@cache
def _catalogue(loaded: tuple[str, ...]) -> dict[str, Text]:
    """Every translatable help text, keyed by its English and by its Chinese message id, so a
    help page can be switched to either language from either. Built on first use, once every
    command module has been imported."""
    texts = [*HELP, *(row.summary for row in OPTIONS), *_cli_module_texts()]
    found = {message_id(text.en): text for text in texts}
    found.update({message_id(text.zh): text for text in texts if text.zh})
    return found


def translate(text: str | None, lang: str) -> str | None:
    """`text` in `lang` when the catalogue knows it; anything else is left as it is."""
    if not text:
        return text
    found = catalogue().get(message_id(text))
    if found is None or message_id(found.get(lang)) == message_id(text):
        return text  # unknown, or already in `lang`: keep the author's layout
    return found.get(lang)


def _short_help(help_text: str | None, lang: str) -> str | None:
    """Click shortens a command's help at the first `.` and counts characters, which cuts a
    Chinese sentence (no spaces, no `.`) in the middle: end it at the first 。 or ： instead."""
    if lang != "zh" or not help_text:
        return None
    first = help_text.strip().split("\n", 1)[0]
    for end in _SENTENCE_ENDS:
        first = first.split(end, 1)[0]
    return first


_derived_short_helps: set[str] = set()
# The language each command's help is in now (by id); help strings are written in English, so a
# command not listed here is English and localizing it to English is free (startup cost).
_language_now: dict[int, str] = {}


def language_of(command: click.Command) -> str:
    """The language `command`'s help is in now."""
    return _language_now.get(id(command), "en")


def localize(command: click.Command, lang: str) -> None:
    """Put the help of `command`, its parameters and its subcommands into `lang`."""
    if _language_now.get(id(command), "en") != lang:
        command.help = translate(command.help, lang)
        if command.short_help is None or command.short_help in _derived_short_helps:
            command.short_help = _short_help(command.help, lang)
            if command.short_help:
                _derived_short_helps.add(command.short_help)
        for param in command.params:
            if isinstance(param, click.Option):
                param.help = translate(param.help, lang)
        _language_now[id(command)] = lang
    if isinstance(command, click.Group):
        # a lazily filled group localizes each command as it loads it (cli.LazyCommands)
        loaded = getattr(command.commands, "loaded", command.commands.values)
        for sub in loaded():
            localize(sub, lang)
