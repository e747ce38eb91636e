"""The repository sets up and checks its own test tools: nothing outside it, no quiet skips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder beside a checkout that only this workplace has (spelled in two pieces so that
# this file does not match its own search).
OUTSIDE = "../" + "shared"


def _tracked_files() -> list[Path]:
    done = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:  # an unpacked sdist: walk the tree instead
        return [p for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    return [ROOT / name for name in done.stdout.splitlines()]


def test_nothing_reaches_outside_the_repository() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _tracked_files()
        if path.suffix != ".md" and path.is_file()
        and OUTSIDE in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert offenders == []


def test_ci_sets_ci_itself_and_uses_the_setup_script() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "export CI=true" in lines
    assert "bash scripts/setup_test_tools.sh" in lines
    assert lines.index("export CI=true") < lines.index("python -m pytest")


def test_a_run_with_skips_ends_with_what_was_skipped_and_how_to_enable_it() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["MIGFLAGS_VIRSH12"] = "/nonexistent/virsh"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_table.py", "-k", "virsh_help"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert "skipped" in last
    assert "virsh 12.9.0 is not installed" in last
    assert last.endswith("to run them: bash scripts/setup_test_tools.sh (as root on Debian 12)")


def test_without_skips_the_run_ends_with_pytest_own_line() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_self_contained.py::test_ci_sets_ci_itself_and_uses_the_setup_script"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert " passed" in last and "skipped" not in last
