"""Completion candidates for flag names and virsh options: pure functions over the tables.

The shell asks for candidates on every TAB, so this module stays cheap to import: it reads
the flag table only (the option table only for `explain` and for words after `--`), imports
neither Click nor Rich, and compiles no regular expressions.

Which spelling is offered follows the case of what has been typed, so candidates look like
the word they complete:

* lower case or nothing typed: virsh option names (`live`, `p2p`); when none fits, the
  short names in lower case (`peer2peer`), then the C names in lower case;
* upper case: short names (`PEER2PEER`); when none fits (`VIR_...`), the C names.

After a separator (`LIVE|PEER`), the part before the last separator is kept, names already
in the word are not offered again, and with nothing typed yet the previous name sets the
style (`VIR_MIGRATE_LIVE|` goes on with C names).
"""

from __future__ import annotations

from collections.abc import Iterable

from migflags.record import NamedTuple
from migflags.tables.flags import C_PREFIX, FLAGS, FlagRow

# The separators `parse.parse_value` accepts between names (`parse.SEPARATORS`; importing
# `parse` would compile its regular expressions, which a completion request never needs).
SEPARATORS = "|,+"
_DASHES = "-"


class Candidate(NamedTuple):
    value: str  # the whole word the shell should put on the command line
    help: str  # one line shown next to the value by shells that show descriptions


def split_word(word: str) -> tuple[str, str]:
    """`'LIVE|PEER'` -> `('LIVE|', 'PEER')`: the finished part and the name being typed."""
    cut = max(word.rfind(sep) for sep in SEPARATORS) + 1
    cut += len(word[cut:]) - len(word[cut:].lstrip())  # `LIVE | PEER`: the blank stays
    return word[:cut], word[cut:]


def _terms(word: str) -> list[str]:
    for sep in SEPARATORS[1:]:
        word = word.replace(sep, SEPARATORS[0])
    return [term.strip() for term in word.split(SEPARATORS[0])]


def _spellings(row: FlagRow) -> tuple[str, ...]:
    return (row.option, *row.aliases, row.short, row.c_name)


def _is_qualified(word: str) -> bool:
    return "." in word or "::" in word


def _binding_constants() -> list[tuple[str, FlagRow]]:
    """Every binding's qualified constants (`libvirt.MIGRATE_LIVE`), from the bindings table;
    imported only when a qualified name is being completed."""
    from migflags.tables.bindings import BINDINGS

    return [(q + b.spell(row), row) for b in BINDINGS for q in b.qualifiers if q
            for row in FLAGS if b.defines(row)]


def _row_of(term: str) -> FlagRow | None:
    if _is_qualified(term):
        return next((row for name, row in _binding_constants() if name == term), None)
    key = term.lstrip(_DASHES).lower()
    for row in FLAGS:
        if key in (s.lower() for s in _spellings(row)):
            return row
    return None


def _is_upper(text: str) -> bool:
    return text != text.lower()


def _tiers(partial: str, previous: str) -> list[list[tuple[str, FlagRow]]]:
    """The spellings to try, most familiar first, in the case style of the typed text."""
    style = partial or previous
    if _is_upper(style):
        if not partial and style.startswith(C_PREFIX):
            return [[(row.c_name, row) for row in FLAGS]]
        return [[(row.short, row) for row in FLAGS], [(row.c_name, row) for row in FLAGS]]
    virsh = [(row.option, row) for row in FLAGS]
    if not partial:
        return [virsh]
    # An alias (`tunneled`) only where the usual spelling no longer fits what was typed.
    virsh += [(a, row) for row in FLAGS if not row.option.startswith(partial) for a in row.aliases]
    return [
        virsh,
        [(row.short.lower(), row) for row in FLAGS],
        [(row.c_name.lower(), row) for row in FLAGS],
    ]


def _given_rows(words: Iterable[str]) -> set[int]:
    return {row.bit for word in words for term in _terms(word) if (row := _row_of(term))}


def flag_candidates(
    word: str, *, given: Iterable[str] = (), lang: str = "en"
) -> list[Candidate]:
    """Candidates for a flags value such as `LIVE|PEER` (the NAMES / VALUES arguments).

    `given` holds values already on the command line; the flags they name are not offered
    again. Numbers and log tokens (`0x1b`, `flags=...`) get no candidates.
    """
    head, partial = split_word(word)
    if partial[:1].isdigit() or "=" in word or (":" in word and "::" not in word):
        return []
    terms = _terms(head)[:-1] if head else []
    previous = terms[-1] if terms else ""
    taken = _given_rows([*given, *terms])
    if _is_qualified(partial):  # `libvirt.MIG`, `Sys::Virt::Domain::`: that binding's names
        return [Candidate(head + name, row.summary.get(lang))
                for name, row in _binding_constants()
                if name.startswith(partial) and row.bit not in taken]
    for tier in _tiers(partial, previous):
        found = [
            Candidate(head + name, row.summary.get(lang))
            for name, row in tier
            if name.startswith(partial) and row.bit not in taken
        ]
        if found:
            return found
    return []


def name_candidates(word: str, *, lang: str = "en") -> list[Candidate]:
    """Candidates for `explain NAME`: a flag name or the name of any virsh migrate option;
    once something is typed, also typed parameter keys (`migrate_disks`), their C macros
    (`VIR_MIGRATE_PARAM_URI`) and rule ids (`virsh-live-offline`)."""
    if word.startswith(_DASHES) or any(sep in word for sep in SEPARATORS):
        return []
    found = flag_candidates(word, lang=lang)
    from migflags.tables.options import OPTIONS

    seen = {c.value for c in found}

    def add(value: str, help_text: str) -> None:
        if value.startswith(word) and value not in seen:
            seen.add(value)
            found.append(Candidate(value, help_text))

    if _is_upper(word):
        for row in OPTIONS:
            if row.param_macro:
                add(row.param_macro, row.summary.get(lang))
        return found
    for row in OPTIONS:
        if row.flag is None:
            add(row.name, row.summary.get(lang))
    if word:  # with nothing typed, the options alone: keys and rule ids are for typists
        for row in OPTIONS:
            if row.param:
                add(row.param, row.summary.get(lang))
        from migflags.tables.rules import RULES

        for rule in RULES:
            add(rule.id, rule.why.get(lang).split("\n")[0])
    return found


def virsh_option_candidates(
    word: str, *, given: Iterable[str] = (), lang: str = "en"
) -> list[Candidate]:
    """Candidates for a word of the `virsh migrate` command line after `--`: its options.

    Options that take no value and are already in `given` are not offered again.
    """
    if not word.startswith(_DASHES):
        return []
    from migflags.tables.options import OPTIONS

    taken = set(given)
    found = []
    for row in OPTIONS:
        names = [f"--{name}" for name in (row.name, *row.aliases)]
        if row.takes_value or not taken.intersection(names):
            found += [Candidate(n, row.summary.get(lang)) for n in names if n.startswith(word)]
    return found
