"""migflags' own diagnostics in the reader's language.

The code writes its errors and notes in English; `localize` rewrites one into Chinese by
matching it against the English of `diagnostics.MESSAGES` and filling the Chinese with the
parts that vary (tokens, paths, values stay as given). What is not in the catalogue
(virsh's, libvirt's and QEMU's own words, an operating system's error text) stays verbatim.
Only the error path and notes import this module.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import cache

from migflags.diagnostics import MESSAGES
from migflags.text import LANGUAGES, Text, language_from_env

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_HINT = "did you mean "


def language_of_argv(argv: Sequence[str]) -> str:
    """`--lang zh` / `--lang=zh` anywhere before `--` wins; otherwise the environment's."""
    words = list(argv)
    if "--" in words:
        words = words[: words.index("--")]
    for index, word in enumerate(words):
        if word == "--lang" and index + 1 < len(words) and words[index + 1] in LANGUAGES:
            return words[index + 1]
        if word.startswith("--lang=") and word[len("--lang="):] in LANGUAGES:
            return word[len("--lang="):]
    return language_from_env()


_current = {"lang": ""}


def set_language(lang: str) -> None:
    """The language of this run's diagnostics (chosen once, from the command line)."""
    _current["lang"] = lang


def current_language() -> str:
    return _current["lang"] or language_of_argv(sys.argv[1:])


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Text], ...]:
    compiled = []
    for text in MESSAGES:
        parts = _PLACEHOLDER.split(text.en)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                        for i, part in enumerate(parts))
        compiled.append((re.compile(regex, re.S), text))
    return tuple(compiled)


def _by_english(english: str) -> Text:
    return next(text for text in MESSAGES if text.en == english)


def localize(message: str, lang: str) -> str:
    """`message` in `lang` when the catalogue knows it; otherwise unchanged."""
    if lang != "zh":
        return message
    patterns = _patterns()
    # entries that carry their own suggestion first, then a trailing ": did you mean 'x'?" is
    # taken off, and what is left matched on its own
    for pattern, text in patterns:
        if _HINT in text.en:
            match = pattern.fullmatch(message)
            if match:
                return text.zh.format(**match.groupdict())
    head, sep, tail = message.rpartition(": " + _HINT)
    if sep and tail.endswith("?"):
        hint = _by_english(": did you mean {name}?")
        return localize(head, lang) + hint.zh.format(name=tail[:-1])
    for pattern, text in patterns:
        match = pattern.fullmatch(message)
        if match:
            parts = match.groupdict()
            if "reason" in parts:  # Click's "Invalid value for X: <our own message>"
                parts["reason"] = localize(parts["reason"], lang)
            return text.zh.format(**parts)
    return message


def prefix(kind: str, lang: str) -> str:
    """`migflags: error: ` or `migflags: note: ` in `lang`."""
    return _by_english(f"migflags: {kind}: ").get(lang)


def aborted(lang: str) -> str:
    return _by_english("migflags: aborted").get(lang)
