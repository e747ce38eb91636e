"""The optional C half of annotate's scanner (`migflags/annotate/_native.c`) against the Python
one: the same hits, on generated logs that aim at every turn the C loop takes or declines, and
on the recorded real daemon logs; and the C loop must really do the work (it may decline any
line, so a loop that declined every one would pass the equality tests and be slow).

The module is optional (hatch_build.py builds it when a C compiler is there). Under CI=true
it must be built; elsewhere these tests skip without it, saying how to build it.
"""

from __future__ import annotations

import lzma
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from migflags.annotate import scanner

DATA = Path(__file__).parent / "data" / "realqemu-logs"
HOW = "the optional C module is not built: `pip install -e .` with gcc and the Python headers"

try:
    from migflags.annotate import _native
except ImportError:
    _native = None  # type: ignore[assignment]

# Under CI=true nothing skips: a missing module fails these too.
needs_native = pytest.mark.skipif(
    (_native is None or scanner._SKIP is None) and os.environ.get("CI") != "true", reason=HOW
)


def test_the_c_module_is_built_and_used_in_ci() -> None:
    if os.environ.get("CI") != "true" and _native is None:
        pytest.skip(HOW)
    assert _native is not None, "CI must build migflags.annotate._native (hatch_build.py)"
    assert scanner._SKIP is not None, "the C module is built but the scanner does not use it"


# ------------------------------------------------------------------ the vector search


@needs_native
@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(
    hay=st.lists(st.sampled_from([b"f", b"flags", b"lags", b"Migrat", b"M", b"t", b" ", b":",
                                  b" : ", b"\n", b"x"]), max_size=200).map(b"".join),
    needle=st.sampled_from([b"flags", b"Migrat", b" : ", b"f", b"fl", b"ft", b"Migratx"]),
    cut=st.tuples(st.integers(0, 2000), st.integers(0, 2000)),
)
@example(hay=b"a" * 200 + b"flags", needle=b"flags", cut=(0, 2000))
@example(hay=b"flags" + b"a" * 200, needle=b"flags", cut=(1, 2000))
def test_find_is_bytes_find(hay: bytes, needle: bytes, cut: tuple[int, int]) -> None:
    start, end = sorted(min(c, len(hay)) for c in cut)
    assert _native.find(hay, needle, start, end) == hay.find(needle, start, end)


@needs_native
def test_find_on_every_alignment_of_long_buffers() -> None:
    """The AVX2 loop takes 64 places at a time, the SSE2 one 16: a match at each offset of
    a few such blocks, and the tail after them."""
    for size in (63, 64, 65, 127, 128, 200):
        for at in range(0, size - 4):
            hay = b"." * at + b"flags" + b"." * (size - at)
            assert _native.find(hay, b"flags", 0, len(hay)) == at
            assert _native.find(hay, b"flags", 0, at + 4) == -1
            assert _native.find(hay, b"flags", at + 1, len(hay)) == -1


@needs_native
def test_skip_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError):
        scanner._SKIP(b"abc", 0, 10, -1, [])  # type: ignore[misc]
    with pytest.raises(ValueError):
        scanner._SKIP(b"abc", 2, 1, -1, [])  # type: ignore[misc]
    with pytest.raises(TypeError):
        scanner._SKIP(b"abc", 0, 3, -1, ())  # type: ignore[misc, arg-type]


# ------------------------------------------------------------------ C and Python agree

_LEVELS = ["debug", "info", "warning", "error", "trace", "Debug"]
_NAMES = [
    "virDomainMigratePerform3Params", "qemuMigrationSrcPerformPhase",
    "qemuMigrationDstPrepareFresh",
    "virDomainMigrate3", "qemuMigrationParamsFromFlags", "qemuMigrationCapsCheck",
    "virDomainMigrateSetMaxDowntime", "virDomainGetJobInfo", "qemuMonitorJSONIOProcessLine",
    "xMigrat", "Migrat", "_Migrate9", "9Migrate",
]
_VALUES = ["0x1b", "0X40B", "0x", "1b", "0x1bz", "0x1_", "0x" + "f" * 16, "0x" + "f" * 17,
           "f" * 16, "f" * 17, "12", "zz", "0x1b,", ""]


def _record(level: str, name: str, lineno: str, fields: list[str]) -> bytes:
    head = f"2026-11-30 00:20:01.979+0000: 751: {level} : {name}:{lineno} : "
    return (head + ", ".join(fields)).encode()


_field = st.one_of(
    st.sampled_from(_VALUES).map(lambda v: f"flags={v}"),
    st.sampled_from(_VALUES).map(lambda v: f"destflags={v}"),
    st.sampled_from(_VALUES).map(lambda v: f"xflags={v}"),
    st.sampled_from(["dom=0x7f3a8c00b6d0", "cookiein=<qemu-migration>", "bandwidth=0",
                     "Migrat", "x : y", "params[\"migrate_uri\"]=(string)tcp:h"]),
)
_record_line = st.builds(
    _record, st.sampled_from(_LEVELS), st.sampled_from(_NAMES),
    st.sampled_from(["5131", "1", "", "x"]), st.lists(_field, max_size=4),
)
# Lines of a multi-line message (a migration cookie's XML, the end of its record).
_continuation = st.one_of(
    st.sampled_from(_VALUES).map(lambda v: f", cookieinlen=1142, flags={v}, retcode=0".encode()),
    st.sampled_from([b"  <hostname>h</hostname>", b"</qemu-migration>", b"a : b flags=0x1",
                     b"flags=0x1b", b"  <flags>3</flags>", b"Migrat flags=0x3", b""]),
)
_line = st.one_of(_record_line, _record_line, _continuation)
_logs = st.tuples(
    st.lists(_line, max_size=25), st.sampled_from([b"\n", b"\r\n"]), st.booleans()
).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else b""))


def _both(data: bytes, start: int = 0, stop: int | None = None,
          state: Any = None) -> tuple[Any, Any]:
    native = scanner.scan(data, start, stop, state, scanner._SKIP)
    python = scanner.scan(data, start, stop, state, None)
    return native, python


@needs_native
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs, forget=st.booleans())
def test_c_and_python_find_the_same_hits(data: bytes, forget: bool) -> None:
    if forget:  # the C loop leaves a function name it has not met yet to Python
        scanner._NAMES.clear()
    native, python = _both(data)
    assert native == python


@needs_native
@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(data=_logs, cut=st.integers(0, 10_000))
def test_c_and_python_agree_across_two_runs(data: bytes, cut: int) -> None:
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    at = ends[cut % len(ends)] if ends else 0
    first_native, first_python = _both(data, 0, at)
    assert first_native == first_python
    state = first_python[1]
    assert _both(data, at, len(data), state)[0] == _both(data, at, len(data), state)[1]


def _real_logs() -> bytes:
    return b"".join(lzma.decompress(path.read_bytes()) for path in sorted(DATA.glob("*.log.xz")))


@needs_native
def test_c_and_python_agree_on_the_real_daemon_logs() -> None:
    data = _real_logs()
    native, python = _both(data)
    assert native == python
    assert len(python[0]) >= 50  # the logs hold 82 migration records with a value


@needs_native
def test_the_c_loop_does_the_work_on_real_logs() -> None:
    """On the real daemon logs, the C loop itself makes most hits and the Python loop turns
    for few lines: what makes annotate fast (benchmarks/annotate_throughput.py measures it)."""
    data = _real_logs()
    calls = 0
    made_in_c = 0

    def counting(buf: bytes, pos: int, size: int, anchor: int, hits: list[Any]) -> Any:
        nonlocal calls, made_in_c
        calls += 1
        before = len(hits)
        found = scanner._SKIP(buf, pos, size, anchor, hits)  # type: ignore[misc]
        made_in_c += len(hits) - before
        return found

    hits, _ = scanner.scan(data, skip=counting)
    assert made_in_c >= 0.9 * len(hits), (made_in_c, len(hits))
    flags_lines = data.count(b"flags")
    assert calls <= 0.1 * flags_lines, (calls, flags_lines)


@needs_native
def test_the_command_gives_the_same_bytes_without_c(tmp_path: Path) -> None:
    log = tmp_path / "real.log"
    log.write_bytes(_real_logs())
    runs = []
    for pure in ("0", "1"):
        env = {**os.environ, "MIGFLAGS_PURE_PYTHON": pure}
        done = subprocess.run([sys.executable, "-m", "migflags", "annotate", str(log)],
                              capture_output=True, env=env, check=False)
        assert done.returncode in (0, 1), done.stderr
        runs.append(done.stdout)
    assert runs[0] == runs[1]
    assert runs[0] != log.read_bytes()  # it did annotate


def test_a_module_built_from_another_source_is_not_used(tmp_path: Path) -> None:
    """An editable install keeps its module beside `_native.c`: after an edit of the source
    and before a rebuild, the scanner must not use the old module."""
    import zlib

    module = tmp_path / "_native.cpython-311-x86_64-linux-gnu.so"
    assert scanner._built_from_its_source(str(module), 123)  # a wheel: no source beside it
    source = tmp_path / "_native.c"
    source.write_bytes(b"int x;\n")
    assert scanner._built_from_its_source(str(module), zlib.crc32(b"int x;\n"))
    assert not scanner._built_from_its_source(str(module), zlib.crc32(b"int y;\n"))
    assert not scanner._built_from_its_source(None, 0)
    # a module from before SOURCE_CRC existed (no value): older than its source
    assert not scanner._built_from_its_source(str(module), None)


@needs_native
def test_the_installed_module_matches_its_source() -> None:
    assert scanner._built_from_its_source(_native.__file__, _native.SOURCE_CRC)
    assert _native.SOURCE_CRC != 0  # hatch_build.py passed it
