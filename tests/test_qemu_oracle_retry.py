"""The real-QEMU oracle runs a case a second time only after a flake of the machinery (virsh
killed at the time limit, the destination QEMU dying at start), never after a real answer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import qemu_oracle
from qemu_oracle import RealOutcome, Release

RELEASE = Release("12.9.0", "", "qemu+tcp://src/system", "qemu+tcp://dst/system", "", "", ())
HUNG = RealOutcome("12.9.0", "mf-rw", "running", ("--live",), "(no answer within 60 s)",
                   "error: '--x' requires one of '--y'\n", 60.0, killed=True)
REFUSED = RealOutcome("12.9.0", "mf-rw", "running", ("--live",), "'--x' requires one of '--y'",
                      "error: '--x' requires one of '--y'\n", 0.05)
QEMU_DIED = RealOutcome("12.9.0", "mf-rw", "running", ("--live",),
                        "internal error: process exited while connecting to monitor", "", 1.0)


def run_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
             answers: list[RealOutcome]) -> tuple[RealOutcome, int]:
    monkeypatch.setattr(qemu_oracle, "STATE_DIR", str(tmp_path))
    monkeypatch.setattr(qemu_oracle, "RETRIED", [])
    calls = []

    def fake(release: Release, options: Sequence[str], *rest: object) -> RealOutcome:
        calls.append(options)
        return answers[len(calls) - 1]

    monkeypatch.setattr(qemu_oracle, "_migrate", fake)
    outcome = qemu_oracle.migrate(RELEASE, ["--live"], "mf-rw")
    return outcome, len(calls)


@pytest.mark.parametrize("flake", [HUNG, QEMU_DIED], ids=["killed", "qemu-died"])
def test_a_flake_is_run_again_and_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                           flake: RealOutcome) -> None:
    outcome, calls = run_with(monkeypatch, tmp_path, [flake, REFUSED])
    assert (outcome.result, calls) == ("'--x' requires one of '--y'", 2)
    retried = qemu_oracle.RETRIED
    assert retried == [(flake, REFUSED)]


def test_a_flake_twice_is_the_answer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    outcome, calls = run_with(monkeypatch, tmp_path, [HUNG, HUNG, REFUSED])
    assert (outcome.result, calls) == ("(no answer within 60 s)", 2)


def test_a_real_answer_is_not_run_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    outcome, calls = run_with(monkeypatch, tmp_path, [REFUSED, REFUSED])
    assert (outcome.result, calls) == ("'--x' requires one of '--y'", 1)
    retried = qemu_oracle.RETRIED
    assert retried == []
