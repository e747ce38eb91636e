"""Facts fixed by issue #11 item 11, each checked against a source outside the tables."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from migflags.cli import main


def _rules(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(main, ["decode", "--json", *args])
    return [p["rule"] for p in json.loads(result.stdout)["problems"]]


@pytest.mark.parametrize(
    ("value", "rules"),
    [
        ("0x200000", ["unknown-bits"]),  # only unknown bits: no advice about --live
        ("0x600000", ["unknown-bits"]),  # bits 21 and 22: neither is a flag
        ("0x200002", ["unknown-bits", "advice-not-live"]),  # p2p is a migration without --live
        ("0", ["advice-not-live"]),  # no flags at all is a non-live migration
    ],
)
def test_advice_not_live_needs_a_known_flag_or_none(
    runner: CliRunner, value: str, rules: list[str]
) -> None:
    assert _rules(runner, value) == rules


def test_explain_offline_says_what_undefinesource_does(runner: CliRunner) -> None:
    """src/qemu/qemu_migration.c:qemuMigrationSrcConfirm (libvirt master, read for #11): after
    a successful migration, when the source domain is not active and UNDEFINE_SOURCE is set,
    virDomainDeleteConfig removes its definition; virsh(1): --offline neither starts the guest
    on the destination nor stops it on the source."""
    out = runner.invoke(main, ["explain", "offline"]).stdout
    assert "source is not touched" not in out
    assert "UNDEFINE_SOURCE" in out
    assert "is not stopped on the source" in out
    zh = runner.invoke(main, ["explain", "offline", "--lang", "zh"]).stdout
    assert "UNDEFINE_SOURCE" in zh and "源主机也不受影响" not in zh


API_XML = "/usr/share/libvirt/api/libvirt-api.xml"


def _migrate_since() -> str:
    """virDomainMigrate's version in libvirt's own API description."""
    import os
    import xml.etree.ElementTree as ET

    from conftest import require

    require(os.path.isfile(API_XML), f"{API_XML} is missing (Debian package libvirt-dev)")
    root = ET.parse(API_XML).getroot()
    found = [f.attrib["version"] for f in root.iter("function")
             if f.attrib.get("name") == "virDomainMigrate"]
    assert found
    return found[0]


@pytest.mark.parametrize(
    "argv", [["decode", "1"], ["encode", "--live"], ["check", "--live"], ["list"],
             ["annotate", "/dev/null"]])
def test_a_release_before_migration_existed_is_refused(runner: CliRunner, argv: list[str]) -> None:
    since = _migrate_since()
    assert since == "0.3.2"
    result = runner.invoke(main, [*argv, "--libvirt", "0.1"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "migflags: error: Invalid value for '--libvirt': libvirt 0.1.0 cannot migrate: "
        f"'virsh migrate' and virDomainMigrate came with libvirt {since}\n")


def test_the_first_release_with_migration_is_accepted(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "-q", "1", "--libvirt", _migrate_since()])
    assert (result.exit_code, result.stdout) == (0, "--live\n")


# 2**64 // 2**20 = 17592186044416 MiB/s is the first value whose bytes per second do not fit
# in 64 bits (worked out by hand; libvirt's own message for bandwidth.postcopy says "must be
# less than 17592186044416").
FIRST_OVERFLOW = 17592186044416


@pytest.mark.parametrize(("mib", "warned"), [(FIRST_OVERFLOW - 1, False), (FIRST_OVERFLOW, True),
                                             (18446744073709551615, True)])
def test_bandwidth_overflow_is_an_advice(runner: CliRunner, mib: int, warned: bool) -> None:
    result = runner.invoke(main, ["check", "--json", "--live", "--p2p", "--bandwidth", str(mib)])
    assert result.exit_code == 0  # no layer refuses it
    rules = [p["rule"] for p in json.loads(result.stdout)["problems"]]
    assert rules == (["advice-bandwidth-overflow"] if warned else [])


def test_postcopy_bandwidth_overflow_is_refused_with_libvirts_words(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--json", "--live", "--p2p", "--postcopy",
                                  "--postcopy-bandwidth", str(FIRST_OVERFLOW)])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert problems[0]["message"] == ("numerical overflow: migration parameter "
                                      "'bandwidth.postcopy' must be less than 17592186044416")


@pytest.mark.parametrize("version", ["9.0.0", "12.9.0"])
def test_real_virsh_passes_an_overflowing_bandwidth_to_the_api(
    version: str, virsh9: str, virsh12: str
) -> None:
    """Real virsh (test:///default, LIBVIRT_DEBUG=1) neither refuses the value nor changes it:
    it reaches virDomainMigrateToURI3 as the ullong `bandwidth`. Only above ULLONG_MAX does
    virsh refuse, with its number-parsing message."""
    from virsh_oracle import migrate_flags

    virsh = virsh9 if version == "9.0.0" else virsh12
    out = migrate_flags(virsh, ["--live", "--p2p", "--bandwidth", str(FIRST_OVERFLOW)])
    assert out.api == "virDomainMigrateToURI3"
    assert ("bandwidth", "ullong", str(FIRST_OVERFLOW)) in out.params
    too_big = migrate_flags(virsh, ["--live", "--p2p", "--bandwidth", "18446744073709551616"])
    assert too_big.api is None
    assert too_big.errors == ["Numeric value '18446744073709551616' for <bandwidth> option is "
                              "malformed or out of range"]
