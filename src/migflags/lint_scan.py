"""Find `virsh ... migrate` commands in runbooks, scripts and playbooks. Pure functions.

`scan(text, kind)` yields one `Candidate` per command with the 1-based line where it starts:

* shell scripts: every command line (continuations joined, comments skipped);
* Markdown, reStructuredText and plain text: every line of a code block or of prose that
  starts (after indentation, a list or quote marker, an inline-code backtick or a prompt)
  with a command running virsh; continuations joined;
* YAML (Ansible): the values of `shell:`, `command:` and `cmd:` keys, plain, quoted or block
  scalars (`|` keeps lines, `>` folds them).

Lines that mention neither `virsh` nor `migrate` are skipped before any splitting, which is
what keeps a large tree fast. Other virsh commands (`virsh list`, `virsh migrate-setspeed`)
are left alone by `paste.find_commands`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from migflags.paste import Word, find_commands, has_prompt
from migflags.record import NamedTuple
from migflags.tables.options import COMMAND, PROGRAM

SHELL, MARKDOWN, RST, YAML, TEXT = "shell", "markdown", "rst", "yaml", "text"
_SUFFIXES = {
    ".sh": SHELL, ".bash": SHELL, ".ksh": SHELL, ".zsh": SHELL, ".dash": SHELL,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN,
    ".rst": RST, ".rest": RST,
    ".yml": YAML, ".yaml": YAML,
    ".txt": TEXT, ".text": TEXT, ".log": TEXT,
}
KNOWN_SUFFIXES = frozenset(_SUFFIXES)
_SHEBANG = re.compile(r"#![ \t]*\S*\b(?:env[ \t]+)?(?:ba|da|k|z|a)?sh\b")
_YAML_KEY = re.compile(
    r"^(?P<indent>[ \t]*(?:-[ \t]+)?)(?:ansible\.(?:builtin|legacy)\.)?"
    r"(?P<key>shell|command|cmd)[ \t]*:(?:[ \t]+(?P<value>.*))?$"
)
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
_PROSE_LEAD = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?P<ticks>`*)")


class Candidate(NamedTuple):
    line: int  # 1-based line where the command starts
    text: str  # the command as written, continuations joined
    words: tuple[Word, ...]


def kind_of(path: str, head: str) -> str:
    """The kind of a file from its name, else from a shell shebang; plain text otherwise."""
    dot = path.rfind(".")
    if dot > path.rfind("/"):
        kind = _SUFFIXES.get(path[dot:].lower())
        if kind is not None:
            return kind
    return SHELL if _SHEBANG.match(head) else TEXT


def is_shell_script(head: str) -> bool:
    return bool(_SHEBANG.match(head))


def _mentions(text: str) -> bool:
    return PROGRAM in text and COMMAND in text


def _logical_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(0-based first line, text) with backslash-newline continuations joined."""
    index = 0
    while index < len(lines):
        start = index
        parts = [lines[index]]
        while parts[-1].endswith("\\") and index + 1 < len(lines):
            index += 1
            parts.append(lines[index])
        index += 1
        yield start, "\n".join(parts)


def _commands(text: str, first_line: int, *, prompts: bool) -> Iterator[Candidate]:
    for found in find_commands(text, prompts=prompts):
        yield Candidate(first_line + found.line + 1, found.text, found.words)


def _scan_shell(lines: list[str]) -> Iterator[Candidate]:
    for start, text in _logical_lines(lines):
        if _mentions(text):
            yield from _commands(text, start, prompts=False)


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside a fenced code block (``` or ~~~, Markdown)."""
    inside = False
    code = []
    for line in lines:
        fence = _FENCE.match(line) is not None
        if fence:
            inside = not inside
        code.append(inside and not fence)
    return code


def _scan_prose(lines: list[str]) -> Iterator[Candidate]:
    """Markdown, reST and plain text, line by line. Code (a fenced or indented block, inline
    code, a line with a prompt) is taken as it is; a prose line that merely starts with
    `virsh migrate` ("virsh migrate is the command that...") counts only when it gives an
    option (a word starting with `-`)."""
    fenced: list[bool] | None = None
    for start, text in _logical_lines(lines):
        if not _mentions(text):
            continue
        if fenced is None:
            fenced = _code_lines(lines)
        lead = _PROSE_LEAD.match(text)
        assert lead is not None  # every part of the pattern is optional
        body = text[lead.end() :]
        if lead["ticks"]:  # inline code: the command ends where the code span does
            body = body.split(lead["ticks"], 1)[0]
        code = (fenced[start] or bool(lead["ticks"]) or text.startswith(("    ", "\t"))
                or has_prompt(body))
        for candidate in _commands(body, start, prompts=True):
            if code or any(word.text.startswith("-") for word in candidate.words[1:]):
                yield candidate


def _unquote_yaml(value: str) -> str:
    """A YAML flow scalar's text: quotes removed ('' and \\" unescaped), a comment dropped."""
    value = value.strip()
    if value[:1] == "'" and value.endswith("'") and len(value) > 1:
        return value[1:-1].replace("''", "'")
    if value[:1] == '"' and value.endswith('"') and len(value) > 1:
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    comment = re.search(r"[ \t]#", value)
    return value[: comment.start()] if comment else value


def _scan_yaml(lines: list[str]) -> Iterator[Candidate]:
    index = 0
    while index < len(lines):
        match = _YAML_KEY.match(lines[index])
        index += 1
        if match is None:
            continue
        indent = len(match["indent"])
        value = (match["value"] or "").strip()
        block: list[str] = []
        block_start = index
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
        ):
            block.append(lines[index])
            index += 1
        while block and not block[-1].strip():
            block.pop()
        if value[:1] in ("|", ">"):
            body = [line.strip() for line in block]
            if value[0] == "|":
                for start, text in _logical_lines(body):
                    if _mentions(text):
                        yield from _commands(text, block_start + start, prompts=False)
            else:
                text = " ".join(part for part in body if part)
                if _mentions(text):
                    yield from _commands(text, block_start, prompts=False)
            continue
        if not value or (value.startswith(("{", "[")) and not value.startswith("{{")):
            index = block_start  # a mapping under the key (`shell:` / `cmd:`) is scanned next
            continue
        text = _unquote_yaml(" ".join([value, *(line.strip() for line in block)]))
        if _mentions(text):
            yield from _commands(text, block_start - 1, prompts=False)


def scan(text: str, kind: str) -> Iterator[Candidate]:
    """Every `virsh ... migrate` command in a file's text, in file order."""
    if not _mentions(text):
        return
    lines = text.splitlines()
    if kind == SHELL:
        yield from _scan_shell(lines)
    elif kind == YAML:
        yield from _scan_yaml(lines)
    else:
        yield from _scan_prose(lines)
