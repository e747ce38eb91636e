"""English and Simplified Chinese: every sentence in both, the choice of language, output that
follows it (plain, Rich, JSON, explain, --help) and tables that stay aligned with CJK text.

The completeness tests walk every module of the package generically (module-level values,
dataclass fields, tuples, dicts, NamedTuples), so a row added to any table later is covered
without touching this file.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import io
import json
import pkgutil
import re
import string
import unicodedata
from collections.abc import Iterator
from typing import Any

import click
import pytest
from click.testing import CliRunner

import migflags
from migflags.cli import main
from migflags.cli.help_text import catalogue, message_id
from migflags.core import decode
from migflags.render.plain import render
from migflags.render.sections import build
from migflags.tables.flags import FLAGS
from migflags.tables.options import OPTIONS, OPTIONS_BY_NAME, OPTIONS_BY_PARAM
from migflags.tables.producers import PRODUCERS
from migflags.tables.rules import RULES
from migflags.text import Text, language_from_env, language_of_locale
from migflags.texts import HELP, UI

HAN = re.compile(r"[\u3400-\u9fff]")

# ------------------------------------------------------------------ finding every Text


def _modules() -> list[Any]:
    names = [migflags.__name__] + [
        info.name
        for info in pkgutil.walk_packages(migflags.__path__, migflags.__name__ + ".")
        if not info.name.endswith(".__main__")  # runs the CLI when imported
    ]
    # tables and texts first, so a Text is reported under the module that defines it
    names.sort(key=lambda name: (".tables." not in name, not name.endswith(".texts"), name))
    return [importlib.import_module(name) for name in names]


def _walk(value: object, path: str, seen: set[int]) -> Iterator[tuple[str, Text]]:
    if isinstance(value, Text):
        yield path, value
        return
    if isinstance(value, (str, bytes, int, float, bool, enum.Enum)) or value is None:
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name), f"{path}.{field.name}", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key!r}]", seen)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", seen)


def all_texts() -> dict[str, Text]:
    """Every Text reachable from a module-level name anywhere in the package, by its path."""
    found: dict[str, Text] = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in sorted(vars(module).items()):
            if name.startswith("__"):
                continue
            for path, text in _walk(value, f"{module.__name__}.{name}", seen):
                found.setdefault(path, text)
    return found


TEXTS = all_texts()
TEXT_IDS = list(TEXTS)


def test_the_walk_reaches_every_table() -> None:
    """Guard the walker itself: it must see every table's Texts, not silently nothing."""
    found = set(TEXTS.values())
    expected = (
        [row.summary for row in FLAGS]
        + [row.explanation for row in FLAGS]
        + [row.summary for row in OPTIONS]
        + [rule.why for rule in RULES]
        + [rule.fix for rule in RULES]
        + [row.description for row in PRODUCERS]
        + list(UI.values())
        + list(HELP)
    )
    missing = [text.en for text in expected if text not in found]
    assert missing == []
    assert len(TEXTS) >= 2 * len(FLAGS) + len(RULES) + len(UI)


@pytest.mark.parametrize("path", TEXT_IDS)
def test_every_text_has_both_languages(path: str) -> None:
    text = TEXTS[path]
    assert text.en.strip(), f"{path}: no English"
    assert text.zh.strip(), f"{path}: no Simplified Chinese for {text.en!r}"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("path", TEXT_IDS)
def test_placeholders_match(path: str) -> None:
    text = TEXTS[path]
    assert _fields(text.zh) == _fields(text.en)


def _code_tokens(en: str) -> set[str]:
    """What must appear unchanged in the translation: C names, flag names, virsh options,
    libvirt API names, dotted or underscored param keys, and quoted libvirt messages."""
    tokens = set(re.findall(r"\bVIR_[A-Z0-9_]+\b|\bvir[A-Z]\w+\b|--[a-z][a-z0-9-]*", en))
    for row in FLAGS:
        if re.search(rf"(?<![\w-]){row.short}(?![\w-])", en):
            tokens.add(row.short)
    for key in OPTIONS_BY_PARAM:
        if ("_" in key or "." in key) and re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", en):
            tokens.add(key)
    quoted = re.findall(r"(?<![A-Za-z])'([^']+)'(?![A-Za-z])", en)
    tokens.update(q for q in quoted if len(q.split()) >= 3)
    return tokens


@pytest.mark.parametrize("path", TEXT_IDS)
def test_names_and_quoted_messages_stay_as_they_are(path: str) -> None:
    text = TEXTS[path]
    assert {token for token in _code_tokens(text.en) if token not in text.zh} == set()


@pytest.mark.parametrize("path", TEXT_IDS)
def test_chinese_is_chinese(path: str) -> None:
    """A sentence with English words must not come back untranslated; punctuation next to
    Chinese characters is full width; no ambiguous-width characters (“” … — ·), which CJK
    terminals draw two cells wide and would shift the columns."""
    text = TEXTS[path]
    words = re.sub(r"\{[^}]*\}", "", text.en)
    if re.search(r"[A-Za-z]{2,}", words):
        assert HAN.search(text.zh), f"{path}: {text.zh!r}"
    assert not re.search(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?(][\u4e00-\u9fff]", text.zh)
    assert [ch for ch in text.zh if unicodedata.east_asian_width(ch) == "A"] == []


def test_help_catalogue_holds_every_help_text_of_every_command() -> None:
    """Each --help string written in cli/ (and each option help generated from the table) must
    have a translation; a command or option added later without one fails here."""
    untranslated = []

    def visit(command: click.Command, where: str) -> None:
        texts = [(where, command.help)] + [
            (f"{where} {param.opts[0]}", param.help)
            for param in command.params
            if isinstance(param, click.Option)
        ]
        for place, help_text in texts:
            if help_text:
                entry = catalogue().get(message_id(help_text))
                if entry is None or not entry.zh:
                    untranslated.append(f"{place}: {message_id(help_text)[:60]}")
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                visit(sub, f"{where} {name}")

    visit(main, "migflags")
    assert untranslated == []


# ------------------------------------------------------------------ choosing the language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW"}, "zh"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "zh_SG.GB2312"}, "zh"),
        ({"LANG": "ZH_cn.utf8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "zhx_YZ"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # an empty variable is not set
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}, "en"),
    ],
)
def test_language_from_env(environ: dict[str, str], expected: str) -> None:
    assert language_from_env(environ) == expected


@pytest.mark.parametrize(("locale", "expected"), [("zh_HK.UTF-8", "zh"), ("en", "en"), ("", "en")])
def test_language_of_locale(locale: str, expected: str) -> None:
    assert language_of_locale(locale) == expected


def test_text_falls_back_to_english_at_run_time() -> None:
    assert Text("only english").get("zh") == "only english"
    assert Text("a {x}", "甲 {x}").format(x=1) == Text("a 1", "甲 1")


# ------------------------------------------------------------------ commands


def _out(runner: CliRunner, args: list[str], **env: str) -> str:
    result = runner.invoke(main, args, env=env or None)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


LIVE, OFFLINE, POSTCOPY = (
    next(row for row in FLAGS if row.option == name) for name in ("live", "offline", "postcopy")
)
LIVE_OFFLINE = next(rule for rule in RULES if set(rule.when + rule.other) == {"live", "offline"})
WORDS_EN = [UI[key].en for key in ("col_summary", "virsh_args", "why", "fix")]
WORDS_ZH = [UI[key].zh for key in ("col_summary", "virsh_args", "why", "fix", "level_error")]


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["decode", "1035"], {"LANG": "zh_CN.UTF-8"}, "zh"),
        (["decode", "1035"], {"LC_ALL": "zh_TW", "LANG": "en_US.UTF-8"}, "zh"),
        (["decode", "1035", "--lang", "zh"], {}, "zh"),
        (["decode", "1035"], {}, "en"),
        (["decode", "1035", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "en"),
        (["decode", "1035"], {"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_decode_follows_the_language(
    runner: CliRunner, args: list[str], env: dict[str, str], lang: str
) -> None:
    out = _out(runner, [*args, "--color", "never"], **env)
    for row in (LIVE, OFFLINE):
        assert row.summary.get(lang) in out
        assert row.c_name in out and row.virsh_option in out
    assert LIVE_OFFLINE.why.get(lang) in out and LIVE_OFFLINE.fix.get(lang) in out
    # the layer's own message is quoted verbatim in English, whatever the language
    assert LIVE_OFFLINE.message_for(decode(1035).libvirt) in out
    for word in WORDS_ZH if lang == "zh" else WORDS_EN:
        assert word in out
    if lang == "en":
        assert not HAN.search(out)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_flag(runner: CliRunner, lang: str) -> None:
    out = _out(runner, ["explain", "postcopy", "--lang", lang])
    head = UI["explain_flag"].get(lang).format(
        name=POSTCOPY.c_name, value=POSTCOPY.value, hex=POSTCOPY.hex, bit=POSTCOPY.bit
    )
    assert out.splitlines()[0] == head
    assert POSTCOPY.summary.get(lang) in out and POSTCOPY.explanation.get(lang) in out
    assert bool(HAN.search(out)) == (lang == "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_option(runner: CliRunner, lang: str) -> None:
    option = OPTIONS_BY_NAME["bandwidth"]
    out = _out(runner, ["explain", option.name], LANG="zh_CN.UTF-8" if lang == "zh" else "C")
    assert option.summary.get(lang) in out
    assert option.param_macro is not None and option.param_macro in out


def test_check_sentences(runner: CliRunner) -> None:
    accepted = _out(runner, ["check", "--live", "--lang", "zh", "--color", "never"])
    assert UI["accepted"].zh.split("{", 1)[0] in accepted
    refused = runner.invoke(main, ["check", "--live", "--offline", "--lang", "zh"])
    assert refused.exit_code == 1
    assert LIVE_OFFLINE.why.zh in refused.stdout and LIVE_OFFLINE.fix.zh in refused.stdout


def test_commands_that_print_sentences_take_lang() -> None:
    no_sentences = {"completion"}  # prints a shell script
    missing = [
        name
        for name, command in main.commands.items()
        if name not in no_sentences and "lang" not in {p.name for p in command.params}
    ]
    assert missing == []


# ------------------------------------------------------------------ JSON


TEXT_FIELDS = {"summary", "explanation", "fix", "description", "note"}


def _differences(a: object, b: object, path: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        assert list(a) == list(b), f"keys differ at {path or '/'}"
        for key in a:
            yield from _differences(a[key], b[key], f"{path}/{key}")
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b), f"lengths differ at {path}"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _differences(x, y, f"{path}/{index}")
    elif a != b:
        yield path


JSON_CASES = [
    ["decode", "1035"],
    ["decode", "0x1b"],
    ["decode", "0"],
    ["decode", "0x400003"],
    ["encode", "--", "virsh", "migrate", "--live", "--p2p", "--tunnelled", "--timeout", "10",
     "--timeout-postcopy", "--bandwidth", "100", "--comp-methods", "mt", "--verbose",
     "--direct", "vm1", "qemu+ssh://dst/system"],
]


@pytest.mark.parametrize("args", JSON_CASES, ids=[" ".join(c[:2]) for c in JSON_CASES])
def test_json_keys_and_values_do_not_change_with_the_language(
    runner: CliRunner, args: list[str]
) -> None:
    cut = args.index("--") if "--" in args else len(args)
    head, tail = args[:cut], args[cut:]
    en = json.loads(_out(runner, [*head, "--json", "--lang", "en", *tail]))
    zh = json.loads(_out(runner, [*head, "--json", *tail], LANG="zh_CN.UTF-8"))
    assert (en["lang"], zh["lang"]) == ("en", "zh")
    changed = [path for path in _differences(en, zh) if path != "/lang"]
    assert {path.rsplit("/", 1)[1] for path in changed} <= TEXT_FIELDS
    for path in changed:
        node: Any = zh
        for part in path.strip("/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        assert HAN.search(node), path
    # every textual field follows the language (not only those that happened to differ)
    for flag in zh["flags"]:
        assert flag["summary"] == next(r for r in FLAGS if r.bit == flag["bit"]).summary.zh
    for problem in zh["problems"]:
        assert HAN.search(problem["explanation"]) and HAN.search(problem["fix"])
    for producer in zh["producers"]:
        assert HAN.search(producer["description"])


# ------------------------------------------------------------------ alignment with CJK text


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_positions(line: str, marks: str) -> list[int]:
    return [cells(line[:index]) for index, ch in enumerate(line) if ch in marks]


ALIGN_VALUES = [1035, 0x1B, sum(row.value for row in FLAGS) | 1 << 22]
RULE_MARKS = "┏┳┓┃┡╇┩│└┴┘"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("value", ALIGN_VALUES)
def test_rich_table_columns_line_up(lang: str, value: int) -> None:
    from rich.console import Console

    from migflags.render.rich_table import print_result

    console = Console(width=160, file=io.StringIO(), force_terminal=False, color_system=None)
    result = decode(value)
    print_result(console, result, lang)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    ruled = [_cell_positions(line, RULE_MARKS) for line in lines]
    ruled = [positions for positions in ruled if positions]
    assert len(ruled) >= len(result.flags) + 4  # top, header, separator, rows, bottom
    assert all(positions == ruled[0] for positions in ruled)
    assert len(ruled[0]) == len(build(result, lang).headers) + 1
    assert all(cells(line) <= 160 for line in lines)


@pytest.mark.parametrize("value", ALIGN_VALUES)
def test_rich_narrow_summaries_line_up(value: int) -> None:
    """On a narrow console the summaries move under the table; they still start in one column."""
    from rich.console import Console

    from migflags.render.rich_table import print_result

    console = Console(width=100, file=io.StringIO(), force_terminal=False, color_system=None)
    result = decode(value)
    print_result(console, result, "zh")
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    starts = []
    for row in result.flags:
        head = row.summary.zh[:6]
        line = next(line for line in lines if head in line)
        starts.append(cells(line[: line.index(head)]))
    assert len(set(starts)) == 1
    assert all(cells(line) <= 100 for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("value", ALIGN_VALUES)
def test_plain_table_columns_line_up(lang: str, value: int) -> None:
    """Find each cell of each table line and check that a column starts (or, for the
    right-aligned numbers, ends) at the same display cell on every line."""
    from migflags.render.sections import NUMERIC_COLUMNS

    result = decode(value)
    sections = build(result, lang)
    table = [sections.headers, *sections.rows]
    lines = render(result, lang).splitlines()[1 : 1 + len(table)]
    columns: list[set[int]] = [set() for _ in sections.headers]
    for line, row in zip(lines, table, strict=True):
        at = 0
        for index, cell in enumerate(row):
            if not cell:
                continue
            at = line.index(cell, at)
            edge = at + len(cell) if index < NUMERIC_COLUMNS else at
            columns[index].add(cells(line[:edge]))
            at += len(cell)
    assert all(len(column) == 1 for column in columns), columns


# ------------------------------------------------------------------ --help


def test_help_follows_the_environment_and_switches_back(runner: CliRunner) -> None:
    strict = "Exit 1 when any value has an error-level problem."
    bandwidth = OPTIONS_BY_NAME["bandwidth"].summary
    zh_decode = _out(runner, ["decode", "--help"], LANG="zh_CN.UTF-8")
    zh_encode = _out(runner, ["encode", "--help"], LC_ALL="zh_CN.UTF-8")
    en_decode = _out(runner, ["decode", "--help"])
    en_encode = _out(runner, ["encode", "--help"], LANG="C")
    assert next(t.zh for t in HELP if t.en == strict)[:10] in zh_decode
    assert strict[:30] in en_decode and not HAN.search(en_decode)
    assert bandwidth.zh[:10] in zh_encode
    assert bandwidth.en[:30] in en_encode and not HAN.search(en_encode)


def test_group_help_lists_short_chinese_command_helps(runner: CliRunner) -> None:
    out = _out(runner, ["--help"], LANG="zh_CN.UTF-8")
    line = next(line for line in out.splitlines() if line.strip().startswith("decode"))
    assert HAN.search(line) and "..." not in line
