"""Completion in the real shells: bash (with bash-completion), zsh and fish.

Each test starts the shell with the committed script from completions/ and the installed
`migflags` (the bin directory of the running Python first on PATH), asks for the
completions of one command line, and checks the candidates and, in zsh and fish, their
descriptions against the tables.

* bash: source bash-completion and the script, set COMP_WORDS / COMP_CWORD / COMP_LINE /
  COMP_POINT as readline would, call the function `complete -p migflags` names, print
  COMPREPLY.
* zsh: a driver script runs an interactive `zsh -f -i` under zsh/zpty, with compinit and
  completions/ in $fpath (the script is autoloaded as `_migflags`, as an installed one is),
  types the line and a TAB; a `compadd` wrapper writes every match and its description to a
  file and `comppostfuncs` ends the inner shell. The driver gives up after a deadline.
* fish: `fish --no-config`, source the script, `complete -C LINE`.

The last tests install the three files into a share/ tree laid out as pyproject.toml's
shared-data says and check that each shell finds them there on its own.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import require

from migflags.cli import main as cli
from migflags.render.expr import STYLES
from migflags.tables.flags import FLAGS
from migflags.tables.options import OPTIONS, OPTIONS_BY_NAME

ROOT = Path(__file__).resolve().parent.parent
COMPLETIONS = ROOT / "completions"
BASH_COMPLETION = Path("/usr/share/bash-completion/bash_completion")
TIMEOUT = 60  # seconds for one shell run; the zsh driver's own deadline is shorter

FLAG_BY_SHORT = {row.short: row for row in FLAGS}


@dataclass(frozen=True)
class Case:
    id: str
    words: tuple[str, ...]  # as typed, quotes included; the last one is being completed
    expected: tuple[tuple[str, str], ...]  # (candidate, description), in Click's order

    @property
    def line(self) -> str:
        return " ".join(self.words)

    @property
    def values(self) -> list[str]:
        return [value for value, _ in self.expected]


def _option_help(command: str, opt: str) -> str:
    for param in cli.commands[command].params:
        if opt in param.opts:
            return str(getattr(param, "help", "") or "")
    raise KeyError(opt)


def _cases() -> list[Case]:
    storage = [row for row in OPTIONS if row.dashed.startswith("--copy-storage-")]
    post = ["postcopy", "postcopy-resume", "postcopy-after-precopy", "postcopy-bandwidth"]
    return [
        Case("subcommand", ("migflags", "enc"),
             (("encode", cli.commands["encode"].get_short_help_str()),)),
        Case("option-prefix", ("migflags", "encode", "--copy-storage-"),
             tuple((row.dashed, row.summary.en) for row in storage)),
        Case("explain-name", ("migflags", "explain", "post"),
             tuple((name, OPTIONS_BY_NAME[name].summary.en) for name in post)),
        Case("after-bar", ("migflags", "decode", "'LIVE|PEER"),
             (("LIVE|PEER2PEER", FLAG_BY_SHORT["PEER2PEER"].summary.en),)),
        Case("after-comma", ("migflags", "decode", "live,pers"),
             (("live,persistent", FLAG_BY_SHORT["PERSIST_DEST"].summary.en),)),
        Case("given-option-hidden", ("migflags", "encode", "--live", "--li"),
             tuple((opt, _option_help("encode", opt))
                   for opt in ("--libvirt", "--listen-address"))),
        Case("choice", ("migflags", "check", "--format", ""),
             tuple((style, "") for style in STYLES)),
        Case("after-double-dash",
             ("migflags", "check", "--", "virsh", "migrate", "--copy-storage-a"),
             (("--copy-storage-all", OPTIONS_BY_NAME["copy-storage-all"].summary.en),)),
    ]


CASES = _cases()


@pytest.fixture(scope="module")
def shell_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """PATH with the installed `migflags` first, English, no user configuration."""
    bindir = Path(sys.executable).parent
    require((bindir / "migflags").exists(), f"no installed migflags in {bindir}")
    home = tmp_path_factory.mktemp("home")
    env = {key: value for key, value in os.environ.items()
           if key not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "BASH_ENV", "ENV",
                          "ZDOTDIR", "XDG_DATA_DIRS", "BASH_COMPLETION_USER_DIR")}
    env.update(PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), TERM="dumb")
    return env


def _need(shell: str) -> str:
    path = shutil.which(shell)
    require(path is not None, f"{shell} is not installed")
    assert path is not None
    return path


def _run(argv: list[str], env: dict[str, str]) -> str:
    """Run a shell in its own process group; a hung one is killed with everything it started."""
    with subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, start_new_session=True) as proc:
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"{Path(argv[0]).name} gave no answer within {TIMEOUT}s", pytrace=False)
    assert proc.returncode == 0, f"{argv[0]} exited {proc.returncode}: {err}"
    return out


# ------------------------------------------------------------------ bash

BASH_DRIVER = r"""
set -u
source "$BASH_COMPLETION_FILE" || exit 3
[[ -n ${MF_SCRIPT:-} ]] && { source "$MF_SCRIPT" || exit 4; }
[[ -n ${MF_LOAD:-} ]] && __load_completion migflags
spec=$(complete -p migflags) || exit 5
func=${spec#* -F } func=${func%% *}
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
# compopt only works while readline is completing: record what the script asks of it
compopt() { local IFS=" "; MF_COMPOPT+=("#compopt $*"); }
MF_COMPOPT=()
"$func" migflags "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "$spec" "${COMPREPLY[@]}" "${MF_COMPOPT[@]}"
"""


def bash_complete(words: tuple[str, ...], env: dict[str, str], *,
                  script: Path | None = COMPLETIONS / "migflags.bash") -> list[str]:
    bash = _need("bash")
    require(BASH_COMPLETION.exists(), f"bash-completion is not installed ({BASH_COMPLETION})")
    run_env = dict(env, BASH_COMPLETION_FILE=str(BASH_COMPLETION))
    if script is not None:
        run_env["MF_SCRIPT"] = str(script)
    else:
        run_env["MF_LOAD"] = "1"
    out = _run([bash, "--norc", "--noprofile", "-c", BASH_DRIVER, "bash", *words], run_env)
    spec, *replies = out.splitlines()
    assert spec.endswith(" migflags") and " -F " in spec, spec
    return replies  # then "#compopt ARGS" for each compopt call the script made


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bash(case: Case, shell_env: dict[str, str]) -> None:
    assert bash_complete(case.words, shell_env) == case.values


def test_bash_registration_keeps_click_order(shell_env: dict[str, str]) -> None:
    """The script registers with -o nosort, so candidates stay in the table's order."""
    out = bash_complete(("migflags", "encode", ""), shell_env)
    assert out == [row.option for row in FLAGS]


# ------------------------------------------------------------------ zsh

ZSH_SETUP = r"""
PS1= PROMPT= RPROMPT=
unsetopt beep
stty columns 1000 2>/dev/null; COLUMNS=1000  # _describe cuts descriptions to the width
fpath=($MF_FPATH $fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
# Record what completion adds: the match (unquoted) and, when a display string was passed
# with -d (as _describe does: "match   -- description"), the description part of it.
compadd() {
  if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi
  local -a mf_matches mf_shown
  local -i mf_d=${@[(I)-d]} mf_k
  (( mf_d )) && mf_shown=("${(@P)${@[mf_d+1]}}")
  builtin compadd -A mf_matches -D mf_shown "$@"
  for (( mf_k = 1; mf_k <= $#mf_matches; mf_k++ )); do
    local mf_text=${mf_shown[mf_k]}
    [[ $mf_text == *' -- '* ]] && mf_text=${mf_text#* -- } || mf_text=
    print -rn -- "${(Q)mf_matches[mf_k]}"$'\t'"$mf_text"$'\n' >> $MF_OUT
  done
}
mf_finish() { print -r -- done > $MF_OUT.done; exit }
comppostfuncs=(mf_finish)
bindkey '^I' complete-word
print -r -- ready > $MF_OUT.ready
"""

ZSH_DRIVER = r"""
# zsh -f driver.zsh SETUP OUT SECONDS LINE
zmodload zsh/zpty zsh/datetime || exit 3
local setup=$1 out=$2 limit=$3 line=$4 chunk state=starting
export MF_OUT=$out
: >| $out
rm -f $out.ready $out.done
zpty mf zsh -f -i || exit 4
zpty -w mf "source ${(q)setup}"
local -F deadline=$(( EPOCHREALTIME + limit ))
while (( EPOCHREALTIME < deadline )); do
  while zpty -rt mf chunk 2>/dev/null; do :; done   # keep the pty drained
  if [[ $state == starting && -e $out.ready ]]; then
    zpty -w -n mf "$line"$'\t'
    state=typed
  elif [[ $state == typed && -e $out.done ]]; then
    zpty -d mf 2>/dev/null
    exit 0
  fi
  sleep 0.05
done
zpty -d mf 2>/dev/null
print -u2 -r -- "zsh completion did not finish within ${limit}s (state: $state)"
exit 5
"""


def zsh_complete(line: str, env: dict[str, str], tmp_path: Path,
                 fpath: Path = COMPLETIONS) -> list[tuple[str, str]]:
    zsh = _need("zsh")
    setup, driver, out = tmp_path / "setup.zsh", tmp_path / "driver.zsh", tmp_path / "out"
    setup.write_text(ZSH_SETUP)
    driver.write_text(ZSH_DRIVER)
    _run([zsh, "-f", str(driver), str(setup), str(out), "30", line],
         dict(env, MF_FPATH=str(fpath)))
    return [tuple(row.split("\t", 1)) for row in out.read_text().splitlines()]  # type: ignore[misc]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_zsh(case: Case, shell_env: dict[str, str], tmp_path: Path) -> None:
    assert zsh_complete(case.line, shell_env, tmp_path) == list(case.expected)


# ------------------------------------------------------------------ fish

FISH_DRIVER = "for f in $argv[2..-1]; source $f; end; complete -C $argv[1]"


def fish_complete(line: str, env: dict[str, str],
                  scripts: tuple[Path, ...] = (COMPLETIONS / "migflags.fish",),
                  ) -> list[tuple[str, str]]:
    """With no script given, fish must find one by itself; that needs its normal start-up
    ($fish_complete_path is empty under --no-config; HOME and XDG_CONFIG_HOME are empty)."""
    fish = _need("fish")
    config = ["--no-config"] if scripts else []
    out = _run([fish, *config, "-c", FISH_DRIVER, line, *map(str, scripts)], env)
    return [[*row.split("\t", 1), ""][:2] for row in out.splitlines()]  # type: ignore[misc]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fish(case: Case, shell_env: dict[str, str]) -> None:
    # fish sorts the candidates itself and shows no description for an empty one
    assert sorted(map(tuple, fish_complete(case.line, shell_env))) == sorted(case.expected)


# ------------------------------------------------------------------ installed layout


def _shared_data() -> dict[str, str]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the same parser, published as tomli
        import tomli as tomllib  # type: ignore[no-redef]
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    mapping: dict[str, str] = config["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    return mapping


@pytest.fixture
def share(tmp_path: Path) -> Iterator[Path]:
    """A prefix's share/ tree with the completion files where the wheel puts them."""
    prefix = tmp_path / "prefix"
    for source, target in _shared_data().items():
        assert target.startswith("share/"), target
        dest = prefix / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / source, dest)
    yield prefix / "share"


def test_shared_data_installs_every_script() -> None:
    assert sorted(_shared_data()) == sorted(f"completions/{p.name}"
                                            for p in COMPLETIONS.iterdir())


def test_bash_completion_loader_finds_installed_script(shell_env: dict[str, str],
                                                       share: Path) -> None:
    """bash-completion loads share/bash-completion/completions/migflags on first use from
    $XDG_DATA_HOME (a --user install: ~/.local/share) or $XDG_DATA_DIRS (/usr/local/share)."""
    env = dict(shell_env, XDG_DATA_HOME=str(share))
    assert bash_complete(("migflags", "enc"), env, script=None) == ["encode"]
    env = dict(shell_env, XDG_DATA_DIRS=f"{share}:/usr/share")
    assert bash_complete(("migflags", "enc"), env, script=None) == ["encode"]


def test_zsh_autoloads_installed_script(shell_env: dict[str, str], share: Path,
                                        tmp_path: Path) -> None:
    """With share/zsh/site-functions in $fpath (as /usr/local/share/zsh/site-functions is on
    Debian), compinit picks up `_migflags` by its #compdef line."""
    got = zsh_complete("migflags enc", shell_env, tmp_path, fpath=share / "zsh/site-functions")
    assert [value for value, _ in got] == ["encode"]


def test_fish_autoloads_installed_script(shell_env: dict[str, str], share: Path) -> None:
    """fish looks in $XDG_DATA_HOME/fish/vendor_completions.d (a --user install) and in
    vendor_completions.d under each of $XDG_DATA_DIRS."""
    env = dict(shell_env, XDG_DATA_HOME=str(share))
    assert [value for value, _ in fish_complete("migflags enc", env, scripts=())] == ["encode"]
    env = dict(shell_env, XDG_DATA_DIRS=f"{share}:/usr/share")
    assert [value for value, _ in fish_complete("migflags enc", env, scripts=())] == ["encode"]


# ------------------------------------------------------------------ file names



@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "logs" / "libvirtd.log"
    path.parent.mkdir()
    path.write_text("")
    return path


def test_bash_annotate_asks_for_file_names(shell_env: dict[str, str], log_file: Path) -> None:
    """The script answers `file` by letting readline complete file names (-o default)."""
    got = bash_complete(("migflags", "annotate", f"{log_file.parent}/libv"), shell_env)
    assert got == ["#compopt -o default"]


def test_zsh_annotate_completes_file_names(shell_env: dict[str, str], log_file: Path,
                                           tmp_path: Path) -> None:
    got = zsh_complete(f"migflags annotate {log_file.parent}/libv", shell_env, tmp_path)
    assert log_file.name in [value for value, _ in got]


def test_fish_annotate_completes_file_names(shell_env: dict[str, str], log_file: Path) -> None:
    got = fish_complete(f"migflags annotate {log_file.parent}/libv", shell_env)
    assert [value for value, _ in got] == [str(log_file)]
