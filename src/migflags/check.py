"""Evaluate the rules table against a request for one libvirt version. Pure functions.

The rules are data (`tables/rules.py`); this module only knows how to test one *term*. Named
tests (`name:test(args)`) are small predicates in `TESTS`, chosen by the table. A test that
finds a particular item (a compression method, a parameter key) reports it with its position,
so a message can quote it and problems can be ordered the way a loop over the list would
raise them.
"""


from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from migflags.model import FileArg, Problem, Request
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
    Rule,
    RuleKind,
)
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:  # guest.py is imported only when a guest is given (start-up cost)
    from migflags.guest import Disk, Guest

# Subject of tests that look at all typed parameters rather than one option.
PARAMS_SUBJECT = "params"
# Subject of tests that look at the guest (--state, --domain-xml) rather than an option.
GUEST_SUBJECT = "guest"
SUBJECTS = (PARAMS_SUBJECT, GUEST_SUBJECT)


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


def _guest(ctx: Context) -> "Guest":
    if ctx.request.guest is None:
        raise Unknown
    return ctx.request.guest


def _disks(ctx: Context) -> "tuple[Disk, ...]":
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


def _copied(ctx: Context, disk: "Disk") -> bool:
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


TESTS: dict[str, TestFn] = {
    "not-in": _not_in,
    "first-in": _first_in,
    "second-in": _second_in,
    "duplicate": _duplicate,
    "empty": _empty,
    "local": _local,
    "unknown": _unknown_param,
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


def rule_hit(rule: Rule, ctx: Context) -> Hit | None:
    """The hit that makes `rule` fire for this request, or None when it does not fire.

    Raises Unknown when the rule needs a fact about the guest that was not given and every
    term that can be decided without it holds."""
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
    steps = PHASE_ORDER[ctx.api]
    step = SAME_STEP[ctx.api].get(rule.phase, rule.phase) if rule.phase else None
    phase = -1 if step is None else (steps.index(step) if step in steps else len(steps))
    return (LAYER_ORDER[rule.layer], phase, rule.order, hit.at, position)


def check(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] | None = None
) -> list[Problem]:
    """The problems of `request` under `version`, in the order the layers would raise them."""
    return check_all(request, version, rules)[0]


def check_all(
    request: Request, version: LibvirtVersion, rules: Iterable[Rule] | None = None
) -> tuple[list[Problem], list[str]]:
    """The problems, and the ids of the rules that need facts about the guest to decide.
    `rules` defaults to the table, looked up at call time (scripts/mutate_rules.py swaps it)."""
    if rules is None:
        rules = RULES
    ctx = Context(request, version, api_for(request))
    fired: list[tuple[tuple[int, ...], Problem]] = []
    unchecked: list[str] = []
    for position, rule in enumerate(rules):
        if not applies(rule, ctx):
            continue
        try:
            hit = rule_hit(rule, ctx)
            if hit is not None and not qemu_fits(rule, ctx):
                continue
        except Unknown:
            unchecked.append(rule.id)
            continue
        if hit is not None:
            fired.append((sort_key(rule, ctx, hit, position), problem_from(rule, ctx, hit)))
    fired.sort(key=lambda pair: pair[0])
    return [problem for _, problem in fired], unchecked
