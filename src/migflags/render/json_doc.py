"""The JSON document: the stable, documented contract of every command (see README).

One rule for every command that writes JSON (decode, encode, check, list, annotate, and the
commands that come later): each value becomes one object holding `schema`; a command given
one value writes that object, one given several (or a stream) writes one object per value
(`shaped`). Flags, unknown bits, options and problems are written by the same builders
everywhere (`flag_object`, `unknown_bit_object`, `option_object`, `problem_object`), so a flag
or a problem looks the same whichever command printed it. These names and `SCHEMA_VERSION` are
the API other writers import; keep them stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from migflags.model import FileArg, Param, Problem, RawValue, Result
from migflags.render.json_text import dumps as json_text
from migflags.render.words import command_line, symbolic, virsh_args
from migflags.tables.flags import FlagRow
from migflags.tables.options import OptionRow
from migflags.texts import UI

if TYPE_CHECKING:
    from migflags.guest import Guest

SCHEMA_VERSION = 1


def flag_object(row: FlagRow, lang: str) -> dict[str, object]:
    return {
        "bit": row.bit,
        "value": row.value,
        "hex": row.hex,
        "name": row.c_name,
        "short": row.short,
        "virsh_option": row.virsh_option,
        "since": str(row.since),
        "summary": row.summary.get(lang),
    }


def _param_value(param: Param) -> object:
    value = param.value
    if isinstance(value, FileArg):
        return value.content
    return list(value) if isinstance(value, tuple) else value


def _option_value(value: object) -> object:
    """As the command line gave it: a path for files, a list for comma lists, true for
    switches; a value virsh never converted stays text."""
    if isinstance(value, FileArg):
        return value.path
    if isinstance(value, RawValue):
        return value.text
    return list(value) if isinstance(value, tuple) else value


def option_object(row: OptionRow, value: object, lang: str) -> dict[str, object]:
    """One non-flag `virsh migrate` option: what kind it is and what it turns into."""
    return {
        "option": row.dashed,
        "kind": row.kind.value,
        "type": row.type.value,
        "value": _option_value(value),
        "param": row.param,
        "since": str(row.since),
        "summary": row.summary.get(lang),
        "note": row.note.get(lang) if row.note else None,
    }


def problem_object(problem: Problem, lang: str) -> dict[str, object]:
    return {
        "level": problem.level,
        "layer": problem.layer,
        "rule": problem.rule,
        "message": problem.message,
        "explanation": problem.explanation.get(lang),
        "fix": problem.fix.get(lang),
    }


def unknown_bit_object(bit: int) -> dict[str, object]:
    """A set bit that no libvirt release defines."""
    return {"bit": bit, "value": 1 << bit, "hex": hex(1 << bit)}


def _guest(guest: Guest | None) -> dict[str, object] | None:
    """What --state / --domain-xml said about the guest (null when neither was given)."""
    if guest is None:
        return None
    disks = None if guest.disks is None else [
        {"target": d.target, "device": d.device, "source_type": d.source_type, "path": d.path,
         "readonly": d.readonly, "shareable": d.shareable, "empty": d.empty, "cache": d.cache,
         "transient": d.transient}
        for d in guest.disks
    ]
    shmems = None if guest.shmems is None else [
        {"name": m.name, "role": m.role} for m in guest.shmems
    ]
    return {"name": guest.name, "state": guest.state, "disks": disks, "shmems": shmems}


def document(result: Result, lang: str = "en") -> dict[str, object]:
    return {
        "schema": SCHEMA_VERSION,
        "input": result.source,
        "value": result.value,
        "hex": result.hex,
        "names": symbolic(result.value),
        "libvirt": str(result.libvirt),
        "flags": [flag_object(row, lang) for row in result.flags],
        "unknown_bits": [unknown_bit_object(bit) for bit in result.unknown_bits],
        "virsh_args": virsh_args(result),
        "command": command_line(result),
        "params": {p.key: _param_value(p) for p in result.params},
        "param_types": {p.key: p.type for p in result.params},
        "options": [option_object(row, value, lang) for row, value in result.options],
        "domain": result.domain,
        "desturi": result.desturi,
        "problems": [problem_object(p, lang) for p in result.problems],
        "producers": [
            {"name": p.name, "description": p.description.get(lang), "source": p.source}
            for p in result.producers
        ],
        "note": UI["no_flags"].get(lang) if result.value == 0 else None,
        "lang": lang,
        "guest": _guest(result.guest),
        "qemu": None if result.qemu is None else str(result.qemu),
        "unchecked": list(result.unchecked),
    }


def shaped(docs: list[dict[str, object]], *, single: bool) -> object:
    """The one shape rule: a command given one value writes its object; given several values,
    or a stream (`-`, a log), it writes one object per value (a list; annotate: one per line).
    `single` comes from the command line, never from how many values a stream held, so a
    script always gets the same shape for the same command."""
    return docs[0] if single else docs


def dumps(results: list[Result], lang: str, *, single: bool) -> str:
    docs = [document(r, lang) for r in results]
    return json_text(shaped(docs, single=single))
