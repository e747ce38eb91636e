"""The rules table: its rows are well formed, problems come in the layers' order, and the facts
that are easy to get wrong (what libvirt does NOT refuse) stay true. Each rule's own firing and
silent cases, written by hand, are in test_rule_cases.py."""

from __future__ import annotations

import re

import pytest

from migflags.check import FLAGS_SUBJECT, SUBJECTS, TESTS, api_for, check, parse_term
from migflags.core import NEWEST, analyse
from migflags.model import FileArg, Problem, Request
from migflags.tables.options import DESTURI_OPTION, OPTIONS, OPTIONS_BY_NAME, OptionKind
from migflags.tables.rules import (
    PHASE_ORDER,
    RULES,
    RULES_BY_ID,
    SAME_STEP,
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


def fired(request: Request, version: LibvirtVersion) -> list[str]:
    return [p.rule for p in check(request, version)]


IDS = [rule.id for rule in RULES]


# ------------------------------------------------------------------ the table's shape


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_message_is_the_layers_own(rule: Rule) -> None:
    """Refusals quote the layer's message; virsh's is stored without its 'error: ' prefix."""
    if rule.layer is not Layer.ADVICE:
        assert rule.messages and all(m.text for m in rule.messages)
        assert rule.source
    for message in rule.messages:
        assert not message.text.startswith("error")
        placeholders = set(re.findall(r"{(\w+)}", message.text))
        assert placeholders <= {"item", "api", "uri"}
        if "item" in placeholders:
            assert any(parse_term(t).op == ":" for t in rule.terms), "nothing names the item"
    sinces = [m.since for m in rule.messages if m.since is not None]
    assert sinces == sorted(sinces)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_is_well_formed(rule: Rule) -> None:
    assert rule.why.en.strip() and rule.fix.en.strip()
    assert (rule.phase is not None) == (rule.layer in (Layer.QEMU, Layer.QMP))
    if rule.phase is Phase.PEER2PEER:
        assert rule.api is Api.TO_URI3 and "p2p" in rule.when
    if rule.since and rule.until:
        assert rule.since < rule.until
    for text in rule.terms:
        term = parse_term(text)
        assert term.option in SUBJECTS or term.option in OPTIONS_BY_NAME, text
        if term.op == ":":
            assert term.test in TESTS, text
    if rule.kind is RuleKind.EXCLUDES:
        assert rule.other
    assert (rule.kind is RuleKind.WARNING) == (rule.layer is Layer.ADVICE)


def test_rule_ids_are_unique() -> None:
    assert len(RULES_BY_ID) == len(RULES)


def test_every_phase_is_ordered_for_each_api() -> None:
    for api, steps in PHASE_ORDER.items():
        assert len(set(steps)) == len(steps)
        assert set(SAME_STEP[api].values()) <= set(steps)
    assert set(PHASE_ORDER[Api.TO_URI3]) | set(SAME_STEP[Api.TO_URI3]) == set(Phase)


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
    ("version", "message"),
    [
        ("8.0.0", "Operation not supported: migration of non-shared storage is not supported "
                  "with tunnelled migration and this QEMU"),
        # seen on a real 9.0.0 daemon: the Begin check does not stop, the destination fails
        ("9.0.0", "internal error: argument key 'host' must not have null value"),
        ("12.9.0", "Operation not supported: migration of non-shared storage is not supported "
                   "with tunnelled migration and this QEMU"),
    ],
)
def test_storage_over_a_tunnel_per_release(version: str, message: str) -> None:
    request = req(LIVE, "p2p", "tunnelled", "copy-storage-all")
    errors = [p for p in check(request, v(version)) if p.is_error]
    assert errors[0].message == message


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
