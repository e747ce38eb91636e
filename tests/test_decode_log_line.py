"""decode takes a whole log line (the formats annotate recognises) and decodes its value."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from migflags.annotate import find_hits
from migflags.cli import main
from migflags.tables.log_sources import LOG_SOURCES

# Lines as the README's annotate example and real libvirtd / CloudStack logs write them, with
# the value a person read off each one.
LINES = [
    ("2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrateToURI3:4646 : dom=0x5646, "
     "dconnuri=qemu+ssh://dst/system, params=0x7f11, nparms=1 flags=0x1b", 0x1b),
    ("2026-11-27 14:30:01,022 DEBUG [kvm.resource.MigrateKVMAsync] (agentRequest-Handler-3:null) "
     "Migrating [i-2-10-VM] with flags [2049], destination [10.1.1.12] and speed [0].", 2049),
    # a bare value: libvirt 0.9.4 and later print hex without 0x
    ("2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrateToURI3:4646 : dom=0x5646, "
     "flags=40b", 1035),
]


@pytest.mark.parametrize(("line", "value"), LINES)
def test_decode_a_log_line(runner: CliRunner, line: str, value: int) -> None:
    result = runner.invoke(main, ["decode", "--json", line])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert doc["value"] == value
    assert doc["input"] == line


def test_decode_log_lines_from_stdin(runner: CliRunner) -> None:
    stdin = "".join(line + "\n" for line, _ in LINES[:2])
    result = runner.invoke(main, ["decode", "-q", "-"], input=stdin)
    assert result.stdout == "--live --p2p --persistent --undefinesource\n--live --compressed\n"


def test_a_line_without_a_migration_value_is_refused(runner: CliRunner) -> None:
    line = ("2026-11-27 14:28:10.803+0000: 2704: debug : virDomainMigrateSetMaxSpeed:5102 : "
            "dom=0x5646, bandwidth=100, flags=0x0")
    result = runner.invoke(main, ["decode", line])
    assert result.exit_code == 2
    assert result.stderr == (
        "migflags: error: no migration flags value in '2026-11-27 14:28:10.803+0000: 2704: "
        "debug : virDomainMigr...': give a number, flag names, or a log line that 'migflags "
        "annotate' would annotate\n")


def test_a_short_typo_keeps_the_parsers_message(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "liv"])
    assert result.stderr == "migflags: error: unknown flag 'liv': did you mean 'live'?\n"


@pytest.mark.parametrize(
    "example", [e for row in LOG_SOURCES for e in row.examples], ids=lambda e: e.text[:40])
def test_decode_agrees_with_annotate_on_every_log_source_example(
    runner: CliRunner, example: object
) -> None:
    """Whatever annotate finds first in a record, decode reads the same value."""
    text = example.text  # type: ignore[attr-defined]
    hits = find_hits(text.encode())
    assert hits, text
    result = runner.invoke(main, ["decode", "--json", text])
    assert json.loads(result.stdout)["value"] == example.value  # type: ignore[attr-defined]
