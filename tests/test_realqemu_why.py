"""`migflags why` on every refusal the real QEMU driver gave (tests/data/realqemu-*.json).

The recordings hold what libvirt 9.0.0 and 12.9.0 with their QEMU answered to each real-QEMU
case. Every refusal recorded there must be recognised in full. A case named
`RULE/fires/...` was written to make RULE fire, so RULE must be among the full matches of its
recorded message, unless the run showed that an earlier check answered instead: those cases
are listed below by hand, with the id that explains what was really printed.
"""

from __future__ import annotations

import json
import os

import pytest

from migflags.why import explain_text

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
NOT_REFUSALS = ("", "migrated", "ok")

# (release, case) -> the id that explains the message recorded for it, when it is not the
# case's rule (read off the recorded messages).
ANSWERED_INSTEAD: dict[tuple[str, str], str] = {
    ("9.0.0", "qemu-switchover-bandwidth-overflow"): "too-new",
    ("9.0.0", "qemu-compression-zlib-tuning"): "too-new",
    ("9.0.0", "qemu-compression-zstd-tuning"): "too-new",
    ("9.0.0", "qemu-compression-needs-parallel"): "qemu-compression-unknown-method",
    ("9.0.0", "qemu-compression-only-one"): "qemu-compression-unknown-method",
    ("9.0.0", "qemu-compression-not-parallel"): "qemu-multifd-not-with-compression",
    ("9.0.0", "qemu-storage-tunnelled"): "bug-storage-tunnelled-null-host",
    ("9.0.0", "qemu-detect-zeroes-needs-storage"): "qemu-unknown-param",
    ("9.0.0", "qemu-target-zero-needs-storage"): "qemu-unknown-param",
    ("12.9.0", "qemu-compression-unknown-method"): "qemu-compression-needs-parallel",
    # the 9.0.0 bug and QEMU 7.2's refusal do not exist on 12.9.0 / QEMU 10.0: the recorded
    # message is libvirt 12.9.0's own check
    ("12.9.0", "bug-storage-tunnelled-null-host"): "qemu-storage-tunnelled",
    ("12.9.0", "qmp-multifd-compress"): "qemu-compression-not-parallel",
}


def _cases() -> list[object]:
    params = []
    for version in ("9.0.0", "12.9.0"):
        with open(os.path.join(DATA, f"realqemu-{version}.json"), encoding="utf-8") as handle:
            doc = json.load(handle)
        for case in doc["cases"]:
            if case["result"] not in NOT_REFUSALS:
                params.append(pytest.param(version, case["name"], case["result"],
                                           id=f"{version}:{case['name']}"))
    return params


CASES = _cases()


def test_the_recordings_hold_refusals() -> None:
    assert len(CASES) > 250


@pytest.mark.parametrize(("version", "name", "message"), CASES)
def test_every_recorded_refusal_is_recognised(version: str, name: str, message: str) -> None:
    (item,) = explain_text("error: " + message)
    full = [m.wording.id for m in item.matches if m.score == 100]
    assert full, message
    parts = name.split("/")
    if len(parts) > 2 and parts[1] == "fires":
        rule = parts[0]
        expected = ANSWERED_INSTEAD.get((version, rule), rule)
        assert expected in full, (message, full)
