"""Explain an error message: unwrap it, then match it against every wording the tables hold.

Pure functions over `tables/errors.py` (the error catalogue) and `tables/rules.py` (every
message of every rule, for every release). A message arrives wrapped: by virsh (`error: `), by
libvirt's error class (`argument unsupported: `, or its zh_CN form), by QEMU's monitor wrapper,
by nova's log line, by a Python traceback, by a Go `virError(...)` repr or by a daemon log
prefix. `unwrap` peels those off in any order; `explain` matches what is left.

A wording's `{name}` placeholders match any non-empty text. A message that is the whole of a
wording scores 100; one that only contains a wording scores lower, by how much of the message
the wording covers; a message whose error class differs from the wording's loses 10. Nothing
here imports Click or Rich.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from migflags.record import NamedTuple
from migflags.tables.errors import (
    ERROR_CLASSES,
    ERRORS,
    NOVA_FAILURE,
    PYTHON_EXCEPTIONS,
    QEMU_COMMAND_WRAPPERS,
    VIRSH_ERROR_PREFIXES,
    ErrorClass,
)
from migflags.tables.errors_zh import ZH_WORDINGS
from migflags.tables.options import OPTIONS_BY_NAME, OPTIONS_BY_PARAM
from migflags.tables.rules import QEMU_UNKNOWN_FLAGS, RULES, Rule
from migflags.text import Text
from migflags.texts import UI
from migflags.versions import LibvirtVersion

FULL = 100
CLASS_MISMATCH = 10
CLOSEST = 3  # candidates listed when nothing matched
CLOSEST_LINES = 50  # lines of an unmatched block compared with every wording
CLOSEST_MIN_RATIO = 0.45
FUZZY_LIMIT = 400  # characters compared when looking for the closest wordings
_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")
_TERM_NAME = re.compile(r"^!?([a-z0-9-]+)")
_LOG_PREFIX = re.compile(
    r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:[+-]\d\d:?\d\d|Z)?: *\d+: *"
    r"(?:error|warning|info|debug) *: *(?:[A-Za-z_][A-Za-z0-9_]*:\d+ *: *)?"
)
_VIRERROR = re.compile(r"virError\(Code=-?\d+, Domain=-?\d+, Message='(?P<message>.*)'\)")


class Wording(NamedTuple):
    """One wording of one table row, ready to match."""

    id: str
    kind: str  # "error" (tables/errors.py) or "rule" (tables/rules.py)
    level: str
    layer: str
    function: str
    message: str  # as the table quotes it, class prefix included
    error_class: ErrorClass | None
    since: LibvirtVersion | None
    until: LibvirtVersion | None
    options: tuple[str, ...]  # dashed virsh options
    setting: str
    why: Text
    fix: Text
    source: str
    seen: str  # where the exact text was read ("" for rules: see their source)
    pattern: re.Pattern[str]
    literal: str  # the wording without its placeholders (for ranking and closeness)
    pattern_zh: re.Pattern[str] | None  # libvirt's zh_CN translation of the message, if any
    option_slot: str = ""  # the placeholder that names the option (virsh's parser messages)


class Match(NamedTuple):
    wording: Wording
    score: int
    values: dict[str, str]  # what the placeholders stood for


class Explained(NamedTuple):
    input: str  # the line as given
    message: str  # what was left after unwrapping
    matches: tuple[Match, ...]  # best first
    closest: tuple[Match, ...]  # when nothing matched: the nearest wordings


# ------------------------------------------------------------------ the wordings


def _split_class(text: str) -> tuple[ErrorClass | None, str]:
    for error_class in ERROR_CLASSES:
        for prefix in (error_class.en, error_class.zh):
            if text.startswith(prefix):
                return error_class, text[len(prefix):]
    return None, text


def _pattern(template: str) -> tuple[re.Pattern[str], str]:
    parts: list[str] = []
    literal: list[str] = []
    seen: dict[str, int] = {}
    position = 0
    for found in _PLACEHOLDER.finditer(template):
        piece = template[position:found.start()]
        parts.append(re.escape(piece))
        literal.append(piece)
        name = found.group(1)
        seen[name] = seen.get(name, 0) + 1
        group = name if seen[name] == 1 else f"{name}_{seen[name]}"
        parts.append(f"(?P<{group}>.+?)")
        position = found.end()
    parts.append(re.escape(template[position:]))
    literal.append(template[position:])
    return re.compile("".join(parts), re.S), "".join(literal)


def _zh_pattern(body: str) -> re.Pattern[str] | None:
    zh = ZH_WORDINGS.get(body)
    return _pattern(zh)[0] if zh else None


def _function(source: str) -> str:
    """`src/qemu/qemu_migration.c:qemuMigrationSrcBeginPhase (...)` -> the function name."""
    head = source.split(" ", 1)[0].rstrip(",;")
    return head.rpartition(":")[2] if ":" in head else head


def _rule_options(rule: Rule) -> tuple[str, ...]:
    names: list[str] = []
    for term in rule.terms:
        found = _TERM_NAME.match(term)
        if found and found.group(1) in OPTIONS_BY_NAME and found.group(1) not in names:
            names.append(found.group(1))
    return tuple(OPTIONS_BY_NAME[name].dashed for name in names)


def _rule_wordings(rule: Rule) -> list[Wording]:
    found = []
    for index, message in enumerate(rule.messages):
        later = rule.messages[index + 1:]
        until = later[0].since if later and later[0].since else rule.until
        error_class, body = _split_class(message.text)
        for wrapper in _qemu_wrappers():  # QEMU's own refusals: matched as `unwrap` leaves them
            wrapped = wrapper.match(body)
            if wrapped:
                body = body[wrapped.end():]
        pattern, literal = _pattern(body)
        found.append(Wording(
            rule.id, "rule", rule.level, rule.layer.value, _function(rule.source),
            message.text, error_class, message.since or rule.since, until,
            _rule_options(rule), "", rule.why, rule.fix, rule.source, "", pattern, literal,
            _zh_pattern(body),
        ))
    return found


def _unknown_flags_wording() -> Wording:
    """The driver's refusal of bits outside virDomainMigrateFlags (raised by the core)."""
    pattern, literal = _pattern(QEMU_UNKNOWN_FLAGS)
    return Wording(
        "unknown-bits", "rule", "error", "qemu", "virCheckFlags", QEMU_UNKNOWN_FLAGS, None,
        None, None, (), "", UI["unknown_bits"], UI["unknown_bits_fix"],
        "src/qemu/qemu_driver.c (virCheckFlags in every migration entry point)", "", pattern,
        literal, None,
    )


@cache
def wordings() -> tuple[Wording, ...]:
    """Every wording of both tables: the error catalogue first, then the rules in order."""
    found: list[Wording] = []
    for entry in ERRORS:
        options = tuple(row.dashed for row in entry.options)
        for wording in entry.wordings:
            error_class, body = _split_class(wording.text)
            pattern, literal = _pattern(body)
            found.append(Wording(
                entry.id, "error", "error", entry.layer.value, entry.function, wording.text,
                error_class, wording.since, wording.until, options, entry.setting, entry.why,
                entry.fix, entry.source, wording.seen, pattern, literal, _zh_pattern(body),
                entry.option_slot,
            ))
    for rule in RULES:
        found += _rule_wordings(rule)
    found.append(_unknown_flags_wording())
    return tuple(found)


# ------------------------------------------------------------------ unwrapping


@cache
def _qemu_wrappers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_pattern(text)[0].pattern.replace(".+?", "[^']*"))
                 for text in QEMU_COMMAND_WRAPPERS)


def _peel(text: str) -> str:
    """One layer of wrapping removed (the text itself when nothing wraps it)."""
    found = _VIRERROR.search(text)
    if found:
        return found.group("message")
    found = _LOG_PREFIX.match(text)
    if found:
        return text[found.end():]
    for marker in (NOVA_FAILURE, *PYTHON_EXCEPTIONS):
        cut = text.find(marker)
        if cut >= 0:
            return text[cut + len(marker):]
    for prefix in VIRSH_ERROR_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def unwrap(line: str) -> tuple[str, ErrorClass | None]:
    """The message inside `line`, and the error class its prefix named (if any)."""
    text = line.strip()
    error_class: ErrorClass | None = None
    while True:
        peeled = _peel(text).strip()
        named, rest = _split_class(peeled)
        if named is not None:
            error_class = error_class or named
            peeled = rest.strip()
        for wrapper in _qemu_wrappers():
            found = wrapper.match(peeled)
            if found:
                peeled = peeled[found.end():].strip()
        quote = peeled[:1]
        if len(peeled) > 1 and quote in "'\"" and peeled[-1] == quote \
                and quote not in peeled[1:-1]:
            peeled = peeled[1:-1].strip()  # a quoted repr: 'message'
        if peeled == text:
            return text, error_class
        text = peeled


# ------------------------------------------------------------------ matching


def _find(pattern: re.Pattern[str], message: str) -> tuple[int, re.Match[str]] | None:
    found = pattern.fullmatch(message)
    if found:
        return FULL, found
    found = pattern.search(message)
    if found is None:
        return None
    covered = (found.end() - found.start()) / max(len(message), 1)
    return 50 + int(40 * covered), found


def _score(wording: Wording, message: str, error_class: ErrorClass | None) -> Match | None:
    results = [r for p in (wording.pattern, wording.pattern_zh)
               if p is not None and (r := _find(p, message)) is not None]
    if not results:
        return None
    score, found = max(results, key=lambda r: r[0])
    if error_class and wording.error_class and error_class != wording.error_class:
        score -= CLASS_MISMATCH
    values = {key: value for key, value in found.groupdict().items() if value is not None}
    named = OPTIONS_BY_NAME.get(values.get(wording.option_slot, "").lstrip("-"))
    if named is not None:  # the message names the option: that is the one involved
        wording = wording._replace(options=(named.dashed,))
    elif not wording.options:  # a typed parameter's key names the virsh option behind it
        params = [OPTIONS_BY_PARAM[v].dashed for v in values.values() if v in OPTIONS_BY_PARAM]
        if params:
            wording = wording._replace(options=tuple(params))
    return Match(wording, score, values)


def _best_per_id(matches: list[Match]) -> tuple[Match, ...]:
    ranked = sorted(matches, key=lambda m: (-m.score, -len(m.wording.literal)))
    best: dict[str, Match] = {}
    for match in ranked:
        best.setdefault(match.wording.id, match)
    return tuple(best.values())


def _closest(message: str) -> tuple[Match, ...]:
    text = message[:FUZZY_LIMIT].lower()
    if not text:
        return ()
    scored = []
    for wording in wordings():
        matcher = difflib.SequenceMatcher(None, text, wording.literal.lower(), autojunk=False)
        if matcher.real_quick_ratio() < CLOSEST_MIN_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= CLOSEST_MIN_RATIO:
            scored.append(Match(wording, int(ratio * 100), {}))
    return _best_per_id(scored)[:CLOSEST]


def match_message(message: str, error_class: ErrorClass | None = None) -> tuple[Match, ...]:
    """Every wording `message` (already unwrapped) matches, best first, one per row id."""
    if not message:
        return ()
    found = [m for w in wordings() if (m := _score(w, message, error_class)) is not None]
    return _best_per_id(found)


def explain_line(line: str, *, closest: bool = True) -> Explained:
    message, error_class = unwrap(line)
    matches = match_message(message, error_class)
    near = _closest(message) if closest and not matches else ()
    return Explained(line, message, matches, near)


def explain_text(text: str) -> list[Explained]:
    """Each non-empty line of a pasted block that matched something, explained. When no line
    matched, one result for the whole text: the line nearest to a known wording (of the first
    CLOSEST_LINES lines) and the closest wordings over those lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    found = [explain_line(line, closest=False) for line in lines]
    matched = [item for item in found if item.matches]
    if matched or not found:
        return matched
    if len(found) == 1:
        return [explain_line(lines[0])]
    near = [explain_line(line) for line in lines[:CLOSEST_LINES]]
    ranked = sorted(((m.score, -index, m) for index, item in enumerate(near)
                     for m in item.closest), key=lambda entry: entry[:2])
    best_line = near[-ranked[-1][1]] if ranked else near[0]
    closest = _best_per_id([m for _, _, m in ranked])[:CLOSEST]
    return [Explained(text, best_line.message, (), closest)]


def recognise(line: str) -> str | None:
    """The id of the best full match of a log line, or None (for `annotate`: no fuzziness)."""
    message, error_class = unwrap(line)
    matches = match_message(message, error_class)
    if matches and matches[0].score == FULL:
        return matches[0].wording.id
    return None
