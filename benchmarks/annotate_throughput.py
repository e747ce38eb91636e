"""Throughput and memory of `migflags annotate` on a synthetic libvirt log.

Makes its own log (default ~200 MB) in which 1% of the lines carry a migration flags value,
written in the real formats of `migflags.tables.log_sources` (one record in ten spans several
lines, as with a migration cookie), the other lines being ordinary libvirt debug lines (taken
from the real libvirtd logs in tests/data/realqemu-logs/, written by the real-QEMU tier): 5%
with a `flags=` of another function, 0.2% from migration-named calls whose flags are no
migration flags, 1% from migration functions that log no flags. Then, in the same run and
interleaved, it times

    migflags annotate LOG > /dev/null        against        grep -c flags= LOG

and reports the best of N for each and their ratio (the target is <= 3). With --memory it
also measures the peak RSS of `migflags annotate` on a larger file (default 1 GiB; the target
is < 64 MiB). Every generated file is deleted at the end.

    python benchmarks/annotate_throughput.py [--size-mb 200] [--runs 5] \
        [--memory [--memory-mb 1024]]
"""

from __future__ import annotations

import argparse
import itertools
import lzma
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from migflags.tables.log_sources import ANCHOR, LOG_SOURCES, NOT_MIGRATION_FLAGS, OTHER_FLAGS_LINES

MIGRATION_SHARE = 0.01

# Ordinary libvirt debug lines (the shapes libvirtd writes all the time).
_PLAIN = (
    "{t}: {tid}: debug : virObjectRef:400 : OBJECT_REF: obj=0x7f3a5c0a8b70",
    "{t}: {tid}: debug : virObjectUnref:378 : OBJECT_UNREF: obj=0x7f3a5c0a8b70",
    "{t}: {tid}: debug : virEventPollUpdateTimeout:263 : EVENT_POLL_UPDATE_TIMEOUT: "
    "timer=3 frequency=5000",
    "{t}: {tid}: debug : virEventPollCleanupTimeouts:525 : Cleanup 3",
    "{t}: {tid}: debug : qemuMonitorIOWrite:437 : QEMU_MONITOR_IO_WRITE: mon=0x7f3a4c02f2a0 "
    'buf={{"execute":"query-migrate","id":"libvirt-{n}"}} len=48 ret=48 errno=0',
    "{t}: {tid}: info : qemuMonitorJSONIOProcessLine:209 : QEMU_MONITOR_RECV_REPLY: "
    'mon=0x7f3a4c02f2a0 reply={{"return": {{"status": "active", "setup-time": 4}}, '
    '"id": "libvirt-{n}"}}',
    "{t}: {tid}: debug : virThreadJobSet:96 : Thread {tid} (rpc-virtqemud) is now running "
    "job remoteDispatchDomainGetJobInfo",
    "{t}: {tid}: debug : virDomainGetJobInfo:9317 : dom=0x7f3a8c00b6d0, (VM: name=vm1, "
    "uuid=6695eb01-f6a4-8304-79aa-97f2502e193f), info=0x7f3a9b7fd9d0",
    "{t}: {tid}: debug : qemuDomainObjBeginJobInternal:835 : Starting job: API=remoteDispatch"
    "DomainGetJobInfo job=query agentJob=none asyncJob=none (vm=0x7f3a5c0a8b70 name=vm1, "
    "current job=none agentJob=none async=migration out)",
    "{t}: {tid}: debug : virNetServerClientDispatchRead:1260 : Client=0x7f3a8c001f20 "
    "dispatch request for procedure 117",
)
# Migration functions that log without a flags field.
_MIGRATION_NO_FLAGS = (
    "{t}: {tid}: debug : qemuMigrationSrcWaitForCompletion:1954 : Migration job status: "
    "active",
    "{t}: {tid}: debug : qemuMigrationAnyFetchStats:1790 : Fetching migration statistics",
)


_REAL_LOGS = Path(__file__).resolve().parent.parent / "tests" / "data" / "realqemu-logs"
_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\+\d{4}: \d+: \w+ : ")


def _real_filler() -> list[str]:
    """One-line records of real libvirtd debug logs (9.0.0 and 12.9.0 daemons during real
    migrations) without a flags field and without a migration function: the filler."""
    found: list[str] = []
    for path in sorted(_REAL_LOGS.glob("*.log.xz")):
        with lzma.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read().split("\n")
        for line, following in itertools.pairwise(text):
            if (_RECORD.match(line) and _RECORD.match(following) and "flags=" not in line
                    and ANCHOR not in line):
                found.append(line)
    return found


def _timestamp(n: int) -> str:
    return f"2026-11-27 14:{n // 60000 % 60:02d}:{n // 1000 % 60:02d}.{n % 1000:03d}+0000"


def _migration_records() -> list[str]:
    return [ex.text for row in LOG_SOURCES for ex in row.examples]


def make_log(path: Path, size: int, seed: int = 1) -> tuple[int, int]:
    """Write about `size` bytes of log to `path`; return (lines, migration records)."""
    rng = random.Random(seed)
    migration = _migration_records()
    # The flags of other functions, and the rarer migration-named lines whose flags are no
    # migration flags (tuning calls, the QEMU monitor's migrate command).
    other_flags = [t for t in OTHER_FLAGS_LINES if ANCHOR not in t]
    tuning = [t for row in NOT_MIGRATION_FLAGS for t in row.examples]
    tuning += [t for t in OTHER_FLAGS_LINES if ANCHOR in t]
    real = _real_filler()
    lines = records = 0
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        batch: list[str] = []
        while written < size:
            n = lines
            draw = rng.random()
            if draw < MIGRATION_SHARE:
                text = rng.choice(migration)
                records += 1
            elif draw < MIGRATION_SHARE + 0.05:
                text = rng.choice(other_flags)
            elif draw < MIGRATION_SHARE + 0.052:
                text = rng.choice(tuning)
            elif draw < MIGRATION_SHARE + 0.062:
                text = rng.choice(_MIGRATION_NO_FLAGS).format(t=_timestamp(n), tid=4021 + n % 7)
            elif real:
                text = rng.choice(real)
            else:
                text = rng.choice(_PLAIN).format(t=_timestamp(n), tid=4021 + n % 7, n=n)
            batch.append(text)
            lines += text.count("\n") + 1
            written += len(text) + 1
            if len(batch) >= 4096:
                out.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            out.write("\n".join(batch) + "\n")
    return lines, records


def _migflags() -> list[str]:
    found = shutil.which("migflags", path=os.path.dirname(sys.executable))
    return [found] if found else [sys.executable, "-m", "migflags"]


def _time(argv: list[str], stdout: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=stdout, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def throughput(log: Path, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall, CPU) of `runs` interleaved runs of annotate and of grep."""
    annotate = [*_migflags(), "annotate", str(log)]
    grep = ["grep", "-c", "flags=", str(log)]
    # grep's output goes to a pipe: GNU grep stops at the first match when it writes to
    # /dev/null, which would time nothing.
    _time(annotate, subprocess.DEVNULL)  # warm the page cache and the bytecode cache
    _time(grep, subprocess.PIPE)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(_time(annotate, subprocess.DEVNULL))
        theirs.append(_time(grep, subprocess.PIPE))
    best = lambda runs_: (min(w for w, _ in runs_), min(c for _, c in runs_))  # noqa: E731
    return best(ours), best(theirs)


def peak_rss_mib(log: Path) -> float:
    """Peak RSS of one `migflags annotate LOG > /dev/null` (a child of a fresh process)."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *_migflags(), "annotate", str(log)],
        capture_output=True, text=True, check=True,
    )
    return int(done.stdout.strip()) / 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory", action="store_true", help="also measure peak RSS")
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--dir", default=None, help="where to write the temporary logs")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="migflags-bench-", dir=args.dir))
    try:
        log = tmp / "libvirtd.log"
        lines, records = make_log(log, args.size_mb << 20)
        size = log.stat().st_size
        print(f"log: {size / 2**20:.0f} MiB, {lines} lines, {records} migration records")
        (ours, ours_cpu), (theirs, theirs_cpu) = throughput(log, args.runs)
        print(f"best of {args.runs}, wall (CPU):")
        print(f"  migflags annotate LOG > /dev/null: {ours:.3f} s ({ours_cpu:.3f} s CPU), "
              f"{size / 2**20 / ours:.0f} MiB/s")
        print(f"  grep -c flags= LOG | ...:          {theirs:.3f} s ({theirs_cpu:.3f} s CPU)")
        ratio = ours / theirs
        print(f"ratio: {ratio:.2f} wall (target <= 3), {ours_cpu / theirs_cpu:.2f} CPU")
        status = 0 if ratio <= 3 else 1
        if args.memory:
            log.unlink()
            big = tmp / "big.log"
            make_log(big, args.memory_mb << 20)
            rss = peak_rss_mib(big)
            print(f"peak RSS on {big.stat().st_size / 2**20:.0f} MiB: {rss:.1f} MiB (target < 64)")
            big.unlink()
            status |= 0 if rss < 64 else 1
        rusage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"(this script's own peak RSS: {rusage:.1f} MiB)")
        return status
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
