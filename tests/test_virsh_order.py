"""virsh's order of complaints per release, without running virsh (the real-virsh cross-check
of every pair of check kinds is tests/test_realvirsh_paste.py). Expected texts are virsh's,
as 9.0.0 and 12.9.0 printed them for these lines."""

from __future__ import annotations

import pytest

from migflags.paste import find_commands
from migflags.pasted import analyse_words
from migflags.tables.options import VIRSH_FETCH_ORDER
from migflags.tables.rules import RULES, STEP_END, STEP_START, Layer
from migflags.versions import v

DST = "qemu+ssh://dst/system"


def test_every_step_names_a_value_virsh_reads() -> None:
    names = set(VIRSH_FETCH_ORDER) | {STEP_START, STEP_END}
    for rule in RULES:
        assert rule.steps == () or rule.layer is Layer.VIRSH, rule.id
        for after, _ in rule.steps:
            assert after in names, (rule.id, after)


def first_virsh_error(line: str, version: str) -> str | None:
    found = find_commands(line)
    assert len(found) == 1
    result = analyse_words(found[0].words, v(version), source=line)
    errors = [p.message for p in result.problems if p.is_error and p.layer == "virsh"]
    return errors[0] if errors else None


@pytest.mark.parametrize(
    ("line", "v9", "v12"),
    [
        # the published test configuration: a required option before the value
        (f"virsh migrate --live --verbose --timeout ${{timeout_postcopy}} --timeout-postcopy "
         f"vm {DST}",
         "Option --postcopy is required by option --timeout-postcopy",
         "Option --postcopy is required by option --timeout-postcopy"),
        # 12.9.0 checks --migrate-disks when it reads it, before --bandwidth; 9.0.0 has no
        # such check
        (f"virsh migrate --live --migrate-disks vda --bandwidth abc vm {DST}",
         "Numeric value 'abc' for <bandwidth> option is malformed or out of range",
         "'--migrate-disks' requires one of '--copy-storage-all', '--copy-storage-inc'"),
        # the sync-writes check: last in 9.0.0 (after the empty --dname), first in 12.9.0
        (f"virsh migrate --p2p --copy-storage-synchronous-writes --dname= vm {DST}",
         "Failed to get option 'dname': Option argument is empty",
         "'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
         "'--copy-storage-inc'"),
        # a missing destination comes before cmdMigrate's own checks
        ("virsh migrate --live --offline vm",
         "command 'migrate' requires <desturi> option",
         "command 'migrate' requires <desturi> option"),
        # --timeout is read (and checked) before the other values
        (f"virsh migrate --p2p --timeout 5 --dname= vm {DST}",
         "migrate: Unexpected timeout for offline migration",
         "migrate: Unexpected timeout for offline migration"),
        # the parser before everything
        ("virsh migrate --live --offline --foo",
         "command 'migrate' doesn't support option --foo",
         "command 'migrate' doesn't support option --foo"),
    ],
)
def test_first_complaint_per_release(line: str, v9: str, v12: str) -> None:
    assert first_virsh_error(line, "9.0.0") == v9
    assert first_virsh_error(line, "12.9.0") == v12


def test_a_refused_value_silences_the_rules_that_test_it() -> None:
    """virsh stops at `--timeout abc`; what --timeout's own rules would say is unknown."""
    found = find_commands(f"virsh migrate --timeout abc --timeout-suspend vm {DST}")[0]
    result = analyse_words(found.words, v("12.9.0"), source="")
    assert [p.rule for p in result.problems if p.layer == "virsh"] == ["virsh-bad-value"]
