"""`migflags lint` on the fixture files shipped in examples/lint (one of each kind), with the
file, line, value and problems written out by hand; the output formats; files that cannot be
read; and any text file or argv (hypothesis)."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migflags.cli import main
from migflags.lint_scan import MARKDOWN, RST, SHELL, TEXT, YAML, kind_of, scan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "lint"

# (file, line, value, problem rule ids) for every command in examples/lint, with 12.9.0.
EXPECTED = [
    ("evacuate.sh", 6, 0xCB, ["virsh-copy-storage-exclusive", "api-disk-inc-exclusive"]),
    ("evacuate.sh", 9, 0x3, []),  # --bandwidth "$BW": the shell fills it in
    ("evacuate.sh", 10, 0x20007, ["api-tunnelled-parallel"]),
    ("handover.txt", 4, 0x10003, []),
    ("handover.txt", 5, 0x803, ["qemu-compression-needs-parallel"]),
    ("migrate.yml", 5, 0x3, ["placeholder", "placeholder"]),
    ("migrate.yml", 9, 0x3, ["virsh-migrate-disks-needs-storage",
                             "qemu-migrate-disks-needs-storage"]),
    ("migrate.yml", 13, 0x3, ["virsh-bad-value"]),
    ("notes.rst", 6, 0x8003, ["advice-postcopy-paused-guest"]),
    ("notes.rst", 11, 0x100003, ["qemu-zerocopy-needs-parallel"]),
    ("runbook.md", 12, 0x403, ["virsh-live-offline", "qemu-offline-needs-persistent"]),
    ("runbook.md", 13, 0xB, ["virsh-timeout-postcopy", "virsh-bad-value", "placeholder",
                             "placeholder"]),
    ("runbook.md", 20, 0x3, ["virsh-missing-desturi"]),
    ("runbook.md", 22, 0x1B, []),
]


def lint(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(main, ["lint", *args], input=stdin)


def records(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_command_in_the_examples(runner: CliRunner) -> None:
    result = lint(runner, "--json", "--libvirt", "12.9.0", str(EXAMPLES))
    assert result.exit_code == 1
    got = [
        (Path(str(r["path"])).name, r["line"], r["value"],
         [p["rule"] for p in r["problems"]])  # type: ignore[attr-defined]
        for r in records(result)
    ]
    assert got == EXPECTED


def test_json_lines_record(runner: CliRunner) -> None:
    result = lint(runner, "--json", str(EXAMPLES / "runbook.md"))
    first = records(result)[0]
    assert list(first) == ["path", "line", "command", "value", "hex", "flags", "virsh_args",
                           "params", "problems"]
    assert first["command"] == "virsh migrate --live --offline --p2p web01 qemu+ssh://kvm2/system"
    assert first["hex"] == "0x403"
    assert first["virsh_args"] == ["--live", "--p2p", "--offline"]
    assert [f["name"] for f in first["flags"]] == [  # type: ignore[attr-defined]
        "VIR_MIGRATE_LIVE", "VIR_MIGRATE_PEER2PEER", "VIR_MIGRATE_OFFLINE"]
    assert first["problems"][0] == {  # type: ignore[index]
        "level": "error", "layer": "virsh", "rule": "virsh-live-offline",
        "message": "Options --live and --offline are mutually exclusive",
        "explanation": "An offline migration moves only the definition, so there is nothing "
                       "to keep live.",
        "fix": "Drop --offline to move a running guest, or drop --live to move only its "
               "definition.",
    }


def test_plain_output_like_a_compiler(runner: CliRunner) -> None:
    path = str(EXAMPLES / "runbook.md")
    result = lint(runner, path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        f"{path}:12: error [virsh] virsh-live-offline: Options --live and --offline are "
        "mutually exclusive",
        f"{path}:12: error [qemu] qemu-offline-needs-persistent: Requested operation is not "
        "valid: offline migration must be specified with the persistent flag set",
        f"{path}:13: error [virsh] virsh-timeout-postcopy: Option --postcopy is required by "
        "option --timeout-postcopy",
    ]
    assert f"{path}:20: error [virsh] virsh-missing-desturi: command 'migrate' requires " \
           "<desturi> option" in result.stdout.splitlines()


def test_github_workflow_commands(runner: CliRunner) -> None:
    path = str(EXAMPLES / "migrate.yml")
    result = lint(runner, "--format", "github", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[2] == (
        f"::error file={path},line=9,title=virsh-migrate-disks-needs-storage::[virsh] "
        "'--migrate-disks' requires one of '--copy-storage-all', '--copy-storage-inc'"
    )
    assert lines[0].startswith(f"::warning file={path},line=5,title=placeholder::[advice] ")


def test_github_escapes_data_and_properties(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.md"
    path.write_text("virsh migrate --live --offline --dname 50% vm qemu+ssh://d/system\n")
    line = lint(runner, "--format", "github", str(path)).stdout.splitlines()[0]
    assert f"file={str(path).replace(':', '%3A').replace(',', '%2C')},line=1," in line


def test_rich_output_on_request(runner: CliRunner) -> None:
    result = lint(runner, "--color", "always", str(EXAMPLES / "notes.rst"))
    assert "\x1b[" in result.stdout
    assert "qemu-zerocopy-needs-parallel" in result.stdout


def test_clean_file_is_silent(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ok.sh"
    path.write_text("virsh migrate --live --p2p vm qemu+ssh://dst/system\nvirsh list\n")
    result = lint(runner, str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_libvirt_release_is_applied(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "run.md"
    path.write_text("    virsh migrate --live --p2p --zerocopy --parallel vm qemu+ssh://d/system\n")
    old = lint(runner, "--json", "--libvirt", "8.0.0", str(path))
    assert old.exit_code == 1
    assert [p["message"] for p in records(old)[0]["problems"]] == [  # type: ignore[attr-defined]
        "command 'migrate' doesn't support option --zerocopy"]
    assert lint(runner, "--libvirt", "9.0.0", str(path)).exit_code == 0


def test_stdin(runner: CliRunner) -> None:
    result = lint(runner, "-", stdin="$ virsh migrate --live --offline vm qemu+ssh://d/system\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("(standard input):1: error [virsh] virsh-live-offline:")


def test_unreadable_and_binary_files_are_named_and_the_rest_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"virsh migrate\0\x01\x02")
    folder = tmp_path / "locked.md"
    folder.mkdir()
    good = tmp_path / "ok.md"
    good.write_text("virsh migrate --live --offline vm qemu+ssh://d/system\n")
    result = lint(runner, str(binary), str(good))
    assert result.exit_code == 2
    assert result.stderr == f"migflags: error: cannot lint '{binary}': binary file\n"
    assert result.stdout.startswith(f"{good}:1: error [virsh] virsh-live-offline")


def test_missing_path_is_a_usage_error(runner: CliRunner) -> None:
    result = lint(runner, "/nonexistent/runbook.md")
    assert result.exit_code == 2
    assert result.stderr == ("migflags: error: cannot lint '/nonexistent/runbook.md': "
                             "no such file or directory\n")


def test_nul_in_a_path_is_a_usage_error(runner: CliRunner) -> None:
    result = lint(runner, "a\0b")
    assert (result.exit_code, result.stderr) == (
        2, "migflags: error: cannot lint 'a\\x00b': not a valid file name\n")


def test_json_and_github_exclude_each_other(runner: CliRunner) -> None:
    result = lint(runner, "--json", "--format", "github", str(EXAMPLES))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [("a.sh", "", SHELL), ("run", "#!/bin/bash\n", SHELL), ("run", "#!/usr/bin/env sh\n", SHELL),
     ("a.md", "", MARKDOWN), ("a.rst", "", RST), ("a.yaml", "", YAML), ("a.yml", "", YAML),
     ("notes", "hello", TEXT), ("a.txt", "#!/bin/sh", TEXT)],
)
def test_kind_of(name: str, head: str, kind: str) -> None:
    assert kind_of(name, head) == kind


def test_yaml_forms() -> None:
    text = (
        "- shell: 'virsh migrate --live a b'\n"          # 1 single-quoted
        '- command: "virsh migrate --p2p c d"\n'          # 2 double-quoted
        "- shell: |\n"                                    # 3 literal block
        "    echo start\n"
        "    virsh migrate --live \\\n"                   # 5
        "      e f\n"
        "- shell:\n"                                      # 7 mapping under the key
        "    cmd: virsh migrate --live g h  # comment\n"  # 8
        "- shell: virsh migrate --live\n"                 # 9 plain scalar on two lines
        "    i j\n"
    )
    found = [(c.line, [w.text for w in c.words][2:]) for c in scan(text, YAML)]
    assert found == [(1, ["--live", "a", "b"]), (2, ["--p2p", "c", "d"]),
                     (5, ["--live", "e", "f"]), (8, ["--live", "g", "h"]),
                     (9, ["--live", "i", "j"])]


def test_markdown_prose_and_code() -> None:
    text = (
        "Run `virsh migrate --live a b` to move it.\n"  # prose that does not start with virsh
        "`virsh migrate --live c d` moves it.\n"         # 2 inline code at the start
        "- virsh migrate --live e f\n"                   # 3 list item
        "> $ virsh migrate --live g h\n"                 # 4 quoted transcript
        "virsh migrate-setspeed x 1\n"
    )
    found = [(c.line, [w.text for w in c.words][2:]) for c in scan(text, MARKDOWN)]
    assert found == [(2, ["--live", "c", "d"]), (3, ["--live", "e", "f"]),
                     (4, ["--live", "g", "h"])]


def test_prose_that_only_names_the_command() -> None:
    text = (
        "virsh migrate is the command that moves a guest.\n"    # prose: no option
        "virsh migrate --live moves it while it runs.\n"         # 2 prose with an option
        "```\n"
        "virsh migrate web01 qemu+ssh://dst/system\n"            # 4 code
        "```\n"
        "    virsh migrate db01 qemu+ssh://dst/system\n"         # 6 indented code
        "$ virsh migrate app01 qemu+ssh://dst/system\n"          # 7 a prompt
    )
    assert [c.line for c in scan(text, MARKDOWN)] == [2, 4, 6, 7]


def test_shell_comments_are_not_commands() -> None:
    text = "# virsh migrate --live a b\nvirsh migrate --p2p c d # virsh migrate e f\n"
    found = [(c.line, [w.text for w in c.words][2:]) for c in scan(text, SHELL)]
    assert found == [(2, ["--p2p", "c", "d"])]


# ------------------------------------------------------------------ any input (hypothesis)

LINEISH = st.one_of(
    st.sampled_from([
        "virsh migrate --live vm qemu+ssh://d/system", "$ sudo virsh migrate", "virsh # migrate",
        "virsh migrate --timeout ${t} {{ vm }} <dst>", "```", "```sh", "shell: |", "cmd: >",
        "  virsh migrate \\", "virsh -c", "virsh migrate --xml", "virsh migrate '", 'virsh "',
        "virsh migrate $(", "virsh migrate `", "virsh migrate {{", "virsh migrate <", "\\",
        "virsh migrate -- --live", "virsh --version migrate", "virsh migrate --bandwidth=-1",
    ]),
    st.text(alphabet=string.printable, max_size=40),
    st.text(max_size=20),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINEISH, max_size=8),
       suffix=st.sampled_from([".sh", ".md", ".rst", ".yml", ".txt", ""]))
def test_any_text_file(tmp_path: Path, lines: list[str], suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        lines, result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    json_result = CliRunner().invoke(main, ["lint", "--json", str(path)])
    assert json_result.exit_code == result.exit_code
    for line in json_result.stdout.splitlines():
        json.loads(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINEISH, min_size=1, max_size=3))
def test_any_pasted_argument(argv: list[str]) -> None:
    for command in ("check", "encode"):
        result = CliRunner().invoke(main, [command, *argv], input="")
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            argv, result.exception)
        assert result.exit_code in (0, 1, 2)
        assert "Traceback" not in result.stderr
