"""What a result shows, as plain strings: shared by the plain and the Rich renderer so the two
never disagree about columns or wording."""

from __future__ import annotations

from migflags.model import Param, Result
from migflags.record import NamedTuple
from migflags.render.json_text import inline_list
from migflags.render.words import (
    command_line,
    option_words,
    shell_join,
    symbolic,
    virsh_args,
)
from migflags.tables.options import KIND_LABELS
from migflags.texts import UI, sentences

FLAG_COLUMNS = ("col_bit", "col_value", "col_hex", "col_name", "col_option", "col_since",
                "col_summary")
NUMERIC_COLUMNS = 2  # bit and value are right-aligned


class Sections(NamedTuple):
    title: str
    headers: list[str]
    rows: list[list[str]]
    lines: list[tuple[str, str]]  # (label, text) lines under the table
    problems_title: str
    problems: list[tuple[str, str, str, str, str, str]]  # level, layer, rule, message, why, fix


CONTINUED = "\t"  # label of a line that continues the one above (renderers indent it)


def _shown(param: Param) -> str:
    """A parameter value on one line: a list as ["a", "b"] (so empty items show), long text
    (an XML file's contents) cut short."""
    if isinstance(param.value, tuple):
        return inline_list(param.value)
    shown = str(param.value).replace("\n", " ")
    return shown if len(shown) <= 60 else shown[:57] + "..."


def build(result: Result, lang: str) -> Sections:
    headers = [UI[c].get(lang) for c in FLAG_COLUMNS]
    rows = [
        [str(r.bit), str(r.value), r.hex, r.c_name, r.virsh_option, str(r.since),
         r.summary.get(lang)]
        for r in result.flags
    ]
    for bit in result.unknown_bits:
        rows.append([str(bit), str(1 << bit), hex(1 << bit), "?", "", "",
                     UI["unknown_bit"].get(lang).format(bit=bit)])
    names = f"  {symbolic(result.value)}" if result.value else ""
    title = f"{result.value} ({result.hex}){names}"
    lines: list[tuple[str, str]] = []
    if result.value == 0:
        lines.append(("", UI["no_flags"].get(lang)))
    args = " ".join(virsh_args(result)) or UI["none"].get(lang)
    lines.append((UI["virsh_args"].get(lang), args))
    lines.append((UI["command"].get(lang), command_line(result)))
    for index, param in enumerate(result.params):
        # one heading for all parameters: later lines leave the label blank (aligned under it)
        heading = UI["params"].get(lang) if index == 0 else CONTINUED
        lines.append((heading, f"{param.key} ({param.type}) = {_shown(param)}"))
    for option, value in result.options:
        label = KIND_LABELS.get(option.kind)
        if label is not None:
            words = shell_join(option_words(option, value))
            text = sentences([t.get(lang) for t in (option.summary, option.note) if t], lang)
            lines.append((label.get(lang), f"{words}{UI['colon'].get(lang)}{text}"))
    for producer in result.producers:
        lines.append(("", UI["producer"].get(lang).format(
            name=producer.label.get(lang), description=producer.description.get(lang))))
    lines.append(("", UI["checked_against"].get(lang).format(version=result.libvirt)))
    problems = [
        (p.level, p.layer, p.rule, p.message, p.explanation.get(lang), p.fix.get(lang))
        for p in result.problems
    ]
    return Sections(
        title=title,
        headers=headers,
        rows=rows,
        lines=lines,
        problems_title=UI["heading_problems"].get(lang).format(version=result.libvirt),
        problems=problems,
    )
