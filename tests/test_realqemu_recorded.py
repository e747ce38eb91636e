"""`check` against what the real QEMU driver answered, without the daemons.

tests/data/realqemu-RELEASE.json holds the outcome of every real-QEMU case (the rule cases,
the guest cases and the seeded sample) as recorded from real runs of libvirt 9.0.0 and 12.9.0
with their QEMU, with the guests' `virsh dumpxml`. This runs everywhere, so a change to the
tables that breaks agreement with the real driver fails here even where the tier cannot run;
the tier itself (test_realqemu_*.py) checks that the recordings are still what happens.
"""

from __future__ import annotations

import json
import os

import pytest
from realqemu_cases import ALL_CASES, sample_cases
from realqemu_compare import expected_from_real, predict

VERSIONS = ("9.0.0", "12.9.0")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _load(version: str) -> dict[str, object]:
    with open(os.path.join(DATA, f"realqemu-{version}.json"), encoding="utf-8") as handle:
        doc: dict[str, object] = json.load(handle)
    return doc


DOCS = {version: _load(version) for version in VERSIONS}


def _rows() -> list[object]:
    params = []
    for version, doc in DOCS.items():
        for row in doc["cases"]:  # type: ignore[attr-defined]
            params.append(pytest.param(version, row, id=f"{version}:{row['name']}"))
    return params


@pytest.mark.parametrize(("version", "row"), _rows())
def test_check_predicts_the_recorded_outcome(version: str, row: dict[str, object]) -> None:
    doc = DOCS[version]
    xml = doc["guests"][row["guest"]][row["state"]]  # type: ignore[index]
    prediction = predict(version, row["options"], str(row["guest"]),  # type: ignore[arg-type]
                         str(row["state"]), xml, str(doc["destination"]), api=bool(row["api"]),
                         qemu=str(doc["qemu"]), source=doc.get("source"))  # type: ignore[arg-type]
    assert prediction.verdict == expected_from_real(str(row["result"]))


@pytest.mark.parametrize("version", VERSIONS)
def test_recordings_match_the_written_cases(version: str) -> None:
    """The literal expectations of the rule and guest cases are those of the recording."""
    results = {row["name"]: row["result"] for row in DOCS[version]["cases"]}  # type: ignore[attr-defined]
    for case in ALL_CASES:
        if version in case.expect:
            assert results[case.name] == case.expect[version], case.name
    names = {c.name for c in sample_cases()}
    assert names <= set(results)
