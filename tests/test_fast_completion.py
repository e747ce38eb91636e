"""The fast TAB answers (`migflags.cli.fast_completion`) are Click's answers: the generated
table is current, and for every subcommand, every prefix of every option and every shell the
fast path offers exactly what Click's full walk over the command tree offers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from migflags.cli import COMMANDS, main
from migflags.cli import fast_completion as fast
from migflags.cli.completion import COMPLETE_VAR, PROG_NAME, SHELLS

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "migflags" / "cli" / "completion_table.py"


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_completion_table",
                                                  ROOT / "scripts" / "gen_completion_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_table_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _generator().render()
    assert TABLE.read_text(encoding="utf-8") == expected, (
        "src/migflags/cli/completion_table.py is stale: run python scripts/gen_completion_table.py"
    )


def _click(args: list[str], incomplete: str) -> list[tuple[str, str, str | None]]:
    comp = ShellComplete(main, {}, PROG_NAME, COMPLETE_VAR)
    return [(i.type, i.value, i.help) for i in comp.get_completions(args, incomplete)]


def _prefixes(words: list[str]) -> list[str]:
    return sorted({word[:n] for word in words for n in range(len(word) + 1)})


def _cases() -> list[tuple[list[str], str]]:
    names = [item[1] for item in _click([], "")]
    cases: list[tuple[list[str], str]] = [([], p) for p in _prefixes(names)]
    cases += [([], p) for p in _prefixes([item[1] for item in _click([], "-")])]
    cases += [([], "x"), ([], "."), ([], "--nope")]
    for name in COMMANDS:
        options = [item[1] for item in _click([name], "-")]
        assert options, name
        cases += [([name], p) for p in _prefixes(options) if p]
    return cases


CASES = _cases()


def test_the_cases_cover_every_subcommand_and_option() -> None:
    assert {tuple(args) for args, _ in CASES} == {(), *((name,) for name in COMMANDS)}
    assert len(CASES) > 500


@pytest.mark.parametrize(("args", "incomplete"), CASES)
def test_fast_items_are_clicks(args: list[str], incomplete: str) -> None:
    assert fast.items(args, incomplete) == _click(args, incomplete)


@pytest.mark.parametrize(
    ("args", "incomplete"),
    [
        (["encode", "--live"], "--"),  # an option already given is not offered again
        (["encode"], "--bandwidth="),  # a value after `=`
        (["encode"], "LI"),  # flag names: the NAMES argument's own completion
        (["decode", "0x1"], "-"),
        (["encode", "--"], "--"),
        (["nosuch"], "-"),
    ],
)
def test_what_needs_parsing_goes_to_click(args: list[str], incomplete: str) -> None:
    assert fast.items(args, incomplete) is None


_CHILD = """
import os, sys
from migflags.cli import fast_completion, main
asked = []
real = fast_completion.items
def items(*args):
    asked.append(args)
    return real(*args) if sys.argv[1] == "fast" else None
fast_completion.items = items
try:
    main(prog_name="migflags")
finally:
    sys.stderr.write(repr(bool(asked) and real(*asked[-1]) is not None))
"""


def _run(shell: str, words: list[str], mode: str) -> tuple[str, str]:
    """(stdout, whether the fast path answered) of a TAB in a fresh process, as a shell
    asks it: a fresh process, so that nothing another test loaded changes the answer."""
    import subprocess

    line = " ".join(["migflags", *words])
    # bash and zsh give the index of the word being completed, fish the word itself
    cword = (words[-1] if words else "") if shell == "fish" else str(len(words))
    env = {"PATH": "/usr/bin:/bin", COMPLETE_VAR: f"{shell}_complete", "COMP_WORDS": line,
           "COMP_CWORD": cword}
    done = subprocess.run([sys.executable, "-c", _CHILD, mode], capture_output=True,
                          text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("words", [["encode", "--"], ["encode", "--p"], ["check", "--l"],
                                   ["annotate", "-"], [""], ["de"], ["--"]])
def test_whole_answers_match_clicks_in_every_shell(shell: str, words: list[str]) -> None:
    quick, answered = _run(shell, words, "fast")
    slow, _ = _run(shell, words, "click")
    assert answered == "True"
    assert quick == slow and quick.strip()


def test_chinese_help_goes_to_click() -> None:
    """Help texts are translated while the tree is built: in Chinese, Click answers (in a
    child process: the translation would stay on this process's commands)."""
    import subprocess

    code = (
        "import os\n"
        "from migflags.cli import fast_completion\n"
        "fast_completion.items = None  # would fail if it were asked\n"
        "os.environ.update(_MIGFLAGS_COMPLETE='zsh_complete', COMP_WORDS='migflags encode --liv',"
        " COMP_CWORD='2', LANG='zh_CN.UTF-8')\n"
        "from migflags.cli import main\n"
        "main(prog_name='migflags')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0, done.stderr
    assert "--live" in done.stdout and "在虚拟机持续运行的同时迁移" in done.stdout


def test_a_tab_does_not_build_the_tree() -> None:
    """The point of it: `migflags encode --<TAB>` loads no subcommand module and no table."""
    import subprocess

    code = (
        "import os, sys\n"
        "os.environ.update(_MIGFLAGS_COMPLETE='bash_complete', COMP_WORDS='migflags encode --',"
        " COMP_CWORD='2')\n"
        "from migflags.cli import main\n"
        "try:\n    main(prog_name='migflags')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('migflags')), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"}, check=True)
    assert "plain,--live" in done.stdout.splitlines()
    loaded = done.stderr
    for module in ("migflags.cli.encode", "migflags.tables.options", "migflags.tables.flags"):
        assert module not in loaded
