"""The one JSON rule (README "JSON document"): one value -> an object with `schema`, several
values or a stream -> one object per value; the same flag and problem objects everywhere."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from migflags.cli import main


def _json(runner: CliRunner, *args: str, stdin: str | None = None) -> object:
    argv = list(args)
    argv.insert(argv.index("--") if "--" in argv else len(argv), "--json")
    result = runner.invoke(main, argv, input=stdin)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "argv",
    [["decode", "0x1b"], ["encode", "--live", "--p2p"], ["check", "1035"], ["list"],
     ["encode", "--", "virsh", "migrate", "--live", "vm", "qemu:///system"]],
)
def test_one_value_is_one_object_with_schema(runner: CliRunner, argv: list[str]) -> None:
    doc = _json(runner, *argv)
    assert isinstance(doc, dict)
    assert doc["schema"] == 1


@pytest.mark.parametrize(
    ("argv", "stdin", "count"),
    [(["decode", "1", "2"], None, 2), (["decode", "-"], "1\n", 1), (["decode", "-"], "1\n2\n", 2),
     (["decode", "1", "-"], "2\n", 2)],
)
def test_several_values_or_a_stream_are_a_list(
    runner: CliRunner, argv: list[str], stdin: str | None, count: int
) -> None:
    docs = _json(runner, *argv, stdin=stdin)
    assert isinstance(docs, list) and len(docs) == count
    assert all(isinstance(d, dict) and d["schema"] == 1 for d in docs)


def test_a_flag_is_the_same_object_in_every_command(runner: CliRunner) -> None:
    decoded = _json(runner, "decode", "0x8001")
    encoded = _json(runner, "encode", "--live", "--postcopy")
    listed = _json(runner, "list")
    checked = _json(runner, "check", "live|postcopy")
    live = {"bit": 0, "value": 1, "hex": "0x1", "name": "VIR_MIGRATE_LIVE", "short": "LIVE",
            "virsh_option": "--live", "since": "0.3.2"}
    for doc in (decoded, encoded, listed, checked):
        assert isinstance(doc, dict)
        flags = doc["flags"]
        assert isinstance(flags, list)
        first = flags[0]
        assert {k: first[k] for k in live} == live
        assert set(first) == {*live, "summary"}
        assert first == decoded["flags"][0]  # type: ignore[index]


def test_a_problem_is_the_same_object_in_decode_and_check(runner: CliRunner) -> None:
    decoded = _json(runner, "decode", "1035")
    checked = _json(runner, "check", "1035")
    assert isinstance(decoded, dict) and isinstance(checked, dict)
    assert decoded["problems"] == checked["problems"]
    first = checked["problems"][0]
    assert first == {
        "level": "error", "layer": "virsh", "rule": "virsh-live-offline",
        "message": "Options --live and --offline are mutually exclusive",
        "explanation": first["explanation"], "fix": first["fix"],
    }


def test_the_builders_other_writers_import_exist() -> None:
    from migflags.render import json_doc

    for name in ("SCHEMA_VERSION", "flag_object", "unknown_bit_object", "option_object",
                 "problem_object", "document", "shaped", "dumps"):
        assert hasattr(json_doc, name), name
    assert json_doc.unknown_bit_object(21) == {"bit": 21, "value": 2097152, "hex": "0x200000"}
    assert json_doc.shaped([{"a": 1}], single=True) == {"a": 1}
    assert json_doc.shaped([{"a": 1}], single=False) == [{"a": 1}]
