"""Single source of truth: outside `src/migflags/tables/`, no code spells a flag name, a virsh
option, a parameter key or a libvirt message as a string literal; it derives them from the
tables instead. Checked on the syntax tree, so comments and docstrings are free to mention them.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

import migflags
from migflags.tables import rules
from migflags.tables.flags import FLAGS
from migflags.tables.options import OPTIONS, OptionKind

PACKAGE = Path(migflags.__file__).resolve().parent
TABLES = PACKAGE / "tables"
# Modules that hold user-facing prose (help text with worked examples); they may quote a C name
# inside a sentence, but never use one as a whole literal.
PROSE_MODULES = {"texts.py", "help_text.py"}
C_NAME_IN_TEXT = re.compile(r"\bVIR_MIGRATE_[A-Z0-9_]+\b")
MIN_FRAGMENT = 16  # shorter pieces of libvirt messages are too generic to attribute


# Modules generated from the tables by a script, each kept equal to it by a test that fails
# until the script is rerun (strace's xlat way): a copy no one edits by hand.
GENERATED = {"cli/completion_table.py": "tests/test_fast_completion.py"}


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if TABLES not in p.parents
                  and p.relative_to(PACKAGE).as_posix() not in GENERATED)


@cache
def forbidden() -> dict[str, str]:
    """Every spelling the tables own -> what it is."""
    owned: dict[str, str] = {}
    for row in FLAGS:
        owned[row.c_name] = f"C name of bit {row.bit}"
        owned[row.short] = f"short name of {row.c_name}"
        owned[row.go_name] = f"Go name of {row.c_name}"
        for spelling in (row.option, *row.aliases):
            owned[spelling] = f"virsh option of {row.c_name}"
            owned[f"--{spelling}"] = f"virsh option of {row.c_name}"
    for option in OPTIONS:
        if option.kind is OptionKind.POSITIONAL:
            # `domain` and `desturi` are also ordinary words (JSON keys, migflags' own
            # --domain/--desturi options), not something only the table may say.
            continue
        for spelling in (option.name, *option.aliases):
            owned.setdefault(spelling, f"virsh option --{option.name}")
            owned.setdefault(f"--{spelling}", f"virsh option --{option.name}")
        if option.param:
            owned.setdefault(option.param, f"param key of --{option.name}")
        if option.param_macro:
            owned.setdefault(option.param_macro, f"param macro of --{option.name}")
    return owned


@cache
def message_fragments() -> tuple[str, ...]:
    """Literal pieces (between {placeholders}) of every libvirt/virsh/QEMU message the rules
    table quotes, and of its module-level message templates."""
    texts = [m.text for rule in rules.RULES for m in rule.messages]
    texts += [value for name, value in vars(rules).items()
              if name.isupper() and isinstance(value, str)]
    pieces = {piece.strip() for text in texts for piece in re.split(r"\{[^}]*\}", text)}
    return tuple(sorted(p for p in pieces if len(p) >= MIN_FRAGMENT))


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _strings(path: Path) -> list[tuple[int, str, bool]]:
    """(line, text, is_docstring) of every string constant, f-string pieces included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docs = _docstring_nodes(tree)
    return [
        (node.lineno, node.value, id(node) in docs)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_there_is_code_to_scan() -> None:
    names = {p.name for p in _sources()}
    assert {"parse.py", "core.py", "commands.py", "words.py"} <= names
    assert forbidden() and message_fragments()


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_table_fact_spelled_outside_the_tables(path: Path) -> None:
    owned = forbidden()
    fragments = message_fragments()
    found = []
    for line, text, is_doc in _strings(path):
        if text in owned:
            found.append(f"line {line}: {text!r} is the {owned[text]}")
        if is_doc:
            continue
        if path.name not in PROSE_MODULES:
            for match in C_NAME_IN_TEXT.finditer(text):
                if match.group() in owned:
                    found.append(f"line {line}: {text!r} spells {match.group()}")
        for fragment in fragments:
            if fragment in text:
                found.append(f"line {line}: {text!r} quotes libvirt's message {fragment!r}")
    assert found == [], f"{path.relative_to(PACKAGE)} spells table facts:\n" + "\n".join(found)


def test_the_checker_catches_a_spelled_name(tmp_path: Path) -> None:
    """The scan itself works: a module that spells facts is caught, prose is not."""
    row = FLAGS[1]
    bad = tmp_path / "bad.py"
    bad.write_text(
        f'"""Docstrings may say {row.c_name}."""\n'
        f"A = {row.c_name!r}\nB = {row.virsh_option!r}\nC = f'x{{1}}{row.short}'\n",
        encoding="utf-8",
    )
    owned = forbidden()
    hits = [text for _, text, is_doc in _strings(bad) if text in owned and not is_doc]
    assert hits == [row.c_name, row.virsh_option, row.short]
