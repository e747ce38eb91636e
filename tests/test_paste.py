"""Command lines as people paste them: the words found (literals checked by hand), and
encode / check given a whole line as one argument or on stdin."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from migflags.cli import main
from migflags.paste import find_commands, looks_pasted

TAIL = ["--live", "--p2p", "vm1", "qemu+ssh://dst/system"]
LINE = "virsh migrate --live --p2p vm1 qemu+ssh://dst/system"

# (pasted text, the words from the virsh word on) - what a POSIX shell would hand virsh.
SURROUNDINGS = [
    (LINE, ["virsh", "migrate", *TAIL]),
    (f"$ {LINE}", ["virsh", "migrate", *TAIL]),
    (f"# {LINE}", ["virsh", "migrate", *TAIL]),
    (f"[root@src ~]# {LINE}", ["virsh", "migrate", *TAIL]),
    (f"admin@src:~$ {LINE}", ["virsh", "migrate", *TAIL]),
    ("virsh # migrate --live --p2p vm1 qemu+ssh://dst/system", ["virsh", "migrate", *TAIL]),
    (f"sudo {LINE}", ["virsh", "migrate", *TAIL]),
    (f"sudo -u root -E {LINE}", ["virsh", "migrate", *TAIL]),
    (f"doas {LINE}", ["virsh", "migrate", *TAIL]),
    (f"env LIBVIRT_DEFAULT_URI=qemu:///system {LINE}", ["virsh", "migrate", *TAIL]),
    (f"LIBVIRT_DEFAULT_URI=qemu:///system {LINE}", ["virsh", "migrate", *TAIL]),
    (f"timeout 60 {LINE}", ["virsh", "migrate", *TAIL]),
    ("/usr/bin/virsh migrate --live --p2p vm1 qemu+ssh://dst/system",
     ["/usr/bin/virsh", "migrate", *TAIL]),
    ("virsh --connect=qemu:///system --quiet migrate --live --p2p vm1 qemu+ssh://dst/system",
     ["virsh", "--connect=qemu:///system", "--quiet", "migrate", *TAIL]),
    ("virsh -c 'qemu:///system' migrate --live --p2p vm1 qemu+ssh://dst/system",
     ["virsh", "-c", "qemu:///system", "migrate", *TAIL]),
    ("virsh migrate --live \\\n  --p2p \\\n  vm1 qemu+ssh://dst/system",
     ["virsh", "migrate", *TAIL]),
    (f"{LINE} || true", ["virsh", "migrate", *TAIL]),
    (f"{LINE}; echo $?", ["virsh", "migrate", *TAIL]),
    (f"{LINE} 2>&1 | tee log", ["virsh", "migrate", *TAIL]),
    (f"{LINE} >/dev/null 2>&1 &", ["virsh", "migrate", *TAIL]),
    (f"{LINE}  # move the guest", ["virsh", "migrate", *TAIL]),
    (f"cd /tmp && {LINE} && echo done", ["virsh", "migrate", *TAIL]),
    (f"ssh root@src '{LINE}'", ["virsh", "migrate", *TAIL]),
    (f'ssh -p 2222 src "sudo {LINE} || true"', ["virsh", "migrate", *TAIL]),
    (f"ssh src {LINE}", ["virsh", "migrate", *TAIL]),
    (f"sudo bash -c '{LINE}; echo $?'", ["virsh", "migrate", *TAIL]),
    (f'su - root -c "{LINE}"', ["virsh", "migrate", *TAIL]),
    ("virsh migrate --live --dname 'a b' \"vm 1\" qemu+ssh://dst/system",
     ["virsh", "migrate", "--live", "--dname", "a b", "vm 1", "qemu+ssh://dst/system"]),
]


@pytest.mark.parametrize(("text", "words"), SURROUNDINGS, ids=[t for t, _ in SURROUNDINGS])
def test_what_surrounds_a_line_is_dropped(text: str, words: list[str]) -> None:
    found = find_commands(text)
    assert [[w.text for w in f.words] for f in found] == [words]
    assert not any(w.placeholder for w in found[0].words)


# (pasted text, words, which of them are placeholders)
PLACEHOLDERS = [
    ("virsh migrate --live --timeout ${timeout} $vm qemu+ssh://dst/system",
     ["virsh", "migrate", "--live", "--timeout", "${timeout}", "$vm", "qemu+ssh://dst/system"],
     ["${timeout}", "$vm"]),
    ('virsh migrate --live "$vm" "${dst}"',
     ["virsh", "migrate", "--live", "$vm", "${dst}"], ["$vm", "${dst}"]),
    ("virsh migrate --live {{ vm }} qemu+ssh://{{ dest_host }}/system",
     ["virsh", "migrate", "--live", "{{ vm }}", "qemu+ssh://{{ dest_host }}/system"],
     ["{{ vm }}", "qemu+ssh://{{ dest_host }}/system"]),
    ("virsh migrate --live <domain> <destination-host>",
     ["virsh", "migrate", "--live", "<domain>", "<destination-host>"],
     ["<domain>", "<destination-host>"]),
    ("virsh migrate [--p2p] --live vm1 qemu+ssh://<host>/system ...",
     ["virsh", "migrate", "[--p2p]", "--live", "vm1", "qemu+ssh://<host>/system", "..."],
     ["[--p2p]", "qemu+ssh://<host>/system", "..."]),
    ("virsh migrate --live $(hostname)-vm `cat dst`",
     ["virsh", "migrate", "--live", "$(hostname)-vm", "`cat dst`"],
     ["$(hostname)-vm", "`cat dst`"]),
]


@pytest.mark.parametrize(("text", "words", "marked"), PLACEHOLDERS,
                         ids=[t for t, _, _ in PLACEHOLDERS])
def test_placeholders_are_one_word_each(text: str, words: list[str], marked: list[str]) -> None:
    found = find_commands(text)
    assert len(found) == 1
    assert [w.text for w in found[0].words] == words
    assert [w.text for w in found[0].words if w.placeholder] == marked


@pytest.mark.parametrize(
    "text",
    ["virsh list --all", "virsh migrate-setspeed vm1 100", "virsh migrate-getspeed vm1",
     "echo virsh migrate --live vm1 dst", "# just a comment mentioning virsh migrate",
     'echo "virsh migrate --live vm1 dst"', "printf '%s' 'virsh migrate --live a b'",
     "ssh src virsh list", "ssh src 'virsh migrate-setspeed vm1 10'",
     "virsh -c qemu:///system domstate migrate"],
)
def test_other_commands_are_left_alone(text: str) -> None:
    assert find_commands(text, prompts=False) == []


def test_several_commands_and_their_lines() -> None:
    text = ("virsh list\nvirsh migrate --live a b\n\n  sudo virsh migrate \\\n --p2p c d; "
            "virsh migrate e f\n")
    found = find_commands(text)
    assert [(f.line, f.text) for f in found] == [
        (1, "virsh migrate --live a b"),
        (3, "virsh migrate --p2p c d"),
        (4, "virsh migrate e f"),
    ]


@pytest.mark.parametrize(
    ("argument", "expected"),
    [(LINE, True), (f"$ sudo {LINE}", True), ("migrate --live vm1 dst", True),
     (f"ssh src '{LINE}'", True),
     ("A=b virsh migrate x y", True), ("web server 01", False), ("LIVE|P2P", False),
     ("live + p2p", False), ("virsh", False)],
)
def test_looks_pasted(argument: str, expected: bool) -> None:
    assert looks_pasted(argument) is expected


# ------------------------------------------------------------------ the CLI


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("command", ["encode", "check"])
@pytest.mark.parametrize(
    "argv",
    [["--", LINE], [LINE], [f"$ sudo {LINE} || true"], ["-"]],
    ids=["after --", "as a value", "with prompt and suffix", "stdin"],
)
def test_one_argument_holding_a_whole_line(
    runner: CliRunner, command: str, argv: list[str]
) -> None:
    stdin = f"{LINE}\n" if argv == ["-"] else None
    result = run(runner, command, "--json", *argv, stdin=stdin)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["value"], doc["domain"], doc["desturi"]) == (3, "vm1", "qemu+ssh://dst/system")


def test_never_a_silent_zero(runner: CliRunner) -> None:
    """The issue's report: the whole line as one word used to give 0 and 'accepted'."""
    result = run(runner, "check", "--", "virsh migrate --live --offline --p2p vm1 dst")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "refused by virsh 12.9.0: Options --live and --offline are mutually exclusive")


@pytest.mark.parametrize(
    ("line", "message"),
    [("virsh migrate --live --p2p vm1", "command 'migrate' requires <desturi> option"),
     ("virsh migrate --persistent --undefinesource",
      "command 'migrate' requires <domain> option")],
)
def test_missing_positionals_are_virsh_errors(
    runner: CliRunner, line: str, message: str
) -> None:
    for version in ("9.0.0", "12.9.0"):
        result = run(runner, "check", "--json", "--libvirt", version, line)
        assert result.exit_code == 1
        first = json.loads(result.stdout)["problems"][0]
        assert (first["layer"], first["message"]) == ("virsh", message)


def test_options_alone_need_no_positionals(runner: CliRunner) -> None:
    assert run(runner, "check", "--live", "--p2p").exit_code == 0
    assert run(runner, "check", "--", "--live", "--p2p").exit_code == 0


def test_a_placeholder_virsh_refuses_is_named(runner: CliRunner) -> None:
    result = run(runner, "check", "virsh migrate --live --timeout ${t} vm1 dst")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "migflags: note: '${t}' looks like a template placeholder, and virsh refuses it as "
        "--timeout.",
        "migflags: error: Numeric value '${t}' for <timeout> option is malformed or out of "
        "range",
    ]


def test_a_placeholder_virsh_takes_is_a_note(runner: CliRunner) -> None:
    result = run(runner, "check", "--json", "virsh migrate --live --p2p {{ vm }} qemu+ssh://d/system")
    assert result.exit_code == 0
    problems = json.loads(result.stdout)["problems"]
    assert [(p["level"], p["rule"], p["explanation"]) for p in problems] == [
        ("warning", "placeholder",
         "'{{ vm }}' looks like a template placeholder; virsh takes it literally as <domain>."),
    ]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [(["virsh list --all"], None, "no 'virsh migrate' command in 'virsh list --all'"),
     (["-"], "", "no 'virsh migrate' command in 'empty stdin'"),
     (["-"], "virsh migrate a b\nvirsh migrate c d\n",
      "2 'virsh migrate' commands in 'stdin': migflags lint checks each one")],
)
def test_pasted_input_without_one_command(
    runner: CliRunner, argv: list[str], stdin: str | None, message: str
) -> None:
    result = run(runner, "check", *argv, stdin=stdin)
    assert result.exit_code == 2
    assert result.stderr == f"migflags: error: {message}\n"


def test_decode_reads_a_pasted_line(runner: CliRunner) -> None:
    result = run(runner, "decode", "-q", f"$ sudo {LINE} --bandwidth 5", "0x1")
    assert (result.exit_code, result.stdout) == (0, "--live --p2p --bandwidth 5\n--live\n")
    refused = run(runner, "decode", LINE, "--domain", "x")
    assert refused.exit_code == 2
    assert refused.stderr == ("migflags: error: --domain, --desturi and --param do not apply "
                              f"to a pasted command line: {LINE!r}\n")
