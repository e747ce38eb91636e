"""`migflags annotate` is lossless: removing its annotations (`strip_annotations`, the format
documented in `migflags.annotate`) gives back the input byte for byte, whatever the bytes:
invalid UTF-8, NUL bytes, CRLF, no final newline, lines of many megabytes, an empty input;
whatever the block boundaries; with and without colour."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from migflags import annotate as ann
from migflags.annotate import (
    Hit,
    Options,
    annotate_bytes,
    find_hits,
    scan,
    scanner,
    strip_annotations,
)
from migflags.tables.log_sources import LOG_SOURCES, NOT_MIGRATION_FLAGS, OTHER_FLAGS_LINES

REAL_LINES = [ex.text.encode() for row in LOG_SOURCES for ex in row.examples]
REAL_LINES += [text.encode() for row in NOT_MIGRATION_FLAGS for text in row.examples]
REAL_LINES += [text.encode() for text in OTHER_FLAGS_LINES]
MIGRATION_LINE = REAL_LINES[0]


def _round_trip(data: bytes, chunk: int = ann.BLOCK) -> bytes:
    plain = annotate_bytes(data, chunk=chunk)
    colored = annotate_bytes(data, Options(color=True), chunk=chunk)
    assert strip_annotations(plain, chunk=chunk) == data
    assert strip_annotations(colored, chunk=chunk) == data
    assert strip_annotations(plain) == data
    return plain


# Pieces a log is made of: real lines (migration and not), their fragments, line ends, junk.
_pieces = st.one_of(
    st.sampled_from(REAL_LINES),
    st.sampled_from(REAL_LINES).flatmap(
        lambda line: st.integers(0, len(line)).map(lambda cut: line[:cut])
    ),
    st.sampled_from([b"\n", b"\r\n", b"\r", b"\x00", b"\xff\xfe", b"  [LIVE]", b"flags=0x1b",
                     b"Migrat", b" : ", b"debug : virDomainMigrate3:1 : ", b"\x1b[36m"]),
    st.binary(max_size=40),
)
_logs = st.lists(_pieces, max_size=30).map(b"".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), chunk=st.integers(1, 64))
@example(data=b"", chunk=1)
@example(data=b"\x00\xff\r\n\r\n", chunk=1)
def test_arbitrary_bytes(data: bytes, chunk: int) -> None:
    _round_trip(data, chunk)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs, chunk=st.integers(1, 97))
def test_arbitrary_bytes_with_real_log_lines(data: bytes, chunk: int) -> None:
    out = _round_trip(data, chunk)
    # only lines with a value changed, and each of them only at its end
    assert out.count(b"\n") == data.count(b"\n")
    assert len(find_hits(data)) == len(find_hits(out))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs, chunk=st.integers(1, 40))
def test_arbitrary_logs_with_tiny_limits(data: bytes, chunk: int) -> None:
    """The same with a block of 16 bytes and lines 'long' from 64 bytes on, so that the
    streaming of long lines is exercised by every example."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ann, "BLOCK", 16)
        patch.setattr(ann, "MAX_LINE", 64)
        patch.setattr(ann, "HOLD", 4096)  # still more than any annotation
        _round_trip(data, chunk)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n",
        b"\r\n",
        b"\x00\x00\n\x00",
        b"\xff\xfe\xfd invalid utf-8 \xc3\x28\n",
        MIGRATION_LINE,  # no final newline
        MIGRATION_LINE + b"\r\n" + MIGRATION_LINE + b"\r\n",
        MIGRATION_LINE.replace(b"dom=", b"dom=\xff\x00") + b"\n",
        b"\r" + MIGRATION_LINE + b"\r",
        MIGRATION_LINE + b"  [LIVE]\n",  # looks annotated already
    ],
    ids=["empty", "newline", "crlf", "nul", "invalid-utf8", "no-final-newline",
         "crlf-lines", "binary-in-line", "bare-cr", "looks-annotated"],
)
def test_edge_cases(data: bytes) -> None:
    out = _round_trip(data)
    if find_hits(data):
        assert out != data


def test_crlf_annotation_goes_before_the_line_end() -> None:
    out = annotate_bytes(MIGRATION_LINE + b"\r\n")
    assert out.startswith(MIGRATION_LINE + b"  [") and out.endswith(b"]\r\n")


@pytest.mark.parametrize("where", ["start", "end"])
def test_lines_of_many_megabytes(where: str) -> None:
    """Real limits: a 9 MiB line (more than MAX_LINE) streams through, around normal lines."""
    filler = b"x" * (9 << 20)
    long_line = MIGRATION_LINE + b", " + filler if where == "start" else filler + MIGRATION_LINE
    data = MIGRATION_LINE + b"\n" + long_line + b"\r\n" + MIGRATION_LINE + b"\n"
    out = _round_trip(data)
    hits = 3 if where == "start" else 2  # a long line is decided by its first MAX_LINE bytes
    assert out.count(b"  [LIVE|") == hits


def test_binary_junk_before_a_function_name_is_passed_through() -> None:
    """A byte that is not ASCII glued to a migration function's name: no such function, no
    annotation, and no crash (it used to raise UnicodeDecodeError)."""
    for data in (b"x \xffvirDomainMigrate3:1 : flags=0x1\n",
                 b"t: 1: debug : \xffvirDomainMigrate3:1 : flags=0x1b\n"):
        assert _round_trip(data) == data


def test_strip_refuses_what_annotate_did_not_write() -> None:
    with pytest.raises(ValueError, match="no annotation"):
        strip_annotations(MIGRATION_LINE + b"\n")


def _line_by_line(data: bytes) -> list[Hit]:
    """The definition: `_line_hit` on every line in turn, carrying the open record."""
    hits = []
    state = None
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        stop = len(data) if nl < 0 else nl + 1
        end = len(data) if nl < 0 else nl
        if nl > pos and data[nl - 1 : nl] == b"\r":
            end -= 1
        hit, state = scanner._line_hit(data, pos, end, stop, state)
        if hit is not None:
            hits.append(hit)
        pos = stop
    return hits


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs)
@example(data=b"x \xffvirDomainMigrate3:1 : flags=0x1\n")
@example(data=b"2026-11-30 00:20:01.979+0000: 751: debug : \xe9virDomainMigrate3:1 : flags=0x1\n")
def test_the_fast_scan_finds_what_the_line_by_line_definition_finds(data: bytes) -> None:
    assert scan(data)[0] == _line_by_line(data)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs, cut=st.integers(0, 10_000))
def test_scanning_in_two_runs_carries_the_open_record(data: bytes, cut: int) -> None:
    """The runner scans block by block: the open record handed from one run of lines to the
    next must give the hits of the line-by-line definition."""
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    at = ends[cut % len(ends)] if ends else 0
    first, state = scan(data, 0, at)
    second, _ = scan(data, at, len(data), state)
    assert first + second == _line_by_line(data)
