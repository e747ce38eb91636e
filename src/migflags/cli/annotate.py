"""`migflags annotate`: the thin Click layer over `migflags.annotate` (no Rich on this path)."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Any, BinaryIO, cast

import click

from migflags.annotate import BARE_BASES, Decoder, Input, Options, Summary, annotate_stream
from migflags.annotate.compressed import DamagedInput, UnsupportedFormat, open_input
from migflags.cli.base import Command
from migflags.cli.common import FileType, lang_option, libvirt_option, resolve_lang, version_note
from migflags.errors import InputError
from migflags.exits import OK, PROBLEMS
from migflags.text import Text
from migflags.versions import LibvirtVersion

STDIN_NAME = "(standard input)"  # what `grep -H` calls standard input
OUTPUT_BUFFER = 4 << 20

HELP_TEXTS: tuple[Text, ...] = (
    Text(
        "Explain every migration flags value in libvirt, virsh and CloudStack logs, in place.\n\n"
        "Reads FILEs (standard input when none or -; gzip, bzip2, xz and zstd "
        "compressed input is recognised by its first bytes and decompressed) and copies every "
        "line to standard output; a line that carries a migration flags value gets its "
        "decoding appended, "
        "e.g. `  [LIVE|PEER2PEER]`, with `!` and the problem ids when the value has an "
        "error-level problem or unknown bits.",
        "在日志中原地解释每个迁移标志值（libvirt、virsh 和 CloudStack 日志）。\n\n"
        "读取 FILE（没有给出或为 - 时读取标准输入；gzip、bzip2、xz 和 zstd 压缩的输入"
        "按开头的字节识别并自动解压），把每一行原样复制到标准输出；"
        "带有迁移标志值的行在末尾追加解码结果，例如 `  [LIVE|PEER2PEER]`；"
        "如果该值有错误级问题或未知位，还会追加 `!` 和问题编号。",
    ),
    Text(
        "Print only the lines with a flags value, after FILE:LINE: (like grep -Hn).",
        "只输出带有标志值的行，行前加 FILE:LINE:（与 grep -Hn 相同）。",
    ),
    Text(
        "Print one JSON object per flags value, one per line (for jq).",
        "每个标志值输出一个 JSON 对象，每行一个（便于 jq 处理）。",
    ),
    Text(
        "Colour the annotations on a terminal (auto), always, or never.",
        "在终端上为注释着色（auto）、总是着色（always）或从不着色（never）。",
    ),
    Text(
        "Base of values logged without 0x: hex (libvirt 0.9.4 and later) or dec (older "
        "releases).",
        "日志中不带 0x 的值按什么进制读取：hex（libvirt 0.9.4 及以后）或 dec（更早的版本）。",
    ),
)
_DOC, _ONLY, _JSON, _COLOR, _BARE = (text.en for text in HELP_TEXTS)
WHY_HELP = Text(
    "Also mark each error line that `migflags why` recognises, e.g. `  [why: "
    "qemu-unsafe-shared-storage]` (default output only).",
    "同时标记 `migflags why` 能识别的每一行错误，例如 `  [why: "
    "qemu-unsafe-shared-storage]`（仅用于默认输出）。",
)

NOTES: dict[str, Text] = {
    "bare": Text(
        "migflags: note: values written without 0x were read as {base}; use --bare-flags {other} "
        "if the log comes from a libvirt release {when}.",
        "migflags: 注意：不带 0x 的值按 {base} 读取；如果日志来自 {when} 的 libvirt 版本，"
        "请使用 --bare-flags {other}。",
    ),
    "when_hex": Text("older than 0.9.4", "早于 0.9.4"),
    "when_dec": Text("0.9.4 or later", "0.9.4 或更新"),
}


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _stdout() -> contextlib.AbstractContextManager[BinaryIO]:
    """Standard output with a buffer larger than a block: the unchanged stretches between
    two values are copied into it instead of costing a system call each."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # not a file (tests)
        return contextlib.nullcontext(sys.stdout.buffer)
    sys.stdout.flush()
    return open(fd, "wb", buffering=OUTPUT_BUFFER, closefd=False)


def _open(path: str) -> Input:
    """A raw (unbuffered) reader: each read returns what is there, so a pipe streams."""
    if path == "-":
        return cast(Input, getattr(sys.stdin.buffer, "raw", sys.stdin.buffer))
    try:
        return open(path, "rb", buffering=0)
    except OSError as error:
        raise InputError(f"cannot read {path!r}: {error.strerror or error}") from None
    except ValueError:  # a NUL byte in the name: no file can be called that
        raise InputError(f"cannot read {path!r}: not a valid file name") from None


def _shown(path: str) -> str:
    return STDIN_NAME if path == "-" else repr(path)


def _plain(src: Input, path: str) -> Input:
    """The plain bytes of `src`: a compressed input (rotated logs) is recognised by its first
    bytes and decompressed."""
    try:
        plain, _ = open_input(src)
    except UnsupportedFormat as error:
        raise InputError(f"cannot read {_shown(path)}: {error}") from None
    return plain


class _FilePath(FileType):
    """A file name, completed as one, that refuses a NUL in the name in one line."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\0" in value:
            self.fail(f"cannot read {value!r}: not a valid file name", param, ctx)
        return super().convert(value, param, ctx)


@click.command("annotate", cls=Command, help=_DOC)
@click.argument("files", nargs=-1, metavar="[FILE]...", type=_FilePath())
@click.option("--only", is_flag=True, help=_ONLY)
@click.option("--json", "as_json", is_flag=True, help=_JSON)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=_COLOR)
@click.option("--bare-flags", "bare", type=click.Choice(BARE_BASES), default=BARE_BASES[0],
              show_default=True, help=_BARE)
@click.option("--strict", is_flag=True, help="Exit 1 when any value has an error-level problem.")
@click.option("--why", "why", is_flag=True, help=WHY_HELP.en)
@libvirt_option
@lang_option
def annotate_cmd(
    files: tuple[str, ...], only: bool, as_json: bool, color: str, bare: str, strict: bool,
    why: bool, version: LibvirtVersion, lang: str | None,
) -> None:
    version_note(version)
    paths = list(files) or ["-"]
    for path in paths:
        if path != "-" and os.path.isdir(path):
            raise InputError(f"cannot read {path!r}: it is a directory")
        if path != "-" and not os.path.exists(path):
            raise InputError(f"cannot read {path!r}: no such file")
    if only and as_json:
        raise InputError("--only and --json are two output formats: choose one")
    if why and (only or as_json):
        raise InputError("--why marks lines of the default output: leave out --only/--json")
    language = resolve_lang(lang)
    mode = "json" if as_json else "only" if only else "annotate"
    options = Options(version=version, bare=bare, color=_use_color(color) and not as_json,
                      mode=mode, lang=language, why=why)
    decoder = Decoder(version, bare)
    summary = Summary()
    try:
        with _stdout() as out:
            for path in paths:
                src = _open(path)
                try:
                    plain = _plain(src, path)
                    annotate_stream(plain, out, options, STDIN_NAME if path == "-" else path,
                                    decoder, summary)
                except DamagedInput as error:
                    out.flush()
                    raise InputError(f"cannot read {_shown(path)}: {error}") from None
                finally:
                    if path != "-":
                        cast(io.RawIOBase, src).close()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, like grep, and keep Python from
        # failing to flush standard output again at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(OK)
    if summary.bare:
        other = BARE_BASES[1] if bare == BARE_BASES[0] else BARE_BASES[0]
        when = NOTES["when_hex" if bare == BARE_BASES[0] else "when_dec"].get(language)
        click.echo(NOTES["bare"].get(language).format(base=bare, other=other, when=when),
                   err=True)
    problems = summary.unknown_bits or summary.unreadable or (strict and summary.errors)
    sys.exit(PROBLEMS if problems else OK)
