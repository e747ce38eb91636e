"""`migflags annotate --why`: recognised error lines get `[why: ID]`, losslessly."""

from __future__ import annotations

import lzma
import os

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from migflags.annotate import Options, annotate_bytes, strip_annotations
from migflags.cli import main

LOG = (
    b"2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrateToURI3:4646 : dom=0x5646, "
    b"dconnuri=qemu+ssh://dst/system, params=0x7f11, nparms=1 flags=0x1b\n"
    b"2026-11-27 14:28:10.803+0000: 2704: error : qemuMigrationSrcIsSafe:1523 : Unsafe "
    b"migration: Migration without shared storage is unsafe\n"
    b"2026-11-27 14:28:10.804+0000: 2704: error : virNetClientProgramDispatchError:172 : "
    b"error: something nobody knows\r\n"
    b"error: argument unsupported: migration URI is not supported by tunnelled migration"
)
ANNOTATED = (
    b"2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrateToURI3:4646 : dom=0x5646, "
    b"dconnuri=qemu+ssh://dst/system, params=0x7f11, nparms=1 flags=0x1b"
    b"  [LIVE|PEER2PEER|PERSIST_DEST|UNDEFINE_SOURCE]\n"
    b"2026-11-27 14:28:10.803+0000: 2704: error : qemuMigrationSrcIsSafe:1523 : Unsafe "
    b"migration: Migration without shared storage is unsafe  [why: qemu-unsafe-shared-storage]\n"
    b"2026-11-27 14:28:10.804+0000: 2704: error : virNetClientProgramDispatchError:172 : "
    b"error: something nobody knows\r\n"
    b"error: argument unsupported: migration URI is not supported by tunnelled migration"
    b"  [why: qemu-tunnelled-migrateuri]"
)


def test_annotate_why_marks_the_error_lines() -> None:
    assert annotate_bytes(LOG, Options(why=True)) == ANNOTATED
    assert strip_annotations(ANNOTATED, why=True) == LOG


def test_without_why_nothing_changes_on_error_lines() -> None:
    out = annotate_bytes(LOG)
    assert b"[why:" not in out
    assert strip_annotations(out) == LOG


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_any_block_size(chunk: int) -> None:
    assert annotate_bytes(LOG, Options(why=True), chunk=chunk) == ANNOTATED
    assert strip_annotations(ANNOTATED, chunk=chunk, why=True) == LOG


def test_cli(runner: CliRunner) -> None:
    result = runner.invoke(main, ["annotate", "--why"], input=LOG)
    assert result.exit_code == 0
    assert result.stdout_bytes == ANNOTATED
    both = runner.invoke(main, ["annotate", "--why", "--only"], input=LOG)
    assert both.exit_code == 2
    assert both.stderr.startswith("migflags: error: --why")


PIECES = [
    b"error: ", b"Unsafe migration: ", b"Migration without shared storage is unsafe",
    b"domain is not running", b"  [why: libvirt-domain-not-running]", b"  [why: ", b"]",
    b"\n", b"\r\n", b"libvirt.libvirtError: ", b"\xe9\x94\x99\xe8\xaf\xaf\xef\xbc\x9a",
    b"2026-11-27 14:28:10.803+0000: 2704: error : qemuMigrationSrcBeginPhase:1 : ",
    b"2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrate3:4646 : flags=0x1b",
    b"  [LIVE]", b"\xff", b"x",
]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=6)), max_size=25)
       .map(b"".join), st.sampled_from([1, 5, 4096]), st.booleans())
def test_lossless(data: bytes, chunk: int, color: bool) -> None:
    out = annotate_bytes(data, Options(why=True, color=color), chunk=chunk)
    assert strip_annotations(out, chunk=chunk, why=True) == data


REAL_LOGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "realqemu-logs")


@pytest.mark.parametrize(("name", "line"), [
    # the source daemon's log of a refused migration, recorded from the real QEMU driver
    ("9.0.0-refused-source.log.xz", 74),
    ("12.9.0-refused-source.log.xz", 47),
])
def test_real_daemon_log(name: str, line: int) -> None:
    with lzma.open(os.path.join(REAL_LOGS, name)) as handle:
        data = handle.read()
    out = annotate_bytes(data, Options(why=True))
    marked = [number for number, text in enumerate(out.split(b"\n"), 1) if b"[why: " in text]
    assert marked == [line]
    assert out.split(b"\n")[line - 1].endswith(
        b": argument unsupported: post-copy migration is not supported with non-live or paused "
        b"migration  [why: qemu-postcopy-needs-live]")
    assert strip_annotations(out, why=True) == data
