"""Bilingual text values and the choice of language.

Every sentence a user reads is a `Text` holding English and Simplified Chinese side by side,
so a missing translation is visible in the table that owns the sentence (and
`tests/test_i18n.py` fails on it). What a layer prints (virsh's and libvirt's own messages) is
not a `Text`: it stays verbatim English, as it appears in logs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from migflags.record import NamedTuple

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the first one set and non-empty wins


class Text(NamedTuple):
    en: str
    zh: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English where a translation is missing."""
        return (self.zh or self.en) if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        return Text(self.en.format(**values), self.zh.format(**values))


def language_of_locale(locale: str) -> str:
    """`zh`, `zh_CN.UTF-8`, `zh_TW`, `zh_SG.GB2312` -> zh; anything else (C, POSIX, en_US) -> en."""
    language = locale
    for separator in ("_", ".", "@", "-"):
        language = language.split(separator, 1)[0]
    return "zh" if language.lower() == "zh" else DEFAULT_LANGUAGE


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """Pick `zh` or `en` from LC_ALL, LC_MESSAGES, LANG: the first one that is set and not
    empty decides, as in POSIX locale resolution."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return language_of_locale(value)
    return DEFAULT_LANGUAGE
