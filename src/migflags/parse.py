"""Text -> flags: numbers in any base, log tokens and symbolic names.

Pure functions; every failure is an `InputError` whose one-line message names the bad token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from migflags.errors import InputError, closest, did_you_mean
from migflags.tables.bindings import BINDINGS, CASTS, BindingRow, Style, spell
from migflags.tables.flags import C_PREFIX, FLAGS, FlagRow

MAX_VALUE = 2**64 - 1  # the widest flags argument libvirt has (unsigned long on LP64)
SEPARATORS = "|,+"
_QUALIFIER_SEPARATORS = ("::", ".")
# Characters that end a word of a pasted expression (operators, grouping, statement ends).
_WORD_BREAK = frozenset("|,+()<;=")
_OPERATORS = frozenset("|,+")
_MAX_DEPTH = 64  # no flags expression needs more; deeper would exhaust Python's stack

# `flags=0x1b`, `destflags=1b`, `flags: 0x1b`: libvirt logs print flags in hex, and releases
# before the `0x` prefix was added printed bare hex digits.
_LOG_TOKEN = r"^\s*[A-Za-z_]*flags\s*[=:]\s*(?P<value>\S+?)\s*[,;)]?\s*$"
_EMPTY_LOG_TOKEN = r"^\s*[A-Za-z_]*flags\s*[=:]\s*$"
# One line of code that starts a statement: `private static final long NAME = `,
# `flags := `, `flags |= `, `let flags: u32 = `, `my $flags = `.
_ASSIGNMENT = (
    r"^\s*(?:[A-Za-z_][\w<>\[\].]*\s+)*?(?P<name>[$@]?[A-Za-z_][\w.:]*)\s*"
    r"(?::\s*[\w:<>]+\s*)?(?P<op>:=|\|=|=)(?!=)"
)
_COMMENTS = r"/\*.*?\*/|//[^\n]*|#[^\n]*"
_NUMBER_SUFFIX = r"(?P<digits>[+-]?(?:0x[0-9a-f]+|[0-9]+))[ul]+"


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """Compiled on first use: a TAB completion or `decode 3` never needs them."""
    return re.compile(source, re.I | re.S)


@cache
def name_index() -> dict[str, FlagRow]:
    """Every accepted bare spelling of every flag (no qualifier), lower-cased."""
    index: dict[str, FlagRow] = {}
    for row in FLAGS:
        for spelling in (row.c_name, row.short, row.option, row.go_name, *row.aliases,
                         spell(Style.NO_VIR, row)):
            index[spelling.lower()] = row
    return index


@cache
def qualified_index() -> dict[str, tuple[FlagRow, tuple[BindingRow, ...]]]:
    """Every binding's qualified spelling (`libvirt.MIGRATE_LIVE`), lower-cased -> the flag
    and the bindings that spell it so."""
    found: dict[str, tuple[FlagRow, list[BindingRow]]] = {}
    for binding in BINDINGS:
        for qualifier in binding.qualifiers:
            if not qualifier:
                continue
            for row in FLAGS:
                if not binding.defines(row):
                    continue
                for style in (None, *binding.also):
                    key = (qualifier + binding.spell(row, style)).lower()
                    entry = found.setdefault(key, (row, []))
                    if binding not in entry[1]:
                        entry[1].append(binding)
    return {key: (row, tuple(bindings)) for key, (row, bindings) in found.items()}


def flag_spellings() -> list[str]:
    """The spellings shown in suggestions and completion, most familiar first."""
    return [s for row in FLAGS for s in (row.option, *row.aliases, row.short, row.c_name)]


def _split_qualifier(token: str) -> tuple[str, str]:
    """`Sys::Virt::Domain::MIGRATE_LIVE` -> (`Sys::Virt::Domain::`, `MIGRATE_LIVE`)."""
    cut = max(token.rfind(sep) + len(sep) if sep in token else 0
              for sep in _QUALIFIER_SEPARATORS)
    return token[:cut], token[cut:]


def is_qualified(token: str) -> bool:
    """`libvirt.X`, `Sys::Virt::Domain::X`: a name with a binding's qualifier in front."""
    return bool(_split_qualifier(token.strip())[0])


def _style_prefixes() -> dict[str, str]:
    """How a migration flag's constant starts in each name style (upper-cased)."""
    no_vir = C_PREFIX.removeprefix("VIR_")
    return {Style.C: C_PREFIX, Style.NO_VIR: no_vir, Style.GO: no_vir.rstrip("_"),
            Style.SHORT: ""}


def _style_of(name: str) -> str:
    """Which name style a constant is written in, to narrow down the binding it came from."""
    if name.upper().startswith("VIR_"):
        return Style.C
    if name != name.upper():
        return Style.GO
    return Style.NO_VIR if name.upper().startswith(_style_prefixes()[Style.NO_VIR]) else (
        Style.SHORT)


def _any_row(name: str) -> FlagRow | None:
    """The flag a name spells in any binding's style (Java's TUNNELED included)."""
    row = name_index().get(name.lower())
    if row is not None:
        return row
    for binding in BINDINGS:
        for bit, renamed in binding.renames:
            if renamed.lower() == name.lower():
                return FLAGS[bit]
    return None


def _unknown_qualified(token: str) -> InputError:
    """A qualified name no binding defines: say which binding's spelling it resembles."""
    qualifier, name = _split_qualifier(token)
    same = [b for b in BINDINGS if qualifier.lower() in (q.lower() for q in b.qualifiers if q)]
    if not same:
        printed = {b.constant(r): b for b in BINDINGS for r in FLAGS
                   if b.defines(r) and b.qualifiers[0]}
        match = closest(token, printed)
        if match:
            return InputError(f"unknown flag {token!r}: it resembles "
                              f"{printed[match].name}'s spelling: did you mean {match!r}?")
        return InputError(f"unknown flag {token!r}: no libvirt binding migflags knows "
                          f"qualifies a flag with {qualifier!r}")
    style = _style_of(name)
    narrowed = [b for b in same if style in (b.style, *b.also)] or same
    row = _any_row(name)
    if row is not None:
        lacking = [b for b in narrowed if not b.defines(row)]
        if lacking:
            binding = lacking[0]
            return InputError(
                f"unknown flag {token!r}: {binding.name} defines only bits 0-{binding.bits - 1}"
                f" of virDomainMigrateFlags, not {row.c_name}: write {row.hex}")
        spelled = ", ".join(f"{b.name} {b.constant(row)!r}" for b in narrowed)
        return InputError(f"unknown flag {token!r}: {row.c_name} is spelled {spelled}")
    names = " or ".join(b.name for b in narrowed)
    prefixes = _style_prefixes()
    if all(not name.upper().startswith(prefixes[b.style]) for b in narrowed):
        return InputError(f"{token!r} is not in virDomainMigrateFlags: it is written like a "
                          f"constant of another libvirt enum in {names}")
    candidates = [b.constant(r) for b in narrowed for r in FLAGS if b.defines(r)]
    return InputError(f"unknown flag {token!r}: not a virDomainMigrateFlags constant of "
                      f"{names}{did_you_mean(token, candidates)}")


def resolve(token: str) -> tuple[FlagRow, tuple[BindingRow, ...]]:
    """One flag name in any spelling -> the flag and the bindings whose qualified spelling it
    is (empty for a bare name)."""
    key = token.strip()
    qualifier, _ = _split_qualifier(key)
    if qualifier:  # only then the index of every binding's constants is built
        found = qualified_index().get(key.lower())
        if found is not None:
            return found
        raise _unknown_qualified(key)
    row = name_index().get(key.lstrip("-").lower())
    if row is None:
        if not key:
            raise InputError("empty flag name")
        hint = did_you_mean(key.lstrip("-").lower(), flag_spellings())
        raise InputError(f"unknown flag {token!r}{hint}")
    return row, ()


def lookup_flag(token: str) -> FlagRow:
    """Resolve one flag name: C name, short name, virsh option (dashes optional), Go name, or
    any binding's constant (`Domain.MigrateFlags.LIVE`, `Sys::Virt::Domain::MIGRATE_LIVE`)."""
    return resolve(token)[0]


def spelled_by(token: str) -> tuple[BindingRow, ...]:
    """The bindings whose constant `token` is: `libvirt.MIGRATE_LIVE` -> libvirt-go-module;
    a bare `MIGRATE_LIVE` or `MigrateLive` -> the bindings that write it so after their
    qualifier. Empty for C names and migflags' own spellings."""
    key = token.strip()
    found = qualified_index().get(key.lower())
    if found is not None:
        return found[1]
    return tuple(b for b in BINDINGS if b.style in (Style.NO_VIR, Style.GO) and any(
        b.spell(row) == key for row in FLAGS if b.defines(row)))


def parse_number(token: str, *, default_base: int = 10) -> int:
    """Parse one unsigned number: decimal, 0x, 0o or 0b; `default_base` applies to bare digits."""
    text = token.strip()
    if not text:
        raise InputError("empty value")
    if text.startswith("-"):
        raise InputError(f"negative value {token!r}: flags are unsigned")
    body = text.removeprefix("+")
    # Only what C and libvirt's logs write: ASCII digits, no `_` separators.
    if not body.isascii() or "_" in body:
        raise InputError(f"not a number: {token!r}")
    try:
        if body[:2].lower() in ("0x", "0o", "0b"):
            number = int(body, 0)
        else:
            number = int(body, default_base)
    except ValueError:
        raise InputError(f"not a number: {token!r}{_hex_hint(body, default_base)}") from None
    if number > MAX_VALUE:
        raise InputError(f"value {token!r} does not fit in 64 bits")
    return number


def _hex_hint(body: str, base: int) -> str:
    """`1b` is not decimal, but it is what a log prints for 0x1b."""
    if base == 10 and body and body[:2].lower() not in ("0x", "0o", "0b"):
        try:
            int(body, 16)
        except ValueError:
            return ""
        return f": did you mean '0x{body}' (or 'flags={body}', as a log prints it)?"
    return ""


def _looks_numeric(token: str) -> bool:
    # `-1` and `+3` are numbers (the sign is checked later); `--live` and `-live` are names.
    return bool(token) and (token[0].isdigit() or (token[0] in "+-" and token[1:2].isdigit()))


def _number(word: str) -> int:
    """A number as code writes it: C's and Java's `1L`, `1UL`, `0x20u` suffixes are dropped."""
    suffixed = _pattern(_NUMBER_SUFFIX).fullmatch(word)
    return parse_number(suffixed["digits"] if suffixed else word)


def _tokens(text: str) -> list[str]:
    """Words (names, numbers) and the operators `|` `,` `+` `<<` `(` `)` of a fragment."""
    tokens: list[str] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "<" and text.startswith("<<", i):
            tokens.append("<<")
            i += 2
        elif char in "|,()" or (char == "+" and not (
                (not tokens or tokens[-1] in ("|", ",", "+", "(", "<<"))
                and text[i + 1:i + 2].isdigit())):
            tokens.append(char)
            i += 1
        elif char in _WORD_BREAK and char != "+":
            raise InputError(f"unexpected {char!r} in {text!r}")
        else:
            start = i
            i += 1
            while i < end and not text[i].isspace() and text[i] not in _WORD_BREAK:
                i += 1
            tokens.append(text[start:i])
    return tokens


class _Expression:
    """`a | b`, `a, b`, `a + b`, `a b` (all OR), `1 << n`, parentheses, `NAME()`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    def value(self) -> int:
        value = self._or()
        if self.at < len(self.tokens):
            raise InputError(f"unbalanced ')' in {self.text!r}")
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _empty(self) -> InputError:
        return InputError(f"empty name in {self.text!r}")

    def _or(self) -> int:
        value = self._shift()
        while (token := self._peek()) is not None and token != ")":
            if token in _OPERATORS:
                self.at += 1
            value |= self._shift()
        return value

    def _shift(self) -> int:
        value = self._atom()
        while self._peek() == "<<":
            self.at += 1
            amount = self._atom()
            if amount >= 64 or value << amount > MAX_VALUE:
                raise InputError(f"value {self.text!r} does not fit in 64 bits")
            value <<= amount
        return value

    def _atom(self) -> int:
        token = self._peek()
        if token is None or token in _OPERATORS or token in (")", "<<"):
            raise self._empty()
        self.at += 1
        if token == "(" and self.tokens[self.at + 1:self.at + 2] == [")"] and (
                self.tokens[self.at] in CASTS):
            self.at += 2  # C#'s `(Libvirt.virDomainMigrateFlags)0x8000`
            return self._atom()
        if token == "(":
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise InputError(f"parentheses nested more than {_MAX_DEPTH} deep")
            value = self._or()
            self.depth -= 1
            if self._peek() != ")":
                raise InputError(f"missing ')' in {self.text!r}")
            self.at += 1
            return value
        if _looks_numeric(token):
            return _number(token)
        value = lookup_flag(token).value
        if self.tokens[self.at:self.at + 2] == ["(", ")"]:  # Perl's `MIGRATE_LIVE()`
            self.at += 2
        return value


def _statements(text: str) -> list[tuple[str, str, str]]:
    """(name, operator, expression) per statement; a fragment without assignments is one
    expression. A line that does not start an assignment continues the one before it."""
    statements: list[tuple[str, str, str]] = []
    for chunk in text.split(";"):
        for line in chunk.splitlines():
            match = _pattern(_ASSIGNMENT).match(line)
            if match:
                statements.append((match["name"], match["op"], line[match.end():]))
            elif statements:
                name, op, expression = statements[-1]
                statements[-1] = (name, op, f"{expression}\n{line}")
            elif line.strip():
                statements.append(("", "", line))
        if statements and statements[-1][0]:
            statements.append(("", "", ""))  # `;` ends the statement
    return [s for s in statements if s[2].strip()]


def _declared(name: str, op: str, value: int) -> None:
    """`VIR_MIGRATE_PAUSED = 1L << 6` declares a flag with another value: refuse it."""
    if op != "=":
        return
    try:
        row = lookup_flag(name.lstrip("$@"))
    except InputError:
        return
    if row.value != value:
        raise InputError(f"{name} is {row.hex} (bit {row.bit}) in libvirt, but this code "
                         f"declares it as {value:#x}")


def _fragment_value(text: str) -> int:
    """A pasted code fragment: one expression, or statements whose values are OR-ed."""
    code = _pattern(_COMMENTS).sub(" ", text)
    if "=" not in code:
        if not code.strip():
            raise InputError(f"empty value in {text!r}")
        return _Expression(code).value()
    value = 0
    statements = _statements(code)
    if not statements:
        raise InputError(f"empty value in {text!r}")
    for name, op, expression in statements:
        part = _Expression(expression).value()
        _declared(name, op, part)
        value |= part
    return value


def parse_value(text: str) -> int:
    """Turn any accepted spelling of a flags value into the integer.

    `1035`, `0x40b`, `0o2013`, `0b10000001011`, `flags=0x40b`, `flags=40b` (hex, as in logs),
    `VIR_MIGRATE_LIVE|VIR_MIGRATE_PEER2PEER`, `LIVE,PEER2PEER`, `live+p2p`, `--live|0x200000`,
    any binding's constants (`Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PEER2PEER`),
    shifts (`(1 << 0) | (1L << 1)`), and code: `private static final long X = 1L << 5;`.
    """
    if not text.strip():
        raise InputError("empty value: give a number such as 0x1b or names such as LIVE|PEER2PEER")
    plain = text.strip()
    if plain.isascii() and (plain.isdigit() or (
            plain[:2].lower() == "0x" and len(plain) > 2 and _HEX_DIGITS.issuperset(plain[2:]))):
        return parse_number(plain)  # `1035`, `0x40b`: what the general way gives, without regexes
    log_token = _pattern(_LOG_TOKEN).match(text)
    if log_token is None and _pattern(_EMPTY_LOG_TOKEN).match(text):
        raise InputError(f"empty value in {text!r}")
    if log_token:
        return parse_number(log_token.group("value"), default_base=16)
    return _fragment_value(text)


def encode(names: Iterable[str | int]) -> int:
    """OR together flag names (any spelling), virsh options, or integers."""
    value = 0
    for item in names:
        value |= item if isinstance(item, int) else parse_value(item)
    return value
