"""Rich output for terminals. The only module that imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len as line_width
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text as RichText

from migflags.model import Result
from migflags.render.sections import CONTINUED, FLAG_COLUMNS, NUMERIC_COLUMNS, Sections, build
from migflags.texts import UI, word_for

if TYPE_CHECKING:
    from migflags.why import Explained

LEVEL_STYLE = {"error": "bold red", "warning": "yellow"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader went away (`| head`, a pager quit early): hand it to the CLI, which
        treats it as for plain output (exit 0). Rich's own handling exits 1."""
        self.quiet = True
        raise BrokenPipeError


def make_console(*, stderr: bool = False, force_color: bool | None = None) -> Console:
    """A console per invocation; `force_color` True for --color always, False for never.

    Every cell is data, never Rich markup: `[x]` and `:name:` in a value stay as they are
    (and Rich's emoji table is never loaded, which saves startup time).
    """
    if force_color is None:
        return _Console(stderr=stderr, highlight=False, markup=False, emoji=False)
    return _Console(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=force_color,
        no_color=not force_color,
    )


# Below this width the summaries move out of the table onto lines of their own, so the
# table never squeezes names into "VIR_MIGRATE_UNDEFINE_SOUR…". Where even the table without
# summaries is wider than the terminal, each flag is stacked on lines of its own instead: a C
# name, virsh option or rule id is never split across lines.
WIDE_ENOUGH = 130
_OPTION_COLUMN = 4


def packed(parts: list[str], separator: str, width: int) -> list[str]:
    """`parts` joined by `separator`, broken into lines of at most `width` cells only between
    parts (a part longer than the line stands alone on its line, whole)."""
    lines: list[str] = []
    line = ""
    for index, part in enumerate(parts):
        piece = part + (separator if index < len(parts) - 1 else "")
        if line and line_width(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line:
        lines.append(line.rstrip())
    return lines


def _print_title(console: Console, title: str) -> None:
    """`1035 (0x40b)  LIVE|PEER2PEER|...`: broken only after a `|`, never inside a name."""
    number, _, names = title.partition("  ")
    words = [number]
    parts = names.split("|") if names else []
    lines = packed(parts, "|", console.width)
    if lines and line_width(number + "  " + lines[0]) <= console.width:
        lines[0] = number + "  " + lines[0]
        words = []
    for line in [*words, *lines]:
        console.print(RichText(line, style="bold"), no_wrap=True, overflow="ignore", crop=False)


def _flag_table(s: Sections, headers: list[str], wide: bool) -> Table:
    table = Table(box=box.HEAVY_HEAD if wide else box.SIMPLE_HEAD, pad_edge=wide)
    for i, header in enumerate(headers):
        table.add_column(
            header,
            justify="right" if i < NUMERIC_COLUMNS else "left",
            # a summary wraps between words; every other cell is kept whole
            no_wrap=i != len(FLAG_COLUMNS) - 1,
            style="cyan" if i == _OPTION_COLUMN else None,
        )
    for row in s.rows:
        table.add_row(*row[: len(headers)], style="red" if row[3] == "?" else None)
    return table


def natural_width(headers: list[str], rows: list[list[str]]) -> int:
    """Cells the narrow (SIMPLE_HEAD, no outer padding) table takes with every cell whole:
    the widest cell of each column, one space of padding on each inner side, a one-cell
    separator between columns and one edge cell on each side (what Rich measures, without
    laying the table out)."""
    widths = [max(line_width(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    return sum(widths) + 3 * (len(widths) - 1) + 2


def _print_stacked(console: Console, s: Sections) -> None:
    """One flag after another: name and option, then bit, value, hex and release, then the
    summary, each line within the width and no identifier broken."""
    bit, value, hexa, _, _, since, _ = s.headers
    for row in s.rows:
        name = row[3] if row[3] != "?" else f"? ({bit} {row[0]})"
        head = RichText(name, style="red" if row[3] == "?" else "bold")
        if row[_OPTION_COLUMN]:
            if line_width(name + "  " + row[_OPTION_COLUMN]) <= console.width:
                head.append("  ")
                head.append(row[_OPTION_COLUMN], style="cyan")
            else:
                console.print(head, no_wrap=True, overflow="ignore", crop=False)
                head = RichText(row[_OPTION_COLUMN], style="cyan")
        console.print(head, no_wrap=True, overflow="ignore", crop=False)
        numbers = [f"{bit} {row[0]}", f"{value} {row[1]}", f"{hexa} {row[2]}"]
        if row[5]:
            numbers.append(f"{since} {row[5]}")
        for line in packed(numbers, "  ", console.width - 2):
            console.print(RichText("  " + line), no_wrap=True, overflow="ignore", crop=False)
        console.print(Padding(RichText(row[-1]), (0, 0, 0, 4)))


def print_result(console: Console, result: Result, lang: str) -> None:
    s = build(result, lang)
    _print_title(console, s.title)
    wide = console.width >= WIDE_ENOUGH
    if s.rows:
        table = _flag_table(s, s.headers if wide else s.headers[:-1], wide)
        if wide or natural_width(s.headers[:-1], s.rows) <= console.width:
            console.print(table)
            if not wide:
                summaries = Table.grid(padding=(0, 2))
                summaries.add_column(style="cyan", no_wrap=True)
                summaries.add_column()
                for row in s.rows:
                    summaries.add_row(row[_OPTION_COLUMN] or row[3], row[-1])
                console.print(summaries)
        else:
            _print_stacked(console, s)
    heading = ""
    colon = UI["colon"].get(lang)
    for label, text in s.lines:
        if label == CONTINUED:
            _print_hanging(console, RichText(" " * line_width(heading + colon)), RichText(text))
            continue
        if label:
            heading = label
        _print_hanging(console, RichText(label + colon if label else "", style="bold"),
                       RichText(text))
    if s.problems:
        console.print(RichText(s.problems_title, style="bold underline"))
        print_problems(console, s.problems, lang, indent="  ")


def _print_hanging(console: Console, head: RichText, body: RichText, indent: int = 2) -> None:
    """`head` and `body` on one line when they fit; otherwise `body` goes on, wrapped between
    words, indented under `head`."""
    if line_width(head.plain + body.plain) <= console.width:
        console.print(RichText.assemble(head, body), no_wrap=True, overflow="ignore", crop=False)
        return
    if head.plain.strip():
        alone = head.copy()
        alone.rstrip()
        console.print(alone)  # wraps between words (a rule id is at most 36 cells)
    console.print(Padding(body, (0, 0, 0, max(indent, len(head.plain) - len(head.plain.lstrip())))))


def print_problems(
    console: Console, problems: list[tuple[str, str, str, str, str, str]], lang: str,
    indent: str = "",
) -> None:
    """Each problem as a head line (level in its colour, rule id, the layer's message in bold)
    with its why and fix beneath: the same look in decode, encode and check. Lines break
    between words only, so a rule id or option is never split."""
    colon = UI["colon"].get(lang)
    deeper = len(indent) + 4
    for level, layer, rule, message, why, fix in problems:
        head = RichText(indent)
        head.append(word_for("level", level, lang), style=LEVEL_STYLE.get(level, ""))
        head.append(f" [{word_for('layer', layer, lang)}] {rule}")
        if message:
            head.append(": ")
            _print_hanging(console, head, RichText(message, style="bold"), deeper)
        else:
            console.print(head)
        console.print(Padding(RichText(f"{UI['why'].get(lang)}{colon}{why}"), (0, 0, 0, deeper)))
        console.print(Padding(RichText(f"{UI['fix'].get(lang)}{colon}{fix}", style="green"),
                              (0, 0, 0, deeper)))


def print_check(
    console: Console, problems: list[tuple[str, str, str, str, str, str]], verdict: str,
    refused: bool, lang: str,
) -> None:
    """`migflags check`: the problems, then the verdict in green (accepted) or red (refused)."""
    print_problems(console, problems, lang)
    first, _, rest = verdict.partition("\n")
    console.print(RichText(first, style="bold red" if refused else "bold green"))
    if rest:
        console.print(RichText(rest, style="yellow"))


def print_pieces(console: Console, pieces: list[tuple[str, str]]) -> None:
    """One line made of (text, style) pieces (`migflags lint`'s findings)."""
    line = RichText()
    for text, style in pieces:
        line.append(text, style=style)
    console.print(line)


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
            _print_fields(console, fields(match, lang), fix_label)


def _print_fields(console: Console, rows: list[tuple[str, str]], fix_label: str) -> None:
    """Label and value side by side while every word of every value fits its column; else
    each label on its own line with its value under it, never breaking a function name, a
    path or an option (one longer than the line stands whole on its own line)."""
    label_width = max(line_width(label) for label, _ in rows)
    value_width = console.width - 4 - label_width - 2
    if all(line_width(word) <= value_width for _, value in rows for word in value.split()):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for label, value in rows:
            grid.add_row("    " + label, RichText(value, style="green" if label == fix_label
                                                   else ""))
        console.print(grid)
        return
    width = max(console.width - 6, 1)
    for label, value in rows:
        style = "green" if label == fix_label else ""
        console.print(RichText("    " + label, style="bold"), no_wrap=True, overflow="ignore",
                      crop=False)
        if all(line_width(word) <= width for word in value.split()):
            console.print(Padding(RichText(value, style=style), (0, 0, 0, 6)))
            continue
        for line in packed(value.split(" "), " ", width):
            console.print(RichText(" " * 6 + line, style=style), no_wrap=True,
                          overflow="ignore", crop=False)
