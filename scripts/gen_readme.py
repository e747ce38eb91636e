"""Regenerate the generated parts of README.md: the flag table and the example outputs.

    python scripts/gen_readme.py           # rewrite README.md in place
    python scripts/gen_readme.py --check   # exit 1 when README.md is stale

Two kinds of generated block, each between markers:

    <!-- generated: flag-table -->  ...  <!-- end -->     (also rule-table)
    <!-- generated: run migflags decode 1035 -->  ```text ... ```  <!-- end -->

A `run` block holds the real output (stdout, then stderr) of the command, run through Click's
CliRunner with plain output in English, so the README never shows output the tool does not
print.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

from migflags.cli import main
from migflags.tables.flags import FLAGS

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- generated: (?P<what>[^>]*?) -->\n)(?P<body>.*?)(<!-- end -->)", re.S)
CLEAN_ENV = {"COLUMNS": "100", "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
             "NO_COLOR": "", "FORCE_COLOR": ""}


def flag_table() -> str:
    lines = [
        "| bit | value | hex | C name | virsh option | since | summary |",
        "|---:|---:|---|---|---|---|---|",
    ]
    for row in FLAGS:
        option = " / ".join(f"`--{name}`" for name in (row.option, *row.aliases))
        lines.append(
            f"| {row.bit} | {row.value} | `{row.hex}` | `{row.c_name}` | {option} "
            f"| {row.since} | {row.summary.en} |"
        )
    return "\n".join(lines) + "\n"


def _span(since: object, until: object) -> str:
    if since is None and until is None:
        return "all"
    if until is None:
        return f">= {since}"
    return f"< {until}" if since is None else f">= {since}, < {until}"


def rule_table() -> str:
    from migflags.tables.rules import RULES

    lines = [
        "| rule | layer | kind | libvirt | QEMU | run for real on |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        qemu = ("" if rule.qemu_since is None and rule.qemu_until is None
                else _span(rule.qemu_since, rule.qemu_until))
        verified = ", ".join(str(r) for r in rule.verified)
        lines.append(f"| `{rule.id}` | {rule.layer.value} | {rule.kind.value} "
                     f"| {_span(rule.since, rule.until)} | {qemu} | {verified} |")
    return "\n".join(lines) + "\n"


def run_block(command: str) -> str:
    argv = shlex.split(command)
    assert argv[0] == "migflags", command
    stdin = None
    if "<<<" in argv:
        cut = argv.index("<<<")
        stdin = argv[cut + 1].replace("\\n", "\n") + "\n"
        argv = argv[:cut]
    result = CliRunner().invoke(main, argv[1:], input=stdin, env=CLEAN_ENV,
                                prog_name="migflags")
    text = result.stdout + result.stderr
    shown = f"$ {command}\n{text}"
    if result.exit_code:
        shown += f"[exit status {result.exit_code}]\n"
    return f"```text\n{shown}```\n"


def regenerate(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        what = match.group("what").strip()
        if what == "flag-table":
            body = flag_table()
        elif what == "rule-table":
            body = rule_table()
        elif what.startswith("run "):
            body = run_block(what[len("run "):])
        else:
            raise SystemExit(f"gen_readme: unknown generated block {what!r}")
        return match.group(1) + body + match.group(4)

    return BLOCK.sub(replace, text)


def main_() -> int:
    os.chdir(README.parent)  # example commands name files in the repository (examples/)
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in sys.argv[1:]:
        if fresh != current:
            diff = difflib.unified_diff(current.splitlines(), fresh.splitlines(), "README.md",
                                        "regenerated", lineterm="", n=1)
            print("\n".join(list(diff)[:60]))
            print("README.md is stale: run python scripts/gen_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
