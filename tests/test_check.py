"""The rule engine's term tests, and `migflags check` (plus --strict on decode and encode)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from migflags.check import Context, Hit, Term, api_for, parse_term, term_hit
from migflags.cli import main
from migflags.core import NEWEST
from migflags.model import Request
from migflags.tables.rules import RULES_BY_ID, Api
from migflags.texts import UI
from migflags.versions import v

# ------------------------------------------------------------------ terms


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("live", Term("live")),
        ("!live", Term("live", negate=True)),
        ("timeout>0", Term("timeout", ">", "0")),
        ("migrateuri^unix:", Term("migrateuri", "^", "unix:")),
        ("comp-methods=mt", Term("comp-methods", "=", "mt")),
        ("comp-methods:not-in(xbzrle,mt)", Term("comp-methods", ":", "not-in(xbzrle,mt)")),
        ("!comp-methods:duplicate", Term("comp-methods", ":", "duplicate", negate=True)),
    ],
)
def test_parse_term(text: str, term: Term) -> None:
    assert parse_term(text) == term


def test_term_arguments() -> None:
    term = parse_term("comp-methods:second-in(zlib,zstd)")
    assert (term.test, term.args) == ("second-in", ("zlib", "zstd"))
    assert parse_term("dname:empty").args == ()


def _ctx(request: Request) -> Context:
    return Context(request, NEWEST, api_for(request))


def _values(**values: object) -> Request:
    return Request(values=tuple((k.replace("_", "-"), val) for k, val in values.items()))


@pytest.mark.parametrize(
    ("text", "request_", "hit"),
    [
        ("live", Request(flags=1), Hit()),
        ("live", Request(flags=2), None),
        ("!live", Request(flags=2), Hit()),
        ("timeout>0", _values(timeout=1), Hit()),
        ("timeout>0", _values(timeout=0), None),
        ("migrateuri^unix:", _values(migrateuri="unix:///run/m.sock"), Hit()),
        ("migrateuri^unix:", _values(migrateuri="UNIX:///run/m.sock"), None),
        ("migrateuri^unix:", _values(migrateuri="tcp://h"), None),
        ("comp-methods=mt", _values(comp_methods=("xbzrle", "mt")), Hit()),
        ("comp-methods=mt", _values(comp_methods=("xbzrle",)), None),
        ("comp-methods:not-in(xbzrle,mt)", _values(comp_methods=("mt", "lz4", "x")),
         Hit("lz4", 1)),
        ("comp-methods:not-in(xbzrle,mt)", _values(comp_methods=("mt",)), None),
        ("comp-methods:first-in(zlib,zstd)", _values(comp_methods=("mt", "zstd")),
         Hit("zstd", 1)),
        ("comp-methods:second-in(zlib,zstd)", _values(comp_methods=("zlib", "zlib")), None),
        ("comp-methods:second-in(zlib,zstd)", _values(comp_methods=("zlib", "mt", "zstd")),
         Hit("zstd", 2)),
        ("comp-methods:duplicate", _values(comp_methods=("mt", "xbzrle", "mt")), Hit("mt", 2)),
        ("comp-methods:duplicate", _values(comp_methods=("mt", "xbzrle")), None),
        ("comp-methods:duplicate", Request(), None),
        ("dname:empty", _values(dname=""), Hit()),
        ("dname:empty", _values(dname="vm2"), None),
        ("dname:empty", Request(), None),
        ("desturi:local", Request(desturi="qemu:///system"), Hit()),
        ("desturi:local", Request(desturi="qemu+ssh://[::1]:22/system"), None),
        ("desturi:local", Request(), None),
    ],
)
def test_term_hit(text: str, request_: Request, hit: Hit | None) -> None:
    assert term_hit(_ctx(request_), text) == hit


def test_unknown_params_depend_on_the_release() -> None:
    request = _values(comp_zstd_level=3, bandwidth=100)
    old = Context(request, v("9.0.0"), Api.MIGRATE3)
    new = Context(request, v("9.4.0"), Api.MIGRATE3)
    hit = term_hit(old, "params:unknown")
    assert hit is not None and hit.item == "compression.zstd.level"
    assert term_hit(new, "params:unknown") is None


# ------------------------------------------------------------------ migflags check


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(main, ["check", "--color", "never", *args])
    return result.exit_code, result.stdout


def test_check_1035_quotes_virsh(runner: CliRunner) -> None:
    code, out = _run(runner, "1035")
    message = "Options --live and --offline are mutually exclusive"
    assert code == 1
    assert out.splitlines()[0] == f"error [virsh] virsh-live-offline: {message}"
    assert out.splitlines()[-1] == UI["refused_virsh"].en.format(version=NEWEST, message=message)


def test_check_too_new_flag(runner: CliRunner) -> None:
    code, out = _run(runner, "--libvirt", "6.0", "--zerocopy", "--parallel", "--live")
    assert code == 1
    assert "command 'migrate' doesn't support option --zerocopy" in out
    assert "VIR_MIGRATE_ZEROCOPY needs libvirt >= 8.5.0" in out
    assert "virsh 6.0.0" in out.splitlines()[-1]


@pytest.mark.parametrize("args", [["0x1b"], ["--live", "--p2p", "--persistent"], ["live+p2p"]])
def test_check_accepts(runner: CliRunner, args: list[str]) -> None:
    code, out = _run(runner, *args)
    assert code == 0
    assert out.strip() == UI["accepted"].en.format(version=NEWEST)


def test_check_names_the_version(runner: CliRunner) -> None:
    code, out = _run(runner, "--libvirt", "9.0.0", "--live", "--p2p")
    assert (code, out.strip()) == (0, UI["accepted"].en.format(version="9.0.0"))


def test_check_warnings_only_is_accepted(runner: CliRunner) -> None:
    code, out = _run(runner, "--live", "--p2p", "--unsafe")
    assert code == 0
    assert "warning [advice] advice-unsafe" in out.splitlines()
    assert not any(line.endswith(":") for line in out.splitlines())
    assert UI["accepted"].en.format(version=NEWEST) in out


@pytest.mark.parametrize(
    ("args", "key", "message"),
    [
        (["--p2p", "--tunnelled", "--parallel", "--live"], "refused_libvirt",
         RULES_BY_ID["api-tunnelled-parallel"].messages[0].text),
        (["--live", "--zerocopy"], "refused_qemu",
         RULES_BY_ID["qemu-zerocopy-needs-parallel"].messages[0].text),
    ],
)
def test_check_verdict_names_the_layer(
    runner: CliRunner, args: list[str], key: str, message: str
) -> None:
    code, out = _run(runner, *args)
    assert code == 1
    assert out.splitlines()[-1] == UI[key].en.format(version=NEWEST, message=message)


def test_check_problems_in_layer_order(runner: CliRunner) -> None:
    code, out = _run(runner, "--libvirt", "12.9.0", "--copy-storage-all", "--copy-storage-inc",
                     "--offline", "--live")
    assert code == 1
    heads = [line.split(":")[0] for line in out.splitlines() if line.startswith("error")]
    assert heads == [
        "error [virsh] virsh-live-offline",
        "error [virsh] virsh-copy-storage-exclusive",
        "error [libvirt] api-disk-inc-exclusive",
        "error [qemu] qemu-offline-storage",
        "error [qemu] qemu-offline-needs-persistent",
    ]


def test_check_takes_a_virsh_command_line(runner: CliRunner) -> None:
    code, out = _run(runner, "--", "virsh", "migrate", "--live", "--p2p", "--tunnelled",
                     "--migrateuri", "tcp://10.0.0.2:49152", "vm1", "qemu+ssh://dst/system")
    assert code == 1
    assert "argument unsupported: migration URI is not supported by tunnelled migration" in out


def test_check_no_strict(runner: CliRunner) -> None:
    code, out = _run(runner, "--no-strict", "1035")
    assert code == 0 and "mutually exclusive" in out


def test_check_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--json", "--libvirt", "9.0.0", "--copy-storage-all",
                                  "--copy-storage-inc", "--p2p"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    problem = doc["problems"][0]
    assert doc["libvirt"] == "9.0.0"
    assert (problem["level"], problem["layer"], problem["rule"]) == (
        "error", "libvirt", "api-disk-inc-exclusive")
    assert problem["explanation"] and problem["fix"]


# ------------------------------------------------------------------ --strict elsewhere


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["decode", "1035"], 0),
        (["decode", "--strict", "1035"], 1),
        (["decode", "--strict", "0x1b"], 0),
        (["decode", "--strict", "0x10"], 0),  # a warning only
        (["encode", "--live", "--offline"], 0),
        (["encode", "--strict", "--live", "--offline"], 1),
        (["encode", "--strict", "--live", "--p2p"], 0),
    ],
)
def test_strict_makes_errors_exit_1(runner: CliRunner, args: list[str], code: int) -> None:
    result = runner.invoke(main, [*args, "--color", "never"])
    assert result.exit_code == code, result.output


def test_decode_lists_problems_and_still_decodes(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "1035", "--color", "never"])
    assert "VIR_MIGRATE_OFFLINE" in result.stdout
    assert "Options --live and --offline are mutually exclusive" in result.stdout


def test_check_with_an_expression_says_why_it_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "1035", "--format", "c"])
    assert result.exit_code == 1
    assert result.stdout == ("VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_PERSIST_DEST"
                             " | VIR_MIGRATE_OFFLINE\n")
    assert result.stderr == ("migflags: refused by virsh 12.9.0: Options --live and --offline "
                             "are mutually exclusive\n")


def test_check_json_refusal_is_said_on_stderr_only(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "1035", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["problems"][0]["rule"] == "virsh-live-offline"
    assert "refused by virsh 12.9.0" in result.stderr


def test_check_accepted_expression_says_no_refusal_on_stderr(runner: CliRunner) -> None:
    # Only the note on the checks that need the guest, which none of the options gave.
    result = runner.invoke(main, ["check", "3", "--format", "python"])
    assert result.exit_code == 0
    assert result.stderr.startswith("migflags: note: not checked (needs --state, --domain-xml")
    assert "refused" not in result.stderr and result.stderr.count("\n") == 1


ESC = "\x1b["


def test_check_is_rich_with_decodes_colours(runner: CliRunner) -> None:
    """--color always: the level word and the layer's message in the colours decode uses."""
    checked = runner.invoke(main, ["check", "1035", "--color", "always"]).stdout
    decoded = runner.invoke(main, ["decode", "1035", "--color", "always"]).stdout
    for styled in (f"{ESC}1;31merror{ESC}0m",
                   f"{ESC}1mOptions --live and --offline are mutually exclusive{ESC}0m",
                   f"{ESC}32mfix: Drop --offline"):
        assert styled in checked
        assert styled in decoded
    assert f"{ESC}1;31mrefused by virsh 12.9.0" in checked


def test_check_rich_accepted_is_green(runner: CliRunner) -> None:
    out = runner.invoke(main, ["check", "--live", "--p2p", "--color", "always"]).stdout
    assert out == f"{ESC}1;32maccepted by virsh, libvirt and QEMU (libvirt 12.9.0){ESC}0m\n"


def test_check_color_never_has_no_escape(runner: CliRunner) -> None:
    out = runner.invoke(main, ["check", "1035", "--color", "never"]).stdout
    assert ESC not in out
