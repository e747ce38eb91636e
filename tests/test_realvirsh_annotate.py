"""`migflags annotate` on logs written by real libvirt: virsh 9.0.0 and 12.9.0 run against
test:///default with debug logging, their logs piped through annotate.

Checked: exactly the lines of the migration calls are annotated, with exactly the flags virsh
sent; every other `flags=` line (virConnectOpenAuth, the migration tuning calls, ...) stays
as it was; stripping the annotations gives the log back byte for byte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest
from virsh_oracle import DOMAIN, SOURCE_URI, Outcome, migrate_flags

from migflags.annotate import Decoder, annotate_bytes, find_hits, strip_annotations
from migflags.parse import lookup_flag
from migflags.render.words import symbolic

pytestmark = pytest.mark.realvirsh

VERSIONS = ("9.0.0", "12.9.0")


def _options(*names: str) -> tuple[str, ...]:
    """virsh migrate options of the flags named (from the flag table)."""
    return tuple(lookup_flag(name).virsh_option for name in names)


MIGRATIONS = (
    _options("LIVE", "PEER2PEER", "PERSIST_DEST", "UNDEFINE_SOURCE"),
    _options("LIVE", "PERSIST_DEST"),
    _options("LIVE", "PEER2PEER", "TUNNELLED", "COMPRESSED", "AUTO_CONVERGE"),
    _options("OFFLINE", "PERSIST_DEST"),
    _options("LIVE", "PEER2PEER", "POSTCOPY", "NON_SHARED_DISK"),
)
# virsh commands whose API is named like a migration call but takes other flags.
TUNING = (
    ("migrate-setspeed", DOMAIN, "10"),
    ("migrate-setspeed", "--postcopy", DOMAIN, "10"),  # flags=0x1, not LIVE
    ("migrate-getspeed", DOMAIN),
    ("migrate-setmaxdowntime", DOMAIN, "100"),
    ("migrate-getmaxdowntime", DOMAIN),
    ("migrate-compcache", DOMAIN, "--size", "1000"),
    ("migrate-postcopy", DOMAIN),
)
# A libvirt log record naming a migration call (to check annotate against, independently).
_API_LINE = re.compile(rb" : (virDomainMigrate3|virDomainMigrateToURI3):[0-9]+ : .*\bflags=")


@pytest.fixture(scope="module", params=VERSIONS)
def migrations(request: pytest.FixtureRequest) -> tuple[str, list[Outcome]]:
    version = str(request.param)
    binary = str(request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda options: migrate_flags(binary, options), MIGRATIONS))
    return version, outcomes


def _run_logged(virsh: str, args: Sequence[str]) -> bytes:
    """The libvirt debug log of `virsh -c test:///default ARGS` (these commands exit)."""
    with tempfile.TemporaryDirectory(prefix="migflags-annotate-") as tmp:
        log = os.path.join(tmp, "libvirt.log")
        env = dict(os.environ, LIBVIRT_DEBUG="1", LIBVIRT_LOG_FILTERS="1:libvirt",
                   LIBVIRT_LOG_OUTPUTS=f"1:file:{log}", LC_ALL="C")
        subprocess.run([virsh, "-c", SOURCE_URI, *args], env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=30, check=False)
        with open(log, "rb") as handle:
            return handle.read()


@pytest.fixture(scope="module", params=VERSIONS)
def tuning_logs(request: pytest.FixtureRequest) -> list[bytes]:
    version = str(request.param)
    binary = str(request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda args: _run_logged(binary, args), TUNING))


def test_migration_calls_are_decoded_exactly(migrations: tuple[str, list[Outcome]]) -> None:
    version, outcomes = migrations
    for options, outcome in zip(MIGRATIONS, outcomes, strict=True):
        assert outcome.called, f"virsh {version} {options}: never called the API {outcome.errors}"
        log = outcome.log.encode()
        expected = [n for n, line in enumerate(log.split(b"\n"), 1) if _API_LINE.search(line)]
        hits = find_hits(log)
        assert [line for line, _ in hits] == expected, (version, options)
        decoder = Decoder()
        assert {decoder(hit.text, hit.source.base).value for _, hit in hits} == {outcome.flags}
        assert {hit.function for _, hit in hits} == {outcome.api}


def test_annotated_log_changes_only_the_migration_lines(
    migrations: tuple[str, list[Outcome]],
) -> None:
    _, outcomes = migrations
    for outcome in outcomes:
        log = outcome.log.encode()
        assert b"virConnectOpenAuth" in log and b"flags=0x0" in log
        out = annotate_bytes(log)
        changed = [
            (before, after)
            for before, after in zip(log.split(b"\n"), out.split(b"\n"), strict=True)
            if before != after
        ]
        assert changed and all(_API_LINE.search(before) for before, _ in changed)
        assert outcome.flags is not None
        names = symbolic(outcome.flags).encode()
        for before, after in changed:
            assert after.startswith(before + b"  [" + names) and after.endswith(b"]")
        assert strip_annotations(out) == log


def test_tuning_calls_are_left_alone(tuning_logs: list[bytes]) -> None:
    for args, log in zip(TUNING, tuning_logs, strict=True):
        assert re.search(rb"virDomainMigrate[A-Za-z]+:[0-9]+ : ", log), args
        assert find_hits(log) == [], args
        assert annotate_bytes(log) == log


def test_the_command_on_a_real_log(migrations: tuple[str, list[Outcome]]) -> None:
    """`virsh ... 2>&1 | migflags annotate` and `migflags annotate FILE`, as a user runs them."""
    _, outcomes = migrations
    outcome = outcomes[0]
    log = outcome.log.encode()
    done = subprocess.run([sys.executable, "-m", "migflags", "annotate"], input=log,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == annotate_bytes(log)
    assert f"[{symbolic(outcome.flags or 0)}".encode() in done.stdout
