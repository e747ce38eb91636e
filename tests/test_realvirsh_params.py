"""Typed parameters and command-line errors against real virsh 9.0.0 and 12.9.0.

Each command line is run through real virsh (`--p2p` to a qemu+ssh URI on 127.0.0.1, so virsh
calls virDomainMigrateToURI3 and libvirt's debug log shows every `params["key"]=(type)value`;
the test driver then refuses the migration, nothing leaves the machine) and through migflags
with `--libvirt` set to the same release:

* every value option at least once (with an edge value where there is one), virsh-only options,
  both parsers' positional slots, and a seeded sample of mixed command lines: where virsh
  calls the API, migflags parses the line and its parameters (key, type, value, one entry per
  list item, in virsh's order) and flags equal what virsh logged;
* malformed command lines: virsh refuses exactly those migflags refuses, with the same text
  (`InputError`, or for an option newer than the release the virsh-layer problem).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from virsh_oracle import P2P_DESTURI, Outcome, run_migrate

from migflags.core import analyse
from migflags.errors import InputError
from migflags.tables.options import OPTIONS, OptionKind, OptionRow, ValueType
from migflags.versions import LibvirtVersion, v
from migflags.virsh_argv import parse_virsh_argv, positional_slots

pytestmark = pytest.mark.realvirsh

VERSIONS = ("9.0.0", "12.9.0")
DOMAIN = "test"
WORKERS = 4
SEED = 20261127
MIXED = 80  # seeded mixed command lines per release
XML_TEXT = "<domain type='kvm'>\n  <name>moved</name>\n</domain>\n"

# A valid value (or two) for every value option; the second one is an edge case.
SAMPLES: dict[str, tuple[str, ...]] = {
    "migrateuri": ("tcp://10.0.0.2:49152", "--looks-like-an-option"),
    "graphicsuri": ("spice://dst:5900",),
    "listen-address": ("0.0.0.0", "::"),
    "dname": ("new name; $(id) 'quoted'", "a=b"),
    "timeout": ("30", "0"),
    "xml": ("@xml",),
    "persistent-xml": ("@xml",),
    "migrate-disks": ("vda,vdb", "vda,,"),
    "migrate-disks-detect-zeroes": ("vda",),
    "migrate-disks-target-zero": ("vdb,vdc",),
    "disks-port": ("49153", "0", "-1"),
    "disks-uri": ("unix:///run/disks.sock",),
    "comp-methods": ("mt,xbzrle", "zstd"),
    "comp-mt-level": ("9", "-1", "-0"),
    "comp-mt-threads": ("4", "+8"),
    "comp-mt-dthreads": ("2",),
    "comp-xbzrle-cache": ("18446744073709551615", "0"),
    "comp-zlib-level": ("1",),
    "comp-zstd-level": ("20",),
    "auto-converge-initial": ("20",),
    "auto-converge-increment": ("-2147483648",),
    "postcopy-bandwidth": ("0", " 7"),
    "parallel-connections": ("2147483647", "0005"),
    "bandwidth": ("100", "\t+5"),
    "tls-destination": ("dst.example.org",),
    "available-switchover-bandwidth": ("1000",),
}

# Options some virsh refuses on their own; these companions make the line acceptable.
COMPANIONS: dict[str, tuple[str, ...]] = {
    "persistent-xml": ("--persistent",),
    "tls-destination": ("--tls",),
    "migrate-disks": ("--copy-storage-all",),
    "migrate-disks-detect-zeroes": ("--copy-storage-all",),
    "migrate-disks-target-zero": ("--copy-storage-all",),
    "timeout": ("--live",),
    "timeout-suspend": ("--live", "--timeout", "5"),
    "timeout-postcopy": ("--live", "--postcopy", "--timeout", "5"),
    "postcopy-after-precopy": ("--postcopy",),
}


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]  # everything after `migrate`, with the xml placeholder "@xml"


def _value_rows(version: LibvirtVersion) -> list[OptionRow]:
    return [
        r for r in OPTIONS
        if r.takes_value and r.kind is not OptionKind.POSITIONAL and r.since <= version
    ]


def _tail() -> tuple[str, ...]:
    return (DOMAIN, P2P_DESTURI)


def _companions(names: list[str]) -> tuple[str, ...]:
    extra: list[str] = []
    for name in names:
        for word in COMPANIONS.get(name, ()):
            if not word.startswith("--") or word not in extra:
                extra.append(word)
    # a companion --timeout 5 must not clash with a --timeout of the line itself
    if "timeout" in names and "--timeout" in extra:
        at = extra.index("--timeout")
        del extra[at : at + 2]
    return tuple(extra)


def accepted_cases(version: LibvirtVersion) -> list[Case]:
    """Every value option with each sample (both spellings), the virsh-only options, and
    every positional slot filled."""
    cases = []
    for row in _value_rows(version):
        for index, value in enumerate(SAMPLES[row.name]):
            form = (f"{row.dashed}={value}",) if index % 2 else (row.dashed, value)
            args = ("--p2p", *_companions([row.name]), *form, *_tail())
            cases.append(Case(f"{row.name}={value!r}", args))
    for row in OPTIONS:
        if row.kind is OptionKind.VIRSH and not row.takes_value:
            args = ("--p2p", *_companions([row.name]), row.dashed, *_tail())
            cases.append(Case(row.name, args))
    cases.append(Case("direct", ("--direct", DOMAIN, P2P_DESTURI)))
    slots = positional_slots(version)
    words = [DOMAIN, P2P_DESTURI] + [SAMPLES[r.name][0] for r in slots[2:]]
    flags = ("--p2p", "--live", "--persistent", "--tls", "--copy-storage-all")
    cases.append(Case(f"all {len(slots)} slots", (*flags, *words)))
    return cases


def _bad_numbers(row: OptionRow) -> list[str]:
    bad = ["abc", "", "0x10", "5 ", "1M", "1.5"]
    if row.type is ValueType.INT:
        bad += ["2147483648", "-2147483649"]
    elif row.type is ValueType.UINT:
        bad += ["-1", "-0", "4294967296"]
    else:
        bad += ["-1", "-0", "18446744073709551616"]
    return bad


def refused_cases(version: LibvirtVersion) -> list[Case]:
    """Malformed command lines, one fault each."""
    cases = []
    for row in _value_rows(version):
        companions = _companions([row.name])
        if row.type.numeric:
            for text in _bad_numbers(row):
                args = ("--p2p", *companions, f"{row.dashed}={text}", *_tail())
                cases.append(Case(f"{row.name}={text!r}", args))
        else:
            cases.append(Case(f"{row.name}=''", ("--p2p", *companions, f"{row.dashed}=",
                                                   *_tail())))
        if row.type is ValueType.FILE:
            for path in ("/nonexistent/dest.xml", "/tmp"):
                args = ("--p2p", *companions, row.dashed, path, *_tail())
                cases.append(Case(f"{row.name} {path}", args))
    slots = len(positional_slots(version))
    extra = [DOMAIN, P2P_DESTURI] + [f"word{i}" for i in range(3, slots + 2)]
    cases += [
        Case("unknown option", ("--p2p", "--foo", *_tail())),
        Case("misspelt option", ("--p2p", "--bandwith", "5", *_tail())),
        Case("capital letter", ("--p2p", "--Live", *_tail())),
        Case("repeated flag", ("--p2p", "--p2p", *_tail())),
        Case("repeated alias", ("--p2p", "--tunneled", "--tunnelled", *_tail())),
        Case("repeated value", ("--p2p", "--bandwidth", "1", "--bandwidth=2", *_tail())),
        Case("bare word then option", ("--p2p", *_tail(), "tcp://x", "--migrateuri", "y")),
        Case("value on a switch", ("--p2p", "--live=yes", *_tail())),
        Case("missing value", ("--p2p", *_tail(), "--dname")),
        Case("missing number", ("--p2p", *_tail(), "--comp-xbzrle-cache")),
        Case("one word too many", ("--p2p", *extra)),
        Case("empty domain", ("--p2p", "--domain=", P2P_DESTURI)),
        Case("empty desturi", ("--p2p", DOMAIN, "--desturi=")),
        Case("triple dash", ("--p2p", *_tail(), "---x")),
        Case("dash equals", ("--p2p", *_tail(), "--=x")),
        Case("two bad values", ("--p2p", "--bandwidth=x", "--timeout=y", *_tail())),
        Case("bad value and empty", ("--p2p", "--bandwidth=x", "--dname=", *_tail())),
    ]
    for row in OPTIONS:
        if row.since > version and row.kind is not OptionKind.FLAG:
            value = (SAMPLES[row.name][0],) if row.takes_value else ()
            cases.append(Case(f"newer {row.name}", ("--p2p", row.dashed, *value, *_tail())))
            cases.append(Case(f"newer {row.name} then unknown",
                              ("--p2p", row.dashed, *value, "--foo", *_tail())))
            if row.takes_value:
                cases.append(Case(f"newer {row.name} with bad number",
                                  ("--p2p", row.dashed, "x", "--bandwidth=-1", *_tail())))
    return cases


def _random_value(rng: random.Random, row: OptionRow) -> str:
    alphabet = "abcXYZ019 -_=,.:/;'\"$()`\\é字"
    if row.type is ValueType.INT:
        return str(rng.choice([rng.randint(-(2**31), 2**31 - 1), rng.randint(-5, 100)]))
    if row.type is ValueType.UINT:
        return str(rng.choice([rng.randint(0, 2**32 - 1), rng.randint(0, 600)]))
    if row.type is ValueType.ULLONG:
        return str(rng.choice([rng.randint(0, 2**64 - 1), rng.randint(0, 10000)]))
    if row.type is ValueType.FILE:
        return "@xml"
    if row.type is ValueType.STRING_LIST:
        items = ["".join(rng.choice("vdabcxyz") for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 4))]
        text = ",".join(items)
        return text if text else "vda"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))


def mixed_cases(version: LibvirtVersion) -> list[Case]:
    """Random subsets of the value options with random valid values, in random spellings."""
    rng = random.Random(f"{SEED}-{version}")
    rows = _value_rows(version)
    slots = positional_slots(version)[2:]
    cases = []
    for index in range(MIXED):
        chosen = rng.sample(rows, rng.randint(1, 8))
        names = [r.name for r in chosen]
        words: list[str] = ["--p2p", *_companions(names)]
        for row in chosen:
            value = _random_value(rng, row)
            if rng.random() < 0.5:
                words.append(f"{row.dashed}={value}")
            else:
                words += [row.dashed, value]
        bare = []
        for row in slots:  # fill leading positional slots by bare words now and then
            if row.name in names or rng.random() < 0.6:
                break
            word = _random_value(rng, row)
            bare.append(f"x{word}" if word.startswith("-") else word)  # else it is an option
            if row.name == "timeout" and "--live" not in words:
                words.append("--live")
        cases.append(Case(f"mixed{index:03d}", (*words, DOMAIN, P2P_DESTURI, *bare)))
    return cases


def _kinds(version: LibvirtVersion) -> list[tuple[str, Case]]:
    return (
        [("ok", c) for c in accepted_cases(version)]
        + [("bad", c) for c in refused_cases(version)]
        + [("mixed", c) for c in mixed_cases(version)]
    )


def _materialise(args: tuple[str, ...], xml: str) -> list[str]:
    return [word.replace("@xml", xml) for word in args]


@dataclass(frozen=True)
class Oracle:
    version: LibvirtVersion
    xml: str
    outcomes: dict[str, Outcome]


def _oracle(binary: str, version: str, xml: Path) -> Oracle:
    release = v(version)
    cases = [replace(case, id=f"{kind}:{case.id}") for kind, case in _kinds(release)]
    ids = [case.id for case in cases]
    assert len(set(ids)) == len(ids), "case ids must be unique"

    def run(case: Case) -> Outcome:
        return run_migrate(binary, _materialise(case.args, str(xml)))

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        outcomes = list(pool.map(run, cases))
    return Oracle(release, str(xml), dict(zip(ids, outcomes, strict=True)))


@pytest.fixture(scope="module")
def xml_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xml") / "dest.xml"
    path.write_text(XML_TEXT)
    return path


@pytest.fixture(scope="module")
def oracle9(virsh9: str, xml_file: Path) -> Oracle:
    return _oracle(virsh9, "9.0.0", xml_file)


@pytest.fixture(scope="module")
def oracle12(virsh12: str, xml_file: Path) -> Oracle:
    return _oracle(virsh12, "12.9.0", xml_file)


def _oracle_for(request: pytest.FixtureRequest, version: str) -> Oracle:
    oracle = request.getfixturevalue("oracle9" if version == "9.0.0" else "oracle12")
    assert isinstance(oracle, Oracle)
    return oracle


@dataclass(frozen=True)
class View:
    """What migflags makes of a command line: virsh's error text, or flags and params."""

    error: str | None
    flags: int | None = None
    params: tuple[tuple[str, str, str], ...] = ()


def migflags_view(args: list[str], version: LibvirtVersion) -> View:
    try:
        request = parse_virsh_argv(args, version)
    except InputError as error:
        return View(str(error))
    result = analyse(request, version)
    virsh_errors = [p.message for p in result.problems if p.is_error and p.layer == "virsh"]
    if virsh_errors:
        return View(virsh_errors[0])
    entries = tuple(entry for param in result.params for entry in param.log_entries())
    return View(None, result.value, entries)


def _same_error(ours: str, virsh: list[str]) -> bool:
    """Our one line is virsh's first error line, optionally followed by `: ` and virsh's
    second line (libvirt's reason for an unreadable file) or a did-you-mean."""
    first = virsh[0]
    if ours == first:
        return True
    if len(virsh) > 1 and ours == f"{first}: {virsh[1]}":
        return True
    return ours.startswith(f"{first}: ") and (
        "did you mean" in ours or first.startswith("cannot read file")
    )


def _compare(oracle: Oracle, case_id: str, args: tuple[str, ...]) -> Outcome:
    outcome = oracle.outcomes[case_id]
    view = migflags_view(_materialise(args, oracle.xml), oracle.version)
    if outcome.called:
        assert view.error is None, f"virsh accepted it, migflags says {view.error!r}"
        assert view.flags == outcome.flags
        assert list(view.params) == outcome.params
    else:
        assert outcome.errors, f"virsh neither called the API nor said why: {outcome.stderr!r}"
        assert view.error is not None, f"virsh refused it ({outcome.errors[0]!r}), migflags not"
        assert _same_error(view.error, outcome.errors), (view.error, outcome.errors)
    return outcome


def _cases(make: Callable[[LibvirtVersion], list[Case]]) -> list[tuple[str, Case]]:
    return [(version, case) for version in VERSIONS for case in make(v(version))]


ACCEPTED = _cases(accepted_cases)
REFUSED = _cases(refused_cases)
MIXED_CASES = _cases(mixed_cases)


def _ids(items: list[tuple[str, Case]]) -> list[str]:
    return [f"{version}-{case.id}" for version, case in items]


@pytest.mark.parametrize(("version", "case"), ACCEPTED, ids=_ids(ACCEPTED))
def test_accepted(request: pytest.FixtureRequest, version: str, case: Case) -> None:
    outcome = _compare(_oracle_for(request, version), f"ok:{case.id}", case.args)
    if case.id != "direct":
        assert outcome.called, f"virsh {version} refused a valid line: {outcome.errors}"


@pytest.mark.parametrize(("version", "case"), REFUSED, ids=_ids(REFUSED))
def test_refused(request: pytest.FixtureRequest, version: str, case: Case) -> None:
    outcome = _compare(_oracle_for(request, version), f"bad:{case.id}", case.args)
    if not case.id.startswith("triple dash") and not case.id.startswith("dash equals"):
        assert not outcome.called, f"virsh {version} took {case.args}"


@pytest.mark.parametrize(("version", "case"), MIXED_CASES, ids=_ids(MIXED_CASES))
def test_mixed(request: pytest.FixtureRequest, version: str, case: Case) -> None:
    outcome = _compare(_oracle_for(request, version), f"mixed:{case.id}", case.args)
    assert outcome.called, f"virsh {version} refused {case.args}: {outcome.errors}"


@pytest.mark.parametrize("version", VERSIONS)
def test_every_value_option_reached_the_api(request: pytest.FixtureRequest, version: str) -> None:
    """Each parameter key was seen in virsh's log at least once."""
    oracle = _oracle_for(request, version)
    seen = {key for outcome in oracle.outcomes.values() for key, _, _ in outcome.params}
    expected = {r.param for r in _value_rows(oracle.version) if r.param}
    assert sorted(expected - seen) == []
