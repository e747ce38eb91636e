"""Command lines as people paste them: find `virsh ... migrate` commands in shell text, console
transcripts and templates, and split each into the words virsh would be given.

What surrounds a published line is dropped the way a shell (or a reader) would: prompts
(`$ `, `# `, `user@host:~$ `, `[root@host ~]# `, `virsh # ` of an interactive virsh session),
backslash-newline continuations, comments, `VAR=value` assignments and wrappers that run
another program (`sudo`, `doas`, `env`, `timeout 60`, `nohup`, ...), redirections (`2>&1`,
`> log`) and everything after a control operator (`|| true`, `; echo $?`, `| tee log`). A
command handed to ssh, `bash -c` or `su -c` is looked for in their arguments.

Words are split as a POSIX shell splits them (quotes, backslashes), but nothing is expanded:
`$vm`, `"${timeout}"`, `$(cmd)`, Jinja's `{{ vm }}` (spaces inside), `<domain>`, `[--p2p]`
and `...` each stay one word, marked as a template placeholder. Pure functions, no I/O.
"""

from __future__ import annotations

import os
import re

from migflags.record import NamedTuple
from migflags.tables.options import COMMAND, PROGRAM
from migflags.tables.shell import COMMAND_RUNNERS, REMOTE_SHELL, WRAPPERS

_OPERATORS = ("&&", "||", "|&", ";;", ";", "|", "&", "(", ")")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_PLAIN = re.compile(r"[^ \t\n;&|()<>\\'\"$`{]+")  # characters with no meaning to the shell
_ANGLE = re.compile(r"<[A-Za-z_][A-Za-z0-9_.:@/+ -]*>")  # <domain>, <destination-host>
_REDIRECT = re.compile(r"(?:[0-9]+|&)?(?:>>|>&|>\||<>|<&|<<<|<<-?|>|<)")
# A prompt at the start of a transcript line; `virsh # ` / `virsh > ` is virsh's own.
_PROMPT = re.compile(
    r"[ \t]*(?:(?P<virsh>virsh ?[#>])|(?:\[[^\]\n]*\] ?|[\w.-]+@[\w.-]+(?::[^\s$#%]*)? ?)?[$#%])"
    r"[ \t]+"
)


class Word(NamedTuple):
    text: str  # as the program would receive it (quotes removed, nothing expanded)
    placeholder: bool  # holds an unexpanded $var, $(...), {{ jinja }}, <name>, [..] or ...
    start: int  # offsets of the word in the text it came from
    end: int


class Found(NamedTuple):
    """One `virsh ... migrate` command in a text."""

    line: int  # 0-based line of the text where the command starts
    text: str  # the command as written, continuations joined, from the program word on
    words: tuple[Word, ...]  # from the program word (virsh, or its path) on


class _Token(NamedTuple):
    word: Word | None
    operator: str  # a control operator, "\n", or a redirection when word is None


def _skip_balanced(text: str, at: int, opening: str, closing: str) -> int:
    """The index after the `closing` that balances the `opening` at `at` (or the end)."""
    depth = 0
    index = at
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def _dollar(text: str, at: int) -> int:
    """The end of an expansion starting with the `$` at `at` ($x, ${x}, $(x), $((x)), $?)."""
    nxt = text[at + 1 : at + 2]
    if nxt == "{":
        return _skip_balanced(text, at + 1, "{", "}")
    if nxt == "(":
        return _skip_balanced(text, at + 1, "(", ")")
    if nxt and (nxt.isalpha() or nxt == "_"):
        end = at + 1
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        return end
    if nxt and (nxt.isdigit() or nxt in "?!#*@$-"):
        return at + 2
    return at + 1  # a lone dollar sign is itself


def _word(text: str, at: int) -> tuple[Word, int]:
    """Read one word starting at `at`; return it and the index after it."""
    out: list[str] = []
    placeholder = False
    index = at
    length = len(text)
    while index < length:
        plain = _PLAIN.match(text, index)
        if plain:
            out.append(plain.group())
            index = plain.end()
            continue
        char = text[index]
        if char in " \t\n;&|()":
            break
        if char == ">" or (char == "<" and not _ANGLE.match(text, index)):
            break
        if char == "\\":
            if text[index + 1 : index + 2] == "\n":
                index += 2
                continue
            out.append(text[index + 1 : index + 2])
            index += 2
        elif char == "'":
            end = text.find("'", index + 1)
            end = length if end < 0 else end
            out.append(text[index + 1 : end])
            index = end + 1
        elif char == '"':
            index += 1
            while index < length and text[index] != '"':
                inner = text[index]
                if inner == "\\" and text[index + 1 : index + 2] in ('"', "\\", "$", "`", "\n"):
                    if text[index + 1] != "\n":
                        out.append(text[index + 1])
                    index += 2
                elif inner == "$" and _dollar(text, index) > index + 1:
                    end = _dollar(text, index)
                    out.append(text[index:end])
                    placeholder = True
                    index = end
                elif inner == "`":
                    end = text.find("`", index + 1)
                    end = length - 1 if end < 0 else end
                    out.append(text[index : end + 1])
                    placeholder = True
                    index = end + 1
                else:
                    out.append(inner)
                    index += 1
            index += 1
        elif char == "$" and _dollar(text, index) > index + 1:
            end = _dollar(text, index)
            out.append(text[index:end])
            placeholder = True
            index = end
        elif char == "`":
            end = text.find("`", index + 1)
            end = length - 1 if end < 0 else end
            out.append(text[index : end + 1])
            placeholder = True
            index = end + 1
        elif text.startswith("{{", index):
            end = text.find("}}", index + 2)
            end = length - 2 if end < 0 else end
            out.append(text[index : end + 2])
            placeholder = True
            index = end + 2
        elif char == "<":
            match = _ANGLE.match(text, index)
            assert match is not None
            out.append(match.group())
            placeholder = True
            index = match.end()
        else:
            out.append(char)
            index += 1
    word = "".join(out)
    if word in ("...", "\u2026") or (len(word) > 2 and word[0] == "[" and word[-1] == "]"):
        placeholder = True
    return Word(word, placeholder, at, index), index


def tokenize(text: str) -> list[_Token]:
    """Split shell text into words, control operators ("\\n" for a line end) and
    redirections; comments and backslash-newlines are dropped."""
    tokens: list[_Token] = []
    index = 0
    length = len(text)
    at_word_start = True
    while index < length:
        char = text[index]
        if char in " \t\r":
            index += 1
            continue
        if char == "\\" and text[index + 1 : index + 2] == "\n":
            index += 2
            continue
        if char == "\n":
            tokens.append(_Token(None, "\n"))
            index += 1
            continue
        if char == "#" and at_word_start:
            end = text.find("\n", index)
            index = length if end < 0 else end
            continue
        redirect = _REDIRECT.match(text, index)
        if redirect and not (char == "<" and _ANGLE.match(text, index)) and (
            not redirect.group()[0].isdigit() or redirect.group()[-1] in "<>&"
        ):
            tokens.append(_Token(None, "redirect"))
            index = redirect.end()
            continue
        operator = next((op for op in _OPERATORS if text.startswith(op, index)), None)
        if operator is not None:
            tokens.append(_Token(None, operator))
            index += len(operator)
            continue
        word, index = _word(text, index)
        tokens.append(_Token(word, ""))
    return tokens


def _segments(tokens: list[_Token]) -> list[list[Word]]:
    """Simple commands: words between control operators, redirections and their targets
    removed."""
    segments: list[list[Word]] = [[]]
    skip_next = False
    for token in tokens:
        if token.word is not None:
            if skip_next:
                skip_next = False
                continue
            segments[-1].append(token.word)
        elif token.operator == "redirect":
            skip_next = True
        else:
            skip_next = False
            segments.append([])
    return [segment for segment in segments if segment]


def _first_program(words: list[Word], programs: frozenset[str]) -> int | None:
    """Where one of `programs` runs in a simple command, directly or under wrappers
    (`sudo -u root`, `timeout 60`, `env A=b`) after `VAR=value` assignments."""
    index = 0
    while index < len(words) and _ASSIGNMENT.match(words[index].text):
        index += 1
    if index >= len(words):
        return None
    first = os.path.basename(words[index].text)
    if first in programs:
        return index
    if first not in WRAPPERS:
        return None
    for later in range(index + 1, len(words)):
        if os.path.basename(words[later].text) in programs:
            return later
    return None


_VIRSH = frozenset({PROGRAM})


def program_index(words: list[Word]) -> int | None:
    """Where the virsh program word is in a simple command, after assignments and wrappers
    (`sudo -u root`, `timeout 60`, `env A=b`); None when the command does not run virsh."""
    return _first_program(words, _VIRSH)


def has_prompt(line: str) -> bool:
    """Whether a line starts with a console prompt (`$ `, `# `, `virsh # `, ...)."""
    return _PROMPT.match(line) is not None


def strip_prompts(text: str) -> str:
    """Remove a console prompt at the start of each line; `virsh # ` becomes `virsh `."""
    if "$" not in text and "#" not in text and "%" not in text and ">" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        return f"{PROGRAM} " if match.group("virsh") else ""

    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _PROMPT.match(line)
        if match:
            lines[index] = replace(match) + line[match.end() :]
    return "\n".join(lines)


def _command_word(words: list[Word]) -> str | None:
    """The first word after the program and its options that is not an option's value."""
    from migflags.virsh_argv import GLOBAL_OPTIONS

    takes_value = {f"-{g.short}" for g in GLOBAL_OPTIONS if g.short and g.value == "required"}
    takes_value |= {f"--{g.long}" for g in GLOBAL_OPTIONS if g.long and g.value == "required"}
    index = 1
    while index < len(words):
        text = words[index].text
        if text == "--":
            return words[index + 1].text if index + 1 < len(words) else None
        if not text.startswith("-") or text == "-":
            return text
        index += 2 if text in takes_value else 1
    return None


def _found(source: str, words: list[Word]) -> Found:
    """A command from its program word on, with the line it starts on and its text as
    written (continuations joined)."""
    start, end = words[0].start, words[-1].end
    shown = re.sub(r"[ \t]*\\\n[ \t]*", " ", source[start:end]).replace("\n", " ")
    return Found(source.count("\n", 0, start), shown, tuple(words))


def find_commands(text: str, *, prompts: bool = True, _depth: int = 0) -> list[Found]:
    """Every `virsh ... migrate` command in `text`; other virsh commands are left alone. A
    command run by ssh, `bash -c` or `su -c` is found in their arguments."""
    source = strip_prompts(text) if prompts else text
    if PROGRAM not in source:
        return []
    found: list[Found] = []
    for segment in _segments(tokenize(source)):
        at = program_index(segment)
        if at is not None:
            if _command_word(segment[at:]) == COMMAND:
                found.append(_found(source, segment[at:]))
        elif _depth < 2:
            found += _nested(source, segment, _depth)
    return found


def _runner_index(words: list[Word]) -> int | None:
    """Where a program that runs a command string (ssh, bash -c, su -c) is, after assignments
    and wrappers (`sudo bash -c '...'`); None when the command is something else."""
    return _first_program(words, COMMAND_RUNNERS)


def _nested(source: str, segment: list[Word], depth: int) -> list[Found]:
    """Commands run by a program that runs a command string: inside one of its words
    (`ssh src "virsh migrate ..."`, `bash -c '...'`) or as its remaining words
    (`ssh src virsh migrate ...`, which ssh joins and the remote shell splits again)."""
    at = _runner_index(segment)
    if at is None:
        return []
    found: list[Found] = []
    for index in range(at + 1, len(segment)):
        word = segment[index]
        if os.path.basename(word.text) == PROGRAM:
            rest = segment[index:]
            if os.path.basename(segment[at].text) == REMOTE_SHELL:
                # ssh joins its remaining words with blanks; the remote shell splits again
                line = source.count("\n", 0, word.start)
                joined = " ".join(w.text for w in rest)
                return found + [inner._replace(line=line + inner.line)
                                for inner in find_commands(joined, prompts=False,
                                                           _depth=depth + 1)]
            return found + ([_found(source, rest)] if _command_word(rest) == COMMAND else [])
        if PROGRAM in word.text and COMMAND in word.text and " " in word.text:
            line = source.count("\n", 0, word.start)
            found += [inner._replace(line=line + inner.line)
                      for inner in find_commands(word.text, prompts=False, _depth=depth + 1)]
    return found


def looks_pasted(argument: str) -> bool:
    """Whether one command-line argument holds a whole pasted line rather than a value: it
    has a blank in it and starts (after a prompt) with virsh, a path to it, `migrate`, a
    wrapper such as sudo, a program that runs a command (ssh), or a `VAR=value` assignment."""
    if not any(blank in argument for blank in " \t\n"):
        return False
    first = strip_prompts(argument.lstrip()).split(None, 1)
    if not first:
        return False
    word = first[0]
    return (os.path.basename(word) == PROGRAM or word == COMMAND or word in WRAPPERS
            or word in COMMAND_RUNNERS or bool(_ASSIGNMENT.match(word)))
