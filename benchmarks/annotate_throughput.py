"""Throughput and memory of `migflags annotate` on a libvirt log shaped like a real one.

Three kinds of generated log (`--shape`):

* ``real`` (the default): every record is a record of the real daemon debug logs in
  ``tests/data/realqemu-logs/*.log.xz``, which the real-QEMU tier recorded (libvirt 9.0.0 and
  12.9.0, the source and the destination libvirtd, log filters ``1:qemu 1:libvirt``, during
  p2p, storage-copy, offline and refused migrations; anonymised). Their records are sorted
  by what annotate sees in them (`real_records`) and drawn so that, of the lines, about 1%
  are migration records with a flags value (their value replaced: 90% one of the few dozen
  `COMMON_VALUES`, the rest random), 4% other functions' ``flags=`` fields, 0.2%
  migration-named lines whose flags are no migration flags (the QEMU monitor's migrate
  commands, and the tuning calls of `NOT_MIGRATION_FLAGS` captured from real virsh), 8%
  records that name a migration function (``qemuMigrationParamsFromFlags``,
  ``qemuMigrationCapsCheck``, ``virDomainMigratePrepare3Params : params[...]``, ...) without a
  flags value (about 3% in the recorded logs: more than there, to be safe), and the rest the
  recorded logs' other records (QEMU monitor traffic with its multi-line messages, jobs,
  events, connections).
* ``modelled``: the previous default, kept to compare with: real virsh 9.0.0 client debug
  records (``benchmarks/data/virsh-9.0.0-debug.log``) mixed with QEMU-driver lines written in
  the shape of libvirt 9.0.0's debug messages (`_DAEMON_LINES`, `_MODELLED_NO_FLAGS`) and
  the migration records of `migflags.tables.log_sources`.
* ``old``: the log this benchmark used first (synthetic filler that rarely names a
  migration function).

Then, in the same run and interleaved (annotate, grep, annotate, grep, ...), it times

    migflags annotate LOG > /dev/null        against        grep -c flags= LOG | ...

and prints, for wall and for CPU time, the median of the per-pair ratios and the ratio of the
best runs (the target is <= 3). The machine may be busy: the medians of interleaved pairs and
the CPU ratio are the figures to trust. `--instructions` adds the deterministic one: the
instructions both commands execute under valgrind's callgrind on the same log (grep writing
to a pipe, as when timed: on /dev/null GNU grep stops at the first match), and on an empty
log to show what start-up costs. Counting a 200 MiB log takes a few minutes;
`--instructions-mb N` counts on a log of N MiB instead, where start-up weighs more.

With --memory it also measures the peak RSS of `migflags annotate` on a larger file (default
1 GiB; the target is < 64 MiB). Every generated file is deleted at the end.

    python benchmarks/annotate_throughput.py [--shape real|modelled|old|all] [--size-mb 200] \
        [--runs 5] [--instructions [--instructions-mb N]] [--memory [--memory-mb 1024]]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
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


def _timestamp(n: int) -> str:
    return f"2026-11-27 14:{n // 60000 % 60:02d}:{n // 1000 % 60:02d}.{n % 1000:03d}+0000"


def _migration_records() -> list[str]:
    return [ex.text for row in LOG_SOURCES for ex in row.examples]


def make_log(path: Path, size: int, seed: int = 1) -> tuple[int, int]:
    """The old shape (`--shape old`). Write about `size` bytes of log to `path`; return
    (lines, migration records)."""
    rng = random.Random(seed)
    migration = _migration_records()
    # The flags of other functions, and the rarer migration-named lines whose flags are no
    # migration flags (tuning calls, the QEMU monitor's migrate command).
    other_flags = [t for t in OTHER_FLAGS_LINES if ANCHOR not in t]
    tuning = [t for row in NOT_MIGRATION_FLAGS for t in row.examples]
    tuning += [t for t in OTHER_FLAGS_LINES if ANCHOR in t]
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


# ------------------------------------------------------------------ the real-shaped log

DATA = Path(__file__).parent / "data" / "virsh-9.0.0-debug.log"
_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+[+-]\d{4}: \d+: \w+ : ")
_FLAGS_FIELD = re.compile(r"\bflags=")

# Values a host sends again and again (virsh, nova, oVirt/vdsm and OpenStack defaults and
# their usual variants), as in a real log where a few combinations dominate.
COMMON_VALUES = (
    0x1, 0x2, 0x3, 0x9, 0xA, 0xB, 0x13, 0x19, 0x1A, 0x1B, 0x1F, 0x41, 0x43, 0x49, 0x4B,
    0x5B, 0x83, 0x89, 0x8B, 0x9B, 0x101, 0x103, 0x10B, 0x11B, 0x203, 0x20B, 0x403, 0x803,
    0x1003, 0x1009, 0x100B, 0x101B, 0x2003, 0x800B, 0x8009, 0x2000B,
)
COMMON_SHARE = 0.9
OTHER_FLAGS_SHARE = 0.04
TUNING_SHARE = 0.002
NO_FLAGS_SHARE = 0.08
DAEMON_SHARE = 0.35  # of the rest: QEMU-driver lines, the others come from DATA

_T = "{t}: {tid}: debug : "
_VM = "vm=0x7f3a5c0a8b70"
# Lines of migration functions without a flags field, in the shape of the debug messages of
# libvirt 9.0.0's QEMU driver and public API (each `params[...]` line is what the API logs
# for one typed parameter, under its own function name).
_MODELLED_NO_FLAGS = (
    _T + "qemuMigrationSrcWaitForCompletion:1954 : Migration job status: active",
    _T + "qemuMigrationAnyFetchStats:1790 : Fetching migration statistics",
    _T + "qemuMigrationAnyCompleted:1867 : Migration switched to post-copy",
    _T + "qemuMigrationSrcWaitForSpice:1699 : Waiting for SPICE to finish migration",
    _T + "qemuMigrationDstWaitForCompletion:2012 : Waiting for incoming migration to complete",
    _T + "qemuMigrationParamsApply:887 : Setting migration parameters: " + _VM,
    _T + "qemuMigrationParamsSetCompression:598 : Enabling compression method xbzrle",
    _T + "qemuMigrationParamsFromFlags:649 : Setting migration capability auto-converge",
    _T + "qemuMigrationCapsCheck:1420 : Enabling migration capability events",
    _T + "qemuMigrationCookieXMLFormat:871 : Formatting migration cookie for " + _VM,
    _T + "qemuMigrationCookieParse:1478 : Parsing migration cookie, " + _VM,
    _T + "qemuMigrationSrcNBDStorageCopy:1088 : Starting drive mirrors for domain vm1",
    _T + "qemuMigrationSrcNBDStorageCopyReady:744 : All disk mirrors are ready",
    _T + "qemuMigrationJobStartPhase:6011 : Setting 'migration out' phase to 'perform3'",
    _T + "qemuMigrationSrcToFile:6402 : Migrating domain to file: fd=35",
    _T + 'virDomainMigratePerform3Params:5379 : params["migrate_uri"]=(string)tcp://dst:49152',
    _T + 'virDomainMigratePerform3Params:5379 : params["bandwidth"]=(ullong)0',
    _T + 'virDomainMigratePrepare3Params:5282 : params["destination_name"]=(string)vm1',
    _T + 'virDomainMigrateBegin3Params:5185 : params["destination_xml"]=(string)<domain '
    "type='kvm'>",
)
# Other QEMU-driver lines of a daemon log (the monitor, jobs, events, the RPC server).
_DAEMON_LINES = (
    _T + "virObjectRef:400 : OBJECT_REF: obj=0x7f3a5c0a8b70",
    _T + "virObjectUnref:378 : OBJECT_UNREF: obj=0x7f3a5c0a8b70",
    _T + "virEventPollUpdateTimeout:263 : EVENT_POLL_UPDATE_TIMEOUT: timer=3 frequency=5000",
    _T + "qemuMonitorIOWrite:437 : QEMU_MONITOR_IO_WRITE: mon=0x7f3a4c02f2a0 "
    'buf={{"execute":"query-migrate","id":"libvirt-{n}"}} len=48 ret=48 errno=0',
    "{t}: {tid}: info : qemuMonitorJSONIOProcessLine:209 : QEMU_MONITOR_RECV_REPLY: "
    'mon=0x7f3a4c02f2a0 reply={{"return": {{"status": "active", "setup-time": 4}}, '
    '"id": "libvirt-{n}"}}',
    "{t}: {tid}: info : qemuMonitorJSONIOProcessLine:204 : QEMU_MONITOR_RECV_EVENT: "
    'mon=0x7f3a4c02f2a0 event={{"timestamp": {{"seconds": 1764255370, "microseconds": 802'
    '}}, "event": "MIGRATION_PASS", "data": {{"pass": 2}}}}',
    _T + "qemuProcessHandleMigrationStatus:1722 : Migration of domain 0x7f3a5c0a8b70 vm1 "
    "changed state to active",
    _T + "qemuDomainObjBeginJobInternal:835 : Starting job: API=remoteDispatchDomainGetJobInfo"
    " job=query agentJob=none asyncJob=none (vm=0x7f3a5c0a8b70 name=vm1, current job=none "
    "agentJob=none async=migration out)",
    _T + "virThreadJobSet:96 : Thread {tid} (rpc-virtqemud) is now running job "
    "remoteDispatchDomainGetJobInfo",
    _T + "virNetServerClientDispatchRead:1260 : Client=0x7f3a8c001f20 dispatch request for "
    "procedure 117",
)
_VALUE_TEXT = re.compile(r"(flags=)(0x[0-9a-fA-F]+|[0-9a-fA-F]+)|(flags \[)([0-9]+)(\])")


def _records(text: str) -> list[str]:
    """The records of a libvirt log: a line and the lines that continue its message."""
    found: list[str] = []
    for line in text.splitlines():
        if _RECORD.match(line) or not found:
            found.append(line)
        else:
            found[-1] += "\n" + line
    return found


def _with_value(text: str, value: int) -> str:
    """A migration record `text` with its (first) flags value replaced by `value`, written in
    the record's own base and style."""

    def put(match: re.Match[str]) -> str:
        if match.group(1):
            old = match.group(2)
            new = hex(value) if old.lower().startswith("0x") else format(value, "x")
            return match.group(1) + new
        return match.group(3) + str(value) + match.group(5)

    return _VALUE_TEXT.sub(put, text, count=1)


def make_real_log(path: Path, size: int, seed: int = 1) -> tuple[int, int]:
    """Write about `size` bytes of a real-shaped daemon log; return (lines, migration
    records)."""
    from migflags.annotate import find_hits

    rng = random.Random(seed)
    real = _records(DATA.read_text(encoding="utf-8"))
    # What the capture holds: other APIs' flags fields, and the rest (its own migration
    # calls are left out: the migration records below stand for them).
    hits = {i for i, rec in enumerate(real) if find_hits(rec.encode())}
    other_flags = [rec for i, rec in enumerate(real) if i not in hits and _FLAGS_FIELD.search(rec)]
    other_flags += [t for t in OTHER_FLAGS_LINES if ANCHOR not in t]
    filler = [rec for i, rec in enumerate(real) if i not in hits and not _FLAGS_FIELD.search(rec)]
    tuning = [t for row in NOT_MIGRATION_FLAGS for t in row.examples]
    tuning += [t for t in OTHER_FLAGS_LINES if ANCHOR in t]
    migration = _migration_records()
    lines = records = written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        batch: list[str] = []
        while written < size:
            n = lines
            draw = rng.random()
            if draw < MIGRATION_SHARE:
                value = (rng.choice(COMMON_VALUES) if rng.random() < COMMON_SHARE
                         else rng.getrandbits(rng.choice((8, 16, 21, 21, 24))))
                text = _with_value(rng.choice(migration), value)
                records += 1
            elif (draw := draw - MIGRATION_SHARE) < OTHER_FLAGS_SHARE:
                text = rng.choice(other_flags)
            elif (draw := draw - OTHER_FLAGS_SHARE) < TUNING_SHARE:
                text = rng.choice(tuning)
            elif (draw := draw - TUNING_SHARE) < NO_FLAGS_SHARE:
                text = rng.choice(_MODELLED_NO_FLAGS).format(t=_timestamp(n), tid=4021 + n % 7)
            elif rng.random() < DAEMON_SHARE:
                text = rng.choice(_DAEMON_LINES).format(t=_timestamp(n), tid=4021 + n % 7, n=n)
            else:
                text = rng.choice(filler)
            batch.append(text)
            lines += text.count("\n") + 1
            written += len(text) + 1
            if len(batch) >= 4096:
                out.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            out.write("\n".join(batch) + "\n")
    return lines, records


# ------------------------------------------------------------------ the real-filler log

REAL_LOGS = Path(__file__).parent.parent / "tests" / "data" / "realqemu-logs"
# Shares of the lines (see `real_records` for the kinds; the rest is "filler").
REAL_SHARES = {
    "migration": 0.01,  # migration records with a flags value
    "other_flags": 0.04,  # other functions' flags fields
    "tuning": 0.002,  # migration-named lines whose flags are no migration flags
    "no_flags": 0.08,  # records that name a migration function, without a flags value
}


def real_records() -> dict[str, list[str]]:
    """The records of the real daemon logs in REAL_LOGS, sorted by what annotate sees in them:
    "migration" (a migration flags value), "tuning" (a migration-named line whose flags are
    none: NOT_MIGRATION_FLAGS), "other_flags" (another function's flags field), "no_flags"
    (names a migration function (ANCHOR), no flags field) and "filler" (the rest)."""
    import lzma

    from migflags.annotate import find_hits

    paths = sorted(REAL_LOGS.glob("*.log.xz"))
    if not paths:
        raise SystemExit(f"no real daemon logs in {REAL_LOGS}")
    found: dict[str, list[str]] = {
        "migration": [], "tuning": [], "other_flags": [], "no_flags": [], "filler": []
    }
    for path in paths:
        with lzma.open(path, "rt", encoding="utf-8") as handle:
            for rec in _records(handle.read()):
                if find_hits(rec.encode()):
                    kind = "migration"
                elif _FLAGS_FIELD.search(rec):
                    kind = "tuning" if ANCHOR in rec.split("\n", 1)[0] else "other_flags"
                elif ANCHOR in rec:
                    kind = "no_flags"
                else:
                    kind = "filler"
                found[kind].append(rec)
    return found


def make_real_filler_log(path: Path, size: int, seed: int = 1) -> tuple[int, int]:
    """The default shape (`--shape real`): every record comes from the real daemon logs of
    REAL_LOGS, drawn so that the kinds of REAL_SHARES make those shares of the lines; the migration
    records carry values drawn from COMMON_VALUES (90%) or random ones. Write about `size`
    bytes to `path`; return (lines, migration records)."""
    rng = random.Random(seed)
    real = real_records()
    # Migration-named lines whose flags are no migration flags: the real logs' own (the QEMU
    # monitor's migrate commands) and the tuning calls captured from real virsh.
    real["tuning"] += [t for row in NOT_MIGRATION_FLAGS for t in row.examples]
    # Each record of a kind of REAL_SHARES has one line that counts (its flags field, or
    # its function name); a record of kind k is drawn with probability share_k * L, where L
    # is the mean number of lines per record drawn, so that the counted lines of kind k make
    # share_k of all lines.
    def mean_lines(kind: str) -> float:
        return sum(r.count("\n") + 1 for r in real[kind]) / len(real[kind])

    total = sum(REAL_SHARES.values())
    mean = mean_lines("filler") / (
        1 + total * mean_lines("filler")
        - sum(share * mean_lines(kind) for kind, share in REAL_SHARES.items())
    )
    kinds = [*REAL_SHARES, "filler"]
    weights = [*(share * mean for share in REAL_SHARES.values()), 1 - total * mean]
    lines = records = written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        batch: list[str] = []
        while written < size:
            kind = rng.choices(kinds, weights)[0]
            text = rng.choice(real[kind])
            if kind == "migration":
                value = (rng.choice(COMMON_VALUES) if rng.random() < COMMON_SHARE
                         else rng.getrandbits(rng.choice((8, 16, 21, 21, 24))))
                text = _with_value(text, value)
                records += 1
            batch.append(text)
            lines += text.count("\n") + 1
            written += len(text) + 1
            if len(batch) >= 4096:
                out.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            out.write("\n".join(batch) + "\n")
    return lines, records


SHAPES = {"real": make_real_filler_log, "modelled": make_real_log, "old": make_log}


# ------------------------------------------------------------------ measuring


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


Run = tuple[float, float]  # (wall seconds, CPU seconds)


def throughput(log: Path, runs: int) -> tuple[list[Run], list[Run]]:
    """`runs` interleaved runs of annotate and of grep: (annotate's, grep's)."""
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
    return ours, theirs


def _instructions(log: Path) -> tuple[int, int]:
    """Instructions executed by annotate and by grep on `log` (callgrind)."""
    import instructions

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    annotate = instructions.count([*_migflags(), "annotate", str(log)], env)
    # grep's output goes to a pipe here too (`instructions.count` sends it to /dev/null,
    # where GNU grep stops at the first match and counts next to nothing).
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         "grep", "-c", "flags=", str(log)],
        stdin=subprocess.DEVNULL, capture_output=True, env=env, check=False,
    )
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if found is None or not done.stdout.strip().isdigit():
        raise SystemExit(f"valgrind gave no instruction count for grep: {done.stderr[-300:]!r}")
    return annotate, int(found.group(1))


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


def _report(log: Path, lines: int, records: int, runs: int) -> float:
    """Time annotate against grep on `log`; print the figures; return the median wall ratio."""
    size = log.stat().st_size
    print(f"log: {size / 2**20:.0f} MiB, {lines} lines, {records} migration records")
    ours, theirs = throughput(log, runs)
    wall = statistics.median(o[0] / t[0] for o, t in zip(ours, theirs, strict=True))
    cpu = statistics.median(o[1] / t[1] for o, t in zip(ours, theirs, strict=True))
    best_ours, best_theirs = min(o[0] for o in ours), min(t[0] for t in theirs)
    median_ours = statistics.median(o[0] for o in ours)
    print(f"  {runs} interleaved pairs; annotate median {median_ours:.3f} s wall "
          f"({statistics.median(o[1] for o in ours):.3f} s CPU), best {best_ours:.3f} s, "
          f"{size / 2**20 / best_ours:.0f} MiB/s")
    print(f"  grep -c flags= median {statistics.median(t[0] for t in theirs):.3f} s wall "
          f"({statistics.median(t[1] for t in theirs):.3f} s CPU), best {best_theirs:.3f} s")
    print(f"  ratio (target <= 3): median of pairs {wall:.2f} wall, {cpu:.2f} CPU; "
          f"best/best {best_ours / best_theirs:.2f} wall")
    return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", choices=[*SHAPES, "all"], default="real")
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions (valgrind), on the same log")
    parser.add_argument("--instructions-mb", type=int, default=0,
                        help="count them on a log of this size instead (quicker, but the "
                        "start-up weighs more on a small log)")
    parser.add_argument("--memory", action="store_true", help="also measure peak RSS")
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--dir", default=None, help="where to write the temporary logs")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="migflags-bench-", dir=args.dir))
    shapes = list(SHAPES) if args.shape == "all" else [args.shape]
    status = 0
    try:
        for shape in shapes:
            make = SHAPES[shape]
            log = tmp / f"{shape}.log"
            print(f"== shape {shape}")
            lines, records = make(log, args.size_mb << 20)
            ratio = _report(log, lines, records, args.runs)
            status |= 0 if ratio <= 3 else 1
            if args.instructions:
                counted = log
                if args.instructions_mb and args.instructions_mb != args.size_mb:
                    counted = tmp / f"{shape}-counted.log"
                    make(counted, args.instructions_mb << 20)
                empty = tmp / "empty.log"
                empty.touch()
                start, grep_start = _instructions(empty)
                mine, grep = _instructions(counted)
                print(f"  instructions on {counted.stat().st_size / 2**20:.0f} MiB: annotate "
                      f"{mine / 1e6:.0f} M, grep {grep / 1e6:.0f} M, ratio {mine / grep:.2f} "
                      f"(target <= 3; on an empty log: annotate {start / 1e6:.0f} M, "
                      f"grep {grep_start / 1e6:.1f} M)")
                status |= 0 if mine <= 3 * grep else 1
                if counted != log:
                    counted.unlink()
            log.unlink()
            if args.memory:
                big = tmp / f"{shape}-big.log"
                make(big, args.memory_mb << 20)
                rss = peak_rss_mib(big)
                print(f"  peak RSS on {big.stat().st_size / 2**20:.0f} MiB: {rss:.1f} MiB "
                      "(target < 64)")
                big.unlink()
                status |= 0 if rss < 64 else 1
        rusage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"(this script's own peak RSS: {rusage:.1f} MiB)")
        return status
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))  # for `instructions`
    sys.exit(main())
