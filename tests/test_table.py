"""The flag table against libvirt's own facts: libvirt-api.xml and `virsh help migrate`."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache

import pytest
from conftest import require

from migflags import MigrateFlag
from migflags.tables.flags import C_PREFIX, FLAG_MASK, FLAGS, FlagRow
from migflags.tables.options import OPTIONS, OPTIONS_BY_NAME, OptionKind, ValueType
from migflags.versions import LibvirtVersion, v

API_XML = "/usr/share/libvirt/api/libvirt-api.xml"
VERSIONS = ("9.0.0", "12.9.0")


@cache
def _api_enums() -> dict[str, dict[str, str]]:
    root = ET.parse(API_XML).getroot()
    return {
        enum.attrib["name"]: dict(enum.attrib)
        for enum in root.iter("enum")
        if enum.attrib.get("type") == "virDomainMigrateFlags"
    }


@pytest.fixture(scope="module")
def api_enums() -> dict[str, dict[str, str]]:
    require(os.path.isfile(API_XML), f"{API_XML} is missing (Debian package libvirt-dev)")
    return _api_enums()


# ---------------------------------------------------------------- the table on its own


def test_bits_are_dense_and_in_order() -> None:
    assert [row.bit for row in FLAGS] == list(range(len(FLAGS)))
    assert (1 << len(FLAGS)) - 1 == FLAG_MASK


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_row_derived_facts(row: FlagRow) -> None:
    assert row.value == 1 << row.bit
    assert row.hex == hex(1 << row.bit)
    assert row.c_name == C_PREFIX + row.short
    assert row.virsh_option == "--" + row.option
    assert row.summary.en.strip() and row.explanation.en.strip()
    assert "\n" not in row.summary.en
    assert MigrateFlag[row.short].value == row.value


def test_no_spelling_names_two_flags() -> None:
    owner: dict[str, set[str]] = {}
    for row in FLAGS:
        for spelling in (row.c_name, row.short, row.option, row.go_name, *row.aliases):
            owner.setdefault(spelling.lower(), set()).add(row.c_name)
    assert {s: rows for s, rows in owner.items() if len(rows) > 1} == {}


def test_intflag_keeps_unknown_bits() -> None:
    assert int(MigrateFlag(1 << 25 | 1)) == (1 << 25 | 1)


# ---------------------------------------------------------------- libvirt-api.xml


def test_no_flag_missing_or_extra(api_enums: dict[str, dict[str, str]]) -> None:
    assert sorted(api_enums) == sorted(row.c_name for row in FLAGS)


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_row_matches_api_xml(api_enums: dict[str, dict[str, str]], row: FlagRow) -> None:
    enum = api_enums.get(row.c_name)
    assert enum is not None, f"{row.c_name} is not in {API_XML}"
    assert int(enum["value"]) == row.value
    assert int(enum["value_hex"], 16) == row.value
    assert int(enum["value_bitshift"]) == row.bit
    assert v(enum["version"]) == row.since, f"{row.c_name}: since {enum['version']} in the XML"


# ---------------------------------------------------------------- virsh help migrate

_HELP_OPTION = re.compile(r"^\s{4}(?P<positional>\[)?--(?P<name>[a-z0-9-]+)\]?(?: <(?P<arg>\w+)>)?")


@cache
def _help(virsh: str) -> dict[str, str | None]:
    """Options listed under OPTIONS in `virsh help migrate`: name -> argument type or None."""
    text = subprocess.run(
        [virsh, "help", "migrate"], capture_output=True, text=True, check=True, timeout=30,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    options_part = text.split("\n  OPTIONS\n", 1)[1]
    found: dict[str, str | None] = {}
    for line in options_part.splitlines():
        match = _HELP_OPTION.match(line)
        if match:
            found[match["name"]] = match["arg"]
    return found


@pytest.fixture(scope="module", params=VERSIONS)
def virsh_help(request: pytest.FixtureRequest) -> tuple[LibvirtVersion, dict[str, str | None]]:
    version = str(request.param)
    binary = request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12")
    return v(version), _help(binary)


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_flag_option_in_virsh_help(
    virsh_help: tuple[LibvirtVersion, dict[str, str | None]], row: FlagRow
) -> None:
    version, options = virsh_help
    if row.since <= version:
        assert row.option in options, f"virsh {version} has no --{row.option}"
        assert options[row.option] is None, f"--{row.option} takes an argument in virsh"
    else:
        assert row.option not in options


def test_every_virsh_help_option_is_in_the_table(
    virsh_help: tuple[LibvirtVersion, dict[str, str | None]],
) -> None:
    version, options = virsh_help
    known = {row.name for row in OPTIONS}
    assert sorted(set(options) - known) == [], f"options of virsh {version} missing in OPTIONS"


def test_option_rows_match_virsh_help(
    virsh_help: tuple[LibvirtVersion, dict[str, str | None]],
) -> None:
    """Non-flag options: present from their `since` on, with the argument type virsh shows."""
    version, options = virsh_help
    wrong = []
    for row in OPTIONS:
        if row.kind is OptionKind.FLAG:
            continue
        present = row.name in options
        if present != (row.since <= version):
            wrong.append(f"--{row.name}: since {row.since} but present={present} in {version}")
            continue
        if present:
            expected = None
            if row.type in (ValueType.STRING, ValueType.STRING_LIST, ValueType.FILE):
                expected = "string"
            elif row.type is not ValueType.BOOL:
                expected = "number"
            if options[row.name] != expected:
                wrong.append(f"--{row.name}: virsh shows <{options[row.name]}>")
    assert wrong == []


def test_alias_resolves_to_its_flag() -> None:
    for row in FLAGS:
        for alias in row.aliases:
            assert OPTIONS_BY_NAME[alias].flag is row
