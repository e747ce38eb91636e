"""`render.json_text.dumps` writes what `json.dumps(value, indent=2, ensure_ascii=False)` writes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migflags.render.json_text import dumps, inline_list

_SCALARS = st.none() | st.booleans() | st.integers() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def reference(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=400)
@given(_VALUES)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == reference(value)


@pytest.mark.parametrize("value", [
    {}, [], "", 0, -1, 2**70, True, False, None, {"a": []}, {"a": {}}, [[], {}],
    "quote \" backslash \\ tab \t nl \n nul \x00 del \x7f é 中 \U0001f600 \ud800",
])
def test_edge_values(value: object) -> None:
    assert dumps(value) == reference(value)


def test_a_tuple_is_written_as_a_list() -> None:
    assert dumps({"pair": (1, "x")}) == reference({"pair": [1, "x"]})


@pytest.mark.parametrize("value", [1.5, {1: "int key"}, {"set": {1}}, object()])
def test_what_no_document_holds_is_refused(value: object) -> None:
    with pytest.raises(TypeError):
        dumps(value)


@given(st.lists(st.text() | st.integers(), max_size=6))
def test_inline_list_as_json_dumps(items: list[str | int]) -> None:
    assert inline_list(items) == json.dumps(items, ensure_ascii=False)
