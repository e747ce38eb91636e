"""`migflags decode`: every input form and every output mode, through Click's CliRunner."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result

from migflags.cli import main
from migflags.tables.flags import FLAGS
from migflags.texts import UI

BY_SHORT = {row.short: row for row in FLAGS}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# SGR parameters that set a colour (foreground, background, 256/true colour).
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
DOC_KEYS = {
    "schema", "input", "value", "hex", "names", "libvirt", "flags", "unknown_bits",
    "virsh_args", "command", "params", "param_types", "options", "domain", "desturi", "problems",
    "producers", "note", "lang", "guest", "qemu", "unchecked",
}
FLAG_KEYS = {"bit", "value", "hex", "name", "short", "virsh_option", "since", "summary"}
PROBLEM_KEYS = {"level", "layer", "rule", "message", "explanation", "fix"}


def decode(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(main, ["decode", *args], input=stdin)


def json_of(result: Result) -> object:
    return json.loads(result.stdout)


# ---------------------------------------------------------------- input forms

VALUE_FORMS = [
    ("1035", 1035),
    ("0x40b", 1035),
    ("0X40B", 1035),
    ("0o2013", 1035),
    ("0b10000001011", 1035),
    ("flags=0x1b", 0x1B),
    ("flags=1b", 0x1B),  # libvirt logs print hex, older releases without 0x
    ("destflags=0x1b,", 0x1B),
    ("VIR_MIGRATE_LIVE|VIR_MIGRATE_PEER2PEER", 3),
    ("VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER", 3),
    ("LIVE,PEER2PEER", 3),
    ("live+p2p", 3),
    ("P2P", 2),
    ("--live", 1),
    ("--Tunneled", 4),
    ("tunnelled", 4),
    ("libvirt.VIR_MIGRATE_TLS", 1 << 16),
    ("MigrateZerocopy", 1 << 20),
    ("copy-storage-all|0x1", 0x41),
]


@pytest.mark.parametrize(("text", "value"), VALUE_FORMS, ids=[t for t, _ in VALUE_FORMS])
def test_value_forms(runner: CliRunner, text: str, value: int) -> None:
    result = decode(runner, "--json", text)
    assert result.exit_code == 0, result.stderr
    doc = json_of(result)
    assert isinstance(doc, dict)
    assert doc["value"] == value
    assert doc["hex"] == hex(value)
    assert doc["input"] == text
    assert result.stderr == ""


def test_dashed_value_with_unknown_bit(runner: CliRunner) -> None:
    result = decode(runner, "--format", "c", "--live|0x200000")
    assert result.stdout == "VIR_MIGRATE_LIVE | 0x200000\n"
    assert result.exit_code == 1


def test_several_values(runner: CliRunner) -> None:
    result = decode(runner, "--json", "1", "0x2", "live+p2p")
    assert result.exit_code == 0
    docs = json_of(result)
    assert isinstance(docs, list)
    assert [d["value"] for d in docs] == [1, 2, 3]
    assert [d["input"] for d in docs] == ["1", "0x2", "live+p2p"]


def test_several_values_plain_are_separated_by_a_blank_line(runner: CliRunner) -> None:
    result = decode(runner, "1", "2")
    assert result.exit_code == 0
    first, second = result.stdout.split("\n\n")
    assert first.startswith("1 (0x1)  LIVE\n")
    assert second.startswith("2 (0x2)  PEER2PEER\n")


def test_stdin_values(runner: CliRunner) -> None:
    result = decode(runner, "--json", "-", stdin="3\n\n  0x1b  \nflags=1b\n")
    assert result.exit_code == 0, result.stderr
    docs = json_of(result)
    assert isinstance(docs, list)
    assert [d["value"] for d in docs] == [3, 0x1B, 0x1B]


def test_stdin_args_only(runner: CliRunner) -> None:
    result = decode(runner, "-q", "-", stdin="1\n2\n")
    assert result.stdout == "--live\n--p2p\n"


def test_stdin_single_line_is_still_a_list(runner: CliRunner) -> None:
    docs = json_of(decode(runner, "--json", "-", stdin="1\n"))
    assert isinstance(docs, list) and len(docs) == 1


# ---------------------------------------------------------------- zero and unknown bits


def test_zero_plain(runner: CliRunner) -> None:
    result = decode(runner, "0")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "0 (0x0)"
    assert UI["no_flags"].en in lines
    assert "virsh migrate arguments: (none)" in lines
    assert "command: virsh migrate DOMAIN DESTURI" in lines


def test_zero_json_note(runner: CliRunner) -> None:
    doc = json_of(decode(runner, "--json", "0"))
    assert isinstance(doc, dict)
    assert doc["note"] == UI["no_flags"].en
    assert doc["flags"] == [] and doc["unknown_bits"] == [] and doc["virsh_args"] == []


def test_note_is_null_when_flags_are_set(runner: CliRunner) -> None:
    doc = json_of(decode(runner, "--json", "1"))
    assert isinstance(doc, dict) and doc["note"] is None


@pytest.mark.parametrize(("value", "bit"), [(1 << 25, 25), (0x200000, 21), (1 << 63, 63)])
def test_unknown_bit_plain(runner: CliRunner, value: int, bit: int) -> None:
    result = decode(runner, str(value))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{value} ({value:#x})  {value:#x}"
    row = next(line for line in lines if line.lstrip().startswith(f"{bit} "))
    assert row.split()[:4] == [str(bit), str(value), hex(value), "?"]
    assert row.endswith(UI["unknown_bit"].en.format(bit=bit))


def test_unknown_bits_json(runner: CliRunner) -> None:
    value = 1 | 1 << 21 | 1 << 25
    result = decode(runner, "--json", hex(value))
    assert result.exit_code == 1
    doc = json_of(result)
    assert isinstance(doc, dict)
    assert doc["unknown_bits"] == [
        {"bit": 21, "value": 1 << 21, "hex": "0x200000"},
        {"bit": 25, "value": 1 << 25, "hex": "0x2000000"},
    ]
    assert doc["names"] == "LIVE|0x2200000"
    assert [f["name"] for f in doc["flags"]] == ["VIR_MIGRATE_LIVE"]
    assert any(p["rule"] == "unknown-bits" for p in doc["problems"])


def test_unknown_bit_in_any_value_sets_exit_1(runner: CliRunner) -> None:
    assert decode(runner, "-q", "1", hex(1 << 30), "2").exit_code == 1


@pytest.mark.parametrize("style", ["c", "python", "go"])
def test_unknown_bits_stay_as_hex_remainder(runner: CliRunner, style: str) -> None:
    result = decode(runner, "--format", style, hex(1 << 40 | 1 << 21))
    assert result.stdout == "0x10000200000\n"
    assert result.exit_code == 1


# ---------------------------------------------------------------- output modes


def test_plain_exact(runner: CliRunner) -> None:
    result = decode(runner, "3")
    live, p2p = BY_SHORT["LIVE"].summary.en, BY_SHORT["PEER2PEER"].summary.en
    assert result.stdout.splitlines() == [
        "3 (0x3)  LIVE|PEER2PEER",
        "bit  value  hex  C name                 virsh option  since  summary",
        f"  0      1  0x1  VIR_MIGRATE_LIVE       --live        0.3.2  {live}",
        f"  1      2  0x2  VIR_MIGRATE_PEER2PEER  --p2p         0.7.2  {p2p}",
        "virsh migrate arguments: --live --p2p",
        "command: virsh migrate --live --p2p DOMAIN DESTURI",
        "Looks like Cockpit Machines temporary migration: Cockpit's Machines page with "
        "'Temporary migration': the source keeps the definition.",
        "checked against libvirt 12.9.0",
    ]
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)


def test_plain_is_the_default_when_piped_and_color_never(runner: CliRunner) -> None:
    assert decode(runner, "3").stdout == decode(runner, "--color", "never", "3").stdout


def test_plain_domain_and_desturi(runner: CliRunner) -> None:
    result = decode(runner, "--domain", "vm 1", "--desturi", "qemu+ssh://dst/system", "1")
    assert "command: virsh migrate --live 'vm 1' qemu+ssh://dst/system" in result.stdout


def test_json_exact(runner: CliRunner) -> None:
    result = decode(runner, "--json", "flags=0x40b")
    assert result.exit_code == 0
    doc = json_of(result)
    assert isinstance(doc, dict)
    assert set(doc) == DOC_KEYS
    assert doc["schema"] == 1
    assert doc["input"] == "flags=0x40b"
    assert doc["value"] == 1035
    assert doc["hex"] == "0x40b"
    assert doc["names"] == "LIVE|PEER2PEER|PERSIST_DEST|OFFLINE"
    assert doc["libvirt"] == "12.9.0"
    assert doc["virsh_args"] == ["--live", "--p2p", "--persistent", "--offline"]
    assert doc["command"] == "virsh migrate --live --p2p --persistent --offline DOMAIN DESTURI"
    assert doc["unknown_bits"] == []
    assert doc["params"] == {} and doc["param_types"] == {} and doc["options"] == []
    assert doc["domain"] is None and doc["desturi"] is None
    assert doc["note"] is None
    assert doc["lang"] == "en"
    assert doc["guest"] is None and doc["qemu"] is None and doc["unchecked"] == []
    assert doc["flags"] == [
        {"bit": 0, "value": 1, "hex": "0x1", "name": "VIR_MIGRATE_LIVE", "short": "LIVE",
         "virsh_option": "--live", "since": "0.3.2", "summary": BY_SHORT["LIVE"].summary.en},
        {"bit": 1, "value": 2, "hex": "0x2", "name": "VIR_MIGRATE_PEER2PEER",
         "short": "PEER2PEER", "virsh_option": "--p2p", "since": "0.7.2",
         "summary": BY_SHORT["PEER2PEER"].summary.en},
        {"bit": 3, "value": 8, "hex": "0x8", "name": "VIR_MIGRATE_PERSIST_DEST",
         "short": "PERSIST_DEST", "virsh_option": "--persistent", "since": "0.7.3",
         "summary": BY_SHORT["PERSIST_DEST"].summary.en},
        {"bit": 10, "value": 1024, "hex": "0x400", "name": "VIR_MIGRATE_OFFLINE",
         "short": "OFFLINE", "virsh_option": "--offline", "since": "1.0.1",
         "summary": BY_SHORT["OFFLINE"].summary.en},
    ]
    assert isinstance(doc["problems"], list) and doc["problems"]
    for problem in doc["problems"]:
        assert set(problem) == PROBLEM_KEYS
    assert isinstance(doc["producers"], list)


def test_json_flag_objects_for_every_flag(runner: CliRunner) -> None:
    doc = json_of(decode(runner, "--json", hex((1 << len(FLAGS)) - 1)))
    assert isinstance(doc, dict)
    assert [set(f) for f in doc["flags"]] == [FLAG_KEYS] * len(FLAGS)
    assert [f["name"] for f in doc["flags"]] == [row.c_name for row in FLAGS]
    assert [f["since"] for f in doc["flags"]] == [str(row.since) for row in FLAGS]


def test_json_libvirt_option(runner: CliRunner) -> None:
    doc = json_of(decode(runner, "--json", "--libvirt", "9.0", "1"))
    assert isinstance(doc, dict) and doc["libvirt"] == "9.0.0"


@pytest.mark.parametrize("flag", ["-q", "--args"])
def test_args_only(runner: CliRunner, flag: str) -> None:
    result = decode(runner, flag, "0x1b")
    assert result.stdout == "--live --p2p --persistent --undefinesource\n"
    assert result.exit_code == 0


def test_args_only_zero_is_an_empty_line(runner: CliRunner) -> None:
    assert decode(runner, "-q", "0").stdout == "\n"


FORMATS = [
    ("c", "VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TLS"),
    ("python", "libvirt.VIR_MIGRATE_LIVE | libvirt.VIR_MIGRATE_PEER2PEER | "
               "libvirt.VIR_MIGRATE_TLS"),
    # digitalocean/go-libvirt's generated constants
    ("go", "libvirt.MigrateLive | libvirt.MigratePeer2peer | libvirt.MigrateTLS"),
]


@pytest.mark.parametrize(("style", "expected"), FORMATS, ids=[s for s, _ in FORMATS])
def test_format(runner: CliRunner, style: str, expected: str) -> None:
    result = decode(runner, "--format", style, hex(1 | 2 | 1 << 16))
    assert result.stdout == expected + "\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("style", ["c", "python", "go"])
def test_format_zero(runner: CliRunner, style: str) -> None:
    assert decode(runner, "--format", style, "0").stdout == "0\n"


def test_go_names_follow_go_libvirt() -> None:
    assert BY_SHORT["RDMA_PIN_ALL"].go_name == "MigrateRdmaPinAll"
    assert BY_SHORT["NON_SHARED_DISK"].go_name == "MigrateNonSharedDisk"
    assert BY_SHORT["ABORT_ON_ERROR"].go_name == "MigrateAbortOnError"


def test_color_always_draws_a_rich_table(runner: CliRunner) -> None:
    result = decode(runner, "--color", "always", "3")
    assert result.exit_code == 0
    assert ANSI.search(result.stdout)
    assert COLOUR_SGR.search(result.stdout)
    plain = ANSI.sub("", result.stdout)
    assert "VIR_MIGRATE_PEER2PEER" in plain
    assert any(ch in plain for ch in "━─┃│")  # box drawing: a Rich table, not plain text


def test_color_always_with_json_is_still_json(runner: CliRunner) -> None:
    doc = json_of(decode(runner, "--color", "always", "--json", "3"))
    assert isinstance(doc, dict) and doc["value"] == 3


def _on_a_terminal(env: dict[str, str], *args: str) -> str:
    """Run migflags on a pseudo-terminal (what `auto` colour mode looks at)."""
    master, slave = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "migflags", *args],
        stdin=slave, stdout=slave, stderr=slave, close_fds=True,
        env={**clean, "TERM": "xterm-256color", "COLUMNS": "200", "LANG": "C.UTF-8", **env},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode()


def test_terminal_gets_colour() -> None:
    out = _on_a_terminal({}, "decode", "3")
    assert COLOUR_SGR.search(out)
    assert "━" in out


def test_no_color_on_a_terminal_has_no_colour_codes() -> None:
    out = _on_a_terminal({"NO_COLOR": "1"}, "decode", "3")
    assert "VIR_MIGRATE_PEER2PEER" in out
    assert not COLOUR_SGR.search(out)


def test_color_never_on_a_terminal_is_plain() -> None:
    out = _on_a_terminal({}, "decode", "--color", "never", "3")
    assert not ANSI.search(out)
    assert out.replace("\r\n", "\n").startswith("3 (0x3)  LIVE|PEER2PEER\nbit  value")


def test_quiet_says_which_bits_it_leaves_out(runner: CliRunner) -> None:
    result = decode(runner, "-q", "0x200001")
    assert result.exit_code == 1
    assert result.stdout == "--live\n"
    assert result.stderr == (
        "migflags: note: 0x200001: bits 0x200000 have no virsh option and are left out\n"
    )


@pytest.mark.parametrize(("args", "first", "second"), [
    (("--json", "--format", "c"), "--json", "--format"),
    (("-q", "--json"), "--json", "-q/--args"),
    (("-q", "--format", "go"), "--format", "-q/--args"),
])
def test_two_output_modes_are_refused(
    runner: CliRunner, args: tuple[str, ...], first: str, second: str
) -> None:
    result = decode(runner, *args, "0x1b")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"migflags: error: {first} and {second} choose different outputs: give one of them\n"
    )


def test_empty_stdin_is_an_error(runner: CliRunner) -> None:
    result = decode(runner, "-", stdin="\n\n")
    assert result.exit_code == 2
    assert result.stderr == "migflags: error: no value on standard input ('-')\n"


def test_a_bad_value_on_stdin_is_named_with_its_line(runner: CliRunner) -> None:
    result = decode(runner, "-", stdin="3\n\nLIVE|PEERTOPEER\n0x1b\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("migflags: error: standard input, line 3: unknown flag "
                             "'PEERTOPEER': did you mean 'PEER2PEER'?\n")
    zh = decode(runner, "--lang", "zh", "-", stdin="3\nfoo\n")
    assert zh.stderr == "migflags: 错误：标准输入第 2 行：未知标志 'foo'\n"


def test_a_bad_value_given_as_an_argument_has_no_line(runner: CliRunner) -> None:
    result = decode(runner, "3", "foo")
    assert result.stderr == "migflags: error: unknown flag 'foo'\n"


def test_a_release_newer_than_the_tables_is_noted(runner: CliRunner) -> None:
    result = decode(runner, "--libvirt", "99", "-q", "3")
    assert result.exit_code == 0
    assert "newer than 12.9.0" in result.stderr
