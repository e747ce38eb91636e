"""Rich output at 40, 60, 80 and 120 columns: no C name, virsh option or rule id is split
across lines, no line is wider than the terminal unless it is one unbreakable name, and below
the table's natural width each flag is stacked on lines of its own."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from migflags.cli import main

WIDTHS = (40, 60, 80, 120)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# C names, short names joined by |, virsh options, rule ids (words joined by hyphens)
IDENTIFIER = re.compile(r"VIR_MIGRATE_[A-Z0-9_]+|--[a-z0-9][a-z0-9-]*|\b[a-z]+(?:-[a-z0-9]+)+\b"
                        r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")

COMMANDS = [
    ["decode", "1035"],
    ["decode", "0x1b", "--domain", "web 01", "--desturi", "qemu+ssh://dst/system",
     "--param", "bandwidth=100"],
    ["decode", "live|0x200000"],
    ["list"],
    ["list", "--lang", "zh"],
    ["check", "1035"],
    ["check", "--copy-storage-all", "--unsafe", "--live"],
    ["encode", "--", "virsh", "migrate", "--live", "--p2p", "--copy-storage-synchronous-writes",
     "--migrate-disks", "vda,vdb", "vm1", "qemu+ssh://dst/system"],
]


def _run(runner: CliRunner, argv: list[str], color: str, width: int) -> str:
    result = runner.invoke(main, [*_own(argv, color)], env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1), result.output
    return ANSI.sub("", result.stdout)


def _own(argv: list[str], color: str) -> list[str]:
    """--color goes before a `--` command line."""
    cut = argv.index("--") if "--" in argv else len(argv)
    return [*argv[:cut], "--color", color, *argv[cut:]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a)[:40])
def test_no_identifier_is_split(runner: CliRunner, argv: list[str], width: int) -> None:
    rich = _run(runner, argv, "always", width)
    plain = _run(runner, argv, "never", 1000)
    lines = rich.splitlines()
    names = set(IDENTIFIER.findall(plain))
    assert names
    for name in names:
        assert any(name in line for line in lines), (name, width)
    for line in lines:
        text = line.rstrip()
        if cell_len(text) > width:
            assert " " not in text.strip(), (width, text)  # only a single unbreakable name


@pytest.mark.parametrize(
    ("argv", "width", "stacked"),
    [
        (["list"], 40, True), (["list"], 60, True), (["list"], 80, True), (["list"], 120, False),
        (["decode", "1035"], 40, True), (["decode", "1035"], 60, True),
        (["decode", "1035"], 80, False), (["decode", "1035"], 120, False),
    ],
)
def test_stacked_below_the_tables_natural_width(
    runner: CliRunner, argv: list[str], width: int, stacked: bool
) -> None:
    lines = _run(runner, argv, "always", width).splitlines()
    header = [line for line in lines if "C name" in line and "virsh option" in line]
    assert bool(header) is not stacked
    live = lines.index(next(line for line in lines if "VIR_MIGRATE_LIVE" in line))
    if stacked:
        assert lines[live] == "VIR_MIGRATE_LIVE  --live"
        assert lines[live + 1].split() == ["bit", "0", "value", "1", "hex", "0x1", "since",
                                           "0.3.2"]
    else:
        assert lines[live].split()[:6] == ["0", "1", "0x1", "VIR_MIGRATE_LIVE", "--live",
                                           "0.3.2"]


def test_list_title_breaks_only_between_names(runner: CliRunner) -> None:
    """The issue's example: at 120 columns `list` printed UNSAF / E."""
    lines = _run(runner, ["list"], "always", 120).splitlines()
    title = []
    for line in lines[1:]:
        if not line.strip():
            break
        title.append(line.strip())
    assert "|".join(part.rstrip("|") for part in title).split("|")[9] == "UNSAFE"
    assert all(part.endswith("|") for part in title[:-1])


def test_stacked_chinese_fits_in_cells(runner: CliRunner) -> None:
    for width in (40, 60):
        for line in _run(runner, ["decode", "1035", "--lang", "zh"], "always", width).splitlines():
            text = line.rstrip()
            assert cell_len(text) <= width or " " not in text.strip(), (width, text)


def test_every_rule_id_fits_a_40_column_problem_line() -> None:
    """A problem's head wraps between words; a rule id (plus its colon and the two-space
    indent of check's output) must fit in 40 columns to stay whole."""
    from migflags.tables.rules import RULES

    assert max(len(rule.id) for rule in RULES) + len(":") + 2 <= 40


@pytest.mark.parametrize("value", [0x40B, 0x1FFFFF, 0x200001, 0x40000])
def test_natural_width_is_what_rich_measures(value: int) -> None:
    from rich.console import Console

    from migflags.core import decode
    from migflags.render.rich_table import _flag_table, natural_width
    from migflags.render.sections import build

    s = build(decode(value), "en")
    table = _flag_table(s, s.headers[:-1], wide=False)
    console = Console(width=500)
    assert natural_width(s.headers[:-1], s.rows) == console.measure(table).maximum


@pytest.mark.parametrize("width", WIDTHS)
def test_why_never_splits_a_function_or_a_path(runner: CliRunner, width: int) -> None:
    argv = ["why", "--color", "always",
            "error: argument unsupported: migration URI is not supported by tunnelled migration"]
    result = runner.invoke(main, argv, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in ANSI.sub("", result.stdout).splitlines()]
    # the function and the source as libvirt names them, read off the source by a person
    assert any("qemuMigrationSrcPerformPeer2Peer" in line.split() for line in lines), width
    assert "src/qemu/qemu_migration.c:qemuMigrationSrcPerformPeer2Peer" in " ".join(lines)
    assert any("--migrateuri" in line.split() for line in lines)
    for line in lines:
        if cell_len(line) > width:
            assert " " not in line, (width, line)  # only a single unbreakable name
