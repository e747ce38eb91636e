"""Plain, aligned text for pipes and NO_COLOR: no escape codes, stable column layout."""

from __future__ import annotations

import unicodedata

from migflags.model import Result
from migflags.render.sections import CONTINUED, NUMERIC_COLUMNS, build
from migflags.texts import UI, word_for


def display_width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def table(headers: list[str], rows: list[list[str]], numeric: int = 0) -> list[str]:
    widths = [max(display_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    out = []
    for row in [headers, *rows]:
        cells = [_pad(cell, widths[i], i < numeric) for i, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
    return out


def render(result: Result, lang: str) -> str:
    s = build(result, lang)
    out = [s.title]
    if s.rows:
        out += table(s.headers, s.rows, NUMERIC_COLUMNS)
    colon = UI["colon"].get(lang)
    heading = ""
    for label, text in s.lines:
        if label == CONTINUED:
            out.append(" " * display_width(heading + colon) + text)
        elif label:
            heading = label
            out.append(f"{label}{colon}{text}")
        else:
            out.append(text)
    if s.problems:
        out.append(s.problems_title + colon.rstrip())
        for level, layer, rule, message, why, fix in s.problems:
            shown = f"{word_for('level', level, lang)} [{word_for('layer', layer, lang)}]"
            out.append(f"  {shown} {rule}: {message}" if message else f"  {shown} {rule}")
            out.append(f"      {UI['why'].get(lang)}{colon}{why}")
            out.append(f"      {UI['fix'].get(lang)}{colon}{fix}")
    return "\n".join(out)
