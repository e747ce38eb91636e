"""Real-QEMU tier: every QEMU-driver rule run for real, against libvirt 9.0.0 and 12.9.0.

For each case of `realqemu_cases` (literal options, literal outcomes from real runs) a real
`virsh migrate` runs between the two daemons of scripts/realqemu/setup.sh, and:
- the real outcome is still the literal one written in the case;
- `migflags check --libvirt RELEASE --state STATE --domain-xml <virsh dumpxml>` predicts it:
  the first error verbatim, or "accepted" exactly when the guest really migrated.
Enable locally with `sudo scripts/realqemu/setup.sh` (see README "Real-QEMU tier").
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import require
from qemu_oracle import RealOutcome, api_available, available, qemu_version, run_cases
from realqemu_cases import ALL_CASES, Case
from realqemu_compare import expected_from_real, predict

from migflags.tables.rules import RULES

pytestmark = pytest.mark.realqemu

VERSIONS = ("9.0.0", "12.9.0")
HOW = "run `sudo scripts/realqemu/setup.sh` to start the daemons of libvirt {}"


@pytest.fixture(scope="module")
def real_runs() -> dict[tuple[str, str], RealOutcome]:
    """Every case on every running release (the releases in parallel)."""
    chosen = [rel for rel in (available(v) for v in VERSIONS) if rel is not None]
    if any(case.api for case in ALL_CASES):
        require(api_available(), "python3-libvirt is not installed (apt-get install "
                                 "python3-libvirt)")

    def run(rel: object) -> list[RealOutcome]:
        cases = [c for c in ALL_CASES if rel.version in c.expect]  # type: ignore[attr-defined]
        return run_cases(rel, [(c.name, c.options, c.guest, c.state, c.api)  # type: ignore[arg-type]
                               for c in cases])

    runs: dict[tuple[str, str], RealOutcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, len(chosen))) as pool:
        for rel, outcomes in zip(chosen, pool.map(run, chosen), strict=True):
            cases = [c for c in ALL_CASES if rel.version in c.expect]
            for case, outcome in zip(cases, outcomes, strict=True):
                runs[(rel.version, case.name)] = outcome
    return runs


def _params() -> list[object]:
    return [pytest.param(version, case, id=f"{version}:{case.name}")
            for case in ALL_CASES for version in VERSIONS if version in case.expect]


def _outcome(runs: dict[tuple[str, str], RealOutcome], version: str, case: Case) -> RealOutcome:
    require((version, case.name) in runs, HOW.format(version))
    return runs[(version, case.name)]


@pytest.mark.parametrize(("version", "case"), _params())
def test_real_outcome_is_the_recorded_one(real_runs: dict[tuple[str, str], RealOutcome],
                                          version: str, case: Case) -> None:
    outcome = _outcome(real_runs, version, case)
    assert outcome.result == case.expect[version], outcome.stderr


@pytest.mark.parametrize(("version", "case"), _params())
def test_check_predicts_the_real_outcome(real_runs: dict[tuple[str, str], RealOutcome],
                                         version: str, case: Case) -> None:
    outcome = _outcome(real_runs, version, case)
    rel = available(version)
    assert rel is not None
    prediction = predict(version, case.options, case.guest, outcome.state, outcome.domain_xml,
                         rel.destination, api=case.api, qemu=qemu_version(rel),
                         source=rel.source)
    assert prediction.verdict == expected_from_real(outcome.result)


# Rules no case here can fire, and why (each still has a silent case).
CANNOT_FIRE = {
    "qemu-storage-tunnelled-old": "enforced only before 9.0.0",
    "qemu-unsafe-cache": "enforced only before 8.1.0 (QEMU without drop-cache)",
    "qemu-shmem-not-master": "enforced only with QEMU before 6.0: a newer QEMU's own migration "
                             "blocker refuses a shmem that is not the master first "
                             "(qemu-shmem-blocked)",
}


def test_every_qemu_rule_has_a_firing_and_a_silent_case() -> None:
    """The cases cover the QEMU driver's rules and QEMU's own refusals (ids only; nothing else
    comes from the table's rows), and name no rule of another layer but advice."""
    ids = {rule.id for rule in RULES if rule.layer.value in ("qemu", "qmp")}
    cases = [case for case in ALL_CASES if case.rule]
    fired = {case.rule for case in cases if case.fires}
    silent = {case.rule for case in cases if not case.fires}
    assert ids - fired == set(CANNOT_FIRE), ids - fired
    assert ids <= silent, ids - silent
    # the QEMU driver's behaviour that an advice rule describes (nothing refuses it) is run too
    advice = {rule.id for rule in RULES if rule.layer.value == "advice"}
    assert fired | silent <= ids | advice, (fired | silent) - ids - advice
