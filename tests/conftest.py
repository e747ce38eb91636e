"""Shared fixtures. Real-libvirt fixtures skip locally when a package is absent, but under
CI=true a missing tool is a failure, never a skip."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner
from hypothesis import settings

# No per-example deadline: a busy CI machine must not turn slow examples into failures.
settings.register_profile("migflags", deadline=None)
settings.load_profile("migflags")

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# The one command that installs what every skipped tier needs (named in the closing line).
SETUP_COMMAND = "bash scripts/setup_test_tools.sh"


def require(condition: bool, why: str) -> None:
    """Skip locally, fail in CI."""
    if not condition:
        if IN_CI:
            pytest.fail(f"CI=true but {why}", pytrace=False)
        pytest.skip(why)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner with a clean, English, colourless, fixed-width environment."""
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "LC_ALL",
                 "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def _virsh(version: str) -> str:
    from virsh_oracle import virsh_for

    path = virsh_for(version)
    require(path is not None, f"virsh {version} is not installed")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def virsh9() -> str:
    """Path of real virsh 9.0.0 (Debian 12's libvirt-clients)."""
    return _virsh("9.0.0")


@pytest.fixture(scope="session")
def virsh12() -> str:
    """Path of the private virsh 12.9.0 (MIGFLAGS_VIRSH12)."""
    return _virsh("12.9.0")


_SKIP_LINE = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    """Name the real-QEMU cases that were run twice; note what was skipped, to be printed as
    the run's very last line."""
    oracle = sys.modules.get("qemu_oracle")
    for first, second in getattr(oracle, "RETRIED", ()):
        terminalreporter.write_line(
            f"real-QEMU case run twice ({first.version}, {first.guest}, "
            f"{' '.join(first.options)}): first {first.result!r} after {first.seconds:.0f} s, "
            f"then {second.result!r}")
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    what = "; ".join(f"{count} because {reason}" for reason, count in
                     sorted(reasons.items(), key=lambda item: -item[1]))
    config.stash[_SKIP_LINE] = (f"{len(skipped)} skipped ({what}); to run them: "
                                f"{SETUP_COMMAND} (as root on Debian 12)")


def pytest_unconfigure(config: pytest.Config) -> None:
    # After pytest's own "N passed, N skipped" line, so that the hint is the last thing shown.
    line = config.stash.get(_SKIP_LINE, None)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if line and reporter is not None:
        reporter.write_line(line)
