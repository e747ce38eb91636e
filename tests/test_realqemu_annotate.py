"""`migflags annotate` on real libvirtd debug logs of real migrations.

tests/data/realqemu-logs/ holds, per release (9.0.0, 12.9.0), what the source and the
destination daemon logged during four migrations run by the real-QEMU tier (`python
tests/qemu_oracle.py logs`; host name and paths anonymised, xz-compressed):

    p2p       mf-ro  --live --p2p --persistent --undefinesource     (migrated)
    storage   mf-rw  --live --copy-storage-all --tls                (migrated)
    offline   mf-off --offline --persistent                         (migrated)
    refused   mf-ro  --live --postcopy --suspend                    (refused in Begin)

Checked: annotate marks exactly the records of the migration steps (the public
virDomainMigrate*3Params entry points and the QEMU driver's qemuMigration* functions) that carry
a flags field, found here by a pattern of this test; each value is the one written in the
record; the public steps carry the literal flags of the command; nothing else changes.
"""

from __future__ import annotations

import lzma
import os
import re

import pytest

from migflags.annotate import Decoder, annotate_bytes, find_hits, strip_annotations
from migflags.render.words import symbolic

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "realqemu-logs")
VERSIONS = ("9.0.0", "12.9.0")
ROLES = ("source", "destination")

# The flags of each command, as virDomainMigrateFlags names (written out by hand).
COMMANDS = {
    "p2p": (0x1B, "LIVE|PEER2PEER|PERSIST_DEST|UNDEFINE_SOURCE"),
    "storage": (0x10041, "LIVE|NON_SHARED_DISK|TLS"),
    "offline": (0x408, "PERSIST_DEST|OFFLINE"),
    "refused": (0x8021, "LIVE|PAUSED|POSTCOPY"),
}
# The public steps each daemon logged and their flags, as read in the real logs (both releases
# alike). virsh's client-driven migration (virDomainMigrate3) adds CHANGE_PROTECTION (0x100)
# on the source's side only; a peer-to-peer one runs Perform alone on the source; an offline
# one has no Perform step; a refusal in Begin stops there.
STEPS = {
    ("p2p", "source"): {"Perform3Params": 0x1B},
    ("p2p", "destination"): {"Prepare3Params": 0x1B, "Finish3Params": 0x1B},
    ("storage", "source"): {"Begin3Params": 0x10141, "Perform3Params": 0x10141,
                            "Confirm3Params": 0x10141},
    ("storage", "destination"): {"Prepare3Params": 0x10041, "Finish3Params": 0x10041},
    ("offline", "source"): {"Begin3Params": 0x508, "Confirm3Params": 0x508},
    ("offline", "destination"): {"Prepare3Params": 0x408, "Finish3Params": 0x408},
    ("refused", "source"): {"Begin3Params": 0x8121},
    ("refused", "destination"): {},
}

_RECORD = re.compile(rb"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\+\d{4}: \d+: \w+ : "
                     rb"(?P<func>[A-Za-z0-9_]+):\d+ : ")
_STEP = re.compile(rb"virDomainMigrate(?P<step>(?:Begin|Prepare|Perform|Finish|Confirm)3Params)")
_DRIVER = re.compile(rb"qemuMigration(?:Src|Dst|Any)[A-Za-z0-9_]+")
_FIELD = re.compile(rb"(?<![A-Za-z0-9_])flags=(0x[0-9a-fA-F]+|[0-9]+)(?![0-9A-Za-z_])")


def _log(version: str, name: str, role: str) -> bytes:
    with lzma.open(os.path.join(DIR, f"{version}-{name}-{role}.log.xz"), "rb") as handle:
        return handle.read()


def _expected(log: bytes) -> dict[int, tuple[bytes, int]]:
    """Line number -> (function, value) of each migration-step record with a flags field: the
    first physical line of the record that holds one."""
    found: dict[int, tuple[bytes, int]] = {}
    func: bytes | None = None
    done = True
    for number, line in enumerate(log.split(b"\n"), 1):
        start = _RECORD.match(line)
        if start:
            func = start["func"]
            done = not (_STEP.fullmatch(func) or _DRIVER.fullmatch(func))
            line = line[start.end():]
        if done or func is None:
            continue
        field = _FIELD.search(line)
        if field:
            found[number] = (func, int(field[1], 0))
            done = True
    return found


CASES = [pytest.param(v, n, r, id=f"{v}-{n}-{r}") for v in VERSIONS for n in COMMANDS
         for r in ROLES]


def test_the_fixtures_are_small() -> None:
    total = sum(os.path.getsize(os.path.join(DIR, f)) for f in os.listdir(DIR))
    assert 0 < total < 600_000


@pytest.mark.parametrize(("version", "name", "role"), CASES)
def test_exactly_the_migration_steps_are_decoded(version: str, name: str, role: str) -> None:
    log = _log(version, name, role)
    expected = _expected(log)
    hits = find_hits(log)
    decoder = Decoder()
    got = {line: (hit.function.encode(), decoder(hit.text, hit.source.base).value)
           for line, hit in hits}
    assert got == expected


@pytest.mark.parametrize(("version", "name", "role"), CASES)
def test_the_public_steps_carry_the_command_flags(version: str, name: str, role: str) -> None:
    log = _log(version, name, role)
    value, names = COMMANDS[name]
    steps: dict[str, set[int]] = {}
    for func, flags in _expected(log).values():
        step = _STEP.fullmatch(func)
        if step:
            steps.setdefault(step["step"].decode(), set()).add(flags)
    assert all(len(values) == 1 for values in steps.values()), steps
    assert {step: min(values) for step, values in steps.items()} == STEPS[(name, role)]
    assert all(flags in (value, value | 0x100) for flags in STEPS[(name, role)].values())
    assert symbolic(value) == names


@pytest.mark.parametrize(("version", "name", "role"), CASES)
def test_annotation_changes_only_those_lines(version: str, name: str, role: str) -> None:
    log = _log(version, name, role)
    expected = _expected(log)
    out = annotate_bytes(log)
    changed = [n for n, (before, after) in
               enumerate(zip(log.split(b"\n"), out.split(b"\n"), strict=True), 1)
               if before != after]
    assert changed == sorted(expected)
    for number in changed:
        after = out.split(b"\n")[number - 1]
        value = expected[number][1]
        assert after.endswith(b"]") and f"[{symbolic(value)}".encode() in after
    assert strip_annotations(out) == log
