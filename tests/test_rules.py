"""The rules table: every rule fires on a request built from its own terms and stays silent on
the nearest request that satisfies it; its versions, messages and ordering hold; and the facts
that are easy to get wrong (what libvirt does NOT refuse) stay true."""

from __future__ import annotations

import re

import pytest

from migflags.check import FLAGS_SUBJECT, PARAMS_SUBJECT, TESTS, api_for, check, parse_term
from migflags.core import NEWEST, analyse
from migflags.model import FileArg, Problem, Request
from migflags.tables.options import DESTURI_OPTION, OPTIONS, OPTIONS_BY_NAME, OptionKind, ValueType
from migflags.tables.rules import (
    PHASE_ORDER,
    RULES,
    RULES_BY_ID,
    Api,
    Layer,
    Phase,
    Rule,
    RuleKind,
)
from migflags.versions import LibvirtVersion, v

# ------------------------------------------------------------------ request builders

State = dict[str, object]
TO_URI_SELECTORS = tuple(row.name for row in OPTIONS if row.to_uri)
P2P, DIRECT = TO_URI_SELECTORS  # --p2p sets a flag, --direct only picks the API
LOCAL_URI = "qemu:///system"
REMOTE_URI = "qemu+ssh://dst.example/system"


def _plain_value(name: str) -> object:
    row = OPTIONS_BY_NAME[name]
    if row is DESTURI_OPTION:
        return REMOTE_URI
    if row.type is ValueType.BOOL:
        return True
    if row.type in (ValueType.INT, ValueType.UINT, ValueType.ULLONG):
        return 1
    if row.type is ValueType.STRING_LIST:
        return ("vda",)
    if row.type is ValueType.FILE:
        return FileArg("dom.xml", "<domain/>")
    return "x"


def _newer_param(version: LibvirtVersion) -> str:
    for row in OPTIONS:
        if row.param and row.param_since and row.param_since > version:
            return row.name
    raise AssertionError(f"no parameter newer than {version}")


def satisfy(text: str, state: State, version: LibvirtVersion) -> None:
    term = parse_term(text)
    if term.negate:
        violate(text[1:], state)
        return
    name = term.option
    if term.op == "":
        state[name] = _plain_value(name)
    elif term.op == ">":
        state[name] = int(term.operand) + 1
    elif term.op == "^":
        state[name] = term.operand + "/run/sock"
    elif term.op == "=":
        items = state.get(name, ())
        assert isinstance(items, tuple)
        state[name] = (*items, term.operand)
    elif term.test == "not-in":
        state[name] = ("bogus",)
    elif term.test in ("first-in", "second-in"):
        state[name] = term.args[:1] if term.test == "first-in" else term.args[:2]
    elif term.test == "duplicate":
        state[name] = ("xbzrle", "xbzrle")
    elif term.test == "empty":
        state[name] = ""
    elif term.test == "local":
        state[name] = LOCAL_URI
    elif term.test == "unknown":
        state[_newer_param(version)] = _plain_value(_newer_param(version))
    elif term.test == "only-unknown":
        for known in [n for n in state if OPTIONS_BY_NAME[n].kind is OptionKind.FLAG]:
            del state[known]
        state[FLAGS_SUBJECT] = 1 << 40
    else:
        raise AssertionError(f"no builder for {text}")


def violate(text: str, state: State) -> None:
    term = parse_term(text)
    if term.negate and term.option == FLAGS_SUBJECT:
        satisfy(text[1:], state, NEWEST)
        return
    if term.negate:
        state[term.option] = _plain_value(term.option)
        return
    if term.op == "=":
        items = tuple(i for i in _tuple(state.get(term.option)) if i != term.operand)
        if items:
            state[term.option] = items
            return
    if term.option == PARAMS_SUBJECT:  # send no typed parameter at all
        for name in [n for n in state if OPTIONS_BY_NAME[n].param]:
            del state[name]
    else:
        state.pop(term.option, None)


def _tuple(value: object) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else ()


def request_of(state: State) -> Request:
    flags = 0
    values: list[tuple[str, object]] = []
    desturi = None
    for name, value in state.items():
        if name == FLAGS_SUBJECT:  # raw bits no flag row defines
            assert isinstance(value, int)
            flags |= value
            continue
        row = OPTIONS_BY_NAME[name]
        if row.kind is OptionKind.FLAG:
            assert row.flag is not None
            flags |= row.flag.value if value else 0
        elif row is DESTURI_OPTION:
            desturi = str(value)
        else:
            values.append((name, value))
    return Request(flags=flags, values=tuple(values), desturi=desturi)


def version_for(rule: Rule) -> LibvirtVersion:
    return rule.since or NEWEST


def trigger_state(rule: Rule) -> State:
    version = version_for(rule)
    state: State = {}
    for term in rule.when:
        satisfy(term, state, version)
    if rule.any_of:
        satisfy(rule.any_of[0], state, version)
    if rule.kind is RuleKind.EXCLUDES:
        satisfy(rule.other[0], state, version)
    else:
        for term in rule.other:
            violate(term, state)
    if rule.api is Api.TO_URI3 and not any(state.get(n) for n in TO_URI_SELECTORS):
        state[DIRECT] = True
    if rule.api is Api.MIGRATE3:
        for name in TO_URI_SELECTORS:
            state.pop(name, None)
    return state


def silent_state(rule: Rule) -> State:
    """The trigger request changed just enough to satisfy the rule."""
    version = version_for(rule)
    state = trigger_state(rule)
    if rule.kind is RuleKind.EXCLUDES:
        for term in rule.other:
            violate(term, state)
    elif rule.other and rule.kind is RuleKind.REQUIRES:
        for term in rule.other:
            satisfy(term, state, version)
    elif rule.other:
        satisfy(rule.other[0], state, version)
    elif rule.any_of:
        for term in rule.any_of:
            violate(term, state)
    else:
        violate(rule.when[0], state)
    return state


def fired(request: Request, version: LibvirtVersion) -> list[str]:
    return [p.rule for p in check(request, version)]


def before(version: LibvirtVersion) -> LibvirtVersion:
    if version.micro:
        return LibvirtVersion(version.major, version.minor, version.micro - 1)
    if version.minor:
        return LibvirtVersion(version.major, version.minor - 1, 99)
    return LibvirtVersion(version.major - 1, 99, 99)


IDS = [rule.id for rule in RULES]


# ------------------------------------------------------------------ every rule, both ways


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_fires(rule: Rule) -> None:
    request = request_of(trigger_state(rule))
    assert rule.id in fired(request, version_for(rule)), request


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_stays_silent(rule: Rule) -> None:
    request = request_of(silent_state(rule))
    assert rule.id not in fired(request, version_for(rule)), request


@pytest.mark.parametrize("rule", [r for r in RULES if r.since], ids=lambda r: r.id)
def test_rule_not_before_its_release(rule: Rule) -> None:
    assert rule.since is not None
    request = request_of(trigger_state(rule))
    assert rule.id not in fired(request, before(rule.since))


@pytest.mark.parametrize("rule", [r for r in RULES if r.until], ids=lambda r: r.id)
def test_rule_not_from_its_end(rule: Rule) -> None:
    assert rule.until is not None
    request = request_of(trigger_state(rule))
    assert rule.id not in fired(request, rule.until)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_message_is_the_layers_own(rule: Rule) -> None:
    """Refusals quote the layer's message; virsh's is stored without its 'error: ' prefix."""
    if rule.layer is not Layer.ADVICE:
        assert rule.messages and all(m.text for m in rule.messages)
        assert rule.source
    for message in rule.messages:
        assert not message.text.startswith("error")
        placeholders = set(re.findall(r"{(\w+)}", message.text))
        assert placeholders <= {"item", "api"}
        if "item" in placeholders:
            assert any(parse_term(t).op == ":" for t in rule.terms), "nothing names the item"
    sinces = [m.since for m in rule.messages if m.since is not None]
    assert sinces == sorted(sinces)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_is_well_formed(rule: Rule) -> None:
    assert rule.why.en.strip() and rule.fix.en.strip()
    assert (rule.phase is not None) == (rule.layer is Layer.QEMU)
    if rule.phase is Phase.PEER2PEER:
        assert rule.api is Api.TO_URI3 and "p2p" in rule.when
    if rule.since and rule.until:
        assert rule.since < rule.until
    for text in rule.terms:
        term = parse_term(text)
        subjects = (PARAMS_SUBJECT, FLAGS_SUBJECT)
        assert term.option in subjects or term.option in OPTIONS_BY_NAME, text
        if term.op == ":":
            assert term.test in TESTS, text
    if rule.kind is RuleKind.EXCLUDES:
        assert rule.other
    assert (rule.kind is RuleKind.WARNING) == (rule.layer is Layer.ADVICE)


def test_rule_ids_are_unique() -> None:
    assert len(RULES_BY_ID) == len(RULES)


def test_every_phase_is_ordered_for_each_api() -> None:
    for steps in PHASE_ORDER.values():
        assert len(set(steps)) == len(steps)
    assert set(PHASE_ORDER[Api.TO_URI3]) == set(Phase)


# ------------------------------------------------------------------ exact cases

LIVE, OFFLINE, PERSIST = "live", "offline", "persistent"


def req(*flags: str, desturi: str | None = None, **values: object) -> Request:
    state: State = dict.fromkeys(flags, True)
    state.update({k.replace("_", "-"): val for k, val in values.items()})
    request = request_of(state)
    return Request(request.flags, request.values, desturi=desturi)


def first(request: Request, version: str, layer: str | None = None) -> Problem:
    problems = [p for p in analyse(request, v(version)).problems if p.is_error]
    if layer:
        problems = [p for p in problems if p.layer == layer]
    assert problems, request
    return problems[0]


def test_1035_is_refused_by_virsh() -> None:
    problem = first(Request(flags=1035), "12.9.0")
    assert (problem.layer, problem.message) == (
        "virsh", "Options --live and --offline are mutually exclusive")


@pytest.mark.parametrize(
    ("version", "layer", "rule"),
    [
        ("9.0.0", "libvirt", "api-disk-inc-exclusive"),
        ("10.0.0", "virsh", "virsh-copy-storage-exclusive"),
        ("12.9.0", "virsh", "virsh-copy-storage-exclusive"),
    ],
)
def test_copy_storage_pair_moves_into_virsh(version: str, layer: str, rule: str) -> None:
    request = req("copy-storage-all", "copy-storage-inc", "p2p", LIVE)
    problem = first(request, version)
    assert (problem.layer, problem.rule) == (layer, rule)
    assert "api-disk-inc-exclusive" in fired(request, v(version))  # the library still would


@pytest.mark.parametrize(
    ("version", "tail"),
    [("9.0.0", "'copy-storage-inc'"), ("12.9.0", "'--copy-storage-inc'")],
)
def test_sync_writes_message_per_version(version: str, tail: str) -> None:
    problem = first(req("copy-storage-synchronous-writes", "p2p"), version)
    assert problem.message == (
        f"'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', {tail}")


def test_migrate_disks_without_storage_passes_9_0_0_but_not_12() -> None:
    request = req(LIVE, "p2p", migrate_disks=("vda",))
    assert not [p for p in analyse(request, v("9.0.0")).problems if p.is_error]
    assert fired(request, v("12.9.0"))[:2] == [
        "virsh-migrate-disks-needs-storage", "qemu-migrate-disks-needs-storage"]


@pytest.mark.parametrize(
    ("version", "flags", "methods", "expected"),
    [
        ("12.9.0", (), ("zlib", "bogus"), [
            "invalid argument: Compression method 'zlib' is only supported with parallel "
            "migration",
            "invalid argument: Unsupported compression method 'bogus'"]),
        ("12.9.0", (), ("bogus", "zlib"), [
            "invalid argument: Unsupported compression method 'bogus'",
            "invalid argument: Compression method 'zlib' is only supported with parallel "
            "migration"]),
        ("12.9.0", ("parallel",), ("zlib", "zstd"), [
            "invalid argument: Only one compression method could be specified with parallel "
            "compression"]),
        ("12.9.0", ("parallel",), ("zstd", "zstd"), [
            "invalid argument: Compression method 'zstd' is specified twice"]),
        ("12.9.0", ("parallel",), ("mt",), [
            "invalid argument: Compression method 'mt' isn't supported with parallel "
            "migration"]),
        ("12.9.0", (), ("MT",), ["invalid argument: Unsupported compression method 'MT'"]),
        ("12.9.0", (), ("mt", ""), ["invalid argument: Unsupported compression method ''"]),
        ("9.0.0", (), ("zlib",), ["invalid argument: Unsupported compression method 'zlib'"]),
        ("9.0.0", ("parallel",), ("mt", "xbzrle"), []),
        ("12.9.0", ("parallel",), ("zstd",), []),
    ],
)
def test_compression_methods_in_list_order(
    version: str, flags: tuple[str, ...], methods: tuple[str, ...], expected: list[str]
) -> None:
    request = req(LIVE, "p2p", *flags, comp_methods=methods)
    qemu = [p.message for p in analyse(request, v(version)).problems if p.layer == "qemu"]
    assert qemu == expected


@pytest.mark.parametrize(
    ("values", "rule"),
    [
        ({"comp-mt-level": 3}, "qemu-compression-mt-tuning"),
        ({"comp-mt-dthreads": 2, "comp-methods": ("xbzrle",)}, "qemu-compression-mt-tuning"),
        ({"comp-xbzrle-cache": 1 << 20}, "qemu-compression-xbzrle-tuning"),
        ({"comp-zlib-level": 3, "comp-methods": ("zstd",)}, "qemu-compression-zlib-tuning"),
        ({"comp-zstd-level": 3}, "qemu-compression-zstd-tuning"),
        ({"parallel-connections": 4}, "qemu-parallel-tuning"),
        ({"auto-converge-increment": 5}, "qemu-auto-converge-tuning"),
    ],
)
def test_tuning_needs_its_switch(values: State, rule: str) -> None:
    request = request_of({LIVE: True, "p2p": True, **values})
    assert rule in fired(request, NEWEST)


def test_compressed_parallel_without_method() -> None:
    request = req(LIVE, "p2p", "compressed", "parallel")
    assert "qemu-compressed-parallel-no-method" in fired(request, v("12.9.0"))
    assert "qemu-compressed-parallel-no-method" not in fired(request, v("9.0.0"))


def test_qemu_order_follows_the_entry_point() -> None:
    """Peer-to-peer: parameters, then the tunnel checks, then Begin. Client-driven: Begin on
    the source runs before the destination checks the parameters."""
    p2p = req(LIVE, "p2p", "tunnelled", "postcopy", migrateuri="tcp://h:1",
              parallel_connections=2)
    assert [p.rule for p in check(p2p, NEWEST) if p.layer == "qemu"] == [
        "qemu-parallel-tuning", "qemu-tunnelled-migrateuri", "qemu-postcopy-tunnelled"]
    managed = req(LIVE, "zerocopy", parallel_connections=2)
    assert [p.rule for p in check(managed, NEWEST) if p.layer == "qemu"] == [
        "qemu-zerocopy-needs-parallel", "qemu-parallel-tuning"]


@pytest.mark.parametrize(
    ("state", "rule"),
    [
        ({"timeout": 5}, "virsh-timeout-needs-live"),
        ({"timeout": 5, OFFLINE: True}, "virsh-timeout-needs-live"),
        ({"timeout": 0, "timeout-suspend": True, LIVE: True},
         "virsh-timeout-action-needs-timeout"),
        ({"timeout-postcopy": True, LIVE: True, "postcopy": True},
         "virsh-timeout-action-needs-timeout"),
        ({"tls-destination": "dst"}, "virsh-tls-destination"),
        ({"persistent-xml": FileArg("p.xml", "<domain/>")}, "virsh-persistent-xml"),
        ({"postcopy-after-precopy": True}, "virsh-postcopy-after-precopy"),
    ],
)
def test_option_level_virsh_rules(state: State, rule: str) -> None:
    assert fired(request_of(state), NEWEST)[0] == rule


@pytest.mark.parametrize(
    "state",
    [
        {"timeout": 0},
        {"timeout": 5, LIVE: True, "timeout-suspend": True},
        {"timeout": 5, LIVE: True, "timeout-postcopy": True, "postcopy": True},
        {"tls-destination": "dst", "tls": True},
    ],
)
def test_option_level_virsh_rules_accept(state: State) -> None:
    assert not [r for r in fired(request_of(state), NEWEST) if r.startswith("virsh-")]


@pytest.mark.parametrize(
    ("desturi", "local"),
    [
        (LOCAL_URI, True),
        ("qemu+ssh://localhost/system", True),
        ("qemu+tcp://localhost.localdomain:16509/system", True),
        ("qemu+unix:///system?socket=/run/dst.sock", False),
        ("qemu+unix:///system", True),
        (REMOTE_URI, False),
        ("qemu+ssh://root@10.0.0.2/system", False),
    ],
)
def test_p2p_to_the_same_host(desturi: str, local: bool) -> None:
    request = req(LIVE, "p2p", desturi=desturi)
    assert ("api-p2p-same-host" in fired(request, NEWEST)) is local
    managed = req(LIVE, desturi=desturi)  # without --p2p virsh connects there itself
    assert "api-p2p-same-host" not in fired(managed, NEWEST)


def test_direct_is_refused_on_qemu_hosts() -> None:
    problem = first(req(LIVE, DIRECT), "9.0.0")
    assert problem.message == (
        "argument unsupported: direct migration is not supported by the source host")
    assert "api-direct-unsupported" not in fired(req(LIVE, DIRECT, "p2p"), NEWEST)


def test_empty_dname_names_the_entry_point() -> None:
    assert first(req(LIVE, dname=""), "12.9.0").message == (
        "string dname in virDomainMigrate3 must not be empty")
    assert "api-dname-empty" not in fired(req(LIVE, dname=""), v("9.0.0"))


def test_unknown_param_for_the_release() -> None:
    problem = first(req(LIVE, "p2p", comp_zlib_level=3, comp_methods=("zlib",),
                        parallel=True), "9.0.0", layer="qemu")
    assert problem.message == (
        "argument unsupported: parameter 'compression.zlib.level' not supported")


@pytest.mark.parametrize(
    ("version", "rule", "level"),
    [
        ("8.0.0", "qemu-storage-tunnelled-old", "error"),
        ("9.0.0", "advice-storage-tunnelled-not-stopped", "warning"),
        ("12.9.0", "qemu-storage-tunnelled", "error"),
    ],
)
def test_storage_over_a_tunnel_per_release(version: str, rule: str, level: str) -> None:
    request = req(LIVE, "p2p", "tunnelled", "copy-storage-all")
    problems = {p.rule: p for p in check(request, v(version))}
    assert problems[rule].level == level
    assert "non-shared storage is not supported with tunnelled" in problems[rule].message


@pytest.mark.parametrize(
    ("request_", "function"),
    [
        (Request(flags=1 << 21), "qemuDomainMigrateBegin3Params"),
        (req(LIVE, "p2p"), "qemuDomainMigratePerform3Params"),
    ],
)
def test_unknown_bits_name_the_first_driver_entry(request_: Request, function: str) -> None:
    request = Request(request_.flags | 1 << 21, request_.values)
    problem = next(p for p in analyse(request).problems if p.rule == "unknown-bits")
    assert problem.message == f"unsupported flags (0x200000) in function {function}"


def test_too_new_flag_quotes_that_virsh() -> None:
    problem = first(req(LIVE, "parallel", "zerocopy"), "6.0")
    assert problem.message == "command 'migrate' doesn't support option --zerocopy"
    assert problem.explanation.en == "VIR_MIGRATE_ZEROCOPY needs libvirt >= 8.5.0"


# ------------------------------------------------------------------ what nobody refuses


def _errors(request: Request, version: str = "12.9.0") -> list[Problem]:
    return [p for p in analyse(request, v(version)).problems if p.is_error]


def test_rdma_pin_all_needs_no_rdma_uri() -> None:
    assert _errors(req(LIVE, "p2p", "rdma-pin-all", migrateuri="tcp://h:1")) == []


def test_tls_with_tunnelled_is_accepted() -> None:
    assert _errors(req(LIVE, "p2p", "tunnelled", "tls")) == []


@pytest.mark.parametrize("version", ["9.0.0", "12.9.0"])
def test_live_with_offline_is_only_virsh_business(version: str) -> None:
    assert {p.layer for p in _errors(req(LIVE, OFFLINE, PERSIST, "p2p"), version)} == {"virsh"}


def test_api_follows_p2p_and_direct() -> None:
    assert api_for(req(LIVE)) is Api.MIGRATE3
    assert api_for(req(LIVE, "p2p")) is Api.TO_URI3
    assert api_for(req(LIVE, DIRECT)) is Api.TO_URI3


@pytest.mark.parametrize(("mib", "fires"), [(2**44 - 1, False), (2**44, True)])
def test_postcopy_bandwidth_must_fit_in_bytes(mib: int, fires: bool) -> None:
    problems = check(req(LIVE, "p2p", "postcopy", postcopy_bandwidth=mib), NEWEST)
    messages = [p.message for p in problems if p.rule == "qemu-postcopy-bandwidth-overflow"]
    expected = ["numerical overflow: migration parameter 'bandwidth.postcopy' must be less than "
                "17592186044416"]
    assert messages == (expected if fires else [])
