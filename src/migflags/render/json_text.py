"""JSON text for the documents migflags writes: what `json.dumps(value, indent=2,
ensure_ascii=False)` writes, character for character, without importing `json`.

`import json` also imports its decoder and scanner and compiles their regular expressions,
about 5 M instructions, more than the rest of a `decode --json` spends on JSON. The documents
hold only dicts with text keys, lists, tuples, text, integers, booleans and None; strings are
escaped by the C function the json module itself uses.
"""

from __future__ import annotations

try:
    from _json import encode_basestring as _quote
except ImportError:  # a Python without the accelerator: the json module's own escaping
    from json.encoder import py_encode_basestring as _quote

_INDENT = "  "


def dumps(value: object) -> str:
    parts: list[str] = []
    _write(value, "\n", parts)
    return "".join(parts)


def inline_list(items: tuple[str | int, ...] | list[str | int]) -> str:
    """A list on one line, as `json.dumps(list(items), ensure_ascii=False)` writes it."""
    return "[" + ", ".join(_quote(item) if isinstance(item, str) else int.__repr__(item)
                           for item in items) + "]"


def _write(value: object, newline: str, parts: list[str]) -> None:
    """Append `value`'s text; `newline` is a line break plus the current indentation."""
    if isinstance(value, str):
        parts.append(_quote(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"a JSON key must be text, not {key!r}")
            parts.append(separator)
            parts.append(_quote(key))
            parts.append(": ")
            _write(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        raise TypeError(f"no JSON text for {type(value).__name__} {value!r}")
