#!/usr/bin/env python3
"""How long one TAB takes: a completion round trip against `python -c "import click"`.

    python benchmarks/completion_latency.py [-n 30] [--importtime] [--strict]

Both commands run N times, interleaved, as separate processes; the median of the per-pair
ratios (wall and the children's CPU time) is printed, and the best time of each (the least
disturbed run) with their ratio. The completion run
is what the bash script makes the shell do on `migflags encode --<TAB>`:

    _MIGFLAGS_COMPLETE=bash_complete COMP_WORDS='migflags encode --' COMP_CWORD=2 migflags

Target: ratio <= 1.1. --strict exits 1 above the target. --importtime also lists the modules
the completion run spends most of its import time in (PYTHONPROFILEIMPORTTIME).

Byte-code caches: a wheel install compiles them when it is installed, so the runs here drop
PYTHONDONTWRITEBYTECODE and warm up first; otherwise every run would compile migflags from
source and the ratio would measure the compiler (--keep-env measures exactly that).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 1.1
COMPLETION_ENV = {
    "_MIGFLAGS_COMPLETE": "bash_complete",
    "COMP_WORDS": "migflags encode --",
    "COMP_CWORD": "2",
}
EXPECTED_LINE = "plain,--live"  # a run that answers something else is not measured


def find_migflags(given: str | None) -> Path:
    if given:
        return Path(given)
    beside = Path(sys.executable).parent / "migflags"
    found = beside if beside.exists() else shutil.which("migflags")
    if not found:
        sys.exit("completion_latency: no installed migflags (pip install -e .), or use --migflags")
    return Path(found)


def interpreter_of(script: Path) -> str:
    """The Python the console script runs with (its #! line), so both sides use the same."""
    first = script.read_bytes().split(b"\n", 1)[0].decode(errors="replace")
    if first.startswith("#!") and "python" in first:
        return first[2:].strip().split()[0]
    return sys.executable


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


LAST_CPU = [0.0]  # CPU seconds of the last `timed` child


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = _cpu() - cpu
    if done.returncode != 0:
        sys.exit(f"completion_latency: {argv[0]} exited {done.returncode}: {done.stderr.strip()}")
    return elapsed, done.stdout


def import_profile(argv: list[str], env: dict[str, str], top: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest imports of one run."""
    done = subprocess.run(argv, env=dict(env, PYTHONPROFILEIMPORTTIME="1"),
                          capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")  # "import time: self | cumulative | module"
        if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=30, help="runs of each (default 30)")
    parser.add_argument("--migflags", help="the migflags console script to measure")
    parser.add_argument("--importtime", action="store_true",
                        help="list the slowest imports on the completion path")
    parser.add_argument("--keep-env", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE if it is set")
    parser.add_argument("--strict", action="store_true",
                        help=f"exit 1 when the ratio is above {TARGET}")
    parser.add_argument("--instructions", action="store_true",
                        help="also print the instruction-count ratio (valgrind; deterministic)")
    args = parser.parse_args(argv)

    script = find_migflags(args.migflags)
    python = interpreter_of(script)
    env = dict(os.environ)
    if not args.keep_env:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(name, None)
    completion_env = dict(env, **COMPLETION_ENV)
    baseline = [python, "-c", "import click"]
    completion = [str(script)]

    for _ in range(3):  # warm up: byte-code caches, page cache
        timed(baseline, env)
        _, out = timed(completion, completion_env)
    if EXPECTED_LINE not in out.splitlines():
        sys.exit(f"completion_latency: unexpected completion answer: {out[:200]!r}")

    base_times: list[float] = []
    comp_times: list[float] = []
    cpu_ratios: list[float] = []
    for _ in range(args.runs):
        base_times.append(timed(baseline, env)[0])
        base_cpu = LAST_CPU[0]
        comp_times.append(timed(completion, completion_env)[0])
        cpu_ratios.append(LAST_CPU[0] / base_cpu if base_cpu else 1.0)
    wall_median = statistics.median(c / b for c, b in zip(comp_times, base_times, strict=True))

    best_base, best_comp = min(base_times), min(comp_times)
    ratio = best_comp / best_base
    print(f"python:      {python}")
    print(f"migflags:    {script}")
    print(f"runs:        {args.runs} of each, interleaved")
    print(f"baseline:    python -c 'import click'   best {best_base * 1000:7.1f} ms"
          f"   median {statistics.median(base_times) * 1000:7.1f} ms")
    print(f"completion:  migflags encode --<TAB>   best {best_comp * 1000:7.1f} ms"
          f"   median {statistics.median(comp_times) * 1000:7.1f} ms")
    verdict = "met" if wall_median <= TARGET else "NOT met"
    print(f"ratio:       median of pairs {wall_median:.2f} wall, "
          f"{statistics.median(cpu_ratios):.2f} CPU; best/best {ratio:.2f}  "
          f"(target <= {TARGET}: {verdict})")
    if args.instructions:
        import instructions

        if instructions.available():
            mine = instructions.count(completion, completion_env)
            base = instructions.count(baseline, env)
            print(f"instructions: {mine / 1e6:.1f} M vs {base / 1e6:.1f} M, "
                  f"ratio {mine / base:.2f}")
        else:
            print("instructions: valgrind is not installed")
    if args.importtime:
        print("\nslowest imports on the completion path (cumulative, one run):")
        for micros, name in import_profile(completion, completion_env, 25):
            print(f"  {micros / 1000:7.1f} ms  {name}")
    return 1 if args.strict and wall_median > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
