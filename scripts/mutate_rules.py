"""Mutation check of the rules table: break each row in turn, and see the hand-written cases fail.

For every rule, one mutant at a time:
  - message: one word of each message changed (its first and its last word);
  - since: moved past every release (999.0.0); until: removed (the rule never ends); the
    same for the QEMU bounds qemu_since / qemu_until;
  - each term of `when`, `other` and `any_of`: changed (a number +100, a prefix or item
    lengthened, a named test's last argument dropped, a plain term negated or un-negated) and,
    separately, dropped.
The mutant replaces the row in the table `check` reads, and the cases of tests/test_rule_cases.py
for that rule are judged with that file's own `verdict`. A mutant no case notices survives and is
printed; the exit status is 1 when any survives.

    python scripts/mutate_rules.py            # every rule
    python scripts/mutate_rules.py --layer qemu --layer qmp
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from test_rule_cases import CASES, verdict  # noqa: E402

from migflags import check as check_module  # noqa: E402
from migflags.check import parse_term  # noqa: E402
from migflags.tables.rules import RULES, Message, Rule  # noqa: E402
from migflags.versions import v  # noqa: E402

WORD = re.compile(r"(?<![{\w])[A-Za-z][A-Za-z'-]*(?![\w}])")


def _reword(text: str, which: int) -> str | None:
    words = list(WORD.finditer(text))
    if not words:
        return None
    word = words[which]
    return text[: word.start()] + word.group() + "x" + text[word.end():]


def _change_term(text: str) -> str:
    term = parse_term(text)
    if term.negate:
        return text[1:]
    if term.op == ">":
        return f"{term.option}>{int(term.operand) + 100}"
    if term.op in ("^", "="):
        return f"{text}x"
    if term.op == ":" and term.args:
        return f"{term.option}:{term.test}({','.join(term.args[:-1])})"
    return "!" + text


def mutants(rule: Rule) -> Iterator[tuple[str, Rule]]:
    for index, message in enumerate(rule.messages):
        for which in sorted({0, -1}):
            text = _reword(message.text, which)
            if text is not None and text != message.text:
                messages = list(rule.messages)
                messages[index] = Message(text, message.since)
                yield f"message[{index}] word {which}: {text!r}", rule._replace(
                    messages=tuple(messages))
    yield "since 999.0.0", rule._replace(since=v("999.0.0"))
    if rule.until is not None:
        yield "until removed", rule._replace(until=None)
    if rule.qemu_since is not None:
        yield "qemu_since 999.0.0", rule._replace(qemu_since=v("999.0.0"))
    if rule.qemu_until is not None:
        yield "qemu_until removed", rule._replace(qemu_until=None)
    for field in ("when", "other", "any_of"):
        terms: tuple[str, ...] = getattr(rule, field)
        for index, text in enumerate(terms):
            changed = _change_term(text)
            yield f"{field}: {text!r} -> {changed!r}", rule._replace(
                **{field: (*terms[:index], changed, *terms[index + 1:])})
            yield f"{field}: {text!r} dropped", rule._replace(
                **{field: terms[:index] + terms[index + 1:]})


def killed(position: int, mutant: Rule) -> bool:
    table = (*RULES[:position], mutant, *RULES[position + 1:])
    check_module.RULES = table
    try:
        return any(verdict(case) is not None for case in CASES if case.rule == mutant.id)
    finally:
        check_module.RULES = RULES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layer", action="append", help="only rules of this layer")
    args = parser.parse_args()
    total = dead = 0
    survivors: list[str] = []
    for position, rule in enumerate(RULES):
        if args.layer and rule.layer.value not in args.layer:
            continue
        for label, mutant in mutants(rule):
            total += 1
            if killed(position, mutant):
                dead += 1
            else:
                survivors.append(f"{rule.id}: {label}")
    for line in survivors:
        print(f"SURVIVED {line}")
    print(f"{total} mutants, {dead} killed, {len(survivors)} survived")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
