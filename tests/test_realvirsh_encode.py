"""`encode` against the flags real virsh computes (read from libvirt's debug log).

Every boolean `virsh migrate` option on its own, and a seeded random sample of combinations,
is run through real virsh 9.0.0 and 12.9.0 against the test driver. Where virsh calls a
migrate API, the logged `flags=0x..` must equal what migflags encodes (Python API, and the
CLI for a subset). Where virsh refuses the options before calling the API, there is no flags
line and virsh printed an error.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner
from virsh_oracle import Outcome, migrate_flags

from migflags import encode
from migflags.cli import main
from migflags.tables.options import OPTIONS, OPTIONS_BY_NAME, OptionKind

pytestmark = pytest.mark.realvirsh

VERSIONS = ("9.0.0", "12.9.0")
SEED = 20260527
SAMPLE = 400  # combinations; at least MIN_COMPARED of them must reach the API
MIN_COMPARED = 200
CLI_EVERY = 10  # every n-th combination is also run through the CLI
WORKERS = 4
TO_URI3 = "virDomainMigrateToURI3"
MIGRATE3 = "virDomainMigrate3"

FLAG_SPELLINGS: tuple[str, ...] = tuple(
    f"--{spelling}"
    for row in OPTIONS
    if row.kind is OptionKind.FLAG
    for spelling in (row.name, *row.aliases)
)
# --direct sets no flag but changes the API virsh calls; it is a valid encode option too.
API_OPTIONS: tuple[str, ...] = tuple(r.dashed for r in OPTIONS if r.kind is OptionKind.API)


def _combinations() -> list[tuple[str, ...]]:
    rng = random.Random(SEED)
    pool = FLAG_SPELLINGS + API_OPTIONS
    seen: set[frozenset[str]] = set()
    combos: list[tuple[str, ...]] = []
    while len(combos) < SAMPLE:
        combo = rng.sample(pool, rng.randint(2, 7))
        key = frozenset(combo)
        if key not in seen:
            seen.add(key)
            combos.append(tuple(combo))
    return combos


COMBOS = _combinations()
SINGLES: list[tuple[str, ...]] = [(spelling,) for spelling in FLAG_SPELLINGS]


def expected_api(options: Sequence[str]) -> str:
    """From the tables: options marked to_uri make virsh call virDomainMigrateToURI3."""
    to_uri = any(OPTIONS_BY_NAME[o.removeprefix("--")].to_uri for o in options)
    return TO_URI3 if to_uri else MIGRATE3


def flag_options(options: Sequence[str]) -> list[str]:
    return [o for o in options if o not in API_OPTIONS]


def cli_encode(runner: CliRunner, options: Sequence[str]) -> int:
    result = runner.invoke(main, ["encode", "-q", *options])
    assert result.exit_code == 0, (options, result.stderr)
    return int(result.stdout.strip())


@pytest.fixture(scope="module", params=VERSIONS)
def oracle(request: pytest.FixtureRequest) -> tuple[str, str, dict[tuple[str, ...], Outcome]]:
    """(version, binary, outcome of every single option and sampled combination)."""
    version = str(request.param)
    binary = str(request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12"))
    todo = SINGLES + COMBOS
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        outcomes = list(pool.map(lambda combo: migrate_flags(binary, combo), todo))
    return version, binary, dict(zip(todo, outcomes, strict=True))


def _assert_matches(outcome: Outcome, options: Sequence[str]) -> None:
    assert outcome.called, f"virsh never called the API: {outcome.errors}"
    assert outcome.flags == encode(flag_options(options)), (
        f"virsh sent {outcome.flags:#x}, migflags encodes {encode(flag_options(options)):#x}"
    )
    assert outcome.api == expected_api(options)
    assert outcome.params == []


def _assert_refused(outcome: Outcome) -> None:
    """No flags line: virsh stopped before the API and said why on stderr (a killed, hung
    virsh has rc None)."""
    assert outcome.flags is None and outcome.api is None
    assert outcome.rc in (1, None)
    assert len(outcome.errors) == 1 and outcome.errors[0]


@pytest.mark.parametrize("single", SINGLES, ids=lambda s: s[0])
def test_single_option(
    oracle: tuple[str, str, dict[tuple[str, ...], Outcome]], runner: CliRunner,
    single: tuple[str, ...],
) -> None:
    _, binary, outcomes = oracle
    outcome = outcomes[single]
    if outcome.called:
        _assert_matches(outcome, single)
        assert cli_encode(runner, single) == outcome.flags
        return
    # virsh insists on a companion option: find the first one that lets the call through.
    _assert_refused(outcome)
    for other in FLAG_SPELLINGS:
        if other == single[0]:
            continue
        pair = (other, single[0])
        paired = migrate_flags(binary, pair)
        if paired.called:
            _assert_matches(paired, pair)
            assert cli_encode(runner, pair) == paired.flags
            return
    pytest.fail(f"virsh refused {single[0]} with every companion option")


@pytest.mark.parametrize("index", range(len(COMBOS)), ids=lambda i: f"combo{i:03d}")
def test_combination(
    oracle: tuple[str, str, dict[tuple[str, ...], Outcome]], runner: CliRunner, index: int
) -> None:
    _, _, outcomes = oracle
    combo = COMBOS[index]
    outcome = outcomes[combo]
    if not outcome.called:
        _assert_refused(outcome)
        return
    _assert_matches(outcome, combo)
    if index % CLI_EVERY == 0:
        assert cli_encode(runner, combo) == outcome.flags


def test_enough_combinations_reach_the_api(
    oracle: tuple[str, str, dict[tuple[str, ...], Outcome]],
) -> None:
    version, _, outcomes = oracle
    compared = sum(outcomes[combo].called for combo in COMBOS)
    assert compared >= MIN_COMPARED, f"only {compared} combinations reached virsh {version}'s API"
