"""Values that well-known tools send: written as flag names, recognised by decode."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from migflags.cli import main
from migflags.core import NEWEST, decode, producers_of
from migflags.parse import lookup_flag, parse_value
from migflags.tables.flags import FLAG_MASK
from migflags.tables.producers import PRODUCERS, ProducerRow


def f(*names: str) -> int:
    return parse_value("|".join(names))


@pytest.mark.parametrize("row", PRODUCERS, ids=lambda r: r.name)
def test_row_is_written_with_flag_names(row: ProducerRow) -> None:
    for name in row.flags.split("|"):
        assert not re.fullmatch(r"(0x)?[0-9a-fA-F]+", name), "flag names, never bare numbers"
        lookup_flag(name)
    value = parse_value(row.flags)
    assert value and value & ~FLAG_MASK == 0
    assert row.description.en.strip()
    assert "/" in row.source and " " in row.source  # repository and path, then what
    for label, flags in row.options:  # each option: flag names, bits the base does not have
        assert label and parse_value(flags) & value == 0 and parse_value(flags) & ~FLAG_MASK == 0


def test_names_are_unique() -> None:
    # values may repeat: several tools send the same flags, and decode names them all
    assert len({row.name for row in PRODUCERS}) == len(PRODUCERS)


NOVA_LIVE = ("LIVE", "PEER2PEER", "PERSIST_DEST", "UNDEFINE_SOURCE")
VDSM = ("LIVE", "PEER2PEER", "PERSIST_DEST")


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (0x1B, "nova live migration"),
        (0x9B, "nova block migration"),
        (f(*NOVA_LIVE, "TUNNELLED"), "nova live migration (tunnelled)"),
        (f(*NOVA_LIVE, "NON_SHARED_INC", "TLS"), "nova block migration (native TLS)"),
        (f(*NOVA_LIVE, "POSTCOPY"), "nova live migration (post-copy)"),
        (f(*NOVA_LIVE, "AUTO_CONVERGE"), "nova live migration (auto-converge)"),
        (f(*NOVA_LIVE, "PARALLEL"), "nova live migration (parallel)"),
        (0xB, "vdsm (oVirt) migration"),
        (f(*VDSM, "PARALLEL", "ZEROCOPY"), "vdsm (oVirt) migration, parallel zero-copy"),
        (0x801, "CloudStack KVM live migration"),
        (0x841, "CloudStack KVM migration with storage (full clone)"),
    ],
)
def test_known_values(value: int, name: str) -> None:
    assert name in [p.name for p in producers_of(value)]  # others may send it too


def test_unrelated_value_has_no_producer() -> None:
    assert producers_of(f("LIVE", "OFFLINE")) == ()


@pytest.mark.parametrize("value", [0x1B, 0x9B, 0xB, 0x801, 0x841])
def test_default_values_are_accepted(value: int) -> None:
    assert not decode(value, NEWEST).has_errors


def test_decode_names_nova(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "0x1b", "--color", "never"])
    assert result.exit_code == 0
    assert "nova live migration" in result.stdout
