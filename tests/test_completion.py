"""Completion: the candidate logic, Click's answers for the whole command tree, the committed
scripts (in sync with the app), and a completion request that stays light.

The real shells are exercised in test_completion_shells.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.shell_completion import CompletionItem, ShellComplete
from click.testing import CliRunner
from conftest import require

from migflags import complete
from migflags.cli import main as cli
from migflags.cli.common import FileType
from migflags.cli.completion import COMPLETE_VAR, SHELLS, completion_script
from migflags.parse import SEPARATORS
from migflags.tables.flags import FLAGS
from migflags.tables.options import OPTIONS
from migflags.text import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import gen_completions  # noqa: E402

ROW = {row.short: row for row in FLAGS}


def values(candidates: list[complete.Candidate]) -> list[str]:
    return [c.value for c in candidates]


# ------------------------------------------------------------------ candidate logic


@pytest.mark.parametrize(("word", "expected"), [
    # lower case: virsh option names, one per flag, in table order
    ("", [row.option for row in FLAGS]),
    ("copy-storage-", ["copy-storage-all", "copy-storage-inc",
                       "copy-storage-synchronous-writes"]),
    ("p", ["p2p", "persistent", "postcopy", "parallel", "postcopy-resume"]),
    # an alias only once the usual name stops fitting
    ("tunnel", ["tunnelled"]),
    ("tunnele", ["tunneled"]),
    # no virsh name fits: short names, then C names, in lower case
    ("peer", ["peer2peer"]),
    ("vir_migrate_l", ["vir_migrate_live"]),
    # upper case: short names; C names once the prefix is VIR_...
    ("PEER", ["PEER2PEER"]),
    ("VIR_MIGRATE_PEER", ["VIR_MIGRATE_PEER2PEER"]),
    ("V", [row.c_name for row in FLAGS]),
    # after a separator the finished part is kept
    ("LIVE|PEER", ["LIVE|PEER2PEER"]),
    ("live,pers", ["live,persistent"]),
    ("live+p2p+tl", ["live+p2p+tls"]),
    ("LIVE | PEER", ["LIVE | PEER2PEER"]),
    # with nothing typed after the separator, the previous name sets the style
    ("VIR_MIGRATE_LIVE|VIR_MIGRATE_PERS", ["VIR_MIGRATE_LIVE|VIR_MIGRATE_PERSIST_DEST"]),
    ("0x1|", [f"0x1|{row.option}" for row in FLAGS]),
    # numbers and log tokens have nothing to complete
    ("0x", []), ("1035", []), ("flags=0x", []), ("nosuchflag", []),
])
def test_flag_candidates(word: str, expected: list[str]) -> None:
    assert values(complete.flag_candidates(word)) == expected


@pytest.mark.parametrize(("word", "style"), [
    ("LIVE|", "short"), ("VIR_MIGRATE_LIVE|", "c_name"), ("live|", "option"),
])
def test_previous_name_sets_style_and_is_not_offered_again(word: str, style: str) -> None:
    live = ROW["LIVE"]
    expected = [word + getattr(row, style) for row in FLAGS if row is not live]
    assert values(complete.flag_candidates(word)) == expected


@pytest.mark.parametrize("given", [("LIVE",), ("--live",), ("0x0", "live+p2p"),
                                   ("VIR_MIGRATE_LIVE",)])
def test_given_values_are_not_offered_again(given: tuple[str, ...]) -> None:
    assert "live" not in values(complete.flag_candidates("", given=given))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_descriptions_are_the_flag_summaries(lang: str) -> None:
    for candidate, row in zip(complete.flag_candidates("", lang=lang), FLAGS, strict=True):
        assert candidate.help == row.summary.get(lang)


def test_separators_match_the_parser() -> None:
    assert complete.SEPARATORS == SEPARATORS


@pytest.mark.parametrize(("word", "expected"), [
    ("post", ["postcopy", "postcopy-resume", "postcopy-after-precopy", "postcopy-bandwidth"]),
    ("band", ["bandwidth", "bandwidth.postcopy", "bandwidth.avail.switchover"]),
    ("POST", ["POSTCOPY", "POSTCOPY_RESUME"]),
    ("VIR_MIGRATE_TL", ["VIR_MIGRATE_TLS"]),
    ("LIVE|P", []),  # explain takes one name
    ("migrate_d", ["migrate_disks", "migrate_disks_detect_zeroes", "migrate_disks_target_zero"]),
    ("compression.z", ["compression.zlib.level", "compression.zstd.level"]),
    ("VIR_MIGRATE_PARAM_UR", ["VIR_MIGRATE_PARAM_URI"]),
    ("virsh-live", ["virsh-live-offline"]),
    ("qmp-m", ["qmp-multifd-channels-range", "qmp-multifd-compress"]),
])
def test_name_candidates(word: str, expected: list[str]) -> None:
    assert values(complete.name_candidates(word)) == expected


def test_name_candidates_cover_every_option() -> None:
    assert set(values(complete.name_candidates(""))) == {row.name for row in OPTIONS}


@pytest.mark.parametrize(("word", "given", "expected"), [
    ("--copy-storage-", (), ["--copy-storage-all", "--copy-storage-inc",
                             "--copy-storage-synchronous-writes"]),
    ("--copy-storage-", ("--copy-storage-all",), ["--copy-storage-inc",
                                                 "--copy-storage-synchronous-writes"]),
    ("--tunne", (), ["--tunnelled", "--tunneled"]),
    ("--bandw", ("--bandwidth", "10"), ["--bandwidth"]),  # a value option may come again
    ("vm1", (), []),
])
def test_virsh_option_candidates(word: str, given: tuple[str, ...], expected: list[str]) -> None:
    assert values(complete.virsh_option_candidates(word, given=given)) == expected


# ------------------------------------------------------------------ Click's answers


def completions(args: list[str], incomplete: str) -> list[CompletionItem]:
    comp = ShellComplete(cli, {}, "migflags", COMPLETE_VAR)
    return comp.get_completions(args, incomplete)


def pairs(items: list[CompletionItem]) -> list[tuple[str, str | None]]:
    return [(item.value, item.help) for item in items]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    # ShellComplete is Click's own entry, past the group's `main`, which would have put the
    # help back into the environment's language after an earlier test ran in Chinese.
    if "migflags.cli.help_text" in sys.modules:
        from migflags.cli.help_text import localize

        localize(cli, "en")


def test_subcommands() -> None:
    got = pairs(completions([], ""))
    assert got == [(name, cli.commands[name].get_short_help_str()) for name in sorted(cli.commands)]
    assert "completion" in cli.commands


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_option_with_its_help(name: str) -> None:
    command = cli.commands[name]
    expected = [(opt, param.help) for param in command.get_params(click.Context(command))
                if isinstance(param, click.Option) and not param.hidden
                for opt in [*param.opts, *param.secondary_opts] if opt.startswith("--")]
    assert pairs(completions([name], "--")) == expected
    assert all(help_ for _, help_ in expected), "an option without help text"


@pytest.mark.parametrize("name", ["encode", "check"])
def test_virsh_options_carry_the_table_summary(name: str) -> None:
    got = dict(pairs(completions([name], "--")))
    for row in OPTIONS:
        assert got[row.dashed] == row.summary.en


@pytest.mark.parametrize(("args", "incomplete", "gone", "kept"), [
    (["encode", "--live"], "--li", "--live", "--libvirt"),
    (["encode", "--format", "c"], "--f", "--format", None),
    (["decode", "--domain", "vm1", "3"], "--do", "--domain", None),
    (["check", "--copy-storage-all"], "--copy-storage-", "--copy-storage-all",
     "--copy-storage-inc"),
])
def test_given_options_are_hidden(args: list[str], incomplete: str, gone: str,
                                  kept: str | None) -> None:
    got = [item.value for item in completions(args, incomplete)]
    assert gone not in got
    if kept:
        assert kept in got


def test_repeatable_option_stays() -> None:
    assert "--param" in [i.value for i in completions(["decode", "--param", "a=1"], "--pa")]


@pytest.mark.parametrize(("args", "expected"), [
    (["decode"], [row.option for row in FLAGS]),
    (["encode"], [row.option for row in FLAGS]),
    (["check"], [row.option for row in FLAGS]),
    (["encode", "live"], [row.option for row in FLAGS if row.option != "live"]),
    (["encode", "--live"], [row.option for row in FLAGS if row.option != "live"]),
    (["check", "--p2p", "live"], [row.option for row in FLAGS
                                  if row.option not in ("live", "p2p")]),
])
def test_names_arguments_complete_flag_names(args: list[str], expected: list[str]) -> None:
    assert [item.value for item in completions(args, "")] == expected


@pytest.mark.parametrize("name", ["decode", "encode", "check"])
def test_symbolic_values(name: str) -> None:
    assert pairs(completions([name], "LIVE|PEER")) == [
        ("LIVE|PEER2PEER", ROW["PEER2PEER"].summary.en)]


def test_explain_name() -> None:
    got = [item.value for item in completions(["explain"], "post")]
    assert got == ["postcopy", "postcopy-resume", "postcopy-after-precopy",
                   "postcopy-bandwidth"]
    assert [item.value for item in completions(["explain", "live"], "")] == []


def test_lang_option_chooses_description_language() -> None:
    got = completions(["explain", "--lang", "zh"], "p2")
    assert pairs(got) == [("p2p", ROW["PEER2PEER"].summary.get("zh"))]


@pytest.mark.parametrize("env", ["zh_CN.UTF-8", "en_US.UTF-8"])
def test_environment_chooses_description_language(env: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", env)
    lang = "zh" if env.startswith("zh") else "en"
    assert pairs(completions(["decode"], "LIVE|PEER")) == [
        ("LIVE|PEER2PEER", ROW["PEER2PEER"].summary.get(lang))]


@pytest.mark.parametrize(("args", "incomplete", "expected"), [
    # before `--` the command's own options, after it the virsh migrate options
    (["encode"], "--copy-storage-a", ["--copy-storage-all"]),
    (["encode", "--", "virsh", "migrate"], "--copy-storage-a", ["--copy-storage-all"]),
    (["check", "--live", "--", "virsh", "migrate", "--live"], "--liv", []),
    (["check", "--", "virsh", "migrate"], "--verb", ["--verbose"]),
    (["encode", "--", "virsh", "migrate", "--live"], "vm", []),
])
def test_double_dash(args: list[str], incomplete: str, expected: list[str]) -> None:
    assert [item.value for item in completions(args, incomplete)] == expected


@pytest.mark.parametrize(("args", "choices"), [
    (["decode", "--format"], "c python java csharp go go-module perl ruby rust shift"),
    (["list", "--lang"], " ".join(LANGUAGES)),
    (["encode", "--color"], "auto always never"),
    (["completion"], " ".join(SHELLS)),
])
def test_choices(args: list[str], choices: str) -> None:
    assert [item.value for item in completions(args, "")] == choices.split()


def _file_arguments() -> list[tuple[str, str]]:
    """Arguments that name files: a click.Path or migflags' FileType, or FILE in the name or
    metavar."""
    return [
        (name, param.name or "") for name, command in sorted(cli.commands.items())
        for param in command.params
        if isinstance(param, click.Argument)
        and (isinstance(param.type, (click.Path, FileType))
             or "FILE" in f"{param.name} {param.metavar}".upper())
    ]




@pytest.mark.parametrize(("name", "param"), [
    pytest.param(*arg) if arg == ("annotate", "files") else arg
    for arg in _file_arguments()
])
def test_file_arguments_complete_files(name: str, param: str) -> None:
    """annotate's FILE (and any later file argument) lets the shell complete file names."""
    command = cli.commands[name]
    args = [name]
    for other in command.params:  # fill the arguments before this one
        if other.name == param:
            break
        if isinstance(other, click.Argument):
            args.append("x")
    got = completions(args, "")
    assert [item.type for item in got] == ["file"]


def test_annotate_has_a_file_argument() -> None:
    assert ("annotate", "files") in _file_arguments()


# ------------------------------------------------------------------ the committed scripts


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_command_prints_the_committed_script(shell: str) -> None:
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert result.output == (ROOT / "completions" / gen_completions.FILES[shell]).read_text()


def test_committed_scripts_are_up_to_date() -> None:
    """Fails when the app changed and completions/ was not regenerated."""
    assert gen_completions.main(["--check"]) == 0, "run: python scripts/gen_completions.py"


def test_check_mode_reports_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(gen_completions, "ROOT", tmp_path)
    assert gen_completions.main([]) == 0
    stale = tmp_path / "completions" / gen_completions.FILES["zsh"]
    stale.write_text(stale.read_text().replace("migflags", "migflag"))
    assert gen_completions.main(["--check"]) == 1
    assert "stale: completions/_migflags" in capsys.readouterr().err
    assert gen_completions.main([]) == 0
    assert gen_completions.main(["--check"]) == 0


def test_fish_script_keeps_commas() -> None:
    """Click's fish script would cut `live,p2p` (and descriptions) at the first comma."""
    script = completion_script(cli, "fish")
    assert 'string split --max 1 ","' in script
    assert 'string split ","' not in script


def test_unknown_shell_is_bad_input() -> None:
    result = CliRunner().invoke(cli, ["completion", "tcsh"])
    assert result.exit_code == 2


# ------------------------------------------------------------------ a light request


def test_completion_request_does_not_import_rich() -> None:
    """One round trip through the installed `migflags`, as the shell makes it; Rich stays
    unimported (brief, rule 8). PYTHONPROFILEIMPORTTIME lists every module imported."""
    script = Path(sys.executable).parent / "migflags"
    require(script.exists(), f"no installed migflags next to {sys.executable}")
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1", **{
        COMPLETE_VAR: "bash_complete", "COMP_WORDS": "migflags encode --", "COMP_CWORD": "2"})
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "plain,--live" in done.stdout.splitlines()
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")]
    assert "migflags.cli" in imported
    assert [m for m in imported if m.split(".")[0] == "rich" or "rich_table" in m] == []



@pytest.mark.parametrize(("words", "answer"), [
    ("migflags decode live+p", "plain,live+p2p"),
    ("migflags explain libvirt.MIGRATE_L", "plain,libvirt.MIGRATE_LIVE"),
    ("migflags list --li", "plain,--libvirt"),
    ("migflags encode --", "plain,--live"),
    ("migflags check --li", "plain,--live"),
])
def test_completion_does_not_import_the_core(words: str, answer: str) -> None:
    """A TAB imports the command's module and the tables it completes from, never the parser,
    the rules or the core (decode, list and explain once loaded them all: 1.6 times the
    instructions of `encode --<TAB>`)."""
    script = Path(sys.executable).parent / "migflags"
    require(script.exists(), f"no installed migflags next to {sys.executable}")
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1", **{
        COMPLETE_VAR: "bash_complete", "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))})
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert answer in done.stdout.splitlines()
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    heavy = {"migflags.core", "migflags.check", "migflags.tables.rules", "migflags.parse",
             "migflags.virsh_argv", "migflags.annotate"}
    assert sorted(imported & heavy) == []

@pytest.mark.parametrize(("word", "expected"), [
    ("libvirt.MIGRATE_PE", ["libvirt.MIGRATE_PEER2PEER", "libvirt.MIGRATE_PERSIST_DEST"]),
    ("libvirt.MigratePe", ["libvirt.MigratePeer2peer", "libvirt.MigratePersistDest"]),
    ("Domain.MigrateFlags.LIVE|Domain.MigrateFlags.TUN", [
        "Domain.MigrateFlags.LIVE|Domain.MigrateFlags.TUNNELED"]),
    ("Libvirt::Domain::MIGRATE_RDMA", ["Libvirt::Domain::MIGRATE_RDMA_PIN_ALL"]),
    ("Libvirt::Domain::MIGRATE_TL", []),  # ruby-libvirt has no TLS constant
    ("Sys::Virt::Domain::MIGRATE_TL", ["Sys::Virt::Domain::MIGRATE_TLS"]),
])
def test_binding_constants_complete(word: str, expected: list[str]) -> None:
    from migflags.complete import flag_candidates

    assert [c.value for c in flag_candidates(word)] == expected


def test_completion_for_an_unknown_shell_names_the_argument(runner: CliRunner) -> None:
    from migflags.cli import main

    result = runner.invoke(main, ["completion", "tcsh"])
    assert result.exit_code == 2
    assert result.stderr == ("migflags: error: Invalid value for 'SHELL': 'tcsh' is not one of "
                             "'bash', 'zsh', 'fish'.\n")
