"""Startup budget: migflags against the cost of importing what it cannot avoid.

Times, in one run and interleaved so that machine noise hits both sides alike:

    json   `migflags decode 1035 --json`          vs  `python -c "import click"`
    rich   `migflags decode 1035 --color always`  vs  `python -c "import click, rich.console,
                                                                      rich.table"`

and prints, for wall and for CPU time (the children's), the median of the per-pair ratios (a
busy machine slows both runs of a pair alike) and the best-of-N times. The target is a ratio
<= 1.2 for both: the JSON path must cost little more than Click itself, the table path little
more than Click plus Rich. `--check` makes the exit status 1 when a median wall ratio is over
it.

The console script is the one installed next to the running interpreter (same venv).

    python benchmarks/startup.py [-n 15] [--check] [--instructions]

`--instructions` also counts the instructions each command executes under valgrind's
callgrind (one run each): a deterministic ratio, for comparing two versions of the code on a
machine whose timings are noisy.
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

TARGET = 1.2


def console_script() -> str:
    candidate = Path(sys.executable).parent / "migflags"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("migflags")
    if found is None:
        sys.exit("startup.py: no `migflags` console script next to the interpreter or on PATH")
    return found


def pairs(script: str) -> dict[str, tuple[list[str], list[str]]]:
    python = sys.executable
    return {
        "json": (
            [script, "decode", "1035", "--json"],
            [python, "-c", "import click"],
        ),
        "rich": (
            [script, "decode", "1035", "--color", "always"],
            [python, "-c", "import click, rich.console, rich.table"],
        ),
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one run."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"startup.py: {argv} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed, _cpu() - cpu


Best = dict[str, dict[str, float]]  # name -> {"ours", "base", "ours_cpu", "base_cpu", ...}


def measure(rounds: int) -> Best:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(COLUMNS="120", LC_ALL="C.UTF-8")
    best: Best = {}
    commands = pairs(console_script())
    for argv_pair in commands.values():  # warm the file cache and .pyc files
        for argv in argv_pair:
            once(argv, env)
    pairs_: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (ours, baseline) in commands.items():
            row = best.setdefault(name, {})
            got = {}
            for side, argv in (("ours", ours), ("base", baseline)):
                wall, cpu = once(argv, env)
                got[side] = (wall, cpu)
                row[side] = min(row.get(side, float("inf")), wall)
                row[f"{side}_cpu"] = min(row.get(f"{side}_cpu", float("inf")), cpu)
            pairs_[name].append((got["ours"][0] / got["base"][0],
                                 got["ours"][1] / got["base"][1] if got["base"][1] else 1.0))
    for name, ratios in pairs_.items():
        best[name]["median"] = statistics.median(r for r, _ in ratios)
        best[name]["median_cpu"] = statistics.median(c for _, c in ratios)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--rounds", type=int, default=15, help="runs of each (best of)")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 when a ratio exceeds {TARGET}")
    parser.add_argument("--instructions", action="store_true",
                        help="also print instruction-count ratios (needs valgrind)")
    args = parser.parse_args()
    results = measure(args.rounds)
    over = False
    for name, row in results.items():
        ratio = row["ours"] / row["base"]
        cpu_ratio = row["ours_cpu"] / row["base_cpu"] if row["base_cpu"] else float("nan")
        over |= row["median"] > TARGET
        print(f"{name:5} median of {args.rounds} pairs: wall {row['median']:.2f}, CPU "
              f"{row['median_cpu']:.2f} (target <= {TARGET});  best: migflags "
              f"{row['ours'] * 1000:.1f} ms, baseline {row['base'] * 1000:.1f} ms = {ratio:.2f} "
              f"[CPU {row['ours_cpu'] * 1000:.0f} / {row['base_cpu'] * 1000:.0f} ms = "
              f"{cpu_ratio:.2f}]")
    if args.instructions:
        print_instruction_ratios()
    return 1 if (args.check and over) else 0


def print_instruction_ratios() -> None:
    import instructions

    if not instructions.available():
        print("instructions: valgrind is not installed")
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(COLUMNS="120", LC_ALL="C.UTF-8")
    for name, (ours, baseline) in pairs(console_script()).items():
        mine, base = instructions.count(ours, env), instructions.count(baseline, env)
        print(f"{name:5} instructions {mine / 1e6:7.1f} M  baseline {base / 1e6:7.1f} M  "
              f"ratio {mine / base:.2f}")


if __name__ == "__main__":
    sys.exit(main())
