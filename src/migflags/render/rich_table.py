"""Rich output for terminals. The only module that imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len as line_width
from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from migflags.model import Result
from migflags.render.sections import CONTINUED, NUMERIC_COLUMNS, build
from migflags.texts import UI, word_for

if TYPE_CHECKING:
    from migflags.why import Explained

_LEVEL_STYLE = {"error": "bold red", "warning": "yellow"}


def make_console(*, stderr: bool = False, force_color: bool | None = None) -> Console:
    """A console per invocation; `force_color` True for --color always, False for never.

    Every cell is data, never Rich markup: `[x]` and `:name:` in a value stay as they are
    (and Rich's emoji table is never loaded, which saves startup time).
    """
    if force_color is None:
        return Console(stderr=stderr, highlight=False, markup=False, emoji=False)
    return Console(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=force_color,
        no_color=not force_color,
    )


# Below this width the summaries move out of the table onto lines of their own, so the
# table never squeezes names into "VIR_MIGRATE_UNDEFINE_SOUR…".
WIDE_ENOUGH = 130
_OPTION_COLUMN = 4
_NAME_COLUMNS = (3, _OPTION_COLUMN, 6)


def print_result(console: Console, result: Result, lang: str) -> None:
    s = build(result, lang)
    narrow = console.width < WIDE_ENOUGH
    headers = s.headers[:-1] if narrow else s.headers
    table = Table(
        title=s.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        pad_edge=not narrow,
    )
    for i, header in enumerate(headers):
        table.add_column(
            header,
            justify="right" if i < NUMERIC_COLUMNS else "left",
            # names may fold on narrow terminals; numbers, hex and versions never do
            no_wrap=i not in _NAME_COLUMNS,
            overflow="fold",
            style="cyan" if i == _OPTION_COLUMN else None,
        )
    for row in s.rows:
        table.add_row(*row[: len(headers)], style="red" if row[3] == "?" else None)
    if s.rows:
        console.print(table)
    else:
        console.print(RichText(s.title, style="bold"))
    if narrow and s.rows:
        summaries = Table.grid(padding=(0, 2))
        summaries.add_column(style="cyan", no_wrap=True)
        summaries.add_column()
        for row in s.rows:
            summaries.add_row(row[_OPTION_COLUMN] or row[3], row[-1])
        console.print(summaries)
    heading = ""
    for label, text in s.lines:
        line = RichText()
        if label == CONTINUED:
            line.append(" " * line_width(heading + UI["colon"].get(lang)))
        elif label:
            heading = label
            line.append(label + UI["colon"].get(lang), style="bold")
        line.append(text)
        console.print(line)
    if s.problems:
        console.print(RichText(s.problems_title, style="bold underline"))
        for level, layer, rule, message, why, fix in s.problems:
            head = RichText("  ")
            head.append(word_for("level", level, lang), style=_LEVEL_STYLE.get(level, ""))
            head.append(f" [{word_for('layer', layer, lang)}] {rule}")
            if message:
                head.append(": ")
                head.append(message, style="bold")
            console.print(head)
            colon = UI["colon"].get(lang)
            console.print(RichText(f"      {UI['why'].get(lang)}{colon}{why}"))
            console.print(RichText(f"      {UI['fix'].get(lang)}{colon}{fix}", style="green"))


def print_why(console: Console, items: list[Explained], lang: str) -> None:
    """`migflags why` on a terminal: one grid per match, the fix in green."""
    from migflags.render.why_doc import LABELS, fields, title

    for index, item in enumerate(items):
        if index:
            console.print()
        if not item.matches:
            console.print(RichText(LABELS["no_match"].format(message=item.message).get(lang),
                                   style="bold red"))
            for match in item.closest:
                line = RichText("  " + title(match, lang) + ": ", style="yellow")
                line.append(match.wording.message)
                console.print(line)
            continue
        console.print(RichText(item.input.strip(), style="bold"))
        fix_label = LABELS["fix"].get(lang)
        for match in item.matches:
            console.print(RichText("  " + title(match, lang), style="bold cyan"))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column()
            for label, value in fields(match, lang):
                grid.add_row("    " + label, RichText(value, style="green" if label == fix_label
                                                       else ""))
            console.print(grid)
