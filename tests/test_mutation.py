"""The rules table's mutation check runs in the suite: every mutant of every row (a word of a
message, since/until, each term changed or dropped) must fail a hand-written case."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutate_rules.py"


def test_no_mutant_of_the_rules_table_survives() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                          check=False)
    last = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0, done.stdout
    assert last.endswith(" 0 survived")
    assert int(last.split()[0]) > 500  # the mutants were really made
