"""Pasted command lines against real virsh 9.0.0 and 12.9.0.

* Two faults on one line, for every pair of check kinds (parser, missing domain or
  destination, cmdMigrate's exclusive and required options, empty and malformed values, the
  timeout checks, the "requires one of" checks made while virsh reads the values, unreadable
  files): migflags' first virsh-layer error is the first `error:` virsh prints.
* What surrounds published lines (prompts, sudo, env, timeout, a path to virsh, global
  options, continuations, trailing operators and redirections): bash itself runs each line
  with `virsh` replaced by a recorder, so the words virsh would get come from the shell, not
  from migflags; real virsh then runs with them, and migflags must agree on flags, typed
  parameters and refusals.
* Template placeholders, kept literally: where virsh refuses the word (a number option),
  migflags gives the same error; where virsh takes it, migflags reports no virsh error.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from virsh_oracle import P2P_DESTURI, Outcome, run_migrate

from migflags.model import Result
from migflags.paste import find_commands
from migflags.pasted import PLACEHOLDER_RULE, analyse_words
from migflags.versions import v

pytestmark = pytest.mark.realvirsh

VERSIONS = ("9.0.0", "12.9.0")
WORKERS = 4
DOMAIN = "test"

# One fault of each kind; `None` marks the two positional faults (a word left out).
FAULTS: dict[str, tuple[str, ...] | None] = {
    "unknown-option": ("--foo",),
    "newer-than-9.0.0": ("--available-switchover-bandwidth", "100"),
    "repeated-option": ("--verbose", "--verbose"),
    "value-on-switch": ("--verbose=yes",),
    "exclusive": ("--live", "--offline"),
    "exclusive-storage": ("--copy-storage-all", "--copy-storage-inc"),  # virsh's own from 10.0
    "required-by": ("--tls-destination", "x"),
    "empty-value": ("--dname=",),
    "empty-uri": ("--migrateuri=",),
    "bad-number": ("--bandwidth", "abc"),
    "bad-timeout": ("--timeout", "abc"),
    "bad-port": ("--disks-port", "abc"),
    "timeout-without-live": ("--timeout", "5"),
    "timeout-action-alone": ("--timeout-suspend",),
    "disks-without-copy": ("--migrate-disks", "vda"),
    "sync-writes-without-copy": ("--copy-storage-synchronous-writes",),
    "unreadable-file": ("--xml", "/nonexistent/dest.xml"),
    "no-desturi": None,
    "no-domain": None,
}


def pair_line(first: str, second: str | None = None) -> list[str]:
    """`--p2p` (so virsh calls virDomainMigrateToURI3 on this machine), both faults, then the
    domain and destination unless a fault leaves one out (without a domain the destination
    is given by name, so that it does not become the domain)."""
    words = ["--p2p"]
    kinds = {first} if second is None else {first, second}
    for kind in sorted(kinds, key=list(FAULTS).index):
        words += FAULTS[kind] or ()
    if "no-domain" in kinds:
        return words + ([] if "no-desturi" in kinds else ["--desturi", P2P_DESTURI])
    return words + [DOMAIN] + ([] if "no-desturi" in kinds else [P2P_DESTURI])


PAIRS = [
    (version, first, second)
    for first, second in itertools.combinations(FAULTS, 2)
    if not {first, second} <= {"bad-timeout", "timeout-without-live"}  # one --timeout only
    for version in VERSIONS
]


def migflags_of(line: str, version: str) -> Result:
    found = find_commands(line)
    assert len(found) == 1, line
    return analyse_words(found[0].words, v(version), source=line)


def first_virsh_error(result: Result) -> str | None:
    errors = [p.message for p in result.problems if p.is_error and p.layer == "virsh"]
    return errors[0] if errors else None


def same_error(ours: str, virsh: list[str]) -> bool:
    """Our one line is virsh's first line, or that plus `: ` and virsh's second line (an
    unreadable file's reason, which virsh sometimes has no time to print before the harness
    stops it)."""
    first = virsh[0]
    if ours == first or (len(virsh) > 1 and ours == f"{first}: {virsh[1]}"):
        return True
    return first.startswith("cannot read file") and ours.startswith(f"{first}: ")


def _run_all(binary: dict[str, str], jobs: Sequence[tuple[str, list[str]]]) -> list[Outcome]:
    def run(job: tuple[str, list[str]]) -> Outcome:
        version, args = job
        return run_migrate(binary[version], args)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(run, jobs))


@pytest.fixture(scope="module")
def binaries(virsh9: str, virsh12: str) -> dict[str, str]:
    return {"9.0.0": virsh9, "12.9.0": virsh12}


@pytest.fixture(scope="module")
def pair_outcomes(binaries: dict[str, str]) -> dict[tuple[str, str, str], Outcome]:
    jobs = [(version, pair_line(a, b)) for version, a, b in PAIRS]
    return dict(zip(PAIRS, _run_all(binaries, jobs), strict=True))


@pytest.mark.parametrize(("version", "first", "second"), PAIRS,
                         ids=[f"{ver}-{a}+{b}" for ver, a, b in PAIRS])
def test_two_faults_first_error_is_virshs(
    pair_outcomes: dict[tuple[str, str, str], Outcome], version: str, first: str, second: str
) -> None:
    outcome = pair_outcomes[(version, first, second)]
    line = "virsh migrate " + shlex.join(pair_line(first, second))
    ours = first_virsh_error(migflags_of(line, version))
    if outcome.called:
        assert ours is None, f"virsh {version} called the API, migflags says {ours!r}"
        return
    assert outcome.errors, outcome.stderr
    assert ours is not None, f"virsh {version} refused ({outcome.errors[0]!r}), migflags not"
    assert same_error(ours, outcome.errors), (ours, outcome.errors)


SINGLES = [(version, kind) for kind in FAULTS for version in VERSIONS]


@pytest.fixture(scope="module")
def single_outcomes(binaries: dict[str, str]) -> dict[tuple[str, str], Outcome]:
    jobs = [(version, pair_line(kind)) for version, kind in SINGLES]
    return dict(zip(SINGLES, _run_all(binaries, jobs), strict=True))


@pytest.mark.parametrize(("version", "kind"), SINGLES, ids=[f"{v}-{k}" for v, k in SINGLES])
def test_one_fault(
    single_outcomes: dict[tuple[str, str], Outcome], version: str, kind: str
) -> None:
    outcome = single_outcomes[(version, kind)]
    ours = first_virsh_error(migflags_of("virsh migrate " + shlex.join(pair_line(kind)),
                                         version))
    if outcome.called:
        assert ours is None, ours
    else:
        assert ours is not None and same_error(ours, outcome.errors), (ours, outcome.errors)


def test_every_fault_alone_is_refused(
    single_outcomes: dict[tuple[str, str], Outcome],
) -> None:
    """Guard the matrix: each fault alone makes at least one release refuse the line (only
    12.9.0 checks --migrate-disks, only 9.0.0 lacks --available-switchover-bandwidth), so a
    pair tests an order rather than one fault that is none."""
    refused = {kind for (_, kind), out in single_outcomes.items() if not out.called}
    assert refused == set(FAULTS)


# ------------------------------------------------------------------ what surrounds a line

_TAIL = f"--live --p2p --bandwidth 100 {DOMAIN} {P2P_DESTURI}"
SURROUNDED = [
    f"virsh migrate {_TAIL}",
    f"sudo virsh migrate {_TAIL}",
    f"doas virsh migrate {_TAIL}",
    f"env LIBVIRT_DEBUG=0 virsh migrate {_TAIL}",
    f"LIBVIRT_DEFAULT_URI=qemu:///system virsh migrate {_TAIL}",
    f"timeout 60 virsh migrate {_TAIL}",
    f"/usr/bin/virsh migrate {_TAIL}",
    f"virsh --connect=test:///default --quiet migrate {_TAIL}",
    f"virsh -c 'test:///default' -q migrate {_TAIL}",
    f"virsh migrate --live \\\n    --p2p --bandwidth 100 \\\n    {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate {_TAIL} || true",
    f"virsh migrate {_TAIL}; echo $?",
    f"virsh migrate {_TAIL} 2>&1 | tee /dev/null",
    f"virsh migrate {_TAIL} > /dev/null 2>/dev/null &",
    f"virsh migrate --live --p2p --dname 'new name' \"{DOMAIN}\" {P2P_DESTURI} # comment",
    f"virsh migrate --live --p2p --offline {DOMAIN} {P2P_DESTURI} && echo done",
    f"sudo timeout 60 virsh migrate --live --p2p --bandwidth 1M {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p --timeout-postcopy {DOMAIN} {P2P_DESTURI} || exit 1",
    f"virsh migrate --live --p2p {DOMAIN}; virsh list",
    "virsh migrate --live --persistent --undefinesource 2>&1 | tee log",
    f"ssh root@src 'virsh migrate {_TAIL} || true'",
    f"ssh src virsh migrate --live --p2p --dname 'two words' {DOMAIN} {P2P_DESTURI}",
    f"sudo bash -c 'virsh migrate {_TAIL}; echo $?'",
]
# Prompts are not shell: each line is also checked with a prompt in front, which the shell
# run leaves out.
PROMPTS = ("$ ", "# ", "[root@src ~]# ", "user@src:~$ ")

_RECORDER = """
virsh() { printf '%s\\0' "$@" "$MIGFLAGS_END" >> "$MIGFLAGS_ARGV"; }
/usr/bin/virsh() { virsh "$@"; }
sudo() { "$@"; }
ssh() { shift; bash -c "$*"; }  # `ssh HOST ...`: the words joined, run by a shell
export -f virsh
doas() { "$@"; }
"""


_END = "--migflags-end-of-call--"


def shell_argv(line: str, tmp: Path) -> list[str]:
    """The words bash gives virsh for `line` (functions stand in for virsh, sudo and doas;
    env and timeout are the real programs, finding the recorder on PATH)."""
    bindir = tmp / "bin"
    bindir.mkdir(exist_ok=True)
    recorder = bindir / "virsh"
    recorder.write_text(
        "#!/bin/sh\nprintf '%s\\0' \"$@\" \"$MIGFLAGS_END\" >> \"$MIGFLAGS_ARGV\"\n")
    recorder.chmod(0o755)
    out = tmp / "argv"
    out.unlink(missing_ok=True)
    env = dict(os.environ, MIGFLAGS_ARGV=str(out), MIGFLAGS_END=_END,
               PATH=f"{bindir}:{os.environ['PATH']}")
    subprocess.run(["bash", "-c", _RECORDER + line + "\nwait"], env=env, check=False,
                   capture_output=True, cwd=tmp, timeout=20)
    words = [word.decode() for word in out.read_bytes().split(b"\0")[:-1]]
    calls: list[list[str]] = [[]]
    for word in words:
        if word == _END:
            calls.append([])
        else:
            calls[-1].append(word)
    return next(call for call in calls if "migrate" in call)  # the first virsh migrate run


def after_migrate(argv: list[str]) -> list[str]:
    return argv[argv.index("migrate") + 1 :]


@pytest.fixture(scope="module")
def surrounded(
    binaries: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Outcome]:
    tmp = tmp_path_factory.mktemp("shell")
    args = {line: after_migrate(shell_argv(line, tmp)) for line in SURROUNDED}
    jobs = [(version, args[line]) for line in SURROUNDED for version in VERSIONS]
    keys = [(version, line) for line in SURROUNDED for version in VERSIONS]
    return dict(zip(keys, _run_all(binaries, jobs), strict=True))


LOOKUP_FAILED = "failed to get domain "


def _agree(result: Result, outcome: Outcome) -> None:
    ours = first_virsh_error(result)
    if outcome.errors and outcome.errors[0].startswith(LOOKUP_FAILED):
        # past every check migflags models: virsh looked the guest up by that name (the
        # test driver has only `test`)
        assert ours is None, ours
        assert result.domain == outcome.errors[0].removeprefix(LOOKUP_FAILED)[1:-1]
    elif outcome.called:
        assert ours is None, ours
        assert result.value == outcome.flags
        entries = [e for param in result.params for e in param.log_entries()]
        assert entries == outcome.params
    else:
        assert ours is not None and same_error(ours, outcome.errors), (ours, outcome.errors)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("prompt", ("", *PROMPTS))
@pytest.mark.parametrize("line", SURROUNDED)
def test_surrounded_lines(
    surrounded: dict[tuple[str, str], Outcome], version: str, prompt: str, line: str
) -> None:
    outcome = surrounded[(version, line)]
    found = find_commands(prompt + line)
    assert len(found) == 1, found
    _agree(analyse_words(found[0].words, v(version), source=line), outcome)


def test_interactive_virsh_prompt(surrounded: dict[tuple[str, str], Outcome]) -> None:
    found = find_commands(f"virsh # migrate {_TAIL}")
    assert len(found) == 1
    for version in VERSIONS:
        _agree(analyse_words(found[0].words, v(version), source=""),
               surrounded[(version, f"virsh migrate {_TAIL}")])


# ------------------------------------------------------------------ template placeholders

PLACEHOLDERS = [
    f"virsh migrate --live --p2p --timeout ${{timeout}} {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p --bandwidth \"$bw\" {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p --bandwidth {{{{ bw }}}} {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p --parallel-connections <n> {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p $vm {P2P_DESTURI}",
    f"virsh migrate --live --p2p \"$vm\" {P2P_DESTURI}",
    f"virsh migrate --live --p2p {{{{ vm }}}} {P2P_DESTURI}",
    f"virsh migrate --live --p2p <domain> {P2P_DESTURI}",
    f"virsh migrate --live --p2p --dname <new-name> {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p [--persistent] {DOMAIN} {P2P_DESTURI}",
    f"virsh migrate --live --p2p {DOMAIN} {P2P_DESTURI} ...",
    f"virsh migrate --live --p2p --timeout ${{timeout_postcopy}} --timeout-postcopy {DOMAIN} "
    f"{P2P_DESTURI}",
]


@pytest.fixture(scope="module")
def placeholder_outcomes(binaries: dict[str, str]) -> dict[tuple[str, str], Outcome]:
    keys = [(version, line) for line in PLACEHOLDERS for version in VERSIONS]
    jobs = []
    for version, line in keys:
        words = [w.text for w in find_commands(line)[0].words]
        jobs.append((version, after_migrate(words)))
    return dict(zip(keys, _run_all(binaries, jobs), strict=True))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("line", PLACEHOLDERS)
def test_placeholders(
    placeholder_outcomes: dict[tuple[str, str], Outcome], version: str, line: str
) -> None:
    """Virsh given the placeholder literally: its verdict is migflags' verdict, and every
    placeholder that reached an option is named in an advice note."""
    outcome = placeholder_outcomes[(version, line)]
    found = find_commands(line)[0]
    result = analyse_words(found.words, v(version), source=line)
    if outcome.errors and outcome.errors[0].startswith(LOOKUP_FAILED):
        # virsh took the placeholder as the guest's name and looked it up (the test driver
        # has one guest, `test`): past every check migflags models, which must say nothing
        # at the virsh layer and name the word in its note as the domain.
        assert first_virsh_error(result) is None
        word = outcome.errors[0].removeprefix(LOOKUP_FAILED)[1:-1]
        assert result.domain == word
        notes = [p.explanation.en for p in result.problems if p.rule == PLACEHOLDER_RULE]
        assert any(note.startswith(f"{word!r} ") and "<domain>" in note for note in notes)
    elif outcome.called:
        assert first_virsh_error(result) is None
        assert result.value == outcome.flags
    else:
        ours = first_virsh_error(result)
        assert ours is not None and same_error(ours, outcome.errors), (ours, outcome.errors)
    notes = [p for p in result.problems if p.rule == PLACEHOLDER_RULE]
    assert notes, result.problems
    assert all(p.level == "warning" and p.layer == "advice" for p in notes)
