"""The rules table's `verified` marks hold against the real-QEMU tier's recordings.

A rule is marked as run for real on a release only if the recording of that release
(tests/data/realqemu-RELEASE.json, written by the tier from real daemons) has a case where the
real first error is the one `check` predicts from that rule, and a case that names one of the
rule's options (or, for a rule on the guest alone, uses the same guest) where the real daemons
and `check` agree and the rule stays silent.
"""

from __future__ import annotations

import json
import os

import pytest
from realqemu_compare import expected_from_real, predict

from migflags.check import parse_term
from migflags.tables.options import OPTIONS_BY_NAME
from migflags.tables.rules import RULES, Layer, Rule
from migflags.versions import v

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
RELEASES = ("9.0.0", "12.9.0")


def _outcomes(release: str) -> list[tuple[dict[str, object], bool, str | None, tuple[str, ...]]]:
    with open(os.path.join(DATA, f"realqemu-{release}.json"), encoding="utf-8") as handle:
        doc = json.load(handle)
    rows = []
    for case in doc["cases"]:
        xml = doc["guests"][case["guest"]][case["state"]]
        got = predict(release, case["options"], case["guest"], case["state"], xml,
                      doc["destination"], api=bool(case["api"]), qemu=str(doc["qemu"]),
                      source=doc.get("source"))
        agrees = got.verdict == expected_from_real(case["result"])
        rows.append((case, agrees, got.rule, got.rules))
    return rows


OUTCOMES = {release: _outcomes(release) for release in RELEASES}


def _lead_options(rule: Rule) -> set[str]:
    terms = (parse_term(text) for text in rule.when + rule.any_of)
    return {OPTIONS_BY_NAME[t.option].dashed for t in terms
            if not t.negate and t.option in OPTIONS_BY_NAME}


@pytest.mark.parametrize("rule", [r for r in RULES if r.verified], ids=lambda r: r.id)
def test_marked_rules_ran_both_ways(rule: Rule) -> None:
    assert rule.layer in (Layer.QEMU, Layer.QMP)
    for release in rule.verified:
        rows = OUTCOMES[str(release)]
        firing = [case for case, agrees, first, _ in rows if agrees and first == rule.id]
        assert firing, f"no recorded case on {release} where {rule.id} is the real first error"
        lead = _lead_options(rule)
        guests = {case["guest"] for case in firing}
        silent = [case for case, agrees, _, fired in rows if agrees and rule.id not in fired
                  and (lead & set(case["options"]) if lead else case["guest"] in guests)]
        assert silent, f"no recorded case on {release} where {rule.id} rightly stays silent"


def test_the_recorded_releases_are_marked() -> None:
    assert {str(r) for rule in RULES for r in rule.verified} == set(RELEASES)
    assert all(r in (v("9.0.0"), v("12.9.0")) for rule in RULES for r in rule.verified)
