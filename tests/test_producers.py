"""Values that well-known tools send: written as flag names, recognised by decode."""

from __future__ import annotations

import json
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


# ------------------------------------------------------------------ names in Chinese


@pytest.mark.parametrize("row", PRODUCERS, ids=lambda row: row.name)
def test_every_producer_has_a_chinese_name(row: ProducerRow) -> None:
    assert re.search(r"[\u3400-\u9fff]", row.name_zh), row.name_zh
    # product names stay as they are spelled
    product = row.name.split()[0]
    assert product in row.name_zh
    for label, _flags in row.options:
        assert label.zh and label.zh != label.en


def test_chinese_output_names_the_producer_in_chinese() -> None:
    value = "LIVE|PEER2PEER|PERSIST_DEST|NON_SHARED_INC|POSTCOPY"
    zh = CliRunner().invoke(main, ["decode", value, "--lang", "zh", "--color", "never"])
    assert zh.exit_code == 0, zh.output
    assert "可能来自 KubeVirt 迁移（块迁移、后拷贝）：" in zh.output
    assert "KubeVirt migration" not in zh.output
    en = CliRunner().invoke(main, ["decode", value, "--lang", "en", "--color", "never"])
    assert "Looks like KubeVirt migration (block, post-copy): " in en.output


def test_the_json_name_stays_english_in_chinese() -> None:
    done = CliRunner().invoke(main, ["decode", "0x1b", "--lang", "zh", "--json"])
    assert done.exit_code == 0, done.output
    names = [p["name"] for p in json.loads(done.output)["producers"]]
    assert "nova live migration" in names


def test_chinese_names_keep_one_pair_of_brackets() -> None:
    found = [p for p in producers_of(f("LIVE", "COMPRESSED")) if "OpenNebula" in p.name]
    assert [p.label.zh for p in found] == ["OpenNebula 热迁移（共享数据存储、压缩）"]
    assert [p.name for p in found] == ["OpenNebula live migration, shared datastore (compressed)"]
