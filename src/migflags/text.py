"""Bilingual text values and the choice of language.

Every sentence a user reads is a `Text` holding English and Simplified Chinese side by side,
so a missing translation is visible in the table that owns the sentence.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

LANGUAGES = ("en", "zh")


class Text(NamedTuple):
    en: str
    zh: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English where a translation is missing."""
        return (self.zh or self.en) if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        return Text(self.en.format(**values), self.zh.format(**values))


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """Pick `zh` or `en` from LC_ALL, LC_MESSAGES, LANG (the first one that is set wins)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
