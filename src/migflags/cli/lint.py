"""`migflags lint PATH...`: check every `virsh migrate` command in runbooks, shell scripts and
Ansible playbooks, as `check --libvirt` would, and report like a compiler."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import click

from migflags.cli.base import Command
from migflags.cli.common import FileType, lang_option, libvirt_option, resolve_lang, use_rich
from migflags.errors import InputError
from migflags.exits import BAD_INPUT, OK, PROBLEMS
from migflags.text import Text
from migflags.versions import LibvirtVersion

STDIN_NAME = "(standard input)"
_BINARY_PROBE = 8192  # a NUL byte in the first block makes a file binary, as for grep
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})

HELP_TEXTS: tuple[Text, ...] = (
    Text(
        "Check every virsh migrate command in runbooks, scripts and playbooks.\n\n"
        "PATHs are files or directories (searched for shell scripts, Markdown, reST, YAML and "
        "text files; - reads standard input). Each command found, with its prompt, sudo, "
        "continuations and trailing || true taken off, is checked as `check --libvirt` "
        "would. One line per problem, `FILE:LINE: level [layer] rule: message`. Exit 1 when "
        "any error-level problem is found, 2 when a file cannot be read.",
        "检查运维手册、脚本和 playbook 中的每一条 virsh migrate 命令。\n\n"
        "PATH 可以是文件或目录（在目录中查找 shell 脚本、Markdown、reST、YAML 和文本文件；"
        "- 表示读取标准输入）。找到的每条命令去掉提示符、sudo、续行和末尾的 || true 之后，"
        "按 `check --libvirt` 的方式检查。每个问题一行，格式为 "
        "`FILE:LINE: level [layer] rule: message`。"
        "发现任何错误级问题时，退出状态为 1；有文件无法读取时为 2。",
    ),
    Text(
        "Print one JSON object per command, one per line (JSON Lines).",
        "每条命令输出一个 JSON 对象，每行一个（JSON Lines）。",
    ),
    Text(
        "text: FILE:LINE: findings; github: workflow commands (::error file=...) for GitHub "
        "Actions.",
        "text：FILE:LINE: 形式的结果；"
        "github：供 GitHub Actions 使用的工作流命令（::error file=...）。",
    ),
    Text(
        "Colour the findings on a terminal (auto), always, or never.",
        "在终端上为结果着色（auto）、总是着色（always）或从不着色（never）。",
    ),
)
_DOC, _JSON, _FORMAT, _COLOR = (text.en for text in HELP_TEXTS)

def _files(paths: list[str]) -> Iterator[str]:
    """The files to read: each PATH given, and under each directory the files of a known
    kind (by suffix, or a shell script by its first line), in a stable order."""
    from migflags.lint_scan import KNOWN_SUFFIXES, is_shell_script

    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
            for name in sorted(names):
                full = os.path.join(root, name)
                suffix = os.path.splitext(name)[1].lower()
                if suffix in KNOWN_SUFFIXES:
                    yield full
                elif not suffix and not name.startswith("."):
                    try:
                        with open(full, "rb") as handle:
                            head = handle.read(128).decode("utf-8", "replace")
                    except OSError:
                        continue
                    if is_shell_script(head):
                        yield full


def _read(path: str) -> str:
    """A file's text; OSError or ValueError (binary) say why it cannot be linted."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if b"\0" in data[:_BINARY_PROBE]:
        raise ValueError("binary file")
    return data.decode("utf-8", errors="replace")


@click.command("lint", cls=Command, help=_DOC)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...",
                type=FileType())  # lint_cmd refuses a missing path, or a NUL, in one line
@click.option("--json", "as_json", is_flag=True, help=_JSON)
@click.option("--format", "out_format", type=click.Choice(["text", "github"]), default="text",
              show_default=True, help=_FORMAT)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=_COLOR)
@libvirt_option
@lang_option
def lint_cmd(
    paths: tuple[str, ...], as_json: bool, out_format: str, color: str,
    version: LibvirtVersion, lang: str | None,
) -> None:
    from migflags.lint_scan import SHELL, kind_of, scan
    from migflags.pasted import analyse_words
    from migflags.render.lint_out import Finding, github_lines, json_line, plain_lines

    if as_json and out_format != "text":
        raise click.UsageError("--json and --format github choose different outputs: "
                               "give one of them")
    language = resolve_lang(lang)
    console = None
    if not as_json and out_format == "text" and use_rich(color):
        from migflags.render.rich_table import make_console

        console = make_console(force_color=True if color == "always" else None)
    errors = 0
    unreadable = False
    for path in paths:
        if "\0" in path:  # os.stat would raise ValueError
            raise InputError(f"cannot lint {path!r}: not a valid file name")
        if path != "-" and not os.path.exists(path):
            raise InputError(f"cannot lint {path!r}: no such file or directory")
    for path in _files(list(paths)):
        shown = STDIN_NAME if path == "-" else path
        try:
            text = _read(path)
        except (OSError, ValueError) as error:
            from migflags.cli.messages import localize, prefix

            reason = getattr(error, "strerror", None) or str(error)
            message = localize(f"cannot lint {shown!r}: {reason}", language)
            click.echo(prefix("error", language) + message, err=True)
            unreadable = True
            continue
        kind = kind_of(path if path != "-" else "", text[:128])
        for candidate in scan(text, kind):
            result = analyse_words(candidate.words, version, source=candidate.text,
                                   read_files=False, script=kind == SHELL)
            finding = Finding(shown, candidate.line, candidate.text, result)
            errors += sum(1 for p in result.problems if p.is_error)
            if as_json:
                click.echo(json_line(finding, language))
            elif out_format == "github":
                for line in github_lines(finding, language):
                    click.echo(line)
            elif console is not None:
                from migflags.render.lint_out import print_rich

                print_rich(console, finding, language)
            else:
                for line in plain_lines(finding, language):
                    click.echo(line)
    # A file that cannot be read is bad input, as a missing one is (the others are still
    # checked and reported): it decides the status over the problems found.
    sys.exit(BAD_INPUT if unreadable else PROBLEMS if errors else OK)
