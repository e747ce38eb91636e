"""Positions along virsh's run, to put its complaints in the order virsh makes them (used by
`virsh_argv` for what it refuses itself and by `check` for the virsh rules)."""

from __future__ import annotations

from migflags.tables.options import FETCH_INDEX
from migflags.tables.rules import STEP_END, STEP_START

# The option parser (also an option newer than the release), then the check for the required
# domain and destination, then cmdMigrate's option macros, then each value as virsh reads it
# (`read_position`) followed by the checks made right after it (`step_position`).
POS_PARSE = -3
POS_REQUIRED = -2


def read_position(option: str) -> int:
    """Where virsh converts `option`'s value (and refuses a malformed one)."""
    return 2 * FETCH_INDEX[option]


def step_position(after: str) -> int:
    """Where virsh checks a rule whose `Step` names `after`."""
    if after == STEP_START:
        return -1
    if after == STEP_END:
        return 2 * len(FETCH_INDEX)
    return 2 * FETCH_INDEX[after] + 1
