"""Evaluate the rules table against a request for one libvirt version. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from migflags.model import Problem, Request
from migflags.tables.options import (
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS,
    OPTIONS_BY_NAME,
    OptionKind,
)
from migflags.tables.rules import LAYER_ORDER, RULES, Api, Rule, RuleKind
from migflags.versions import LibvirtVersion


@dataclass(frozen=True)
class Term:
    option: str
    op: str = ""  # "", ">", "^" or "="
    operand: str = ""


@cache
def parse_term(text: str) -> Term:
    for op in (">", "^", "="):
        name, sep, operand = text.partition(op)
        if sep:
            return Term(name, op, operand)
    return Term(text)


def _present(request: Request, option: str) -> object:
    row = OPTIONS_BY_NAME[option]
    if row.kind is OptionKind.FLAG:
        assert row.flag is not None
        return bool(request.flags & row.flag.value)
    if row is DOMAIN_OPTION:
        return request.domain
    if row is DESTURI_OPTION:
        return request.desturi
    return request.value_of(row.name)


def term_holds(request: Request, text: str) -> bool:
    term = parse_term(text)
    value = _present(request, term.option)
    if value is None or value is False:
        return False
    if term.op == "":
        return True
    if term.op == ">":
        return isinstance(value, int) and value > int(term.operand)
    if term.op == "^":
        return isinstance(value, str) and value.lower().startswith(term.operand.lower())
    return isinstance(value, tuple) and term.operand in value


def api_for(request: Request) -> Api:
    """virsh calls virDomainMigrateToURI3 with --p2p or --direct, else virDomainMigrate3."""
    selectors = (row.name for row in OPTIONS if row.to_uri)
    return Api.TO_URI3 if any(term_holds(request, n) for n in selectors) else Api.MIGRATE3


def rule_fires(rule: Rule, request: Request) -> bool:
    if not all(term_holds(request, t) for t in rule.when):
        return False
    others = [term_holds(request, t) for t in rule.other]
    if rule.kind is RuleKind.EXCLUDES:
        return any(others)
    if rule.kind is RuleKind.REQUIRES:
        return not all(others)
    return not any(others)  # REQUIRES_ONE_OF and WARNING


def problem_from(rule: Rule, version: LibvirtVersion) -> Problem:
    return Problem(
        level=rule.level,
        layer=rule.layer.value,
        rule=rule.id,
        message=rule.message_for(version),
        explanation=rule.why,
        fix=rule.fix,
    )


def check(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] = RULES
) -> list[Problem]:
    """The problems of `request` under `version`, in the order the layers would raise them."""
    api = api_for(request)
    fired = [
        rule
        for rule in rules
        if rule.holds_in(version) and (rule.api is None or rule.api is api)
        and rule_fires(rule, request)
    ]
    fired.sort(key=lambda r: (LAYER_ORDER[r.layer], r.order))
    return [problem_from(rule, version) for rule in fired]
