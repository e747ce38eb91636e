"""Bad input anywhere: one line on stderr naming the bad token, exit 2, nothing on stdout."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from migflags.cli import main

PREFIX = "migflags: error: "

# (argv, the bad token the message must name, the exact message or None)
CASES: list[tuple[list[str], str, str | None]] = [
    (["decode", "-1"], "-1", "negative value '-1': flags are unsigned"),
    (["decode", "--", "-1"], "-1", "negative value '-1': flags are unsigned"),
    (["decode", "-0x1b"], "-0x1b", "negative value '-0x1b': flags are unsigned"),
    (["decode", "LIVE|-2"], "-2", "negative value '-2': flags are unsigned"),
    (["decode", str(2**64)], str(2**64), f"value '{2**64}' does not fit in 64 bits"),
    (["decode", hex(2**64)], hex(2**64), f"value '{hex(2**64)}' does not fit in 64 bits"),
    (["decode", "9" * 40], "9" * 40, None),
    (["decode", "0x"], "0x", "not a number: '0x'"),
    (["decode", "0b"], "0b", "not a number: '0b'"),
    (["decode", "0b102"], "0b102", "not a number: '0b102'"),
    (["decode", "0xZZ"], "0xZZ", "not a number: '0xZZ'"),
    (["decode", "1.5"], "1.5", "not a number: '1.5'"),
    (["decode", "1_035"], "1_035", "not a number: '1_035'"),
    (["decode", "\uff11\uff12"], "\uff11\uff12", "not a number: '\uff11\uff12'"),
    (["decode", "1b"], "1b",
     "not a number: '1b': did you mean '0x1b' (or 'flags=1b', as a log prints it)?"),
    (["decode", "flags="], "flags=", "empty value in 'flags='"),
    (["check"], "nothing to check", None),
    (["decode", "flags=zz"], "zz", None),
    (["decode", ""], "empty value", None),
    (["decode", "   "], "empty value", None),
    (["decode", "hello"], "hello", "unknown flag 'hello'"),
    (["decode", "liv"], "liv", "unknown flag 'liv': did you mean 'live'?"),
    (["decode", "LIVE|PEER2PEEER"], "PEER2PEEER", None),
    (["decode", "LIVE|"], "LIVE|", "empty name in 'LIVE|'"),
    (["decode", "|"], "|", "empty name in '|'"),
    (["decode", "live,,p2p"], "live,,p2p", None),
    (["decode", "1\nliv"], "liv", None),  # a line break separates terms; each is checked
    (["decode", "\x00"], "\\x00", None),
    (["decode", "--bogus", "1"], "--bogus", None),
    (["decode", "--jsn", "1"], "--jsn", None),
    (["decode"], "VALUES", None),
    (["decode", "--libvirt", "9.x", "1"], "9.x", None),
    (["decode", "--libvirt", "", "1"], "''", None),
    (["decode", "--format", "cobol", "1"], "cobol", None),
    (["decode", "--color", "sometimes", "1"], "sometimes", None),
    (["decode", "--lang", "fr", "1"], "fr", None),
    (["decode", "--param", "foo=1", "1"], "foo", None),
    (["decode", "--param", "bandwidth", "1"], "bandwidth", None),
    (["decode", "--domain"], "--domain", None),
    (["decod", "1"], "decod", None),
    (["--bogus"], "--bogus", None),
    (["encode", "liv"], "liv", "unknown flag 'liv': did you mean 'live'?"),
    (["encode", "--liv"], "--liv", None),
    (["encode", "--bogus"], "--bogus", None),
    (["encode", "junk"], "junk", None),
    (["encode", "", "--live"], "empty value", None),
    (["encode", str(2**64)], str(2**64), None),
    (["encode", "--", "--live", "--bogus"], "--bogus", None),
    (["explain"], "NAME", None),
    (["explain", "liv"], "liv", None),
    (["explain", "--postcopyy"], "--postcopyy", None),
    (["explain", ""], "empty", None),
    (["explain", "live", "p2p"], "p2p", None),
    (["list", "--libvirt", "x"], "'x'", None),
    (["list", "extra"], "extra", None),
]


@pytest.mark.parametrize(("argv", "token", "message"), CASES, ids=[repr(c[0]) for c in CASES])
def test_bad_input(runner: CliRunner, argv: list[str], token: str, message: str | None) -> None:
    result = runner.invoke(main, argv)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stderr.endswith("\n")
    assert lines[0].startswith(PREFIX)
    assert token in lines[0]
    if message is not None:
        assert lines[0] == PREFIX + message


def test_bad_stdin_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "-"], input="3\nnot-a-flag\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == PREFIX + "standard input, line 2: unknown flag 'not-a-flag'\n"


@pytest.mark.parametrize("token", ["liv", "p2", "tunneld", "VIR_MIGRATE_LIV", "postcopyresume"])
def test_did_you_mean_for_close_names(runner: CliRunner, token: str) -> None:
    result = runner.invoke(main, ["decode", token])
    assert result.exit_code == 2
    assert ": did you mean '" in result.stderr


@pytest.mark.parametrize("token", ["a\rb", "a\u2028b", "a\x0bb"])
def test_click_errors_flatten_every_line_break(runner: CliRunner, token: str) -> None:
    result = runner.invoke(main, ["list", token])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, repr(result.stderr)


@pytest.mark.parametrize("argv", [
    ["decode", "bogus", "--libvirt", "13"],
    ["annotate", "/nonexistent/migflags.log", "--libvirt", "13"],
    ["encode", "--bogus", "--libvirt", "13"],
])
def test_a_note_does_not_come_before_the_one_error_line(runner: CliRunner,
                                                        argv: list[str]) -> None:
    """A release newer than the tables is noted only when the command gets past its input."""
    result = runner.invoke(main, argv)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(PREFIX), result.stderr
