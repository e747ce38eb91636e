"""`migflags encode`: virsh options and flag names to the integer, through CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from migflags import encode
from migflags.cli import main
from migflags.tables.flags import FLAGS, FlagRow
from migflags.tables.options import OPTIONS, OptionKind

FLAG_OPTIONS = [
    (f"--{spelling}", row.flag.value)
    for row in OPTIONS
    if row.kind is OptionKind.FLAG and row.flag is not None
    for spelling in (row.name, *row.aliases)
]


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, ["encode", *args])


def test_live_p2p_plain(runner: CliRunner) -> None:
    result = run(runner, "--live", "--p2p")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "3 (0x3)  LIVE|PEER2PEER"
    assert "virsh migrate arguments: --live --p2p" in lines
    assert "command: virsh migrate --live --p2p DOMAIN DESTURI" in lines


@pytest.mark.parametrize(("option", "value"), FLAG_OPTIONS, ids=[o for o, _ in FLAG_OPTIONS])
def test_every_flag_option(runner: CliRunner, option: str, value: int) -> None:
    result = run(runner, "-q", option)
    assert result.stdout == f"{value}\n"
    assert result.exit_code == 0


def test_tunneled_alias(runner: CliRunner) -> None:
    assert run(runner, "-q", "--tunneled").stdout == run(runner, "-q", "--tunnelled").stdout
    assert run(runner, "-q", "--tunneled").stdout == "4\n"


def test_all_flag_options_together(runner: CliRunner) -> None:
    options = [f"--{row.option}" for row in FLAGS]
    assert run(runner, "-q", *options).stdout == f"{(1 << len(FLAGS)) - 1}\n"


@pytest.mark.parametrize(
    "names",
    [
        ["LIVE", "VIR_MIGRATE_PEER2PEER"],
        ["live", "p2p"],
        ["LIVE|PEER2PEER"],
        ["live+p2p"],
        ["0x1", "PEER2PEER"],
        ["3"],
    ],
    ids=str,
)
def test_names_as_arguments(runner: CliRunner, names: list[str]) -> None:
    result = run(runner, "-q", *names)
    assert result.stdout == "3\n"
    assert result.exit_code == 0


def test_options_and_names_mix(runner: CliRunner) -> None:
    assert run(runner, "-q", "--live", "PEER2PEER", "tls").stdout == f"{1 | 2 | 1 << 16}\n"


def test_direct_sets_no_flag(runner: CliRunner) -> None:
    assert run(runner, "-q", "--direct", "--live").stdout == "1\n"


def test_nothing_is_zero(runner: CliRunner) -> None:
    result = run(runner, "-q")
    assert result.stdout == "0\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("flag", ["-q", "--args"])
def test_quiet_prints_only_the_integer(runner: CliRunner, flag: str) -> None:
    result = run(runner, flag, "--live", "--p2p", "--persistent", "--undefinesource")
    assert result.stdout == "27\n"
    assert result.stderr == ""


def test_unknown_bit_name_argument_exits_1(runner: CliRunner) -> None:
    result = run(runner, "-q", "--live", "0x200000")
    assert result.stdout == f"{0x200001}\n"
    assert result.exit_code == 1


def test_json_same_schema_as_decode(runner: CliRunner) -> None:
    encoded = run(runner, "--json", "--live", "--p2p")
    decoded = runner.invoke(main, ["decode", "--json", "3"])
    assert encoded.exit_code == decoded.exit_code == 0
    enc, dec = json.loads(encoded.stdout), json.loads(decoded.stdout)
    assert set(enc) == set(dec)
    assert enc["value"] == 3 and isinstance(enc["value"], int)
    for key in ("value", "hex", "names", "libvirt", "flags", "unknown_bits", "virsh_args",
                "command", "schema", "note", "lang"):
        assert enc[key] == dec[key], key
    assert enc["input"] == "--live --p2p"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("c", "VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER"),
        ("python", "libvirt.VIR_MIGRATE_LIVE | libvirt.VIR_MIGRATE_PEER2PEER"),
        ("go", "libvirt.MigrateLive | libvirt.MigratePeer2peer"),
    ],
)
def test_format(runner: CliRunner, style: str, expected: str) -> None:
    assert run(runner, "--format", style, "--live", "--p2p").stdout == expected + "\n"


def test_color_always(runner: CliRunner) -> None:
    result = run(runner, "--color", "always", "--live", "--p2p")
    assert "\x1b[" in result.stdout
    assert "VIR_MIGRATE_PEER2PEER" in result.stdout


def test_virsh_command_line_after_double_dash(runner: CliRunner) -> None:
    result = run(runner, "-q", "--", "virsh", "migrate", "--live", "--p2p", "vm1",
                 "qemu+ssh://dst/system")
    assert result.stdout == "3\n"


# ---------------------------------------------------------------- Python API


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_python_encode_every_spelling(row: FlagRow) -> None:
    spellings = [row.c_name, row.short, row.option, row.virsh_option, row.go_name,
                 row.c_name.lower(), f"libvirt.{row.c_name}", *row.aliases]
    assert {encode([s]) for s in spellings} == {row.value}


def test_python_encode_mixes_ints_and_names() -> None:
    assert encode(["--live", 2, "VIR_MIGRATE_TLS"]) == 1 | 2 | 1 << 16
    assert encode([]) == 0


def test_own_options_after_the_double_dash_are_noted(runner: CliRunner) -> None:
    """`-q` after `--` belongs to the virsh line (a bare word: the migrate URI), as in virsh;
    migflags says so instead of silently printing something else than asked for."""
    result = run(runner, "--", "virsh", "migrate", "--live", "vm", "qemu+ssh://d/system", "-q")
    assert result.exit_code == 0
    assert "'-q' comes after '--'" in result.stderr
    assert "--migrateuri -q" in result.stdout
