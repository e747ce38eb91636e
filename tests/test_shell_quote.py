"""The printed `virsh migrate` command is inert when pasted into a shell.

Each command line migflags prints (decode's and encode's, plain and JSON, and decode -q's
argument list) is run with `sh -c` while a stub `virsh` stands first on PATH. The stub writes
its argv, NUL separated, to a file and does nothing else. Hostile domain names, URIs and
parameter values (`; rm -rf ~`, `$(...)`, backticks, quotes, new lines, globs) must arrive as
exactly the intended words, and no other command may run: canary files stay absent and a
sentinel in $HOME stays put.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from migflags.cli import main
from migflags.versions import v
from migflags.virsh_argv import parse_virsh_argv

STUB = """#!/bin/sh
# records its arguments, NUL separated, and does nothing else
: > "$MIGFLAGS_RECORD"
for arg in "$@"; do
    printf '%s\\0' "$arg" >> "$MIGFLAGS_RECORD"
done
"""

HOSTILE = [
    "vm; rm -rf ~",
    "vm && touch $CANARY",
    "$(touch $CANARY)",
    "`touch $CANARY`",
    "vm\ntouch $CANARY",
    "it's \"quoted\"",
    "a b\tc",
    "*",
    "~",
    "$HOME",
    "back\\slash",
    "虚拟机 é",
    "|| touch $CANARY #",
    "> $CANARY",
    "-",
    "--evil",
    "--",
    "--live",
]
URIS = [
    "qemu+ssh://dst host/system",
    "qemu+ssh://dst/system?keyfile=/root/.ssh/id rsa&x=$(touch $CANARY)",
    "qemu+ssh://`touch $CANARY`/system",
    "qemu+tls://[::1]/system;touch $CANARY",
    "--desturi",
]


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, str]:
    """An environment whose `virsh` is the recording stub and whose HOME holds a sentinel."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "virsh"
    stub.write_text(STUB)
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    home = tmp_path / "home"
    home.mkdir()
    (home / "sentinel").write_text("still here")
    work = tmp_path / "work"
    work.mkdir()
    (work / "glob-target").write_text("")
    return {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin",
        "HOME": str(home),
        "CANARY": str(tmp_path / "canary"),
        "MIGFLAGS_RECORD": str(tmp_path / "argv"),
        "CWD": str(work),
    }


def run_in_shell(line: str, sandbox: dict[str, str]) -> list[str]:
    env = {k: val for k, val in sandbox.items() if k != "CWD"}
    Path(sandbox["MIGFLAGS_RECORD"]).unlink(missing_ok=True)
    subprocess.run(["sh", "-c", line], env=env, cwd=sandbox["CWD"], check=True, timeout=30)
    assert not Path(sandbox["CANARY"]).exists(), "a command hidden in a value ran"
    assert (Path(sandbox["HOME"]) / "sentinel").read_text() == "still here"
    recorded = Path(sandbox["MIGFLAGS_RECORD"]).read_bytes().decode()
    assert recorded.endswith("\0")
    return recorded[:-1].split("\0")


def decode_json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(main, ["decode", "--json", *args])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


def _domain_words(domain: str) -> list[str]:
    return ["--domain", domain] if domain.startswith("--") else [domain]


def _uri_words(uri: str) -> list[str]:
    return ["--desturi", uri] if uri.startswith("--") else [uri]


@pytest.mark.parametrize("domain", HOSTILE)
@pytest.mark.parametrize("uri", URIS)
def test_decode_command_runs_exactly_the_intended_words(
    runner: CliRunner, sandbox: dict[str, str], domain: str, uri: str
) -> None:
    name = f"renamed {domain}"
    doc = decode_json(runner, "0x3", "--domain", domain, "--desturi", uri,
                      "--param", f"dname={name}", "--param", "migrate_disks=vda,vdb")
    command = doc["command"]
    assert isinstance(command, str)
    argv = run_in_shell(command, sandbox)
    assert argv == [
        "migrate", "--live", "--p2p", "--dname", name, "--migrate-disks", "vda,vdb",
        *_domain_words(domain), *_uri_words(uri),
    ]
    # and virsh (here: migflags' virsh parser) reads those words back as the same request
    for version in (v("9.0.0"), v("12.9.0")):
        request = parse_virsh_argv(argv, version)
        assert (request.domain, request.desturi) == (domain, uri)
        assert request.value_of("dname") == name


@pytest.mark.parametrize("value", HOSTILE)
def test_every_option_value_is_one_word(
    runner: CliRunner, sandbox: dict[str, str], value: str
) -> None:
    doc = decode_json(runner, "1", "--domain", "vm", "--desturi", "qemu:///system",
                      "--param", f"migrate_uri={value}", "--param", f"tls.destination={value}",
                      "--param", f"listen_address={value}")
    command = doc["command"]
    assert isinstance(command, str)
    assert run_in_shell(command, sandbox) == [
        "migrate", "--live", "--migrateuri", value, "--tls-destination", value,
        "--listen-address", value, "vm", "qemu:///system",
    ]


@pytest.mark.parametrize("domain", HOSTILE)
def test_plain_command_line_is_the_same_string(runner: CliRunner, domain: str) -> None:
    """The plain output's `command:` text is the JSON command (new lines stay inside quotes)."""
    args = ["decode", "0x1", "--domain", domain, "--desturi", "qemu:///system"]
    plain = runner.invoke(main, [*args, "--color", "never"])
    assert plain.exit_code == 0, plain.output
    command = decode_json(runner, *args[1:])["command"]
    assert isinstance(command, str)
    assert f"command: {command}\n" in plain.stdout


# Values that `$(...)` would split, glob or drop: -q refuses them (checked by hand: each has a
# blank, a glob character, or is empty).
SPLIT_BY_SUBSTITUTION = {"vm; rm -rf ~", "vm && touch $CANARY", "$(touch $CANARY)",
                         "`touch $CANARY`", "vm\ntouch $CANARY", "it's \"quoted\"", "a b\tc",
                         "*", "虚拟机 é", "|| touch $CANARY #", "> $CANARY"}


@pytest.mark.parametrize("value", HOSTILE)
def test_decode_args_only_in_command_substitution(
    runner: CliRunner, sandbox: dict[str, str], value: str
) -> None:
    """-q is for `virsh migrate $(migflags decode -q ...)`: its words arrive exactly, or -q
    refuses (exit 2) and points to the shell-quoted command line."""
    result = runner.invoke(main, ["decode", "-q", "0x3", "--param", f"dname={value}"])
    if value in SPLIT_BY_SUBSTITUTION:
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "would not come through its word splitting unchanged" in result.stderr
        assert "'command:' line" in result.stderr
        return
    assert result.exit_code == 0, result.output
    out = Path(sandbox["CWD"]) / "args.txt"
    out.write_text(result.stdout)
    argv = run_in_shell(f'virsh migrate $(cat "{out}")', sandbox)
    assert argv == ["migrate", "--live", "--p2p", "--dname", value]


def test_decode_args_only_is_not_quoted(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "-q", "0x1b", "--param", "dname=it's"])
    assert result.stdout == "--live --p2p --persistent --undefinesource --dname it's\n"


def test_decode_args_only_refuses_a_glob_in_a_list(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "-q", "0x43", "--param", "migrate_disks=vd[ab]"])
    assert result.exit_code == 2
    assert result.stderr.startswith("migflags: error: -q prints words for $(...), and 'vd[ab]' ")


@pytest.mark.parametrize("domain", HOSTILE)
def test_encode_of_a_pasted_line_prints_it_back_safely(
    runner: CliRunner, sandbox: dict[str, str], domain: str
) -> None:
    words = ["virsh", "-c", "qemu:///system", "migrate", "--live", "--p2p", "--bandwidth", "100",
             "--dname", domain, *_domain_words(domain), "qemu+ssh://dst/system"]
    result = runner.invoke(main, ["encode", "--json", "--", *words])
    assert result.exit_code == 0, result.output
    command = json.loads(result.stdout)["command"]
    assert run_in_shell(command, sandbox) == [
        "migrate", "--live", "--p2p", "--bandwidth", "100", "--dname", domain,
        *_domain_words(domain), "qemu+ssh://dst/system",
    ]
