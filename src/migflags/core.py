"""decode / analyse: turn a flags value or a request into a `Result`. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from migflags.check import Keyed, api_for, check_all, check_keyed
from migflags.model import FileArg, Param, Problem, Producer, RawValue, Request, Result
from migflags.parse import parse_value
from migflags.tables.flags import FLAG_MASK, FLAGS, FlagRow
from migflags.tables.options import FETCH_INDEX, OPTIONS_BY_NAME, OptionKind
from migflags.tables.producers import PRODUCERS, ProducerRow
from migflags.tables.rules import (
    LAYER_ORDER,
    QEMU_FIRST_ENTRY,
    QEMU_UNKNOWN_FLAGS,
    VIRSH_UNKNOWN_OPTION,
    Layer,
)
from migflags.text import Text
from migflags.texts import UI
from migflags.versions import NEWEST, LibvirtVersion

if TYPE_CHECKING:
    from migflags.virsh_argv import Fault


def unknown_bits(value: int) -> tuple[int, ...]:
    rest = value & ~FLAG_MASK
    return tuple(bit for bit in range(rest.bit_length()) if rest >> bit & 1)


@cache
def _producer_values() -> tuple[tuple[int, tuple[tuple[Text, int], ...], ProducerRow], ...]:
    """(base value, (label, bits) per option the producer may add, row)."""
    by_short = {row.short: value for value, row in _flag_values()}

    def value_of(expression: str) -> int:
        # The rows are written `LIVE|PEER2PEER`: OR the short names up without the parser
        # (start-up cost); anything else goes to the parser.
        names = expression.split("|")
        if all(name in by_short for name in names):
            return sum({by_short[name] for name in names})
        return parse_value(expression)

    return tuple(
        (value_of(row.flags), tuple((label, value_of(flags)) for label, flags in row.options),
         row)
        for row in PRODUCERS
    )


def producers_of(value: int) -> tuple[Producer, ...]:
    """Every producer known to send `value`; a producer with options is named with the
    options this value has switched on (`KubeVirt migration (block, post-copy)`)."""
    found = []
    for base, options, row in _producer_values():
        rest = value & ~base
        if value & base != base:
            continue
        labels = [label for label, bits in options if rest & bits == bits]
        if rest != sum(bits for label, bits in options if label in labels) or (
                rest and not options):
            continue
        name, zh = row.name, row.name_zh
        if labels:
            name += f" ({', '.join(label.en for label in labels)})"
            extra = "、".join(label.get("zh") for label in labels)
            # one pair of brackets: "OpenNebula 热迁移（共享数据存储、压缩）"
            zh = f"{zh[:-1]}、{extra}）" if zh.endswith("）") else f"{zh}（{extra}）"
        found.append(Producer(name, row.description, row.source, Text(name, zh)))
    return tuple(found)


TOO_NEW = "too-new"  # the rule id of a flag or option newer than the chosen release


@cache
def _flag_values() -> tuple[tuple[int, FlagRow], ...]:
    """(value, row) of every flag: `row.value` is a property, computed on every use."""
    return tuple((row.value, row) for row in FLAGS)


_LAYER_RANK = {layer.value: rank for layer, rank in LAYER_ORDER.items()}


def _version_problems(request: Request, version: LibvirtVersion) -> list[Problem]:
    """Flags and options that the chosen release does not know yet: its virsh refuses them."""
    flags = request.flags
    too_new = [
        (row.virsh_option, row.c_name, row.since)
        for value, row in _flag_values()
        if flags & value and version < row.since
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


def fault_problem(fault: Fault) -> Problem:
    """A virsh-layer problem for what virsh refuses after parsing (see `virsh_argv.Fault`)."""
    required = fault.kind == "required"
    why, fix = ("missing_positional", "missing_positional_fix") if required else (
        "bad_value", "bad_value_fix")
    option = fault.option if required else f"--{fault.option}"
    return Problem(
        "error", Layer.VIRSH.value, f"virsh-missing-{fault.option}" if required else
        "virsh-bad-value", fault.message, UI[why].format(option=option),
        UI[fix].format(option=option),
    )


def analyse(
    request: Request, version: LibvirtVersion = NEWEST, source: str = "",
    faults: Sequence[Fault] = (), notes: Sequence[Problem] = (),
) -> Result:
    """Everything about `request` under `version`. `faults` are what virsh refused after
    parsing the line (`virsh_argv.read_virsh_argv`), placed among the rules in virsh's order;
    `notes` (advice) come last."""
    if not faults:
        # Stable sort by layer: release checks come first in virsh, unknown bits first in
        # QEMU; `check` has ordered the rest (and takes its fast path for flags alone).
        found, unchecked = check_all(request, version)
        problems = sorted(
            _version_problems(request, version)
            + _unknown_bits_problem(request)
            + found,
            key=lambda p: _LAYER_RANK[p.layer],
        ) + list(notes)
        return _result(request, version, source, problems, unchecked)
    from migflags.virsh_steps import POS_PARSE

    virsh, qemu = LAYER_ORDER[Layer.VIRSH], LAYER_ORDER[Layer.QEMU]
    keyed: list[Keyed] = [
        ((virsh, POS_PARSE, 0, -1, index), problem)
        for index, problem in enumerate(_version_problems(request, version))
    ]
    keyed += [((qemu, -2, 0, -1, 0), problem) for problem in _unknown_bits_problem(request)]
    keyed += [((virsh, f.position, -1, -1, index), fault_problem(f))
              for index, f in enumerate(faults)]
    fired, unchecked = check_keyed(request, version)
    keyed += fired
    keyed.sort(key=lambda pair: pair[0])
    return _result(request, version, source, [problem for _, problem in keyed] + list(notes),
                   unchecked)


def _result(
    request: Request, version: LibvirtVersion, source: str, problems: list[Problem],
    unchecked: list[str],
) -> Result:
    return Result(
        source=source,
        value=request.flags,
        flags=tuple(row for value, row in _flag_values() if request.flags & value),
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
