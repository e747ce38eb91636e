"""The group itself: `migflags` alone, and a first word that is not a command."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from migflags.cli import main


def test_no_arguments_prints_the_multi_line_help(runner: CliRunner) -> None:
    result = runner.invoke(main, [], prog_name="migflags")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Usage: migflags [OPTIONS] COMMAND [ARGS]..."
    assert "Commands:" in lines
    assert any(line.split()[:1] == ["decode"] for line in lines)
    assert result.stdout == runner.invoke(main, ["--help"], prog_name="migflags").stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["0x1b"], "'0x1b' is not a migflags command; to decode it run: migflags decode 0x1b"),
        (["flags=0x1b", "3"],
         "'flags=0x1b' is not a migflags command; to decode it run: "
         "migflags decode flags=0x1b 3"),
        (["LIVE|PEER2PEER"],
         "'LIVE|PEER2PEER' is not a migflags command; to decode it run: "
         "migflags decode 'LIVE|PEER2PEER'"),
        (["--live", "--p2p"],
         "'--live' is a virsh migrate option, not a migflags one; run: "
         "migflags encode --live --p2p"),
        (["--bandwidth", "100", "--live"],
         "'--bandwidth' is a virsh migrate option, not a migflags one; run: "
         "migflags encode --bandwidth 100 --live"),
        (["virsh", "migrate", "--live", "vm1", "qemu+ssh://dst/system"],
         "'virsh' is not a migflags command; for a virsh command line run: "
         "migflags encode -- virsh migrate --live vm1 qemu+ssh://dst/system"),
    ],
)
def test_first_word_suggests_the_command(
    runner: CliRunner, argv: list[str], expected: str
) -> None:
    result = runner.invoke(main, argv)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"migflags: error: {expected}\n"


def test_suggested_commands_run(runner: CliRunner) -> None:
    assert runner.invoke(main, ["decode", "0x1b", "-q"]).stdout == (
        "--live --p2p --persistent --undefinesource\n")
    assert runner.invoke(main, ["encode", "--live", "--p2p", "-q"]).stdout == "3\n"


def test_a_typo_of_a_command_still_gets_clicks_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decod", "1"])
    assert result.exit_code == 2
    assert "'decode'" in result.stderr and "No such command 'decod'" in result.stderr


def test_close_options_are_ranked_best_first(runner: CliRunner) -> None:
    result = runner.invoke(main, ["encode", "--liv"])
    assert result.exit_code == 2
    assert result.stderr == (
        "migflags: error: No such option '--liv'. (did you mean '--live', '--libvirt', "
        "'--xml'?)\n")
