"""Parse a `virsh migrate` command line the way virsh of a given release does.

What virsh does, and so what this module does:

* An optional `virsh [global options] migrate` prefix (`-c URI`, `--connect=URI`, `-qr`, ...,
  long options abbreviated as getopt allows) is dropped.
* `--opt value` and `--opt=value`; a value option takes the next word even when it looks like
  an option (`--dname --live` names the guest "--live"). A word after `--` is always data.
* Bare words fill the release's positional slots in order, skipping options already given by
  name: 23 slots up to 10.2 (every value option), 10 from 10.3 (`CURRENT_PARSER_SINCE`).
* Parse errors (unknown option, duplicate, `=` after a boolean, missing value, a bare word with
  no slot left) are raised in command-line order. Then values are converted in the order virsh
  reads them (`VIRSH_FETCH_ORDER`): empty strings, numbers that do not fit their C type, and
  unreadable --xml / --persistent-xml files.
* `read_virsh_argv` keeps going past those refused values (and, for a whole line that names
  the `migrate` command, a missing domain or destination) and returns them as `Fault`s with
  their position in virsh's run, so that `core` can place them among virsh's own checks
  (`rules.Rule.steps`) as each release does; `parse_virsh_argv` raises the first.
* An option newer than the chosen release is parsed anyway; `core` reports it as that virsh's
  "doesn't support option" error. Like virsh, nothing after it is complained about: a later
  parse error is reported as that same unknown option, and values are left unconverted
  (`RawValue`) instead of refused.

Every `InputError` carries virsh's own text (without its `error: ` prefix).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence

from migflags.errors import InputError, did_you_mean
from migflags.model import FileArg, RawValue, Request
from migflags.record import NamedTuple
from migflags.tables.options import (
    COMMAND,
    CURRENT_PARSER_SINCE,
    DESTURI_OPTION,
    DOMAIN_OPTION,
    FETCH_INDEX,
    MAX_FILE_BYTES,
    MSG_BAD_NUMBER,
    MSG_BOOL_WITH_VALUE,
    MSG_DUPLICATE,
    MSG_EMPTY_VALUE,
    MSG_EXTRA_WORD,
    MSG_FILE,
    MSG_FILE_OPEN,
    MSG_FILE_READ,
    MSG_MISSING_VALUE,
    MSG_REQUIRED,
    OPTIONS,
    OPTIONS_BY_NAME,
    PROGRAM,
    OptionKind,
    OptionRow,
    ValueType,
)
from migflags.tables.rules import VIRSH_UNKNOWN_OPTION
from migflags.versions import LibvirtVersion
from migflags.virsh_steps import POS_REQUIRED, read_position

RUNNERS = frozenset({"sudo", "doas"})  # a pasted runbook line may start `sudo [-u root] virsh`
DATA_MARK = "--"  # every word after it is data, even `--live`

# ------------------------------------------------------------------ virsh's global options


class GlobalOption(NamedTuple):
    """One option of virsh itself (before the command), as its getopt_long table has it."""

    short: str | None
    long: str | None
    value: str = "none"  # "none", "required" or "optional" (only with the long form)
    exits: bool = False  # prints help or a version and exits: no command runs


GLOBAL_OPTIONS: tuple[GlobalOption, ...] = (
    GlobalOption("c", "connect", "required"),
    GlobalOption("d", "debug", "required"),
    GlobalOption("e", "escape", "required"),
    GlobalOption("h", "help", exits=True),
    GlobalOption("k", "keepalive-interval", "required"),
    GlobalOption("K", "keepalive-count", "required"),
    GlobalOption("l", "log", "required"),
    GlobalOption("q", "quiet"),
    GlobalOption("r", "readonly"),
    GlobalOption("t", "timing"),
    GlobalOption(None, "no-pkttyagent"),  # listed by 12.9.0's virsh --help, not by 9.0.0's
    GlobalOption("v", None, exits=True),
    GlobalOption("V", None, exits=True),
    GlobalOption(None, "version", "optional", exits=True),
)
CONNECT_OPTION = "connect"  # -c/--connect URI: the source libvirt virsh talks to
_BY_SHORT = {g.short: g for g in GLOBAL_OPTIONS if g.short}
_BY_LONG = {g.long: g for g in GLOBAL_OPTIONS if g.long}


def _check_runs(option: GlobalOption, word: str) -> None:
    if option.exits:
        raise InputError(
            f"virsh option {word!r} prints {'help' if option.short == 'h' else 'a version'} "
            "and exits: no migration would run"
        )


def _long_global(words: list[str], index: int, values: dict[str, str] | None = None) -> int:
    """Consume one `--name[=value]` global option at `index`; return the next index. The value
    of an option that takes one is stored in `values` under its long name."""
    word = words[index]
    name, has_value, given = word[2:].partition("=")
    option = _BY_LONG.get(name)
    if option is None:  # getopt_long accepts any unambiguous abbreviation
        matches = [g for long, g in _BY_LONG.items() if long.startswith(name)] if name else []
        if len(matches) != 1:
            what = "ambiguous" if matches else "unknown"
            hint = did_you_mean(f"--{name}", [f"--{g}" for g in _BY_LONG]) if not matches else ""
            raise InputError(f"{what} virsh option '--{name}' before '{COMMAND}'{hint}")
        option = matches[0]
    _check_runs(option, word)
    if option.value == "none" and has_value:
        raise InputError(f"virsh option '--{option.long}' takes no value: {word!r}")
    if option.value == "required" and not has_value:
        if index + 1 >= len(words):
            raise InputError(f"virsh option '--{option.long}' needs a value")
        if values is not None and option.long:
            values[option.long] = words[index + 1]
        return index + 2
    if has_value and values is not None and option.long:
        values[option.long] = given
    return index + 1


def _short_global(words: list[str], index: int, values: dict[str, str] | None = None) -> int:
    """Consume one cluster of short global options (`-q`, `-qr`, `-cURI`, `-c URI`)."""
    word = words[index]
    for at, letter in enumerate(word[1:], start=1):
        option = _BY_SHORT.get(letter)
        if option is None:
            raise InputError(f"unknown virsh option '-{letter}' before '{COMMAND}' in {word!r}")
        _check_runs(option, word)
        if option.value == "required":
            if at + 1 < len(word):
                if values is not None and option.long:
                    values[option.long] = word[at + 1 :]
                return index + 1  # the rest of the word is the value
            if index + 1 >= len(words):
                raise InputError(f"virsh option '-{letter}' needs a value")
            if values is not None and option.long:
                values[option.long] = words[index + 1]
            return index + 2
    return index + 1


def strip_prefix(words: Sequence[str], values: dict[str, str] | None = None) -> list[str]:
    """Drop a leading `[sudo ...] virsh [global options] migrate` (each part optional); the
    values of virsh's own options (`-c URI`) go into `values` by long name."""
    return split_command(words, values)[0]


def split_command(
    words: Sequence[str], values: dict[str, str] | None = None
) -> tuple[list[str], bool]:
    """The words after a leading `[sudo ...] virsh [global options] migrate`, and whether the
    `migrate` command word was there (a whole command line, which must name its domain and
    destination, rather than options alone); the values of virsh's own options (`-c URI`) go
    into `values` by long name."""
    rest = list(words)
    if rest and rest[0] in RUNNERS:
        programs = [i for i, word in enumerate(rest) if os.path.basename(word) == PROGRAM]
        if programs:
            rest = rest[programs[0] :]
    index = 0
    if rest and os.path.basename(rest[0]) == PROGRAM:
        index = 1
        while index < len(rest):
            word = rest[index]
            if word == DATA_MARK:
                index += 1
                break
            if word.startswith("--"):
                index = _long_global(rest, index, values)
            elif word.startswith("-") and word != "-":
                index = _short_global(rest, index, values)
            else:
                break
        if index >= len(rest) or rest[index] != COMMAND:
            found = repr(rest[index]) if index < len(rest) else "nothing"
            raise InputError(
                f"expected the command '{COMMAND}' after '{PROGRAM}' and its options, "
                f"found {found}"
            )
        index += 1
    elif rest and rest[0] == COMMAND:
        index = 1
    return rest[index:], index > 0


# ------------------------------------------------------------------ the migrate command line


def legacy_parser(version: LibvirtVersion) -> bool:
    """Whether `version`'s virsh has the old option parser (every value option positional)."""
    return version < CURRENT_PARSER_SINCE


def positional_slots(version: LibvirtVersion) -> list[OptionRow]:
    """The options that bare words fill, in order, for this virsh release."""
    legacy = legacy_parser(version)
    slots = [
        (row.slot_legacy if legacy else row.slot, row.name)
        for row in OPTIONS
        if version >= row.since
    ]
    return [OPTIONS_BY_NAME[name] for slot, name in sorted(s for s in slots if s[0] is not None)]


def is_option_word(word: str, version: LibvirtVersion) -> bool:
    """Whether virsh reads `word` as an option name rather than as data.

    The old parser wanted a letter or digit right after the dashes (`---x`, `--_x`, `--=x` were
    data); the current one takes every word longer than `--` that starts with `--`.
    """
    if not word.startswith("--") or len(word) <= 2:
        return False
    if legacy_parser(version):
        return word[2].isascii() and word[2].isalnum()
    return True


_C_SPACE = " \t\n\v\f\r"  # what strtol() skips before a number
_INT_RANGE = (-(2**31), 2**31 - 1)
_UNSIGNED_MAX = {ValueType.UINT: 2**32 - 1, ValueType.ULLONG: 2**64 - 1}


def _bad_number(option: OptionRow, text: str) -> InputError:
    return InputError(MSG_BAD_NUMBER.format(value=text, option=option.name))


def to_number(option: OptionRow, text: str) -> int:
    """Mimic virsh's vshCommandOptInt / UInt / ULongLong: base 10, leading white space and one
    sign allowed, nothing after the digits; the unsigned ones refuse any `-` (even `-0`)."""
    body = text.lstrip(_C_SPACE)
    sign = body[:1] if body[:1] in ("+", "-") else ""
    digits = body[len(sign) :]
    if not digits or not (digits.isascii() and digits.isdigit()):
        raise _bad_number(option, text)
    number = int(digits)
    if option.type is ValueType.INT:
        number = -number if sign == "-" else number
        low, high = _INT_RANGE
        if not low <= number <= high:
            raise _bad_number(option, text)
    elif sign == "-" or number > _UNSIGNED_MAX[option.type]:
        raise _bad_number(option, text)
    return number


def read_file(path: str) -> FileArg:
    """Read an --xml / --persistent-xml file as virsh does (at most `MAX_FILE_BYTES`)."""
    first = MSG_FILE.format(path=path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as error:
        reason = os.strerror(error.errno or errno.EIO)
        raise InputError(f"{first}: {MSG_FILE_OPEN.format(path=path, reason=reason)}") from None
    try:
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        reason = os.strerror(error.errno or errno.EIO)
        raise InputError(f"{first}: {MSG_FILE_READ.format(path=path, reason=reason)}") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        reason = os.strerror(errno.EOVERFLOW)
        raise InputError(f"{first}: {MSG_FILE_READ.format(path=path, reason=reason)}")
    return FileArg(path, b"".join(chunks).decode("utf-8", errors="replace"))


def convert(option: OptionRow, text: str, *, read_files: bool = True) -> object:
    """Turn an option's text into the value virsh would use, or raise virsh's error."""
    if option.type.numeric:
        return to_number(option, text)
    if text == "":
        raise InputError(MSG_EMPTY_VALUE.format(option=option.name))
    if option.type is ValueType.STRING_LIST:
        return tuple(text.split(","))  # every comma splits; empty items are sent as ""
    if option.type is ValueType.FILE:
        return read_file(text) if read_files else FileArg(text, "")
    return text


class _Scan:
    """The words of one command line sorted onto options, before any value is converted."""

    def __init__(self, version: LibvirtVersion) -> None:
        self.version = version
        self.texts: dict[str, str | bool] = {}  # option name -> text or True
        self.too_new: str | None = None  # the first option, as typed, this release lacks

    def fail(self, message: str) -> InputError:
        """virsh stops at the first problem: after a too-new option, that one is it."""
        if self.too_new is not None:
            return InputError(VIRSH_UNKNOWN_OPTION.format(option=self.too_new))
        return InputError(message)


def _unknown_option(name: str) -> InputError:
    spellings = [f"--{spelling}" for spelling in OPTIONS_BY_NAME]
    hint = did_you_mean(f"--{name}", spellings)
    return InputError(VIRSH_UNKNOWN_OPTION.format(option=f"--{name}") + hint)


def _scan(words: list[str], version: LibvirtVersion) -> _Scan:
    scan = _Scan(version)
    slots = positional_slots(version)
    data_only = False
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not data_only and word == DATA_MARK:
            data_only = True
            continue
        if not data_only and is_option_word(word, version):
            name, has_value, inline = word[2:].partition("=")
            row = OPTIONS_BY_NAME.get(name)
            if row is None:
                if scan.too_new is not None:
                    raise scan.fail("")
                raise _unknown_option(name)
            if version < row.since and scan.too_new is None:
                scan.too_new = f"--{name}"
            if row.name in scan.texts:
                raise scan.fail(MSG_DUPLICATE.format(option=row.name))
            if not row.takes_value:
                if has_value:
                    raise scan.fail(MSG_BOOL_WITH_VALUE.format(option=row.name))
                scan.texts[row.name] = True
            elif has_value:
                scan.texts[row.name] = inline
            elif index < len(words):
                scan.texts[row.name] = words[index]
                index += 1
            else:
                raise scan.fail(MSG_MISSING_VALUE.format(option=row.name, word=row.syntax_word))
            continue
        free = [slot for slot in slots if slot.name not in scan.texts]
        if not free:
            raise scan.fail(MSG_EXTRA_WORD.format(word=word))
        scan.texts[free[0].name] = word
    return scan


class Fault:
    """Something virsh refuses once the line is parsed: a missing domain or destination
    (`kind` "required") or a value it cannot convert ("value"), at `position`, with the
    refused value as typed (`text`). A plain class: a NamedTuple would cost `decode`'s
    start-up, which imports this module."""

    __slots__ = ("kind", "message", "option", "position", "text")

    def __init__(self, position: int, kind: str, option: str, message: str,
                 text: str = "") -> None:
        self.position = position
        self.kind = kind
        self.option = option
        self.message = message
        self.text = text

    def __repr__(self) -> str:
        return f"Fault({self.position}, {self.kind!r}, {self.option!r}, {self.message!r})"


class Reading:
    """A parsed line and what virsh refuses after parsing it, in virsh's order."""

    __slots__ = ("faults", "request")

    def __init__(self, request: Request, faults: tuple[Fault, ...]) -> None:
        self.request = request
        self.faults = faults


def read_virsh_argv(
    words: Sequence[str], version: LibvirtVersion, *, read_files: bool = True
) -> Reading:
    """Parse a command line as `version`'s virsh does, keeping going past the faults virsh
    finds after parsing: a refused value is kept as `RawValue` and reported as a `Fault`.
    A malformed line (unknown option, repeat, missing value, extra word) raises InputError."""
    globals_: dict[str, str] = {}
    rest, whole_line = split_command(words, globals_)
    scan = _scan(rest, version)
    faults: list[Fault] = []
    if whole_line and scan.too_new is None:
        faults += [
            Fault(POS_REQUIRED, "required", row.name, MSG_REQUIRED.format(option=row.name))
            for row in (DOMAIN_OPTION, DESTURI_OPTION)
            if row.name not in scan.texts
        ]
    values: dict[str, object] = {}
    to_convert = [name for name, text in scan.texts.items() if isinstance(text, str)]
    for name in sorted(to_convert, key=FETCH_INDEX.__getitem__):
        text = scan.texts[name]
        assert isinstance(text, str)
        try:
            values[name] = convert(OPTIONS_BY_NAME[name], text, read_files=read_files)
        except InputError as error:
            values[name] = RawValue(text)
            if scan.too_new is None:
                faults.append(Fault(read_position(name), "value", name, str(error), text))
    ordered = {name: values.get(name, text) for name, text in scan.texts.items()}
    request = request_from_options(ordered)._replace(connect=globals_.get(CONNECT_OPTION))
    return Reading(request, tuple(faults))


def parse_virsh_argv(
    words: Sequence[str], version: LibvirtVersion, *, read_files: bool = True
) -> Request:
    """Parse `[virsh [-c URI] migrate] OPTIONS... [DOMAIN DESTURI ...]` into a Request;
    the first value virsh refuses (in the order it reads them) raises InputError."""
    reading = read_virsh_argv(words, version, read_files=read_files)
    for fault in reading.faults:
        if fault.kind == "value":
            raise InputError(fault.message)
    return reading.request


def request_from_options(values: dict[str, object]) -> Request:
    """Build a Request from option name -> parsed value (flags OR-ed, the rest kept in order)."""
    flags = 0
    others: list[tuple[str, object]] = []
    domain = desturi = None
    for name, value in values.items():
        row = OPTIONS_BY_NAME[name]
        if row.kind is OptionKind.FLAG:
            assert row.flag is not None
            if value:
                flags |= row.flag.value
        elif row is DOMAIN_OPTION:
            domain = value.text if isinstance(value, RawValue) else str(value)
        elif row is DESTURI_OPTION:
            desturi = value.text if isinstance(value, RawValue) else str(value)
        else:
            others.append((row.name, value))
    return Request(flags=flags, values=tuple(others), domain=domain, desturi=desturi)
