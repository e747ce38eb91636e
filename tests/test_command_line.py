"""Whole `virsh migrate` command lines through the CLI: `migflags encode -- virsh migrate ...`,
the table-generated Click options of encode and check, and decode's --domain / --desturi /
--param, in every output mode (plain, Rich, --json, -q)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from migflags.cli import main

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINE = ["--live", "--p2p", "--bandwidth", "100", "--migrate-disks", "vda,vdb", "vm1",
        "qemu+ssh://dst/system"]
PREFIXES = [[], ["migrate"], ["virsh", "migrate"], ["virsh", "-c", "qemu:///system", "migrate"],
            ["/usr/bin/virsh", "--connect=qemu:///system", "-q", "migrate"]]


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, list(args))


def doc_of(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


def error_of(result: Result) -> str:
    """A refused line: exit 2, nothing on stdout, one line on stderr."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("migflags: error: ")
    return lines[0].removeprefix("migflags: error: ")


# ---------------------------------------------------------------- encode -- virsh migrate ...


@pytest.mark.parametrize("prefix", PREFIXES, ids=lambda p: " ".join(p) or "bare")
def test_encode_json(runner: CliRunner, prefix: list[str]) -> None:
    doc = doc_of(invoke(runner, "encode", "--json", "--", *prefix, *LINE))
    assert doc["value"] == 3 and doc["names"] == "LIVE|PEER2PEER"
    assert doc["params"] == {"migrate_disks": ["vda", "vdb"], "bandwidth": 100}
    assert doc["param_types"] == {"migrate_disks": "string", "bandwidth": "ullong"}
    assert doc["domain"] == "vm1" and doc["desturi"] == "qemu+ssh://dst/system"
    assert doc["command"] == (
        "virsh migrate --live --p2p --bandwidth 100 --migrate-disks vda,vdb vm1 "
        "qemu+ssh://dst/system"
    )
    assert doc["virsh_args"] == LINE[:-2]
    options = doc["options"]
    assert isinstance(options, list)
    assert [(o["option"], o["kind"], o["type"], o["value"], o["param"]) for o in options] == [
        ("--bandwidth", "param", "ullong", 100, "bandwidth"),
        ("--migrate-disks", "param", "string-list", ["vda", "vdb"], "migrate_disks"),
    ]


def test_encode_plain(runner: CliRunner) -> None:
    result = invoke(runner, "encode", "--color", "never", "--", "virsh", "migrate", *LINE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "3 (0x3)  LIVE|PEER2PEER"
    assert "Typed parameters: migrate_disks (string) = [\"vda\", \"vdb\"]" in lines
    assert "                  bandwidth (ullong) = 100" in lines  # under the one heading
    assert ("command: virsh migrate --live --p2p --bandwidth 100 --migrate-disks vda,vdb vm1 "
            "qemu+ssh://dst/system") in lines


def test_encode_rich(runner: CliRunner) -> None:
    result = invoke(runner, "encode", "--color", "always", "--", "virsh", "migrate", *LINE,
                    "--direct")
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout
    text = " ".join(ANSI.sub("", result.stdout).split())
    assert 'migrate_disks (string) = ["vda", "vdb"]' in text
    assert "bandwidth (ullong) = 100" in text
    assert "API choice: --direct:" in text
    assert "direct migration is not supported by the source host" in text


@pytest.mark.parametrize("flag", ["-q", "--args"])
def test_encode_value_only(runner: CliRunner, flag: str) -> None:
    result = invoke(runner, "encode", flag, "--", "virsh", "migrate", *LINE)
    assert (result.exit_code, result.stdout) == (0, "3\n")


def test_positional_domain_desturi_migrateuri(runner: CliRunner) -> None:
    doc = doc_of(invoke(runner, "encode", "--json", "--", "migrate", "--p2p", "vm",
                        "qemu+ssh://dst/system", "tcp://10.0.0.2:49152", "spice://10.0.0.2"))
    assert doc["params"] == {"migrate_uri": "tcp://10.0.0.2:49152",
                             "graphics_uri": "spice://10.0.0.2"}
    assert doc["command"] == (
        "virsh migrate --p2p --migrateuri tcp://10.0.0.2:49152 --graphicsuri spice://10.0.0.2 "
        "vm qemu+ssh://dst/system"
    )


@pytest.mark.parametrize(("libvirt", "outcome"), [("9.0.0", "disks_uri"), ("12.9.0", "error")])
def test_eleventh_bare_word_depends_on_the_release(
    runner: CliRunner, libvirt: str, outcome: str
) -> None:
    words = ["vm", "uri", "m", "g", "l", "d", "0", "/dev/null", "vda", "5", "tcp://d:1"]
    line = ["--p2p", "--copy-storage-all", *words]
    result = invoke(runner, "encode", "--json", "--libvirt", libvirt, "--", *line)
    if outcome == "error":
        assert error_of(result) == "unexpected data 'tcp://d:1'"
    else:
        assert doc_of(result)["params"]["disks_uri"] == "tcp://d:1"


def test_virsh_only_options_are_shown_not_sent(runner: CliRunner) -> None:
    args = ["--live", "--postcopy", "--verbose", "--timeout", "600", "--timeout-postcopy",
            "--postcopy-after-precopy", "vm", "uri"]
    doc = doc_of(invoke(runner, "encode", "--json", "--", *args))
    assert doc["params"] == {}
    kinds = {o["option"]: (o["kind"], o["value"]) for o in doc["options"]}
    assert kinds == {
        "--verbose": ("virsh", True), "--timeout": ("virsh", 600),
        "--timeout-postcopy": ("virsh", True), "--postcopy-after-precopy": ("virsh", True),
    }
    plain = invoke(runner, "encode", "--color", "never", "--", *args).stdout
    assert "virsh only: --timeout 600: After N seconds" in plain


def test_direct_is_explained(runner: CliRunner) -> None:
    doc = doc_of(invoke(runner, "encode", "--json", "--", "--direct", "vm", "uri"))
    (direct,) = doc["options"]
    assert direct["option"] == "--direct" and direct["kind"] == "api"
    assert "QEMU" in direct["note"]
    assert "--direct" in doc["virsh_args"]
    messages = [p["message"] for p in doc["problems"]]
    assert "argument unsupported: direct migration is not supported by the source host" in messages


def test_xml_file_contents_are_the_param(runner: CliRunner, tmp_path: Path) -> None:
    xml = tmp_path / "dest.xml"
    xml.write_text("<domain>\n</domain>\n")
    doc = doc_of(invoke(runner, "encode", "--json", "--", "--persistent", "--persistent-xml",
                        str(xml), "--xml", str(xml), "vm", "uri"))
    assert doc["params"] == {"destination_xml": "<domain>\n</domain>\n",
                             "persistent_xml": "<domain>\n</domain>\n"}
    values = [o["value"] for o in doc["options"]]
    assert values == [str(xml), str(xml)]
    assert f"--xml {xml}" in str(doc["command"])


REFUSED = [
    (["--bandwidth", "abc"],
     "Numeric value 'abc' for <bandwidth> option is malformed or out of range"),
    (["--bandwidth", "-1"],
     "Numeric value '-1' for <bandwidth> option is malformed or out of range"),
    (["--parallel-connections", "2147483648"],
     "Numeric value '2147483648' for <parallel-connections> option is malformed or out of range"),
    (["--timeout", "-1"], "Numeric value '-1' for <timeout> option is malformed or out of range"),
    (["--dname="], "Failed to get option 'dname': Option argument is empty"),
    (["--live", "--live"], "option --live already seen"),
    (["--live=1"], "invalid '=' after option --live"),
    (["vm", "uri", "--dname"], "expected syntax: --dname <string>"),
    (["--xml", "/nonexistent.xml"], "cannot read file '/nonexistent.xml': Failed to open file "
     "'/nonexistent.xml': No such file or directory"),
    (["--bandwith", "5"],
     "command 'migrate' doesn't support option --bandwith: did you mean '--bandwidth'?"),
    (["virsh", "list"], "expected the command 'migrate' after 'virsh' and its options, found "
     "'list'"),
]


@pytest.mark.parametrize(("words", "message"), REFUSED, ids=[" ".join(w) for w, _ in REFUSED])
def test_refused_lines(runner: CliRunner, words: list[str], message: str) -> None:
    assert error_of(invoke(runner, "encode", "--", *words)) == message
    assert error_of(invoke(runner, "check", "--", *words)) == message


def test_newer_option_is_a_virsh_problem(runner: CliRunner) -> None:
    args = ["encode", "--libvirt", "9.0.0", "--json", "--", "--comp-zlib-level", "3", "vm", "u"]
    doc = doc_of(invoke(runner, *args))
    problems = doc["problems"]
    assert isinstance(problems, list)
    assert problems[0]["layer"] == "virsh"
    assert problems[0]["message"] == "command 'migrate' doesn't support option --comp-zlib-level"
    assert doc["params"] == {"compression.zlib.level": 3}
    strict = invoke(runner, "encode", "--strict", *args[1:])
    assert strict.exit_code == 1
    newer = doc_of(invoke(runner, *args[:2], "12.9.0", *args[3:]))["problems"]
    assert [p for p in newer if p["layer"] == "virsh"] == []


# ---------------------------------------------------------------- table-generated Click options


def test_click_options_equal_the_pasted_line(runner: CliRunner) -> None:
    clicked = doc_of(invoke(runner, "encode", "--json", "--live", "--p2p", "--bandwidth", "100",
                            "--migrate-disks", "vda,vdb", "--domain", "vm1", "--desturi",
                            "qemu+ssh://dst/system"))
    pasted = doc_of(invoke(runner, "encode", "--json", "--", "virsh", "migrate", *LINE))
    # Click knows no order between options: the table's order is used; the rest is the same
    for key in ("value", "params", "param_types", "domain", "desturi", "problems"):
        assert clicked[key] == pasted[key], key


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--bandwidth", "1", "--bandwidth", "2"], "option --bandwidth already seen"),
     (["--live", "--live"], "option --live already seen"),
     (["--tunnelled", "--tunneled"], "option --tunnelled already seen"),
     (["--bandwidth", "1", "--", "--bandwidth", "2"], "option --bandwidth already seen"),
     (["--comp-mt-level", "x"],
      "Numeric value 'x' for <comp-mt-level> option is malformed or out of range"),
     (["--dname", ""], "Failed to get option 'dname': Option argument is empty")],
)
def test_click_options_are_checked_like_virsh(
    runner: CliRunner, args: list[str], message: str
) -> None:
    assert error_of(invoke(runner, "encode", *args)) == message


def test_click_options_value_may_look_like_an_option(runner: CliRunner) -> None:
    doc = doc_of(invoke(runner, "encode", "--json", "--dname", "--live"))
    assert doc["value"] == 0 and doc["params"] == {"destination_name": "--live"}


def test_names_and_a_tail_combine(runner: CliRunner) -> None:
    result = invoke(runner, "encode", "-q", "LIVE", "--", "--p2p", "--tunnelled", "vm", "uri")
    assert result.stdout == "7\n"


def test_check_takes_a_whole_line(runner: CliRunner) -> None:
    result = invoke(runner, "check", "--json", "--", "virsh", "migrate", "--live", "--p2p",
                    "--parallel-connections", "4", "vm", "qemu+ssh://dst/system")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["params"] == {"parallel.connections": 4}
    assert any("parallel" in p["rule"] for p in doc["problems"])


# ---------------------------------------------------------------- decode --domain --desturi --param


def test_decode_prints_a_complete_command(runner: CliRunner) -> None:
    doc = doc_of(invoke(runner, "decode", "--json", "0x3", "--domain", "vm 1", "--desturi",
                        "qemu+ssh://dst/system", "--param", "bandwidth=100", "--param",
                        "migrate_disks=vda", "--param", "migrate_disks=vdb", "--param",
                        "compression.mt.level=-1"))
    assert doc["command"] == (
        "virsh migrate --live --p2p --bandwidth 100 --migrate-disks vda,vdb --comp-mt-level -1 "
        "'vm 1' qemu+ssh://dst/system"
    )
    assert doc["params"] == {"migrate_disks": ["vda", "vdb"], "compression.mt.level": -1,
                             "bandwidth": 100}
    assert doc["param_types"] == {"migrate_disks": "string", "compression.mt.level": "int",
                                  "bandwidth": "ullong"}


def test_decode_param_by_option_name_and_file(runner: CliRunner, tmp_path: Path) -> None:
    xml = tmp_path / "d.xml"
    xml.write_text("<domain/>")
    doc = doc_of(invoke(runner, "decode", "--json", "1", "--param", f"destination_xml={xml}",
                        "--param", "--dname=x"))
    assert doc["params"] == {"destination_name": "x", "destination_xml": "<domain/>"}
    assert doc["command"] == f"virsh migrate --live --xml {xml} --dname x DOMAIN DESTURI"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--param", "bandwidth=-1"],
      "Numeric value '-1' for <bandwidth> option is malformed or out of range"),
     (["--param", "bandwidth=1", "--param", "bandwidth=2"],
      "--param bandwidth given more than once"),
     (["--param", "destination_name="],
      "Failed to get option 'dname': Option argument is empty"),
     (["--domain", ""], "Failed to get option 'domain': Option argument is empty"),
     (["--param", "bandwith=1"],
      "unknown migration parameter 'bandwith': did you mean 'bandwidth'?"),
     (["--param", "timeout=5"], "unknown migration parameter 'timeout'")],
)
def test_decode_refuses_bad_params(runner: CliRunner, args: list[str], message: str) -> None:
    assert error_of(invoke(runner, "decode", "1", *args)).startswith(message)


def test_decode_newer_param_for_older_release(runner: CliRunner) -> None:
    doc = doc_of(invoke(runner, "decode", "--json", "--libvirt", "9.0.0", "0x20002",
                        "--param", "compression.zstd.level=3"))
    assert doc["params"] == {"compression.zstd.level": 3}
    assert "command 'migrate' doesn't support option --comp-zstd-level" in [
        p["message"] for p in doc["problems"]
    ]
