"""`migflags list` and `migflags explain`, through CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from migflags.cli import main
from migflags.tables.flags import FLAGS, FlagRow
from migflags.tables.options import OPTIONS, OptionKind, OptionRow
from migflags.versions import v

BY_SHORT = {row.short: row for row in FLAGS}


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, list(args))


# ---------------------------------------------------------------- list


def test_list_shows_every_flag(runner: CliRunner) -> None:
    result = run(runner, "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for row in FLAGS:
        line = next(line for line in lines if f" {row.c_name} " in line)
        assert line.split()[:6] == [str(row.bit), str(row.value), row.hex, row.c_name,
                                    row.virsh_option, str(row.since)]
        assert line.endswith(row.summary.en)


def test_list_has_no_problem_section(runner: CliRunner) -> None:
    assert "Problems" not in run(runner, "list").stdout


@pytest.mark.parametrize("version", ["5.0", "1.0.1", "8.5.0", "0.7.2"])
def test_list_libvirt_hides_newer_flags(runner: CliRunner, version: str) -> None:
    result = run(runner, "list", "--json", "--libvirt", version)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    shown = [f["name"] for f in doc["flags"]]
    assert shown == [row.c_name for row in FLAGS if row.since <= v(version)]
    assert doc["libvirt"] == str(v(version))


def test_list_libvirt_5_0_plain(runner: CliRunner) -> None:
    out = run(runner, "list", "--libvirt", "5.0").stdout
    assert "VIR_MIGRATE_TLS" in out  # 3.2.0
    for short in ("PARALLEL", "NON_SHARED_SYNCHRONOUS_WRITES", "POSTCOPY_RESUME", "ZEROCOPY"):
        assert BY_SHORT[short].c_name not in out


def test_list_json_is_the_common_document(runner: CliRunner) -> None:
    doc = json.loads(run(runner, "list", "--json").stdout)
    assert doc["value"] == (1 << len(FLAGS)) - 1
    assert len(doc["flags"]) == len(FLAGS)
    assert doc["problems"] == []


def test_list_color_always(runner: CliRunner) -> None:
    assert "\x1b[" in run(runner, "list", "--color", "always").stdout


# ---------------------------------------------------------------- explain


@pytest.mark.parametrize("spelling", ["postcopy", "VIR_MIGRATE_POSTCOPY", "--postcopy",
                                      "POSTCOPY", "vir_migrate_postcopy", "MigratePostcopy"])
def test_explain_postcopy_spellings(runner: CliRunner, spelling: str) -> None:
    result = run(runner, "explain", spelling)
    assert result.exit_code == 0, result.stderr
    row = BY_SHORT["POSTCOPY"]
    lines = result.stdout.splitlines()
    assert lines[0] == "VIR_MIGRATE_POSTCOPY = 32768 (0x8000), bit 15"
    assert "--postcopy" in lines[1] and "1.3.3" in lines[1]
    assert row.summary.en in lines
    assert row.explanation.en in lines


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_explain_every_flag(runner: CliRunner, row: FlagRow) -> None:
    result = run(runner, "explain", row.virsh_option)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f"{row.c_name} = {row.value} ({row.hex}), bit {row.bit}")
    assert row.explanation.en in result.stdout


def test_explain_alias(runner: CliRunner) -> None:
    assert run(runner, "explain", "--tunneled").stdout == run(runner, "explain", "TUNNELLED").stdout


PARAM_OPTIONS = [row for row in OPTIONS if row.kind is OptionKind.PARAM]


@pytest.mark.parametrize("option", PARAM_OPTIONS, ids=lambda r: r.name)
def test_explain_param_option(runner: CliRunner, option: OptionRow) -> None:
    result = run(runner, "explain", option.dashed)
    assert result.exit_code == 0
    assert option.dashed in result.stdout
    assert str(option.param) in result.stdout
    assert option.summary.en in result.stdout


def test_explain_lang_zh(runner: CliRunner) -> None:
    result = run(runner, "explain", "--lang", "zh", "postcopy")
    assert result.exit_code == 0
    row = BY_SHORT["POSTCOPY"]
    assert row.explanation.get("zh") in result.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("postcopyy", "migflags: error: unknown flag, option, parameter or rule 'postcopyy': "
                      "did you mean 'postcopy'?"),
        ("--postcopyy", "migflags: error: unknown flag, option, parameter or rule '--postcopyy': "
                        "did you mean 'postcopy'?"),
        ("bandwidht", "migflags: error: unknown flag, option, parameter or rule 'bandwidht': "
                      "did you mean 'bandwidth'?"),
    ],
)
def test_explain_unknown_name(runner: CliRunner, name: str, message: str) -> None:
    result = run(runner, "explain", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"


def test_explain_option_shows_its_note(runner: CliRunner) -> None:
    """Options that set no flag (--direct, --timeout, ...) say what they really do."""
    result = runner.invoke(main, ["explain", "--direct"])
    assert result.exit_code == 0
    assert "direct migration is not supported by the source host" in result.stdout


# ---------------------------------------------------------------- explain: every kind of name


def test_explain_a_value_explains_each_flag(runner: CliRunner) -> None:
    result = run(runner, "explain", "0x1b")
    assert result.exit_code == 0
    heads = [line for line in result.stdout.splitlines() if " = " in line and ", bit " in line]
    assert heads == ["VIR_MIGRATE_LIVE = 1 (0x1), bit 0", "VIR_MIGRATE_PEER2PEER = 2 (0x2), bit 1",
                     "VIR_MIGRATE_PERSIST_DEST = 8 (0x8), bit 3",
                     "VIR_MIGRATE_UNDEFINE_SOURCE = 16 (0x10), bit 4"]
    assert BY_SHORT["UNDEFINE_SOURCE"].explanation.en in result.stdout


def test_explain_a_value_with_an_unknown_bit(runner: CliRunner) -> None:
    result = run(runner, "explain", "flags=0x200001")
    assert result.exit_code == 1  # like decode: bits no release defines
    assert result.stdout.splitlines()[0] == "VIR_MIGRATE_LIVE = 1 (0x1), bit 0"
    assert result.stdout.splitlines()[-1] == "unknown bit 21"


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("migrate_disks", "--migrate-disks  (since libvirt 1.2.17)"),
        ("bandwidth.postcopy", "--postcopy-bandwidth  (since libvirt 5.1.0)"),
        ("VIR_MIGRATE_PARAM_BANDWIDTH", "--bandwidth  (since libvirt 5.7.0)"),
        ("VIR_MIGRATE_PARAM_MIGRATE_DISKS", "--migrate-disks  (since libvirt 1.2.17)"),
    ],
)
def test_explain_a_param_key_or_macro(runner: CliRunner, name: str, head: str) -> None:
    result = run(runner, "explain", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == head


def test_explain_param_macro_lines(runner: CliRunner) -> None:
    result = run(runner, "explain", "VIR_MIGRATE_PARAM_BANDWIDTH")
    assert result.stdout.splitlines()[1] == (
        "param: bandwidth (ullong), VIR_MIGRATE_PARAM_BANDWIDTH, since libvirt 1.1.0")


@pytest.mark.parametrize(("name", "line"), [
    # the releases of the reference (libvirt-migrate-reference.md, typed parameters): the API
    # took these parameters long before virsh had an option for them (--bandwidth: 5.7.0)
    ("VIR_MIGRATE_PARAM_BANDWIDTH",
     "param: bandwidth (ullong), VIR_MIGRATE_PARAM_BANDWIDTH, since libvirt 1.1.0"),
    ("persistent_xml",
     "param: persistent_xml (string), VIR_MIGRATE_PARAM_PERSIST_XML, since libvirt 1.3.4"),
])
def test_explain_a_param_gives_the_release_of_the_param(
        runner: CliRunner, name: str, line: str) -> None:
    assert run(runner, "explain", name).stdout.splitlines()[1] == line


def test_explain_a_rule_id(runner: CliRunner) -> None:
    result = run(runner, "explain", "virsh-live-offline")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "virsh-live-offline: error raised by virsh, with these words:"
    assert "  Options --live and --offline are mutually exclusive" in lines
    assert lines[-1] == ("fix: Drop --offline to move a running guest, or drop --live to move "
                         "only its definition.")


def test_explain_a_misspelt_macro_suggests_the_macro(runner: CliRunner) -> None:
    result = run(runner, "explain", "VIR_MIGRATE_PARAM_BANDWIDHT")
    assert result.exit_code == 2
    assert result.stderr.endswith("did you mean 'VIR_MIGRATE_PARAM_BANDWIDTH'?\n")
