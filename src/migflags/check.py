"""Evaluate the rules table against a request for one libvirt version. Pure functions.

The rules are data (`tables/rules.py`); this module only knows how to test one *term*. Named
tests (`name:test(args)`) are small predicates in `TESTS`, chosen by the table. A test that
finds a particular item (a compression method, a parameter key) reports it with its position,
so a message can quote it and problems can be ordered the way a loop over the list would
raise them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from migflags.model import FileArg, Problem, RawValue, Request
from migflags.record import NamedTuple
from migflags.tables.flags import FLAG_MASK
from migflags.tables.guest import ACTIVE
from migflags.tables.options import (
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS,
    OPTIONS_BY_NAME,
    OptionKind,
)
from migflags.tables.rules import (
    DEFAULT_CONNECT,
    DISK_LIST_OPTION,
    LAYER_ORDER,
    PHASE_ORDER,
    RULES,
    SAME_STEP,
    STORAGE_COPY_OPTIONS,
    Api,
    Layer,
    Rule,
    RuleKind,
)
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:  # guest.py is imported only when a guest is given (start-up cost)
    from migflags.guest import Disk, Guest

# Subject of tests that look at all typed parameters rather than one option.
PARAMS_SUBJECT = "params"
# Subject of tests that look at the flags integer as a whole (bits no flag row defines).
FLAGS_SUBJECT = "flags"
# Subject of tests that look at the guest (--state, --domain-xml) rather than an option.
GUEST_SUBJECT = "guest"
SUBJECTS = (PARAMS_SUBJECT, FLAGS_SUBJECT, GUEST_SUBJECT)


class Unknown(Exception):
    """A term needs a fact about the guest that nobody gave: the rule cannot be decided."""


class Hit(NamedTuple):
    """A term that holds; `item`/`at` name the list item or parameter that made it hold."""

    item: str = ""
    at: int = -1  # index of that item (not `index`, which tuples already have)


class Context(NamedTuple):
    request: Request
    version: LibvirtVersion
    api: Api
    unread: frozenset[str] = frozenset()  # options whose value virsh refused (`RawValue`)


class Term(NamedTuple):
    option: str
    op: str = ""  # "", ">", "^", "=" or ":"
    operand: str = ""
    negate: bool = False

    @property
    def test(self) -> str:
        return self.operand.partition("(")[0]

    @property
    def args(self) -> tuple[str, ...]:
        inside = self.operand.partition("(")[2].removesuffix(")")
        return tuple(inside.split(",")) if inside else ()


@cache
def parse_term(text: str) -> Term:
    negate = text.startswith("!")
    body = text[1:] if negate else text
    cuts = [(body.find(op), op) for op in (":", ">", "^", "=") if op in body]
    if cuts:
        at, op = min(cuts)
        return Term(body[:at], op, body[at + 1 :], negate)
    return Term(body, negate=negate)


def option_value(request: Request, option: str) -> object:
    """The value of `option` in the request: bool for flags, None when absent."""
    row = OPTIONS_BY_NAME[option]
    if row.kind is OptionKind.FLAG:
        assert row.flag is not None
        return bool(request.flags & row.flag.value)
    if row is DOMAIN_OPTION:
        return request.domain
    if row is DESTURI_OPTION:
        return request.desturi
    value = request.value_of(row.name)
    return value.content if isinstance(value, FileArg) else value


def _items(value: object) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else ()


# ------------------------------------------------------------------ named tests


def _not_in(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """First list item that is not one of `args`."""
    for index, item in enumerate(_items(value)):
        if item not in args:
            return Hit(item, index)
    return None


def _first_in(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """First list item that is one of `args`."""
    for index, item in enumerate(_items(value)):
        if item in args:
            return Hit(item, index)
    return None


def _second_in(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first item of `args` that follows a different item of `args` in the list."""
    first: str | None = None
    for index, item in enumerate(_items(value)):
        if item not in args:
            continue
        if first is None:
            first = item
        elif item != first:
            return Hit(item, index)
    return None


def _duplicate(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first list item that repeats an earlier one."""
    seen: set[str] = set()
    for index, item in enumerate(_items(value)):
        if item in seen:
            return Hit(item, index)
        seen.add(item)
    return None


def _empty(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    return Hit() if value == "" else None


def _local(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """A libvirt URI that leads back to this host (virDomainMigrateCheckNotLocal)."""
    if not isinstance(value, str):
        return None
    from urllib.parse import parse_qsl, urlsplit  # only with a destination URI (startup cost)

    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    host = parts.netloc.rpartition("@")[2]
    host = host[1:].partition("]")[0] if host.startswith("[") else host.partition(":")[0]
    if host:
        return Hit() if host.startswith("localhost") else None
    transport = parts.scheme.partition("+")[2]
    names = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return None if transport == "unix" and "socket" in names else Hit()


TestFn = Callable[[Context, object, tuple[str, ...]], "Hit | None"]


def _guest(ctx: Context) -> Guest:
    if ctx.request.guest is None:
        raise Unknown
    return ctx.request.guest


def _disks(ctx: Context) -> tuple[Disk, ...]:
    disks = _guest(ctx).disks
    if disks is None:
        raise Unknown
    return disks


def _state(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The guest is in one of the states `args`; the item is its name, for messages."""
    guest = _guest(ctx)
    if guest.state is None:
        raise Unknown
    if guest.state == ACTIVE:  # running or paused, not said which
        matches = {"running" in args, "paused" in args}
        if len(matches) > 1:
            raise Unknown
        held = matches.pop()
    else:
        held = guest.state in args
    return Hit(guest.name or ctx.request.domain or "", 0) if held else None


def _transient_disk(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first disk with <transient/>."""
    for index, disk in enumerate(_disks(ctx)):
        if disk.transient:
            return Hit(disk.target, index)
    return None


def _shmem_not_master(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first shared-memory device whose role is not master (the default role is not)."""
    shmems = _guest(ctx).shmems
    if shmems is None:
        raise Unknown
    for index, shmem in enumerate(shmems):
        if shmem.role != "master":
            return Hit(shmem.name, index)
    return None


def _copied(ctx: Context, disk: Disk) -> bool:
    """Whether a storage copy includes the disk (qemuMigrationAnyCopyDisk)."""
    if not any(option_value(ctx.request, name) for name in STORAGE_COPY_OPTIONS):
        return False
    chosen = _items(option_value(ctx.request, DISK_LIST_OPTION))
    if chosen:
        return disk.target in chosen
    return not disk.shareable and not disk.readonly and not disk.empty


def _safety(ctx: Context) -> tuple[str, Hit] | None:
    """The first disk qemuMigrationSrcIsSafe stops at, and why: "storage" or "cache"."""
    for index, disk in enumerate(_disks(ctx)):
        if disk.empty or disk.readonly or _copied(ctx, disk):
            continue
        if disk.source_type == "volume":
            raise Unknown  # the pool decides the real type, and the XML does not say it
        if disk.source_type in ("file", "nvme"):  # a file is taken to be on local storage
            return "storage", Hit(disk.target, index)
        if disk.source_type == "network":
            continue
        if disk.shareable or disk.cache in ("none", "directsync"):
            continue
        return "cache", Hit(disk.target, index)
    return None


def _unsafe(reason: str) -> TestFn:
    def test(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
        found = _safety(ctx)
        return found[1] if found is not None and found[0] == reason else None
    return test


def _not_a_target(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first --migrate-disks item that is no disk target of the guest."""
    items = _items(value)
    if not items:
        return None
    targets = {disk.target for disk in _disks(ctx)}
    for index, item in enumerate(items):
        if item not in targets:
            return Hit(item, index)
    return None


def _copy_refused(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first disk, in the guest's order, that a storage copy would take although it is
    read-only or empty (only --migrate-disks can ask for one)."""
    if not _items(option_value(ctx.request, DISK_LIST_OPTION)):
        return None
    for index, disk in enumerate(_disks(ctx)):
        if _copied(ctx, disk) and (disk.readonly or disk.empty):
            return Hit(disk.target, index)
    return None


def _unknown_param(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """The first typed parameter the chosen release's QEMU driver does not know."""
    sent = {name for name, _ in ctx.request.values}
    for index, row in enumerate(OPTIONS):
        if row.param and row.name in sent and row.param_since and ctx.version < row.param_since:
            return Hit(row.param, index)
    return None


def _only_unknown_bits(ctx: Context, value: object, args: tuple[str, ...]) -> Hit | None:
    """Bits are set, and none of them is a flag the table knows (a value from elsewhere)."""
    flags = ctx.request.flags
    return Hit() if flags and not flags & FLAG_MASK else None


TESTS: dict[str, TestFn] = {
    "not-in": _not_in,
    "first-in": _first_in,
    "second-in": _second_in,
    "duplicate": _duplicate,
    "empty": _empty,
    "local": _local,
    "unknown": _unknown_param,
    "only-unknown": _only_unknown_bits,
    "state": _state,
    "unsafe-storage": _unsafe("storage"),
    "unsafe-cache": _unsafe("cache"),
    "not-a-target": _not_a_target,
    "copy-refused": _copy_refused,
    "transient-disk": _transient_disk,
    "shmem-not-master": _shmem_not_master,
}


# ------------------------------------------------------------------ evaluation


def _positive(ctx: Context, term: Term) -> Hit | None:
    if term.op == ":":
        value = None if term.option in SUBJECTS else option_value(ctx.request, term.option)
        return TESTS[term.test](ctx, value, term.args)
    value = option_value(ctx.request, term.option)
    if value is None or value is False:
        return None
    if term.op == "":
        return Hit()
    if term.op == ">":
        return Hit() if isinstance(value, int) and value > int(term.operand) else None
    if term.op == "^":
        return Hit() if isinstance(value, str) and value.startswith(term.operand) else None
    return Hit() if term.operand in _items(value) else None


def term_hit(ctx: Context, text: str) -> Hit | None:
    term = parse_term(text)
    hit = _positive(ctx, term)
    if term.negate:
        return None if hit else Hit()
    return hit


def api_for(request: Request) -> Api:
    """virsh calls virDomainMigrateToURI3 with --p2p or --direct, else virDomainMigrate3."""
    for row in OPTIONS:
        if row.to_uri and option_value(request, row.name):
            return Api.TO_URI3
    return Api.MIGRATE3


@cache
def _term_options(terms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(parse_term(text).option for text in terms)


def rule_hit(rule: Rule, ctx: Context) -> Hit | None:
    """The hit that makes `rule` fire for this request, or None when it does not fire.

    A rule that tests an option whose value virsh refused stays silent: virsh stops at that
    value, so what the rule would say about it is unknown. Raises Unknown when the rule needs
    a fact about the guest that was not given and every term that can be decided without it
    holds."""
    if ctx.unread and not ctx.unread.isdisjoint(_term_options(rule.terms)):
        return None
    hits: list[Hit | None] = []
    unknown = False
    for text in rule.when:
        try:
            hits.append(term_hit(ctx, text))
        except Unknown:
            unknown = True
    if not all(hits):
        return None
    if rule.any_of:
        alternatives = [h for h in (term_hit(ctx, t) for t in rule.any_of) if h]
        if not alternatives:
            return None
        hits.append(alternatives[0])
    if unknown:
        raise Unknown
    others = [term_hit(ctx, t) is not None for t in rule.other]
    if rule.kind is RuleKind.EXCLUDES:
        fires = any(others)
    elif rule.kind is RuleKind.REQUIRES:
        fires = not all(others) if others else True
    else:  # REQUIRES_ONE_OF and WARNING
        fires = not any(others)
    if not fires:
        return None
    named = [h for h in hits if h and h.at >= 0]
    return named[0] if named else Hit()


def applies(rule: Rule, ctx: Context) -> bool:
    return rule.holds_in(ctx.version) and (rule.api is None or rule.api is ctx.api)


def qemu_fits(rule: Rule, ctx: Context) -> bool:
    """Whether QEMU's release (--qemu) is inside the rule's QEMU bounds; Unknown when the rule
    has bounds and nobody said which QEMU runs."""
    if rule.qemu_since is None and rule.qemu_until is None:
        return True
    qemu = ctx.request.qemu
    if qemu is None:
        raise Unknown
    if rule.qemu_since is not None and qemu < rule.qemu_since:
        return False
    return rule.qemu_until is None or qemu < rule.qemu_until


def _decide(rule: Rule, ctx: Context) -> Hit | None:
    """`rule_hit`, kept only when QEMU's release is inside the rule's QEMU bounds; raises
    Unknown when the guest or QEMU's release would decide it and nobody gave them."""
    hit = rule_hit(rule, ctx)
    return hit if hit is None or qemu_fits(rule, ctx) else None


def problem_from(rule: Rule, ctx: Context, hit: Hit) -> Problem:
    return Problem(
        level=rule.level,
        layer=rule.layer.value,
        rule=rule.id,
        message=rule.message_for(ctx.version).format(
            item=hit.item, api=ctx.api.value, uri=ctx.request.connect or DEFAULT_CONNECT),
        explanation=rule.why,
        fix=rule.fix,
    )


def sort_key(rule: Rule, ctx: Context, hit: Hit, position: int) -> tuple[int, ...]:
    """Layer, then the step inside it: for virsh where in its run the rule is checked
    (`virsh_argv.step_position`), for the QEMU driver the phase of its entry point."""
    if rule.layer is Layer.VIRSH:
        from migflags.virsh_steps import step_position

        phase = step_position(rule.step_for(ctx.version))
    else:
        steps = PHASE_ORDER[ctx.api]
        step = SAME_STEP[ctx.api].get(rule.phase, rule.phase) if rule.phase else None
        phase = -1 if step is None else (steps.index(step) if step in steps else len(steps))
    return (LAYER_ORDER[rule.layer], phase, rule.order, hit.at, position)


# ------------------------------------------------------------------ flags only

# A request with nothing but flag bits (every decoded value; `migflags annotate` meets
# thousands) is checked by bit masks compiled once per release and entry point from the same
# rules: a term that names a flag option holds when its bit is set (or clear, negated), and
# every other term looks at options such a request does not have, so it is a constant. A rule
# with a term about the whole value or the guest, or with QEMU bounds, is evaluated the
# general way. tests/test_check_flags.py holds the masks to the general evaluation.

# A conjunction: holds when no constant term is false, every bit of `set_` is set and every
# bit of `clear` is clear. Negated, a disjunction of the opposite terms.
_Conj = tuple[bool, int, int]  # (possible, set_, clear)


def _conj(ctx: Context, texts: tuple[str, ...], negate: bool = False) -> _Conj | None:
    """The terms `texts` as one conjunction (of the terms negated when `negate`), or None
    when a term does not reduce to one bit or a constant."""
    possible, set_, clear = True, 0, 0
    for text in texts:
        term = parse_term(text)
        row = OPTIONS_BY_NAME.get(term.option)
        if row is not None and row.kind is OptionKind.FLAG:
            if term.op or row.flag is None:
                return None
            if term.negate != negate:
                clear |= row.flag.value
            else:
                set_ |= row.flag.value
            continue
        if term.option in (FLAGS_SUBJECT, GUEST_SUBJECT):  # not one bit, nor a constant
            return None
        try:
            hit = term_hit(ctx, text)
        except Unknown:  # needs the guest
            return None
        if hit is not None and (hit.item or hit.at >= 0):
            return None
        possible &= (hit is not None) != negate
    return possible, set_, clear


def _holds(conj: _Conj, flags: int) -> bool:
    possible, set_, clear = conj
    return possible and flags & set_ == set_ and not flags & clear


def _when_bits(rule: Rule) -> tuple[int, int]:
    """(bits that must be set, bits that must be clear) for `rule.when` to hold, from its flag
    terms alone. A rule left to the general way is skipped when these fail: `rule_hit`
    returns None as soon as a decidable `when` term fails, before it raises `Unknown` for a
    guest term or looks at `any_of`."""
    set_ = clear = 0
    for text in rule.when:
        term = parse_term(text)
        row = OPTIONS_BY_NAME.get(term.option)
        if row is not None and row.kind is OptionKind.FLAG and not term.op and row.flag:
            if term.negate:
                clear |= row.flag.value
            else:
                set_ |= row.flag.value
    return set_, clear


def _compile_rule(rule: Rule, ctx: Context) -> tuple[_Conj, _Conj | None, _Conj, bool] | None:
    """(when, none of any_of, a conjunction over `other`, whether the rule fires when that
    conjunction holds), or None when the rule needs `rule_hit`."""
    if rule.qemu_since is not None or rule.qemu_until is not None:
        return None  # `qemu_fits` decides, the general way
    when = _conj(ctx, rule.when)
    none_of = _conj(ctx, rule.any_of, negate=True) if rule.any_of else None
    if rule.kind is RuleKind.EXCLUDES:  # fires when one holds: not (none holds)
        others, fires = _conj(ctx, rule.other, negate=True), False
    elif rule.kind is RuleKind.REQUIRES:  # fires when not all hold (always, with none)
        others, fires = _conj(ctx, rule.other), not rule.other
    else:  # fires when none holds
        others, fires = _conj(ctx, rule.other, negate=True), True
    if when is None or others is None or (rule.any_of and none_of is None):
        return None
    return when, none_of, others, fires


_Compiled = tuple[
    "Problem | None", Rule, "tuple[_Conj, _Conj | None, _Conj, bool] | None",
    "tuple[int, int] | None",
]  # the problem, made when the rule first fires; the last: `_when_bits` of a rule left to
#    the general way
# Keyed by the rules table object too: scripts/mutate_rules.py swaps `RULES` at run time.
_FLAGS_ONLY: dict[tuple[int, LibvirtVersion, Api, bool], list[_Compiled]] = {}


def _flags_only_rules(
    version: LibvirtVersion, api: Api, problems_only: bool = False
) -> list[_Compiled]:
    """The rules that apply to a flags-only request under (`version`, `api`), in the order
    `check` sorts their problems, each with its problem and its compiled condition (None:
    evaluate it with `rule_hit`). With `problems_only`, only those that can fire on flags
    alone (annotate loops over them for every new value)."""
    key = (id(RULES), version, api, problems_only)
    found = _FLAGS_ONLY.get(key)
    if found is None and problems_only:
        found = _FLAGS_ONLY[key] = [
            entry for entry in _flags_only_rules(version, api)
            if (entry[2][0][0] if entry[2] is not None else not _never_fires_on_flags(entry[1]))
        ]
    if found is None:
        ctx = Context(Request(), version, api)
        keyed = []
        for position, rule in enumerate(RULES):
            if applies(rule, ctx):
                hit = Hit()
                compiled = _compile_rule(rule, ctx)
                keyed.append((sort_key(rule, ctx, hit, position),
                              (None, rule, compiled,
                               _when_bits(rule) if compiled is None else None)))
        keyed.sort(key=lambda pair: pair[0])
        found = _FLAGS_ONLY[key] = [entry for _, entry in keyed]
    return found


_TO_URI_MASK = sum(row.flag.value for row in OPTIONS if row.to_uri and row.flag is not None)


@cache
def _never_fires_on_flags(rule: Rule) -> bool:
    """Whether `rule` can only stay silent or be unchecked for a request of flags alone: it
    has QEMU bounds (nobody said which QEMU runs), or a `when` term about the guest (no guest
    test holds without a guest: each raises Unknown or finds nothing)."""
    if rule.qemu_since is not None or rule.qemu_until is not None:
        return True
    terms = [parse_term(text) for text in rule.when]
    return any(term.option == GUEST_SUBJECT and not term.negate for term in terms)


def _check_flags(
    flags: int, version: LibvirtVersion, problems_only: bool = False
) -> tuple[list[Problem], list[str]]:
    """`check_all(Request(flags=flags), version)`, by bit masks. With `problems_only` (for
    `migflags annotate`, which meets thousands of values) the rules that cannot fire on
    flags alone are skipped, so the unchecked rules are not all listed."""
    api = Api.TO_URI3 if flags & _TO_URI_MASK else Api.MIGRATE3
    problems: list[Problem] = []
    unchecked: list[str] = []
    ctx: Context | None = None
    entries = _flags_only_rules(version, api, problems_only)
    for index, (problem, rule, compiled, when_bits) in enumerate(entries):
        if compiled is None:  # not reducible to bits: the general way
            if problems_only and _never_fires_on_flags(rule):
                continue
            assert when_bits is not None
            if flags & when_bits[0] != when_bits[0] or flags & when_bits[1]:
                continue  # its `when` does not hold
            if ctx is None:
                ctx = Context(Request(flags=flags), version, api)
            try:
                hit = _decide(rule, ctx)
            except Unknown:
                unchecked.append(rule.id)
                continue
            if hit is not None:
                problems.append(problem_from(rule, ctx, hit))
            continue
        (possible, set_, clear), none_of, (o_possible, o_set, o_clear), fires = compiled
        if not possible or flags & set_ != set_ or flags & clear:
            continue  # `when` does not hold
        if none_of is not None and _holds(none_of, flags):
            continue  # none of `any_of` holds
        if (o_possible and flags & o_set == o_set and not flags & o_clear) == fires:
            if problem is None:  # its first firing: the problem of a flags-only request
                problem = problem_from(rule, Context(Request(), version, api), Hit())
                entries[index] = (problem, rule, compiled, when_bits)
            problems.append(problem)
    if len(unchecked) > 1:  # in the table's order, as the general way lists them
        unchecked.sort(key=_table_order().__getitem__)
    return problems, unchecked


_ORDER: dict[int, dict[str, int]] = {}


def _table_order() -> dict[str, int]:
    """Rule id -> position in the rules table (keyed by the table, which may be swapped)."""
    found = _ORDER.get(id(RULES))
    if found is None:
        found = _ORDER[id(RULES)] = {rule.id: index for index, rule in enumerate(RULES)}
    return found


Keyed = tuple[tuple[int, ...], Problem]


def check_keyed(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] | None = None
) -> tuple[list[Keyed], list[str]]:
    """The problems of `request` under `version` with their sort keys (see `sort_key`), and
    the ids of the rules that need facts about the guest to decide. `rules` defaults to the
    table, looked up at call time (scripts/mutate_rules.py swaps it)."""
    if rules is None:
        rules = RULES
    unread = frozenset(name for name, value in request.values if isinstance(value, RawValue))
    ctx = Context(request, version, api_for(request), unread)
    fired: list[Keyed] = []
    unchecked: list[str] = []
    for position, rule in enumerate(rules):
        if not applies(rule, ctx):
            continue
        try:
            hit = _decide(rule, ctx)
        except Unknown:
            unchecked.append(rule.id)
            continue
        if hit is not None:
            fired.append((sort_key(rule, ctx, hit, position), problem_from(rule, ctx, hit)))
    return fired, unchecked


def check_all(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] | None = None
) -> tuple[list[Problem], list[str]]:
    """The problems in the order the layers would raise them, and the ids of the rules that
    need facts about the guest to decide."""
    if (
        rules is None
        and not request.values
        and request.domain is None
        and request.desturi is None
        and request.guest is None
        and request.qemu is None
        and request.connect is None
    ):
        return _check_flags(request.flags, version)
    fired, unchecked = check_keyed(request, version, rules)
    fired.sort(key=lambda pair: pair[0])
    return [problem for _, problem in fired], unchecked


def check(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] | None = None
) -> list[Problem]:
    """The problems of `request` under `version`, in the order the layers would raise them."""
    return check_all(request, version, rules)[0]
