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
        # a command's option before the command
        (["--lang", "en", "decode", "0x1b"],
         "'--lang' is an option of each command, not of migflags itself; run: "
         "migflags decode 0x1b --lang en"),
        (["--lang=en", "check", "--live"],
         "'--lang=en' is an option of each command, not of migflags itself; run: "
         "migflags check --live --lang=en"),
        (["--json", "decode", "1"],
         "'--json' is an option of each command, not of migflags itself; run: "
         "migflags decode 1 --json"),
        (["--libvirt", "9.0.0", "check", "--live", "--offline"],
         "'--libvirt' is an option of each command, not of migflags itself; run: "
         "migflags check --live --offline --libvirt 9.0.0"),
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


def test_a_commands_option_before_it_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--lang", "zh", "decode", "0x1b"])
    assert result.exit_code == 2
    assert result.stderr == ("migflags: 错误：'--lang' 是各个命令的选项，不是 migflags 本身的选项；"
                             "请运行：migflags decode 0x1b --lang zh\n")


def test_an_unknown_option_before_no_command_is_clicks_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--lang", "zh"])
    assert result.exit_code == 2
    assert "No such option '--lang'" in result.stderr or "没有选项" in result.stderr


@pytest.mark.parametrize("command", ["check", "encode"])
def test_an_unquoted_virsh_line_after_a_command_says_how_to_give_it(
    runner: CliRunner, command: str
) -> None:
    result = runner.invoke(main, [command, "virsh", "migrate", "--live", "--p2p", "web01",
                                  "qemu+ssh://dst/system"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "migflags: error: 'virsh' starts a virsh command line: put the line after '--' "
        f"(migflags {command} -- virsh migrate ...) or quote it whole\n")
    # and both ways it names work
    quoted = runner.invoke(main, [command, "virsh migrate --live --p2p web01 "
                                  "qemu+ssh://dst/system", "--json"])
    after = runner.invoke(main, [command, "--json", "--", "virsh", "migrate", "--live", "--p2p",
                                 "web01", "qemu+ssh://dst/system"])
    assert quoted.exit_code == after.exit_code == 0, (quoted.stderr, after.stderr)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "migflags: error: Invalid value for '--format': 'json' is not a --format style; "
           "for the JSON document use --json\n"),
    ("zh", "migflags: 错误：'--format' 的值无效：'json' 不是 --format 的样式；要输出 JSON 文档，"
           "请用 --json\n"),
])
def test_format_json_points_to_json(runner: CliRunner, lang: str, expected: str) -> None:
    result = runner.invoke(main, ["decode", "0x1b", "--format", "json", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == expected


def test_clicks_choice_error_reads_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "0x1b", "--format", "jsn", "--lang", "zh"])
    assert result.exit_code == 2
    assert "'jsn' 不在可选值之中：'c', 'python'" in result.stderr
