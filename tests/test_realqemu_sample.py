"""Real-QEMU tier: a seeded sample of mixed option sets, run for real on 9.0.0 and 12.9.0.

The sample (`realqemu_cases.sample_cases`) is drawn the same way on every run; what the real
daemons answered when it was recorded is in tests/data/realqemu-RELEASE.json (re-record with
`python tests/qemu_oracle.py record`). Each case runs again for real: the answer must be the
recorded one, and `check` must predict it.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import require
from qemu_oracle import RealOutcome, Release, available, qemu_version, run_cases
from realqemu_cases import Case, sample_cases
from realqemu_compare import expected_from_real, predict

pytestmark = pytest.mark.realqemu

VERSIONS = ("9.0.0", "12.9.0")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SAMPLE = sample_cases()


def recorded(version: str) -> dict[str, str]:
    with open(os.path.join(DATA, f"realqemu-{version}.json"), encoding="utf-8") as handle:
        doc = json.load(handle)
    return {row["name"]: row["result"] for row in doc["cases"]}


@pytest.fixture(scope="module")
def sample_runs() -> dict[tuple[str, str], RealOutcome]:
    chosen = [rel for rel in (available(v) for v in VERSIONS) if rel is not None]

    def run(rel: Release) -> list[RealOutcome]:
        return run_cases(rel, [(c.name, c.options, c.guest, c.state, c.api) for c in SAMPLE])

    runs: dict[tuple[str, str], RealOutcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, len(chosen))) as pool:
        for rel, outcomes in zip(chosen, pool.map(run, chosen), strict=True):
            for case, outcome in zip(SAMPLE, outcomes, strict=True):
                runs[(rel.version, case.name)] = outcome
    return runs


def test_sample_is_large_and_mixed() -> None:
    assert len(SAMPLE) >= 100
    for version in VERSIONS:
        results = recorded(version)
        migrated = sum(results[c.name] == "migrated" for c in SAMPLE)
        refused = len(SAMPLE) - migrated
        assert migrated >= 10 and refused >= 10, (version, migrated, refused)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("case", SAMPLE, ids=[c.name for c in SAMPLE])
def test_sample_case(sample_runs: dict[tuple[str, str], RealOutcome], version: str,
                     case: Case) -> None:
    require((version, case.name) in sample_runs,
            f"run `sudo scripts/realqemu/setup.sh` to start the daemons of libvirt {version}")
    outcome = sample_runs[(version, case.name)]
    assert outcome.result == recorded(version)[case.name], outcome.stderr
    rel = available(version)
    assert rel is not None
    prediction = predict(version, case.options, case.guest, outcome.state, outcome.domain_xml,
                         rel.destination, qemu=qemu_version(rel),
                         source=rel.source)
    assert prediction.verdict == expected_from_real(outcome.result)
