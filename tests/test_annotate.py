"""`migflags annotate`: which log lines carry a migration flags value (every example of every
log source), what they are decoded to, the base of bare values, and the command line (files,
stdin, --only, --json, --color, exit statuses, one-line errors, no Rich)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from migflags import annotate as ann
from migflags.annotate import (
    COLOR_ERROR,
    COLOR_OK,
    Decoder,
    Options,
    annotate_bytes,
    find_hits,
    source_of,
    stream,
    strip_annotations,
    writers,
)
from migflags.check import _check_flags
from migflags.cli import main
from migflags.core import decode
from migflags.render.words import symbolic
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.log_sources import (
    ANCHOR,
    LOG_SOURCES,
    NOT_MIGRATION_FLAGS,
    OTHER_FLAGS_LINES,
    Base,
    Example,
    LogSource,
)
from migflags.versions import NEWEST, LibvirtVersion

EXAMPLES = [(row, ex) for row in LOG_SOURCES for ex in row.examples]
EXAMPLE_IDS = [f"{row.name}:{ex.function}:{i}" for i, (row, ex) in enumerate(EXAMPLES)]
NOT_MIGRATION = [text for row in NOT_MIGRATION_FLAGS for text in row.examples]
UNKNOWN = 1 << (FLAG_MASK.bit_length() + 3)  # a bit no libvirt flag has


def _log(*records: str, eol: str = "\n") -> bytes:
    return "".join(record.replace("\n", eol) + eol for record in records).encode()


def _body(value: int, bare: str | None = None) -> str:
    body = symbolic(value)
    if bare:
        body += f" (bare {bare})"
    errors = [p.rule for p in decode(value).problems if p.is_error]
    if errors:
        body += " !" + ",".join(dict.fromkeys(errors))
    return body


# ------------------------------------------------------------------ the table


def test_every_source_has_examples_and_a_unique_name() -> None:
    names = [row.name for row in LOG_SOURCES]
    assert len(names) == len(set(names))
    assert all(row.examples for row in LOG_SOURCES)
    assert all(row.examples for row in NOT_MIGRATION_FLAGS)


@pytest.mark.parametrize(("row", "example"), EXAMPLES, ids=EXAMPLE_IDS)
def test_example_belongs_to_its_row(row: LogSource, example: Example) -> None:
    assert example.origin
    if row.functions:
        assert ANCHOR in example.function
        assert source_of(example.function) is row
    else:
        assert example.function == row.function
    assert example.value & ~FLAG_MASK == 0, "examples use only known flags"


@pytest.mark.parametrize("text", NOT_MIGRATION)
def test_tuning_calls_are_named_like_migration_calls_but_excluded(text: str) -> None:
    function = re.search(r" : ([A-Za-z0-9_]+):[0-9]+ : ", text)
    assert function is not None and ANCHOR in function[1]
    assert source_of(function[1]) is None


# ------------------------------------------------------------------ recognising the values


@pytest.mark.parametrize(("row", "example"), EXAMPLES, ids=EXAMPLE_IDS)
def test_each_example_yields_exactly_its_value(row: LogSource, example: Example) -> None:
    data = _log(example.text)
    hits = find_hits(data)
    assert len(hits) == 1
    line, hit = hits[0]
    assert (hit.function, hit.source) == (example.function, row)
    # the value sits on the record's last line (later lines of a message that spans several)
    assert line == example.text.count("\n") + 1 - (1 if example.text.endswith("\n") else 0)
    decoded = Decoder()(hit.text, row.base)
    assert decoded.value == example.value
    assert decoded.bare == example.bare


@pytest.mark.parametrize(("row", "example"), EXAMPLES, ids=EXAMPLE_IDS)
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_annotation_is_appended_before_the_line_end(
    row: LogSource, example: Example, eol: str
) -> None:
    data = _log(example.text, eol=eol)
    out = annotate_bytes(data)
    lines_in = data.split(b"\n")
    lines_out = out.split(b"\n")
    assert len(lines_in) == len(lines_out)
    changed = [(a, b) for a, b in zip(lines_in, lines_out, strict=True) if a != b]
    assert len(changed) == 1
    before, after = changed[0]
    cr = b"\r" if eol == "\r\n" else b""
    body = _body(example.value, "hex" if example.bare else None)
    assert after == before.removesuffix(cr) + f"  [{body}]".encode() + cr
    assert strip_annotations(out) == data


@pytest.mark.parametrize("text", NOT_MIGRATION + list(OTHER_FLAGS_LINES))
def test_other_flags_fields_are_left_alone(text: str) -> None:
    data = _log(text, text)
    assert find_hits(data) == []
    assert annotate_bytes(data) == data


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # destflags= is read like flags=
        ("2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrateVersion3Full:3300 : "
         "Prepare3 0x1 destflags=0x9", ("destflags", b"0x9")),
        # the first flags field of the message counts, not a later one
        ("2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate:3794 : dconn=0x1, "
         "flags=0x3, dname=x, uri=y flags=0x5", ("flags", b"0x3")),
        # an upper-case 0X is hex as well
        ("2026-11-27 14:36:00.917+0000: 1: error : virDomainMigrate3:4209 : flags=0X1b",
         ("flags", b"0X1b")),
    ],
)
def test_field_forms(line: str, expected: tuple[str, bytes]) -> None:
    [(_, hit)] = find_hits(_log(line))
    assert (hit.field, hit.text) == expected


@pytest.mark.parametrize(
    "line",
    [
        # not a field of its own
        "2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate3:4209 : xflags=0x1b",
        "2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate3:4209 : flags=0x1bz",
        # more digits than 64 bits hold
        "2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate3:4209 : "
        "flags=0x11112222333344445",
        # the function is named in the message, not the one that logged the line
        "2026-11-27 14:36:00.917+0000: 1: debug : virConnectOpenAuth:1269 : "
        "name=virDomainMigrate3:12 : flags=0x1",
        # no `level : ` before the function
        "virDomainMigrate3:4209 : flags=0x1b",
        # a function named like a migration call that takes no migration flags
        "2026-11-27 14:36:00.917+0000: 1: debug : qemuMigrationCookieFormat:1 : flags=0x1",
    ],
)
def test_lines_that_are_not_migration_values(line: str) -> None:
    assert find_hits(_log(line)) == []


def test_a_multi_line_record_ends_at_the_next_record() -> None:
    start = ("2026-11-27 14:36:00.917+0000: 1: debug : qemuMigrationSrcPerform:6226 : "
             "cookiein=<qemu-migration>")
    other = "2026-11-27 14:36:00.918+0000: 1: debug : virObjectRef:400 : obj=0x1"
    # the open record closes at the next record: a later flags= is someone else's
    data = _log(start, "</qemu-migration>", other, ", flags=0x1b")
    assert find_hits(data) == []
    [(line, hit)] = find_hits(_log(start, "  <name>vm</name>", ", flags=0x1b, dname=x", other))
    assert (line, hit.function, hit.text) == (3, "qemuMigrationSrcPerform", b"0x1b")


@pytest.mark.parametrize("chunk", [1, 2, 5, 64, 4096])
def test_block_boundaries_change_nothing(chunk: int) -> None:
    data = _log(*(ex.text for _, ex in EXAMPLES), *NOT_MIGRATION, *OTHER_FLAGS_LINES)
    whole = annotate_bytes(data)
    assert annotate_bytes(data, chunk=chunk) == whole
    for mode in ("only", "json"):
        assert annotate_bytes(data, Options(mode=mode), chunk=chunk) == annotate_bytes(
            data, Options(mode=mode)
        )
    assert strip_annotations(whole, chunk=chunk) == data


# ------------------------------------------------------------------ what a value becomes


@pytest.mark.parametrize(
    ("text", "base", "bare", "value", "suffix"),
    [
        (b"0x1b", Base.LIBVIRT, "hex", 0x1B, ""),
        (b"0x1b", Base.LIBVIRT, "dec", 0x1B, ""),  # 0x is hex whatever --bare-flags says
        (b"1b", Base.LIBVIRT, "hex", 0x1B, " (bare hex)"),
        (b"27", Base.LIBVIRT, "dec", 27, " (bare dec)"),
        (b"27", Base.LIBVIRT, "hex", 0x27, " (bare hex)"),
        (b"10241", Base.DECIMAL, "hex", 10241, ""),  # CloudStack is always decimal
    ],
)
def test_bases(text: bytes, base: Base, bare: str, value: int, suffix: str) -> None:
    decoded = Decoder(bare=bare)(text, base)
    assert decoded.value == value
    assert decoded.plain.decode().endswith(suffix + "]") or "!" in decoded.plain.decode()
    assert decoded.plain.decode().startswith("  [" + symbolic(value))


def test_a_bare_value_that_is_not_decimal_is_marked_not_guessed() -> None:
    decoded = Decoder(bare="dec")(b"1b", Base.LIBVIRT)
    assert decoded.value is None and decoded.error
    assert decoded.plain.startswith(b"  [? ")


def test_decodings_are_cached_per_value() -> None:
    decoder = Decoder()
    assert decoder(b"0x1b", Base.LIBVIRT) is decoder(b"0x1b", Base.LIBVIRT)


@pytest.mark.parametrize(
    "value", [0, 0x1B, 0x4 | 0x1, UNKNOWN | 0x1], ids=["none", "p2p", "tunnel-no-p2p", "unknown"]
)
def test_markers(value: int) -> None:
    decoded = Decoder()(hex(value).encode(), Base.LIBVIRT)
    result = decode(value)
    errors = [p.rule for p in result.problems if p.is_error]
    body = decoded.plain.decode()
    assert body == f"  [{_body(value)}]"
    assert ("!" in body) == bool(errors)
    assert decoded.colored.startswith(b"  " + (COLOR_ERROR if errors else COLOR_OK))
    if value & UNKNOWN:
        assert hex(UNKNOWN) in body  # the unknown remainder stays visible


def test_the_libvirt_version_is_the_one_checked_against() -> None:
    clean = [row for row in FLAGS if not decode(row.value | 1).has_errors]
    newest = max(clean, key=lambda row: row.since)
    old = LibvirtVersion(newest.since.major - 1)
    text = hex(newest.value | 1).encode()
    assert "!" not in Decoder()(text, Base.LIBVIRT).plain.decode()
    assert "!" in Decoder(old)(text, Base.LIBVIRT).plain.decode()


def _body_from_decode(value: int, version: LibvirtVersion) -> tuple[str, bool]:
    """The annotation body and whether it is an error, from the whole `decode` (without the
    virsh option checks a logged value never went through, but with too-new)."""
    problems = [p for p in decode(value, version).problems
                if p.layer != "virsh" or p.rule == "too-new"]
    errors = [p.rule for p in problems if p.is_error]
    body = symbolic(value) + (" !" + ",".join(dict.fromkeys(errors)) if errors else "")
    return body, bool(errors)


def _values_to_compare() -> list[int]:
    rng = random.Random(14)
    values = [0, UNKNOWN, UNKNOWN | 0x1B]
    values += [row.value for row in FLAGS]
    values += [row.value | 0x1B for row in FLAGS] + [row.value | 0x41 for row in FLAGS]
    values += [rng.getrandbits(rng.choice((8, 16, 21, 24, 32))) for _ in range(400)]
    return values


@pytest.mark.parametrize(
    "version", [NEWEST, LibvirtVersion(9, 0, 0), LibvirtVersion(6, 0, 0), LibvirtVersion(1, 0, 0)],
    ids=str,
)
def test_the_annotation_says_what_decode_says(version: LibvirtVersion) -> None:
    """Annotate makes its body from the error ids alone (`decoder._error_ids`), and the whole
    `Result` only when asked: both must say what `decode` says, value by value."""
    decoder = Decoder(version)
    for value in _values_to_compare():
        decoded = decoder(hex(value).encode(), Base.LIBVIRT)
        body, has_errors = _body_from_decode(value, version)
        assert (decoded.body.decode(), decoded.has_errors) == (body, has_errors), hex(value)
        assert decoded.has_unknown_bits == bool(value & ~FLAG_MASK)
        # the rules it skips (`problems_only`) can only be unchecked, never a problem
        assert _check_flags(value, version, problems_only=True)[0] == _check_flags(
            value, version)[0]
        result = decoded.result
        assert result is not None and result.value == value
        assert [p.rule for p in result.problems if p.is_error] == [
            p.rule for p in decode(value, version).problems
            if p.is_error and (p.layer != "virsh" or p.rule == "too-new")
        ]


# ------------------------------------------------------------------ lines longer than a block


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "BLOCK", 64)
    monkeypatch.setattr(stream, "MAX_LINE", 256)
    monkeypatch.setattr(stream, "HOLD", 96)  # still more than any annotation used here
    monkeypatch.setattr(writers, "HOLD", 96)


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize("eol", ["\n", "\r\n", ""])
@pytest.mark.parametrize("mode", ["annotate", "only", "json"])
def test_long_lines_are_streamed(eol: str, mode: str) -> None:
    _, example = EXAMPLES[0]
    long_line = example.text + ", tail=" + "x" * 1000
    after = example.text + "\n" if eol else ""  # no line end: the long line ends the input
    data = (long_line + eol + after).encode()
    out = annotate_bytes(data, Options(mode=mode), chunk=7)
    body = f"  [{_body(example.value)}]".encode()
    assert len(body) < ann.HOLD
    if mode == "annotate":
        expected = long_line.encode() + body + eol.encode()
        if after:
            expected += example.text.encode() + body + b"\n"
        assert out == expected
        assert strip_annotations(out, chunk=7) == data
    elif mode == "only":
        lines = out.splitlines()
        assert lines[0] == b"-:1:" + long_line.encode() + body
        assert len(lines) == (2 if after else 1)
        if after:
            assert lines[1] == b"-:2:" + example.text.encode() + body
    else:
        records = [json.loads(line) for line in out.splitlines()]
        assert [r["line"] for r in records] == ([1, 2] if after else [1])
        assert {r["value"] for r in records} == {example.value}


@pytest.mark.usefixtures("small_limits")
def test_a_long_line_is_decided_by_its_first_bytes() -> None:
    # the flags field comes after MAX_LINE bytes: not seen, the line passes unchanged
    line = "2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate3:4209 : " + "y" * 300
    data = (line + " flags=0x1b\n").encode()
    assert annotate_bytes(data, chunk=16) == data


# ------------------------------------------------------------------ the command


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "libvirtd.log"
    path.write_bytes(_log(*(ex.text for _, ex in EXAMPLES), *NOT_MIGRATION, *OTHER_FLAGS_LINES))
    return path


def test_cli_file_and_stdin_give_the_same_output(runner: CliRunner, log_file: Path) -> None:
    from_file = runner.invoke(main, ["annotate", str(log_file)])
    from_stdin = runner.invoke(main, ["annotate"], input=log_file.read_bytes())
    dash = runner.invoke(main, ["annotate", "-"], input=log_file.read_bytes())
    assert from_file.exit_code == 0, from_file.output
    assert from_file.stdout_bytes == from_stdin.stdout_bytes == dash.stdout_bytes
    assert from_file.stdout_bytes == annotate_bytes(log_file.read_bytes())
    assert strip_annotations(from_file.stdout_bytes) == log_file.read_bytes()


def test_cli_bare_note_once_on_stderr(runner: CliRunner, log_file: Path) -> None:
    result = runner.invoke(main, ["annotate", str(log_file), str(log_file)])
    assert result.exit_code == 0
    assert result.stderr.count("--bare-flags dec") == 1
    assert result.stdout_bytes == 2 * annotate_bytes(log_file.read_bytes())
    dec = runner.invoke(main, ["annotate", "--bare-flags", "dec", str(log_file)])
    assert dec.stderr.count("--bare-flags hex") == 1
    assert dec.exit_code == 1  # `1b` cannot be read as decimal


def test_cli_only_is_like_grep_hn(runner: CliRunner, log_file: Path) -> None:
    result = runner.invoke(main, ["annotate", "--only", str(log_file)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(EXAMPLES)
    text = log_file.read_text().splitlines()
    for line in lines:
        name, number, rest = line.split(":", 2)
        assert name == str(log_file)
        assert rest.startswith(text[int(number) - 1]) and rest.endswith("]")
    stdin = runner.invoke(main, ["annotate", "--only"], input=log_file.read_bytes())
    assert stdin.stdout.splitlines()[0].startswith("(standard input):1:")


def test_cli_json_lines(runner: CliRunner, log_file: Path) -> None:
    result = runner.invoke(main, ["annotate", "--json", str(log_file)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["function"], r["value"]) for r in records] == [
        (ex.function, ex.value) for _, ex in EXAMPLES
    ]
    first = records[0]
    assert {"file", "line", "function", "field", "value", "hex", "flags", "problems"} <= set(first)
    assert first["file"] == str(log_file) and first["line"] == 1
    assert first["hex"] == hex(first["value"])


def test_cli_json_names_the_flags_a_person_read_off_the_line(runner: CliRunner) -> None:
    """The expected names are literals, not derived from the flag table under test."""
    line = ("2026-11-27 14:28:10.802+0000: 2704: debug : virDomainMigrateToURI3:4646 : "
            "dom=0x5646, dconnuri=qemu+ssh://dst/system, params=0x7f11, nparms=1 flags=0x1b\n")
    result = runner.invoke(main, ["annotate", "--json"], input=line)
    (record,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert (record["value"], record["hex"], record["names"]) == (
        27, "0x1b", "LIVE|PEER2PEER|PERSIST_DEST|UNDEFINE_SOURCE")
    assert [flag["name"] for flag in record["flags"]] == [
        "VIR_MIGRATE_LIVE", "VIR_MIGRATE_PEER2PEER", "VIR_MIGRATE_PERSIST_DEST",
        "VIR_MIGRATE_UNDEFINE_SOURCE"]


def test_cli_json_uses_the_objects_of_decode(runner: CliRunner, tmp_path: Path) -> None:
    """`flags`, `unknown_bits` and `problems` are decode's objects, `schema` its version."""
    log = tmp_path / "libvirtd.log"
    log.write_bytes(_log(
        "2026-11-27 14:36:00.917+0000: 6460: debug : virDomainMigrateToURI3:4646 : "
        "dom=0x1, dconnuri=qemu+ssh://x/system, params=(nil), nparms=0 flags=0x20040b",
    ))
    result = runner.invoke(main, ["annotate", "--json", str(log)])
    assert result.exit_code == 1  # bit 21 is unknown
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    decoded = json.loads(runner.invoke(main, ["decode", "0x20040b", "--json"]).stdout)
    assert record["schema"] == decoded["schema"]
    assert record["flags"] == decoded["flags"] and len(record["flags"]) == 4
    assert record["flags"][0]["name"] == "VIR_MIGRATE_LIVE" and record["flags"][0]["bit"] == 0
    assert record["unknown_bits"] == decoded["unknown_bits"] == [
        {"bit": 21, "value": 0x200000, "hex": "0x200000"}
    ]
    # annotate leaves out virsh's own option checks (the value reached libvirt anyway)
    assert record["problems"] and all(p in decoded["problems"] for p in record["problems"])
    assert {"level", "layer", "rule", "message", "explanation", "fix"} == set(
        record["problems"][0])


@pytest.mark.parametrize(("choice", "colored"), [("always", True), ("never", False),
                                                 ("auto", False)])
def test_cli_color(runner: CliRunner, log_file: Path, choice: str, colored: bool) -> None:
    result = runner.invoke(main, ["annotate", "--color", choice, str(log_file)])
    assert (b"\x1b[" in result.stdout_bytes) is colored
    assert strip_annotations(result.stdout_bytes) == log_file.read_bytes()


@pytest.mark.parametrize(
    ("line", "args", "status"),
    [
        ("flags=0x1b", [], 0),
        (f"flags={hex(UNKNOWN | 1)}", [], 1),  # unknown bits: always 1
        ("flags=0x5", [], 0),  # TUNNELLED without PEER2PEER: an error-level problem...
        ("flags=0x5", ["--strict"], 1),  # ...which counts with --strict
    ],
)
def test_cli_exit_status(runner: CliRunner, line: str, args: list[str], status: int) -> None:
    record = "2026-11-27 14:36:00.917+0000: 1: debug : virDomainMigrate3:4209 : " + line
    assert decode(0x5).has_errors
    result = runner.invoke(main, ["annotate", *args], input=_log(record))
    assert result.exit_code == status, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate", "/nonexistent/libvirtd.log"], "'/nonexistent/libvirtd.log'"),
        (["annotate", "--only", "--json"], "--only and --json"),
        (["annotate", "--bare-flags", "oct"], "oct"),
        (["annotate", "--libvirt", "nine"], "nine"),
    ],
)
def test_cli_bad_input_is_one_line_and_status_2(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(main, args, input=b"")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert "Traceback" not in result.output


def test_cli_directory_is_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["annotate", str(tmp_path)])
    assert result.exit_code == 2 and "directory" in result.stderr


def test_annotate_does_not_import_rich(log_file: Path) -> None:
    code = (
        "import sys\n"
        "from migflags.cli import main\n"
        "try:\n"
        f"    main(['annotate', '--color', 'always', {str(log_file)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert done.stderr.decode().endswith("[]"), done.stderr.decode()[-500:]


def test_a_reader_that_goes_away_ends_annotate_quietly(tmp_path: Path) -> None:
    """`migflags annotate big.log | head`: exit 0, no traceback."""
    _, example = EXAMPLES[0]
    big = tmp_path / "big.log"
    big.write_bytes(_log(example.text) * 40000)  # about 10 MB
    proc = subprocess.Popen([sys.executable, "-m", "migflags", "annotate", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in stderr and b"Error" not in stderr


def test_virsh_option_rules_do_not_mark_logged_values() -> None:
    """0x40b (LIVE|OFFLINE|...) is refused by virsh's option check only; a value in a libvirtd
    log came through the API, maybe not from virsh, so it is not marked for that."""
    assert any(p.layer == "virsh" for p in decode(0x40B).problems)
    assert "!" not in Decoder()(b"0x40b", Base.LIBVIRT).plain.decode()


def test_standard_output_gets_the_same_bytes_as_annotate_bytes(tmp_path: Path) -> None:
    """On a real file descriptor the stretches between values go out by `os.writev`: the
    output is still `annotate_bytes`' byte for byte, long lines (written through the
    buffer) in their place."""
    _, example = EXAMPLES[0]
    long_line = example.text.encode() + b", " + b"x" * (ann.MAX_LINE + 3 * ann.BLOCK)
    data = (_log(example.text) + b"plain line, flags=0x1\n") * 30000 + long_line + b"\n"
    data += _log(example.text) * 10
    log = tmp_path / "in.log"
    log.write_bytes(data)
    out = tmp_path / "out.log"
    with out.open("wb") as handle:
        done = subprocess.run([sys.executable, "-m", "migflags", "annotate", str(log)],
                              stdout=handle, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert out.read_bytes() == annotate_bytes(data)


def test_writing_in_part_goes_on_where_it_stopped(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`os.writev` may write less than it was given: the rest follows, in order, also past
    the limit of pieces per call."""

    calls = []

    def writev_seven_bytes(fd: int, buffers: list[bytes | memoryview]) -> int:
        calls.append(len(buffers))
        assert len(calls) < 10_000, "no progress"
        return os.write(fd, b"".join(bytes(piece) for piece in buffers)[:7])

    monkeypatch.setattr(writers.os, "writev", writev_seven_bytes)
    pieces: list[bytes | memoryview] = [f"piece {i};".encode() for i in range(3000)]
    pieces.append(memoryview(b"the end"))
    path = tmp_path / "out"
    with path.open("wb") as handle:
        writers._write_all(handle.fileno(), list(pieces))
    assert path.read_bytes() == b"".join(bytes(piece) for piece in pieces)
    assert max(calls) == writers._IOV_MAX
