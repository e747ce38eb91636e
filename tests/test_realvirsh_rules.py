"""`check --libvirt VERSION` against what real virsh 9.0.0 and 12.9.0 refuse.

Every pair of boolean `virsh migrate` options (aliases included), a seeded sample of larger
sets, and a list of value-option command lines (alone and mixed into a seeded sample) run
through real virsh against libvirt's test driver. For each:

* virsh layer: migflags reports a virsh-layer error exactly when virsh refuses before calling
  the migrate API, and its first virsh-layer message is virsh's `error:` text.
* public API: the test driver refuses many things for its own reasons (it supports neither
  peer-to-peer, offline nor direct migration), so only the library's own flag checks are
  compared. When the first `error :` log line after the API call is the message of one of
  migflags' libvirt-layer rules, that is migflags' first libvirt-layer error; and when migflags'
  first libvirt-layer error is one the library raises before asking the driver anything, the
  library raised it.
"""

from __future__ import annotations

import itertools
import os
import random
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from virsh_oracle import DOMAIN, Outcome, desturi_for, run_migrate

from migflags.check import api_for
from migflags.core import analyse
from migflags.errors import InputError
from migflags.model import Problem, Result
from migflags.tables.options import OPTIONS, OptionKind, ValueType
from migflags.tables.rules import RULES, Layer
from migflags.versions import v
from migflags.virsh_argv import parse_virsh_argv

pytestmark = pytest.mark.realvirsh

VERSIONS = ("9.0.0", "12.9.0")
SEED = 20261127
SAMPLE = 150  # larger sets of boolean options
MIXED = 80  # boolean options plus one value-option case
WORKERS = 4
XML = "{xml}"  # replaced by a readable domain XML file

BOOLS: tuple[str, ...] = tuple(
    f"--{spelling}"
    for row in OPTIONS
    if row.type is ValueType.BOOL and row.kind is not OptionKind.POSITIONAL
    for spelling in (row.name, *row.aliases)
)

# Library checks that run before the library asks the driver for anything, so the test
# driver raises them exactly as a QEMU host would.
DRIVER_INDEPENDENT = frozenset(
    {"api-tunnelled-parallel", "api-disk-inc-exclusive", "api-sync-writes-needs-storage",
     "api-migrate3-tunnelled", "api-dname-empty"}
)

VALUE_CASES: tuple[tuple[str, ...], ...] = (
    ("--timeout", "5"),
    ("--timeout", "5", "--live"),
    ("--timeout", "5", "--offline"),
    ("--timeout", "0", "--timeout-suspend", "--live"),
    ("--timeout", "3", "--timeout-suspend", "--live"),
    ("--timeout", "3", "--timeout-postcopy", "--live"),
    ("--timeout", "3", "--timeout-postcopy", "--postcopy", "--live"),
    ("--timeout", "3", "--timeout-suspend", "--timeout-postcopy", "--live"),
    ("--tls-destination", "dst.example"),
    ("--tls-destination", "dst.example", "--tls"),
    ("--persistent-xml", XML),
    ("--persistent-xml", XML, "--persistent"),
    ("--xml", XML),
    ("--migrate-disks", "vda"),
    ("--migrate-disks", "vda", "--copy-storage-all"),
    ("--migrate-disks", "vda", "--copy-storage-synchronous-writes"),
    ("--migrate-disks-detect-zeroes", "vda"),
    ("--migrate-disks-detect-zeroes", "vda", "--copy-storage-inc"),
    ("--migrate-disks-target-zero", "vda"),
    ("--migrate-disks-target-zero", "vda", "--copy-storage-all"),
    ("--dname", "vm2"),
    ("--comp-methods", "zlib,bogus"),
    ("--comp-zlib-level", "3"),
    ("--parallel-connections", "4"),
    ("--auto-converge-initial", "20"),
    ("--disks-port", "0", "--tunnelled"),
    ("--migrateuri", "tcp://10.0.0.2:49152", "--tunnelled"),
    ("--bandwidth", "100", "--postcopy-bandwidth", "50"),
    ("--available-switchover-bandwidth", "100"),
)


def _cases() -> list[tuple[str, ...]]:
    rng = random.Random(SEED)
    cases: list[tuple[str, ...]] = [(b,) for b in BOOLS]
    cases += list(itertools.combinations(BOOLS, 2))
    seen = {frozenset(c) for c in cases}
    while len(cases) < len(BOOLS) + len(BOOLS) * (len(BOOLS) - 1) // 2 + SAMPLE:
        combo = tuple(rng.sample(BOOLS, rng.randint(3, 6)))
        if frozenset(combo) not in seen:
            seen.add(frozenset(combo))
            cases.append(combo)
    cases += list(VALUE_CASES)
    for _ in range(MIXED):
        cases.append((*rng.sample(BOOLS, rng.randint(1, 4)), *rng.choice(VALUE_CASES)))
    return cases


CASES = _cases()


@dataclass
class Compared:
    args: tuple[str, ...]
    outcome: Outcome
    result: Result | None  # None when migflags' parser refused the line
    parse_error: str = ""


def _analyse(args: Sequence[str], version: str) -> tuple[Result | None, str]:
    words = [*args, DOMAIN, desturi_for(args)]
    try:
        request = parse_virsh_argv(words, v(version))
    except InputError as error:
        return None, str(error)
    return analyse(request, v(version)), ""


def _fill(args: tuple[str, ...], xml: str) -> tuple[str, ...]:
    return tuple(xml if word == XML else word for word in args)


@pytest.fixture(scope="module", params=VERSIONS)
def compared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, list[Compared]]:
    version = str(request.param)
    binary = str(request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12"))
    xml = tmp_path_factory.mktemp("xml") / "dom.xml"
    xml.write_text("<domain type='test'><name>test</name></domain>\n", encoding="utf-8")

    def one(case: tuple[str, ...]) -> Compared:
        args = _fill(case, os.fspath(xml))
        outcome = run_migrate(binary, [*args, DOMAIN, desturi_for(args)])
        result, error = _analyse(args, version)
        return Compared(args, outcome, result, error)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return version, list(pool.map(one, CASES))


def _errors(result: Result, layer: Layer) -> list[Problem]:
    return [p for p in result.problems if p.is_error and p.layer == layer.value]


def _library_messages(version: str, api: str) -> set[str]:
    return {
        rule.message_for(v(version)).format(item="", api=api)
        for rule in RULES
        if rule.layer is Layer.LIBVIRT and rule.holds_in(v(version))
    }


def test_virsh_layer_agrees(compared: tuple[str, list[Compared]]) -> None:
    version, rows = compared
    wrong: list[tuple[object, ...]] = []
    for row in rows:
        refused = not row.outcome.called
        if row.result is None:
            if not refused:
                wrong.append((row.args, "migflags' parser refused", row.parse_error))
            continue
        ours = _errors(row.result, Layer.VIRSH)
        if refused:
            real = row.outcome.errors[0] if row.outcome.errors else "(no error line)"
            if not ours or ours[0].message != real:
                wrong.append((row.args, real, [p.message for p in ours]))
        elif ours:
            wrong.append((row.args, "virsh called the API", [p.message for p in ours]))
    assert wrong == [], f"virsh {version}: {len(wrong)} of {len(rows)} disagree"


def test_library_layer_agrees(compared: tuple[str, list[Compared]]) -> None:
    version, rows = compared
    wrong: list[tuple[object, ...]] = []
    matched = 0
    for row in rows:
        if not row.outcome.called or row.result is None:
            continue
        assert row.outcome.api is not None
        real = row.outcome.log_errors[0] if row.outcome.log_errors else None
        ours = _errors(row.result, Layer.LIBVIRT)
        first = ours[0] if ours else None
        if real in _library_messages(version, row.outcome.api):
            matched += 1
            if first is None or first.message != real:
                wrong.append((row.args, real, first and first.message))
        elif first is not None and first.rule in DRIVER_INDEPENDENT:
            wrong.append((row.args, real, first.message))
    assert wrong == [], f"libvirt {version}: {len(wrong)} disagree"
    assert matched >= 40, f"only {matched} library refusals compared for {version}"


def test_api_agrees(compared: tuple[str, list[Compared]]) -> None:
    _, rows = compared
    wrong = []
    for row in rows:
        if row.outcome.called and row.result is not None:
            words = [*row.args, DOMAIN, desturi_for(row.args)]
            api = api_for(parse_virsh_argv(words, row.result.libvirt)).value
            if api != row.outcome.api:
                wrong.append((row.args, row.outcome.api, api))
    assert wrong == []


def test_enough_refusals_by_virsh(compared: tuple[str, list[Compared]]) -> None:
    version, rows = compared
    refused = sum(1 for row in rows if not row.outcome.called)
    called = len(rows) - refused
    assert refused >= 50 and called >= 200, (version, refused, called)
