"""A pasted `virsh migrate` line, checked: the words found by `paste`, read by `virsh_argv` as
the chosen release's virsh reads them, analysed by `core`, with a note for every template
placeholder that virsh would take literally or refuse. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence

from migflags.errors import InputError
from migflags.model import Problem, RawValue, Request, Result
from migflags.paste import Word, find_commands, looks_pasted
from migflags.tables.options import COMMAND, DESTURI_OPTION, DOMAIN_OPTION, PROGRAM
from migflags.tables.rules import Layer
from migflags.texts import UI
from migflags.versions import LibvirtVersion
from migflags.virsh_argv import Reading, read_virsh_argv

PLACEHOLDER_RULE = "placeholder"
COMMAND_LINE_RULE = "virsh-command-line"


def words_of_argument(argument: str, *, required: bool = True) -> list[Word] | None:
    """The words of one argument that holds a whole pasted line, or None when it does not
    look like one (a domain may have blanks in its name). A line that looks pasted but holds
    no `virsh migrate` command is an InputError naming it when `required`, else None; several
    commands are always an InputError."""
    if not looks_pasted(argument):
        return None
    text = argument.strip()
    if text.split(None, 1)[0] == COMMAND:  # a line typed at virsh's own prompt
        text = f"{PROGRAM} {text}"
    if not required and not find_commands(text):
        return None
    return single_command(text, argument)


def single_command(text: str, shown: str) -> list[Word]:
    found = find_commands(text)
    if not found:
        raise InputError(f"no 'virsh migrate' command in {shown.strip()!r}")
    if len(found) > 1:
        raise InputError(f"{len(found)} 'virsh migrate' commands in {shown.strip()!r}: "
                         "migflags lint checks each one")
    return list(found[0].words)


def _where(word: str, request: Request) -> str | None:
    """The option a word ended up in: `<domain>`, `<desturi>` or `--name`."""
    if request.domain == word:
        return f"<{DOMAIN_OPTION.name}>"
    if request.desturi == word:
        return f"<{DESTURI_OPTION.name}>"
    for name, value in request.values:
        text = value.text if isinstance(value, RawValue) else value
        if text == word or (isinstance(text, tuple) and ",".join(text) == word):
            return f"--{name}"
    return None


def is_shell_expansion(word: Word) -> bool:
    """A word a shell script fills in when it runs (`$vm`, `"${timeout}"`, `$(cmd)`)."""
    return word.placeholder and "$" in word.text


def placeholder_notes(
    words: Sequence[Word], reading: Reading, *, script: bool = False
) -> list[Problem]:
    """One advice note per placeholder word that reached an option: virsh takes it literally
    (a domain named `{{ vm }}`) or refuses it (a number option given `${timeout}`). In a
    shell script (`script`) the shell expands `$...` words, so they get no note."""
    refused = {fault.text for fault in reading.faults if fault.kind == "value"}
    notes = []
    for word in words:
        if not word.placeholder or (script and is_shell_expansion(word)):
            continue
        where = _where(word.text, reading.request)
        if where is None:
            continue
        key = "placeholder_refused" if word.text in refused else "placeholder"
        notes.append(Problem(
            "warning", Layer.ADVICE.value, PLACEHOLDER_RULE, "",
            UI[key].format(word=word.text, option=where), UI["placeholder_fix"],
        ))
    return notes


def analyse_line(words: Sequence[Word], version: LibvirtVersion, *, source: str) -> Result:
    """Check one pasted command for encode, check and decode: a line virsh's option parser
    refuses is an InputError, like any malformed command line."""
    from migflags.core import analyse

    reading = read_virsh_argv([w.text for w in words], version)
    notes = placeholder_notes(words, reading)
    return analyse(reading.request, version, source, reading.faults, notes)


def analyse_words(
    words: Sequence[Word], version: LibvirtVersion, *, source: str, read_files: bool = True,
    script: bool = False,
) -> Result:
    """Check one command as virsh `version` would; a line its option parser refuses gives a
    result whose only problem says so (for lint, where one bad line must not stop the rest).
    In a shell script (`script`) a value the shell fills in (`--timeout "$T"`) is unknown:
    virsh's verdict on it is not reported, and rules that test it stay silent."""
    from migflags.core import analyse

    try:
        reading = read_virsh_argv([w.text for w in words], version, read_files=read_files)
    except InputError as error:
        problem = Problem("error", Layer.VIRSH.value, COMMAND_LINE_RULE, str(error),
                          UI["bad_line"], UI["bad_line_fix"])
        return Result(source, 0, (), (), version, problems=(problem,))
    notes = placeholder_notes(words, reading, script=script)
    faults = reading.faults
    if script:
        expanded = {word.text for word in words if is_shell_expansion(word)}
        faults = tuple(f for f in faults if not (f.kind == "value" and f.text in expanded))
    return analyse(reading.request, version, source, faults, notes)
