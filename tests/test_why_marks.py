"""`[why: ID]` marks: recognised error lines of a log are marked, losslessly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migflags.why_marks import annotate_lines, strip_lines

LOG = (
    b"2026-11-27 14:28:10.802+0000: 2704: debug : virObjectRef:400 : OBJECT_REF: obj=0x7f\n"
    b"2026-11-27 14:28:10.803+0000: 2704: error : qemuMigrationSrcIsSafe:1523 : Unsafe "
    b"migration: Migration without shared storage is unsafe\n"
    b"error: argument unsupported: migration URI is not supported by tunnelled migration\r\n"
    b"error: failed to get domain 'web01'\n"
    b"\xe9\x94\x99\xe8\xaf\xaf\xef\xbc\x9a\xe6\x89\x80\xe9\x9c\x80\xe6\x93\x8d\xe4\xbd\x9c"
    b"\xe6\x97\xa0\xe6\x95\x88\xef\xbc\x9adomain is not running"
)
MARKED = (
    b"2026-11-27 14:28:10.802+0000: 2704: debug : virObjectRef:400 : OBJECT_REF: obj=0x7f\n"
    b"2026-11-27 14:28:10.803+0000: 2704: error : qemuMigrationSrcIsSafe:1523 : Unsafe "
    b"migration: Migration without shared storage is unsafe  [why: qemu-unsafe-shared-storage]\n"
    b"error: argument unsupported: migration URI is not supported by tunnelled migration"
    b"  [why: qemu-tunnelled-migrateuri]\r\n"
    b"error: failed to get domain 'web01'\n"
    b"\xe9\x94\x99\xe8\xaf\xaf\xef\xbc\x9a\xe6\x89\x80\xe9\x9c\x80\xe6\x93\x8d\xe4\xbd\x9c"
    b"\xe6\x97\xa0\xe6\x95\x88\xef\xbc\x9adomain is not running  [why: libvirt-domain-not-running]"
)


def test_recognised_lines_are_marked_before_their_line_end() -> None:
    assert annotate_lines(LOG) == MARKED
    assert strip_lines(MARKED) == LOG


def test_colour() -> None:
    out = annotate_lines(b"error: domain is not running\n", color=True)
    assert out == (b"error: domain is not running  \x1b[33m[why: libvirt-domain-not-running]"
                   b"\x1b[0m\n")
    assert strip_lines(out) == b"error: domain is not running\n"


@pytest.mark.parametrize("line", [
    # a raw line that already ends with a mark of the id it is recognised as
    b"error: domain is not running  [why: libvirt-domain-not-running]",
    # ... or with a mark of another id, or two marks
    b"error: domain is not running  [why: qemu-tls-force]",
    b"error: domain is not running  [why: x]  [why: libvirt-domain-not-running]",
    # a mark on a line nothing recognises
    b"error: nothing known  [why: libvirt-domain-not-running]",
    # a placeholder that would swallow a mark
    b"error: Operation not supported: Cannot migrate empty or read-only disk hdc  [why: a]",
])
def test_lines_that_look_marked_survive_the_round_trip(line: bytes) -> None:
    assert strip_lines(annotate_lines(line)) == line
    assert strip_lines(annotate_lines(line + b"\n")) == line + b"\n"


PIECES = [
    b"error: ", b"Unsafe migration: ", b"Migration without shared storage is unsafe",
    b"domain is not running", b"  [why: libvirt-domain-not-running]", b"  [why: ",
    b"qemu-unsafe-shared-storage]", b"\n", b"\r\n", b"\r", b"libvirt.libvirtError: ",
    b"ERROR nova Live Migration failure: ", b"\xe9\x94\x99\xe8\xaf\xaf\xef\xbc\x9a", b"\xff",
    b"2026-11-27 14:28:10.803+0000: 2704: error : f:1 : ", b"x", b"  ",
]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=8)), max_size=30)
       .map(b"".join))
def test_strip_gives_back_any_input(data: bytes) -> None:
    assert strip_lines(annotate_lines(data)) == data
    assert strip_lines(annotate_lines(data, color=True)) == data
