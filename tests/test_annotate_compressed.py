"""Rotated logs: `annotate` reads gzip, bzip2, xz and zstd input, recognised by its first bytes
(not its name) on files and on standard input, and prints what the uncompressed log gives."""

from __future__ import annotations

import bz2
import gzip
import lzma
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import require

from migflags.annotate.compressed import FORMATS, detect, open_input
from migflags.annotate.stream import _Chunks
from migflags.cli import main
from migflags.tables.log_sources import LOG_SOURCES, NOT_MIGRATION_FLAGS, OTHER_FLAGS_LINES

LOG = (
    "\n".join(
        [ex.text for row in LOG_SOURCES for ex in row.examples]
        + [text for row in NOT_MIGRATION_FLAGS for text in row.examples]
        + list(OTHER_FLAGS_LINES)
    )
    + "\n"
).encode()


def _zstd(data: bytes) -> bytes:
    try:
        import zstandard
    except ImportError:  # the test extra installs it
        require(False, "the zstandard module is not installed (pip install -e '.[test]')")
        raise
    return bytes(zstandard.ZstdCompressor().compress(data))


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": _zstd,
}
TOOLS = {"gzip": "gzip", "bzip2": "bzip2", "xz": "xz", "zstd": "zstd"}


def _annotate(runner: CliRunner, args: list[str], data: bytes | None = None) -> tuple[int, bytes]:
    result = runner.invoke(main, ["annotate", *args], input=data)
    return result.exit_code, result.stdout_bytes


def test_every_format_has_a_compressor_here() -> None:
    assert sorted(COMPRESSORS) == sorted(row.name for row in FORMATS)


@pytest.mark.parametrize("fmt", sorted(COMPRESSORS))
def test_compressed_file_and_stdin_give_the_plain_output(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    plain = tmp_path / "libvirtd.log"
    plain.write_bytes(LOG)
    packed = tmp_path / "rotated.1"  # no telling suffix: the first bytes decide
    packed.write_bytes(COMPRESSORS[fmt](LOG))
    status, expected = _annotate(runner, [str(plain)])
    assert status == 0 and b"  [LIVE|PEER2PEER" in expected
    assert _annotate(runner, [str(packed)]) == (0, expected)
    assert _annotate(runner, [], packed.read_bytes()) == (0, expected)
    for mode in (["--only"], ["--json"]):
        assert _annotate(runner, mode, packed.read_bytes()) == _annotate(runner, mode, LOG)


@pytest.mark.parametrize("fmt", sorted(TOOLS))
def test_files_written_by_the_real_tools(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    """What logrotate leaves behind: files made by the gzip, bzip2, xz and zstd programs."""
    tool = shutil.which(TOOLS[fmt])
    require(tool is not None, f"the {TOOLS[fmt]} program is not installed (apt install "
            f"{'xz-utils' if fmt == 'xz' else TOOLS[fmt]})")
    if fmt == "zstd":
        _zstd(b"")  # the module that reads it
    plain = tmp_path / "libvirtd.log"
    plain.write_bytes(LOG)
    subprocess.run([str(tool), "-k", "-q", str(plain)], check=True)
    suffix = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz", "zstd": ".zst"}[fmt]
    packed = plain.with_name(plain.name + suffix)
    assert packed.read_bytes() != LOG
    assert _annotate(runner, [str(packed)]) == _annotate(runner, [str(plain)])


@pytest.mark.parametrize("fmt", sorted(COMPRESSORS))
def test_concatenated_streams_are_read_to_the_end(runner: CliRunner, fmt: str) -> None:
    """`cat a.gz b.gz` decompresses to both, as zcat and friends do."""
    halves = LOG[: len(LOG) // 2], LOG[len(LOG) // 2 :]
    cut = halves[0].rfind(b"\n") + 1
    first, second = LOG[:cut], LOG[cut:]
    data = COMPRESSORS[fmt](first) + COMPRESSORS[fmt](second)
    assert _annotate(runner, [], data) == _annotate(runner, [], LOG)


@pytest.mark.parametrize("fmt", sorted(COMPRESSORS))
def test_an_empty_compressed_file_is_an_empty_log(runner: CliRunner, fmt: str) -> None:
    assert _annotate(runner, [], COMPRESSORS[fmt](b"")) == (0, b"")


@pytest.mark.parametrize("fmt", sorted(COMPRESSORS))
def test_a_cut_short_file_is_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    packed = tmp_path / "libvirtd.log.1"
    data = COMPRESSORS[fmt](LOG)
    packed.write_bytes(data[: len(data) // 2])
    result = runner.invoke(main, ["annotate", str(packed)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("migflags: error: cannot read ")
    assert str(packed) in lines[0] and f"{fmt} data is damaged or cut short" in lines[0]


@pytest.mark.parametrize(
    "text",
    [b"BZh9 is how a bzip2 stream starts\n", b"\x1f\x8b but no deflate\n", b"", b"B", b"BZh"],
)
def test_plain_text_that_starts_like_a_magic_number_stays_plain(
    runner: CliRunner, text: bytes
) -> None:
    assert detect(text) is None
    assert _annotate(runner, [], text) == (0, text)


@pytest.mark.parametrize("fmt", sorted(COMPRESSORS))
def test_magic_read_from_a_pipe_one_byte_at_a_time(fmt: str) -> None:
    """A pipe may hand over the first bytes in pieces: they are gathered, and given back."""
    data = COMPRESSORS[fmt](LOG)
    reader, name = open_input(_Chunks(data, 1))
    assert name == fmt
    out = b""
    while chunk := reader.read(1 << 16):
        out += chunk
    assert out == LOG
    plain, name = open_input(_Chunks(LOG, 1))
    assert name is None
    out = b""
    while chunk := plain.read(7):
        out += chunk
    assert out == LOG  # the bytes looked at come back first


def test_zstd_without_a_module_says_what_to_install(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = bytes.fromhex("28b52ffd2000010000")  # an empty zstd frame (RFC 8878)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    monkeypatch.setitem(sys.modules, "compression", None)
    result = runner.invoke(main, ["annotate"], input=data)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "migflags: error: cannot read (standard input): zstd-compressed input needs the "
        "zstandard module (pip install zstandard), or decompress it first: "
        "zstdcat FILE | migflags annotate"
    ]
