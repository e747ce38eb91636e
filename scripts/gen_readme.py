"""Regenerate the generated parts of README.md: the flag table and the example outputs.

    python scripts/gen_readme.py           # rewrite README.md in place
    python scripts/gen_readme.py --check   # exit 1 when README.md is stale

Two kinds of generated block, each between markers:

    <!-- generated: flag-table -->  ...  <!-- end -->     (also rule-table)
    <!-- generated: run migflags decode 1035 -->  ```text ... ```  <!-- end -->

A `run` block holds the real output (stdout, then stderr) of the command line run by bash
exactly as written (plain output in English, the `migflags` installed beside this Python first
on PATH), so the README never shows output the tool does not print and every example pastes
into bash as it is.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

from migflags.tables.bindings import BINDINGS
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


def binding_table() -> str:
    lines = [
        "| `--format` | binding | language | bit 0 is written | flags it defines | read from |",
        "|---|---|---|---|---|---|",
    ]
    for row in BINDINGS:
        written = " / ".join(f"`{q}{row.spell(FLAGS[0])}`" for q in row.qualifiers)
        defined = "all" if row.bits == len(FLAGS) else f"bits 0-{row.bits - 1}"
        lines.append(f"| `{row.format}` | {row.name} | {row.language} | {written} | {defined} "
                     f"| {row.source} |")
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
    assert command.startswith("migflags "), command
    env = {**os.environ, **CLEAN_ENV}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)
    shown = f"$ {command}\n{done.stdout}{done.stderr}"
    if done.returncode:
        shown += f"[exit status {done.returncode}]\n"
    return f"```text\n{shown}```\n"


def regenerate(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        what = match.group("what").strip()
        if what == "flag-table":
            body = flag_table()
        elif what == "binding-table":
            body = binding_table()
        elif what == "rule-table":
            body = rule_table()
        elif what.startswith("run "):
            body = run_block(what[len("run "):])
        else:
            raise SystemExit(f"gen_readme: unknown generated block {what!r}")
        return match.group(1) + body + match.group(4)

    return BLOCK.sub(replace, text)


def main_() -> int:
    os.chdir(README.parent)  # examples name files of the repository (examples/lint/...)
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
