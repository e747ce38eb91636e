"""decode / analyse: turn a flags value or a request into a `Result`. Pure functions."""

from __future__ import annotations

from functools import cache

from migflags.check import api_for, check_all
from migflags.model import FileArg, Param, Problem, Producer, RawValue, Request, Result
from migflags.parse import parse_value
from migflags.tables.flags import FLAG_MASK, FLAGS
from migflags.tables.options import FETCH_INDEX, OPTIONS_BY_NAME, OptionKind
from migflags.tables.producers import PRODUCERS
from migflags.tables.rules import (
    LAYER_ORDER,
    QEMU_FIRST_ENTRY,
    QEMU_UNKNOWN_FLAGS,
    VIRSH_UNKNOWN_OPTION,
    Layer,
)
from migflags.texts import UI
from migflags.versions import NEWEST, LibvirtVersion


def unknown_bits(value: int) -> tuple[int, ...]:
    rest = value & ~FLAG_MASK
    return tuple(bit for bit in range(rest.bit_length()) if rest >> bit & 1)


@cache
def _producer_values() -> tuple[tuple[int, Producer], ...]:
    return tuple(
        (parse_value(row.flags), Producer(row.name, row.description, row.source))
        for row in PRODUCERS
    )


def producers_of(value: int) -> tuple[Producer, ...]:
    return tuple(p for v, p in _producer_values() if v == value)


TOO_NEW = "too-new"  # the rule id of a flag or option newer than the chosen release


def _version_problems(request: Request, version: LibvirtVersion) -> list[Problem]:
    """Flags and options that the chosen release does not know yet: its virsh refuses them."""
    too_new = [
        (row.virsh_option, row.c_name, row.since)
        for row in FLAGS
        if request.flags & row.value and version < row.since
    ] + [
        (option.dashed, option.dashed, option.since)
        for option in (OPTIONS_BY_NAME[name] for name, _ in request.values)
        if version < option.since
    ]
    return [
        Problem(
            "error", Layer.VIRSH.value, TOO_NEW,
            VIRSH_UNKNOWN_OPTION.format(option=option),
            UI["too_new"].format(name=name, since=since),
            UI["too_new_fix"].format(version=version),
        )
        for option, name, since in too_new
    ]


def _unknown_bits_problem(request: Request) -> list[Problem]:
    rest = request.flags & ~FLAG_MASK
    if not rest:
        return []
    return [
        Problem(
            "error", Layer.QEMU.value, "unknown-bits",
            QEMU_UNKNOWN_FLAGS.format(bits=rest, function=QEMU_FIRST_ENTRY[api_for(request)]),
            UI["unknown_bits"],
            UI["unknown_bits_fix"],
        )
    ]


def params_of(request: Request) -> tuple[Param, ...]:
    """The typed parameters virsh sends for `request`, in the order it adds them.

    virsh leaves out disks_port=0, sends a comma list as one parameter per item and a file
    option's contents; a value it never converted (`RawValue`) is sent as nothing.
    """
    params = []
    for name, value in sorted(request.values, key=lambda item: FETCH_INDEX.get(item[0], -1)):
        option = OPTIONS_BY_NAME[name]
        if option.kind is not OptionKind.PARAM or isinstance(value, RawValue):
            continue
        if option.omit_zero and value == 0:
            continue
        if isinstance(value, FileArg):
            value = value.content
        assert isinstance(value, (str, int, tuple))
        params.append(Param(option, value))
    return tuple(params)


def analyse(request: Request, version: LibvirtVersion = NEWEST, source: str = "") -> Result:
    # Stable sort by layer: release checks come first in virsh, unknown bits first in QEMU.
    found, unchecked = check_all(request, version)
    problems = sorted(
        _version_problems(request, version)
        + _unknown_bits_problem(request)
        + found,
        key=lambda p: LAYER_ORDER[Layer(p.layer)],
    )
    return Result(
        source=source,
        value=request.flags,
        flags=tuple(row for row in FLAGS if request.flags & row.value),
        unknown_bits=unknown_bits(request.flags),
        libvirt=version,
        params=params_of(request),
        options=tuple((OPTIONS_BY_NAME[name], value) for name, value in request.values),
        domain=request.domain,
        desturi=request.desturi,
        problems=tuple(problems),
        producers=producers_of(request.flags),
        guest=request.guest,
        unchecked=tuple(unchecked),
        qemu=request.qemu,
    )


def decode(value: int | str, version: LibvirtVersion = NEWEST) -> Result:
    """Decode a flags value (an int, or any text `parse_value` accepts)."""
    number = parse_value(value) if isinstance(value, str) else value
    return analyse(Request(flags=number), version, source=str(value))
