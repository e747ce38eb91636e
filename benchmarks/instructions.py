"""Instruction counts of a command under valgrind's callgrind: the same number for the same
binary, inputs and environment, whatever else the machine is doing. Wall-clock ratios on a
busy 2-core machine swing by 0.3 between runs; these do not."""

from __future__ import annotations

import re
import shutil
import subprocess

_COLLECTED = re.compile(rb"Collected : (\d+)")


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(argv: list[str], env: dict[str, str]) -> int:
    """Instructions executed by `argv` (and nothing else: children are not traced)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=env, check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count for {argv}")
    return int(found.group(1))
