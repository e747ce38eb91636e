"""Properties (hypothesis): decode and encode are inverse, every printed form parses back, and
no argv makes the CLI crash."""

from __future__ import annotations

import string

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from migflags import decode, encode, parse_value
from migflags.cli import main
from migflags.parse import MAX_VALUE, flag_spellings
from migflags.render.expr import STYLES, expression
from migflags.render.words import symbolic, virsh_args
from migflags.tables.flags import FLAG_MASK, FLAGS

KNOWN = st.integers(min_value=0, max_value=FLAG_MASK)  # every x < 2**21
ANY64 = st.integers(min_value=0, max_value=MAX_VALUE)
SETTINGS = settings(max_examples=400, deadline=None)


def test_known_range_is_21_bits() -> None:
    assert FLAG_MASK == 2**21 - 1


# ---------------------------------------------------------------- decode <-> encode


@SETTINGS
@given(KNOWN)
@example(0)
@example(FLAG_MASK)
def test_encode_of_decoded_names(x: int) -> None:
    decoded = decode(x)
    assert encode([row.c_name for row in decoded.flags]) == x
    assert encode([row.short for row in decoded.flags]) == x
    assert encode([symbolic(x)]) == x
    assert encode(virsh_args(decoded)) == x


@pytest.mark.parametrize("row", FLAGS, ids=lambda r: r.short)
def test_every_single_bit_round_trips(row: object) -> None:
    # With the OR in encode this covers every x < 2**21 bit by bit.
    assert hasattr(row, "value")
    value = int(row.value)  # type: ignore[attr-defined]
    assert [r.value for r in decode(value).flags] == [value]
    assert encode([symbolic(value)]) == value


@SETTINGS
@given(KNOWN)
def test_decode_lists_each_bit_once_in_order(x: int) -> None:
    rows = decode(x).flags
    assert [r.bit for r in rows] == sorted({b for b in range(21) if x >> b & 1})
    assert decode(x).unknown_bits == ()


# ---------------------------------------------------------------- any 64-bit value


@SETTINGS
@given(ANY64)
@example(0)
@example(MAX_VALUE)
@example(1 << 21)
@example(FLAG_MASK | 1 << 63)
def test_symbolic_parses_back(x: int) -> None:
    assert parse_value(symbolic(x)) == x
    assert parse_value(symbolic(x, "c")) == x


@SETTINGS
@given(ANY64)
def test_numbers_in_every_base_parse_back(x: int) -> None:
    for text in (str(x), hex(x), hex(x).upper().replace("0X", "0x"), oct(x), bin(x),
                 f"flags={x:#x}", f"flags={x:x}", f"  {x}  "):
        assert parse_value(text) == x, text


@SETTINGS
@given(ANY64, st.sampled_from(STYLES))
def test_expressions_parse_back(x: int, style: str) -> None:
    assert parse_value(expression(x, style)) == x


@SETTINGS
@given(ANY64)
def test_unknown_bits_are_kept(x: int) -> None:
    decoded = decode(x)
    known = sum(r.value for r in decoded.flags)
    unknown = sum(1 << b for b in decoded.unknown_bits)
    assert known | unknown == x and known & unknown == 0


@SETTINGS
@given(st.lists(st.sampled_from(flag_spellings()), max_size=8),
       st.sampled_from(["|", ",", "+", " | "]))
def test_joined_names_equal_encode(names: list[str], sep: str) -> None:
    if names:
        assert parse_value(sep.join(names)) == encode(names)


# ---------------------------------------------------------------- the CLI never crashes


def _option_words() -> list[str]:
    words: set[str] = {"--help", "-h", "--version"}
    for command in main.commands.values():
        for param in command.params:
            if isinstance(param, click.Option):
                words.update(param.opts)
                words.update(param.secondary_opts)
    return sorted(words)


COMMANDS = sorted(main.commands)
WORD = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(_option_words()),
    st.sampled_from(flag_spellings()),
    st.sampled_from(["--", "-", "", "=", "|", "flags=", "0x", "0b", "-1", "9.0.0", "c",
                     "always", "zh", "bash", "vm1", "qemu+ssh://dst/system"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=2**66).map(hex),
    st.text(alphabet=string.printable, max_size=12),
    st.text(max_size=6),
)
ARGV = st.tuples(st.sampled_from(COMMANDS), st.lists(WORD, max_size=8)).map(
    lambda t: [t[0], *t[1]]
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ARGV, st.lists(WORD, max_size=6)))
def test_any_argv_gives_a_result_or_a_one_line_error(argv: list[str]) -> None:
    runner = CliRunner()
    result = runner.invoke(main, argv, input="")
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{argv!r} raised {result.exception!r}"
    )
    assert result.exit_code in (0, 1, 2), argv
    assert "Traceback" not in result.stderr
    if result.exit_code == 2 and "--help" not in argv and "-h" not in argv:
        # One "\n"-terminated line; other line breaks inside a token: see test_bad_input.
        assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), (argv, result)
