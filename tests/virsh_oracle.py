"""Run a real `virsh migrate` against libvirt's test driver and read what it would send.

virsh is started with libvirt's debug log switched on and written to a private file. The log
line of `virDomainMigrate3` / `virDomainMigrateToURI3` shows the flags integer virsh computed
and the typed parameters it built, which is what migflags must reproduce. The test driver
refuses every migration, so nothing ever leaves the machine.

virsh (9.0.0 and 12.9.0 alike) sometimes never exits once its migration worker thread is done,
whether the thread called the API or refused the options itself: the job-progress loop misses
the end of the thread and polls forever. `run_migrate` therefore watches the log and, once the
worker is over (or the call and its error are logged), gives virsh a short grace period and
then kills its process group; the result is read from the log all the same (`Outcome.killed`).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

VIRSH9 = "/usr/bin/virsh"
SOURCE_URI = "test:///default"
DOMAIN = "test"
P2P_DESTURI = "qemu+ssh://127.0.0.1/system"
MIGRATE_APIS = ("virDomainMigrate3", "virDomainMigrateToURI3")

# How long virsh may take to exit on its own once the worker thread has finished, and once
# only the call line has been seen (a loaded CI machine is slow; a hang lasts forever).
GRACE_DONE = 0.4
GRACE_CALLED = 2.0

_RECORD_START = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+[+-]\d{4}: (?P<tid>\d+): (?P<level>\w+) : "
    r"(?P<func>[A-Za-z0-9_]+):\d+ : (?P<msg>.*)$"
)
_FLAGS = re.compile(r"\bflags=(?P<flags>0x[0-9a-fA-F]+|\d+)\s*$")
_PARAM = re.compile(r'^params\["(?P<key>[^"]*)"\]=\((?P<type>[^)]*)\)(?P<value>.*)$', re.S)
_JOB_DONE = re.compile(r"^Thread \d+ finished job doMigrate\b")


REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Where scripts/fetch_virsh12.sh puts the private virsh 12.9.0 by default.
VIRSH12_DEFAULT = os.path.join(REPO, ".test-tools", "virsh-12.9.0", "virsh")


def virsh12_path() -> str:
    """Where the private virsh 12.9.0 lives: MIGFLAGS_VIRSH12, else the repository's copy."""
    return os.environ.get("MIGFLAGS_VIRSH12") or VIRSH12_DEFAULT


def virsh_for(version: str) -> str | None:
    """The virsh binary for "9.0.0" or "12.9.0", or None when it is not executable here."""
    paths = {"9.0.0": VIRSH9, "12.9.0": virsh12_path()}
    path = paths.get(version)
    if path is None:
        raise ValueError(f"no virsh known for version {version!r}; known: {sorted(paths)}")
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def desturi_for(args: Sequence[str]) -> str:
    """A destination URI that keeps the migration on this machine.

    With --p2p or --direct virsh calls virDomainMigrateToURI3, which takes a URI string and
    fails in the test driver before connecting anywhere; otherwise virsh opens the destination
    itself, and the test driver is the only one that needs no daemon.
    """
    return P2P_DESTURI if ("--p2p" in args or "--direct" in args) else SOURCE_URI


@dataclass
class Outcome:
    rc: int | None  # None when virsh had to be killed
    stderr: str
    errors: list[str]  # virsh's `error: ...` messages, prefix removed
    flags: int | None  # from the first migrate API call line
    api: str | None  # "virDomainMigrate3" or "virDomainMigrateToURI3"
    params: list[tuple[str, str, str]]  # (key, type, value) in log order
    log_errors: list[str]  # libvirt `error :` messages of the API thread after the call line
    log: str
    killed: bool = False
    argv: list[str] = field(default_factory=list)

    @property
    def called(self) -> bool:
        """Whether virsh got as far as calling a migrate API."""
        return self.flags is not None


@dataclass
class _Record:
    tid: str
    level: str
    func: str
    msg: str


def _records(log: str) -> list[_Record]:
    """Split a libvirt log into records; continuation lines belong to the record before."""
    records: list[_Record] = []
    for line in log.split("\n"):
        match = _RECORD_START.match(line)
        if match:
            records.append(_Record(match["tid"], match["level"], match["func"], match["msg"]))
        elif records:
            records[-1].msg += "\n" + line
    if records and log.endswith("\n"):
        # The split leaves one empty string after the final newline.
        last = records[-1]
        if last.msg.endswith("\n"):
            last.msg = last.msg[:-1]
    return records


@dataclass
class _Parsed:
    flags: int | None = None
    api: str | None = None
    params: list[tuple[str, str, str]] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)
    done: bool = False  # virsh's migration worker thread has finished


def _parse_log(log: str) -> _Parsed:
    parsed = _Parsed()
    api_tid: str | None = None
    for rec in _records(log):
        if rec.level == "debug" and _JOB_DONE.match(rec.msg):
            # virsh's worker thread is over, whether or not it got as far as the API.
            parsed.done = True
            continue
        if api_tid is None:
            if rec.level == "debug" and rec.func in MIGRATE_APIS:
                match = _FLAGS.search(rec.msg.split("\n", 1)[0])
                if match:
                    parsed.flags = int(match["flags"], 0)
                    parsed.api = rec.func
                    api_tid = rec.tid
            continue
        if rec.tid != api_tid:
            continue
        if rec.level == "debug" and rec.func == parsed.api:
            param = _PARAM.match(rec.msg)
            if param:
                parsed.params.append((param["key"], param["type"], param["value"]))
        elif rec.level == "error":
            parsed.log_errors.append(rec.msg)
    return parsed


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except FileNotFoundError:
        return ""


def run_migrate(virsh: str, args: list[str], timeout: float = 10) -> Outcome:
    """Run `virsh -c test:///default migrate <args>` and report what it did.

    `args` is everything after `migrate` (options, domain, destination URI). Never blocks for
    longer than `timeout` seconds.
    """
    argv = [virsh, "-c", SOURCE_URI, "migrate", *args]
    with tempfile.TemporaryDirectory(prefix="migflags-virsh-") as tmp:
        log_path = os.path.join(tmp, "libvirt.log")
        err_path = os.path.join(tmp, "stderr")
        env = dict(os.environ)
        for name in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "LIBVIRT_LOG_OUTPUTS"):
            env.pop(name, None)
        env.update(
            LIBVIRT_DEBUG="1",
            LIBVIRT_LOG_FILTERS="1:libvirt",
            LIBVIRT_LOG_OUTPUTS=f"1:file:{log_path}",
            LC_ALL="C",
            LANG="C",
        )
        with open(err_path, "wb") as err:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=env,
                start_new_session=True,
            )
            killed = False
            start = time.monotonic()
            seen_done: float | None = None
            seen_call: float | None = None
            pause = 0.002
            try:
                while proc.poll() is None:
                    now = time.monotonic()
                    if now - start > timeout:
                        killed = True
                        break
                    parsed = _parse_log(_read(log_path))
                    if parsed.flags is not None and seen_call is None:
                        seen_call = now
                    if (parsed.done or parsed.log_errors) and seen_done is None:
                        seen_done = now
                    if seen_done is not None and now - seen_done > GRACE_DONE:
                        killed = True
                        break
                    if seen_call is not None and now - seen_call > GRACE_CALLED:
                        killed = True
                        break
                    time.sleep(pause)
                    pause = min(pause * 1.5, 0.02)
            finally:
                if proc.poll() is None:
                    killed = True
                    _kill(proc)
        log = _read(log_path)
        stderr = _read(err_path)
    parsed = _parse_log(log)
    errors = [line[len("error: ") :] for line in stderr.splitlines() if line.startswith("error: ")]
    if killed and not errors and parsed.log_errors:
        # virsh prints the worker's last error when it exits; it never got there.
        errors = [parsed.log_errors[-1]]
    return Outcome(
        rc=None if killed else proc.returncode,
        stderr=stderr,
        errors=errors,
        flags=parsed.flags,
        api=parsed.api,
        params=parsed.params,
        log_errors=parsed.log_errors,
        log=log,
        killed=killed,
        argv=argv,
    )


def migrate_flags(virsh: str, options: Sequence[str], timeout: float = 10) -> Outcome:
    """Convenience: run `virsh migrate <options> test <desturi_for(options)>`."""
    opts = list(options)
    return run_migrate(virsh, [*opts, DOMAIN, desturi_for(opts)], timeout=timeout)


if __name__ == "__main__":  # a quick manual probe: python tests/virsh_oracle.py --live --p2p
    import sys

    for version in ("9.0.0", "12.9.0"):
        binary = virsh_for(version)
        if binary is None:
            print(f"{version}: not available")
            continue
        out = migrate_flags(binary, sys.argv[1:])
        flags = "-" if out.flags is None else hex(out.flags)
        print(f"{version}: rc={out.rc} killed={out.killed} api={out.api} flags={flags}")
        for key, type_, value in out.params:
            print(f"  param {key} ({type_}) {value!r}")
        for message in out.errors:
            print(f"  error: {message}")
