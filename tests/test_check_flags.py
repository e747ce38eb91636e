"""A request with only flag bits is checked by bit masks compiled from the rules
(`check._check_flags`): it must give exactly what the general evaluation of the same rules
gives, for any value and every release the rules name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from migflags.check import _flags_only_rules, check
from migflags.model import Request
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.rules import RULES, Api
from migflags.versions import NEWEST, LibvirtVersion


def _versions() -> list[LibvirtVersion]:
    """Every release a rule starts or stops at, the one before it, and the newest."""
    found = {NEWEST, LibvirtVersion(0, 3, 2)}
    for rule in RULES:
        for edge in (rule.since, rule.until):
            if edge is not None:
                found.add(edge)
                found.add(edge._replace(micro=edge.micro - 1) if edge.micro
                          else edge._replace(minor=edge.minor - 1) if edge.minor
                          else edge._replace(major=edge.major - 1))
    return sorted(found)


VERSIONS = _versions()
_bits = st.lists(st.sampled_from([row.value for row in FLAGS]), max_size=8).map(sum)
_values = st.one_of(
    _bits,
    st.integers(0, FLAG_MASK),
    st.tuples(_bits, st.integers(0, (1 << 64) - 1)).map(lambda pair: pair[0] | pair[1] << 21),
)


def _general(flags: int, version: LibvirtVersion) -> list[object]:
    # Any rules argument other than the table object itself takes the general way.
    return list(check(Request(flags=flags), version, list(RULES)))


@settings(max_examples=300)
@given(flags=_values, version=st.sampled_from(VERSIONS))
def test_masks_agree_with_the_general_evaluation(flags: int, version: LibvirtVersion) -> None:
    assert check(Request(flags=flags), version) == _general(flags, version)


def test_every_single_flag_and_pair_in_every_release() -> None:
    values = [0] + [row.value for row in FLAGS]
    values += [a.value | b.value for a in FLAGS for b in FLAGS if a.bit < b.bit]
    for version in VERSIONS:
        for flags in values:
            assert check(Request(flags=flags), version) == _general(flags, version), (
                hex(flags), str(version))


def test_most_rules_reduce_to_masks() -> None:
    """The point of the masks: only a rule that looks at more than bits (the guest, QEMU's
    release, the whole value) falls back."""
    entries = [(rule, c) for api in Api for _, rule, c, _ in _flags_only_rules(NEWEST, api)]
    bits_only = [c for rule, c in entries
                 if rule.qemu_since is None and rule.qemu_until is None
                 and not any(t.lstrip("!").startswith(("guest:", "flags:")) for t in rule.terms)]
    assert bits_only and sum(c is not None for c in bits_only) >= len(bits_only) * 0.95
    fallback = {rule.id for rule, c in entries if c is None}
    assert "qemu-domain-not-running" in fallback and "advice-not-live" in fallback



@settings(max_examples=300)
@given(flags=_values, version=st.sampled_from(VERSIONS))
def test_rules_left_undecided_are_the_general_ones(flags: int, version: LibvirtVersion) -> None:
    """Skipping a general-way rule whose `when` bits fail keeps the problems and the rules
    the guest would decide (`check_all`'s second list) exactly as the general way gives them."""
    from migflags.check import check_all

    fast = check_all(Request(flags=flags), version)
    general = check_all(Request(flags=flags), version, list(RULES))
    assert (list(fast[0]), list(fast[1])) == (list(general[0]), list(general[1]))
