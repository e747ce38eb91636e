"""Writers for `migflags lint`: one finding per problem, like a compiler, in plain text,
Rich, JSON Lines (one record per command) or GitHub workflow commands."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from migflags.model import Problem, Result
from migflags.record import NamedTuple
from migflags.texts import word_for

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("text", "github")


class Finding(NamedTuple):
    """One checked command: where it is, what it says, and what migflags makes of it."""

    path: str
    line: int
    command: str
    result: Result


def _message(problem: Problem, lang: str) -> str:
    """The layer's own words; advice has none, so its explanation stands in."""
    return problem.message or problem.explanation.get(lang)


def plain_lines(finding: Finding, lang: str) -> list[str]:
    """`runbook.md:13: error [virsh] virsh-live-offline: Options --live and ...`"""
    return [
        f"{finding.path}:{finding.line}: {word_for('level', p.level, lang)} "
        f"[{word_for('layer', p.layer, lang)}] {p.rule}: {_message(p, lang)}"
        for p in finding.result.problems
    ]


def print_rich(console: Console, finding: Finding, lang: str) -> None:
    from migflags.render.rich_table import LEVEL_STYLE, print_pieces

    for problem in finding.result.problems:
        print_pieces(console, [
            (f"{finding.path}:{finding.line}:", "bold"),
            (" ", ""),
            (word_for("level", problem.level, lang), LEVEL_STYLE.get(problem.level, "")),
            (f" [{word_for('layer', problem.layer, lang)}] ", ""),
            (problem.rule, "cyan"),
            (f": {_message(problem, lang)}", ""),
        ])


def _escape(text: str, *, property_value: bool = False) -> str:
    """GitHub's escaping for workflow command data (and, with more characters, properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_lines(finding: Finding, lang: str) -> list[str]:
    """`::error file=runbook.md,line=13,title=virsh-live-offline::Options --live and ...`"""
    lines = []
    for problem in finding.result.problems:
        command = "error" if problem.is_error else "warning"
        props = (f"file={_escape(finding.path, property_value=True)},line={finding.line},"
                 f"title={_escape(problem.rule, property_value=True)}")
        text = f"[{problem.layer}] {_message(problem, lang)}"
        lines.append(f"::{command} {props}::{_escape(text)}")
    return lines


RECORD_KEYS = ("value", "hex", "flags", "virsh_args", "params", "problems")


def json_line(finding: Finding, lang: str) -> str:
    """One JSON Lines record: where the command is, then the decode document's own fields."""
    from migflags.render.json_doc import document

    doc = document(finding.result, lang)
    record: dict[str, object] = {
        "path": finding.path, "line": finding.line, "command": finding.command,
    }
    record.update((key, doc[key]) for key in RECORD_KEYS)
    return json.dumps(record, ensure_ascii=False)
