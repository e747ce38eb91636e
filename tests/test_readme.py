"""The README's generated blocks (flag table, example outputs) match what the code produces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_is_fresh() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_quick_start_has_exactly_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [block.strip() for block in section.split("```sh")[1:]]
    commands = [c.split("```", 1)[0].strip() for c in commands]
    assert len(commands) == 2
    assert commands[0].endswith("migflags decode 1035")
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = readme.split("## Quick start", 1)[1].split("```sh")[2].split("&&")[-1]
    assert test_command.split("```")[0].strip() in ci.splitlines()


def test_examples_are_what_bash_prints_for_the_pasted_line() -> None:
    """Each example's output came from bash running the `$` line as written: a `<<<` string
    with `\\n` must use $'...' (bash does not expand `\\n` inside '...'), so the annotate
    example shows three log lines, not one line with `\\n` in it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "<!-- generated: run migflags annotate <<< "
    annotate = text.split(marker, 1)[1].split("<!-- end", 1)[0]
    assert annotate.startswith("$'")
    output = annotate.split("```text\n", 1)[1].split("```", 1)[0].splitlines()[1:]
    assert len(output) == 3
    assert output[0].endswith("flags=0x1b  [LIVE|PEER2PEER|PERSIST_DEST|UNDEFINE_SOURCE]")
    assert output[2].endswith("speed [0].  [LIVE|COMPRESSED]")
    for block in text.split("```text\n")[1:]:
        lines = block.split("```", 1)[0].splitlines()
        assert not any("\\n" in line for line in lines[1:]), lines[0]


def test_how_it_works_has_each_folder_once_and_only_real_modules() -> None:
    """The diagram is written by hand: a merge once left a stale second `tables/` row."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    diagram = readme.split("## How it works", 1)[1].split("```")[1]
    headings = re.findall(r"^ {3}(\w+/)", diagram, flags=re.MULTILINE)
    assert len(headings) == len(set(headings)), headings
    named = re.findall(r"\b(\w+\.py)\b", diagram)
    package = ROOT / "src" / "migflags"
    existing = {path.name for path in package.rglob("*.py")}
    assert sorted(set(named) - existing) == []
