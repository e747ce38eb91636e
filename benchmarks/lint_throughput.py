"""Speed of `migflags lint` on a tree of shell scripts and Markdown runbooks.

Makes its own tree (default 10,000 lines in 100 files, half `.sh`, half `.md`) in which 5% of
the lines hold a `virsh migrate` command (some with a prompt, sudo, a continuation, a
trailing `|| true`, a placeholder, a fault), 2% other virsh commands, the rest ordinary shell
and prose. Then, interleaved in the same run, it times

    migflags lint TREE > /dev/null      and, as the baseline,      migflags --version

and reports the best of N wall-clock seconds for each, the lint time without the baseline
(what the scanning and checking cost beyond start-up), and the lines per second. The target
is a whole run under 1 s for 10,000 lines. The tree is deleted at the end.

`--instructions` also counts the instructions of both commands under valgrind's callgrind
(one run each): a figure that does not move with the load of a busy machine, for comparing two
versions of the code.

    python benchmarks/lint_throughput.py [--lines 10000] [--files 100] [--runs 5] \
        [--instructions]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND_SHARE = 0.05
OTHER_VIRSH_SHARE = 0.02

_OPTIONS = ("--live", "--p2p", "--persistent", "--undefinesource", "--tunnelled",
            "--copy-storage-all", "--compressed", "--auto-converge", "--postcopy", "--verbose",
            "--offline", "--parallel", "--tls")
_VALUES = ("--bandwidth 100", "--timeout 30", "--migrate-disks vda,vdb", "--dname new",
           "--comp-methods mt", "--parallel-connections 4", "--timeout ${timeout}",
           "--bandwidth 1G")
_SHELL = ("set -euo pipefail", 'echo "moving $vm"', "for vm in $(cat guests.txt); do", "done",
          "if ! ping -c1 \"$dst\" >/dev/null; then exit 1; fi", "sleep 5",
          "logger -t evacuate \"done with $vm\"", "# wait for the storage to settle")
_PROSE = ("The destination must run libvirtd and reach the source over SSH.", "",
          "## Before you start", "- Check the storage is shared.", "```", "```console",
          "Make sure the guests are not paused.", "| host | role |", "|---|---|")
_OTHER_VIRSH = ("virsh list --all", "virsh migrate-setspeed web01 100", "virsh domstate web01",
                "virsh migrate-getspeed web01")


def _command(rng: random.Random) -> str:
    words = ["virsh", "migrate", *rng.sample(_OPTIONS, rng.randint(1, 4))]
    if rng.random() < 0.5:
        words.append(rng.choice(_VALUES))
    words += [rng.choice(("web01", "$vm", "{{ vm }}", "<domain>")), "qemu+ssh://kvm2/system"]
    line = " ".join(words)
    prefix = rng.choice(("", "", "sudo ", "timeout 60 ", "LIBVIRT_DEFAULT_URI=qemu:///system "))
    suffix = rng.choice(("", "", " || true", " 2>&1 | tee -a log", "; echo $?"))
    if rng.random() < 0.2:
        line = line.replace(" qemu+ssh", " \\\n    qemu+ssh")
    return prefix + line + suffix


def make_tree(root: Path, lines: int, files: int, seed: int = 1) -> tuple[int, int]:
    """Write the tree; return (lines written, commands written)."""
    rng = random.Random(seed)
    per_file = lines // files
    written = commands = 0
    for index in range(files):
        markdown = index % 2 == 1
        body: list[str] = ["# Runbook" if markdown else "#!/bin/sh"]
        while len(body) < per_file:
            draw = rng.random()
            if draw < COMMAND_SHARE:
                text = _command(rng)
                body.append(("$ " if markdown and rng.random() < 0.5 else "") + text)
                commands += 1
            elif draw < COMMAND_SHARE + OTHER_VIRSH_SHARE:
                body.append(rng.choice(_OTHER_VIRSH))
            else:
                body.append(rng.choice(_PROSE if markdown else _SHELL))
        text = "\n".join(body) + "\n"
        written += text.count("\n")
        (root / f"{'runbook' if markdown else 'script'}{index:03d}.{'md' if markdown else 'sh'}"
         ).write_text(text)
    return written, commands


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under callgrind (needs valgrind)")
    args = parser.parse_args()
    migflags = shutil.which("migflags")
    base = [migflags] if migflags else [sys.executable, "-m", "migflags"]
    root = Path(tempfile.mkdtemp(prefix="migflags-lint-bench-"))
    try:
        lines, commands = make_tree(root, args.lines, args.files)
        lint_times, base_times = [], []
        for _ in range(args.runs):
            lint_times.append(_time([*base, "lint", str(root)]))
            base_times.append(_time([*base, "--version"]))
        done = subprocess.run([*base, "lint", "--json", str(root)], capture_output=True,
                              text=True, check=False)
        found = len(done.stdout.splitlines())
        counts = _instructions([*base, "lint", str(root)], [*base, "--version"]) \
            if args.instructions else None
    finally:
        shutil.rmtree(root)
    lint, start = min(lint_times), min(base_times)
    print(f"tree: {lines} lines in {args.files} files, {commands} virsh migrate commands "
          f"({found} found by lint)")
    print(f"migflags lint TREE: {lint:.3f} s (best of {args.runs}; target < 1 s)")
    print(f"migflags --version: {start:.3f} s (start-up baseline)")
    print(f"lint beyond start-up: {lint - start:.3f} s, {lines / max(lint - start, 1e-9):,.0f} "
          "lines/s")
    if counts is not None:
        mine, start_count = counts
        print(f"instructions: lint {mine / 1e6:.1f} M, --version {start_count / 1e6:.1f} M, "
              f"ratio {mine / start_count:.2f}")
    return 0 if found == commands else 1


def _instructions(lint: list[str], start: list[str]) -> tuple[int, int] | None:
    import instructions  # benchmarks/instructions.py, beside this file

    if not instructions.available():
        print("instructions: valgrind is not installed")
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(LC_ALL="C.UTF-8")
    return instructions.count(lint, env), instructions.count(start, env)


if __name__ == "__main__":
    sys.exit(main())
