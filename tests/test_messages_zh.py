"""migflags' own errors and notes in Chinese with --lang zh or a zh locale; what virsh, libvirt
and QEMU print stays verbatim."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import migflags
from migflags.cli import main
from migflags.cli.messages import localize
from migflags.diagnostics import MESSAGES

PACKAGE = Path(migflags.__file__).resolve().parent

# (argv, stderr) with the Chinese read and checked by a person
CASES = [
    (["decode", "liv", "--lang", "zh"], "migflags: 错误：未知标志 'liv'：你是不是想输入 'live'？"),
    (["decode", "1b", "--lang", "zh"],
     "migflags: 错误：不是数字：'1b'：你是不是想输入 '0x1b'（或者日志里的写法 'flags=1b'）？"),
    (["0x1b", "--lang", "zh"],
     "migflags: 错误：'0x1b' 不是 migflags 命令；要解码它，请运行：migflags decode 0x1b --lang zh"),
    (["encode", "--liv", "--lang", "zh"],
     "migflags: 错误：没有选项 '--liv'（你是不是想输入 '--live', '--libvirt', '--xml'？）"),
    (["decode", "--param", "bandwidht=1", "1", "--lang", "zh"],
     "migflags: 错误：未知的迁移参数 'bandwidht'：你是不是想输入 'bandwidth'？"),
    (["check", "--lang", "zh"],
     "migflags: 错误：没有要检查的内容：请给出标志值、virsh 选项，或在 -- 之后给出 virsh migrate "
     "命令行"),
    (["decode", "1", "--libvirt", "0.1", "--lang", "zh"],
     "migflags: 错误：'--libvirt' 的值无效：libvirt 0.1.0 不能迁移：'virsh migrate' 和 "
     "virDomainMigrate 从 libvirt 0.3.2 起才有"),
    (["decode", "-q", "0x200001", "--lang", "zh"],
     "migflags: 注意：0x200001：位 0x200000 没有对应的 virsh 选项，已略去"),
    (["explain", "--lang", "zh"], "migflags: 错误：缺少参数 'NAME'。"),
    # virsh's own words stay as virsh prints them; only migflags' prefix is translated
    (["encode", "--lang", "zh", "--", "virsh", "migrate", "--bandwidth", "x", "vm", "uri"],
     "migflags: 错误：Numeric value 'x' for <bandwidth> option is malformed or out of range"),
]


@pytest.mark.parametrize(("argv", "stderr"), CASES, ids=lambda v: str(v)[:40])
def test_errors_and_notes_in_chinese(runner: CliRunner, argv: list[str], stderr: str) -> None:
    result = runner.invoke(main, argv)
    assert result.stderr == stderr + "\n"


def test_locale_chooses_chinese_and_lang_overrides_it(runner: CliRunner) -> None:
    zh = runner.invoke(main, ["decode", "liv"], env={"LANG": "zh_CN.UTF-8"})
    assert zh.stderr == "migflags: 错误：未知标志 'liv'：你是不是想输入 'live'？\n"
    en = runner.invoke(main, ["decode", "liv", "--lang", "en"], env={"LANG": "zh_CN.UTF-8"})
    assert en.stderr == "migflags: error: unknown flag 'liv': did you mean 'live'?\n"
    plain = runner.invoke(main, ["decode", "liv"])
    assert plain.stderr == "migflags: error: unknown flag 'liv': did you mean 'live'?\n"


def test_lang_after_the_virsh_line_is_not_migflags_lang(runner: CliRunner) -> None:
    # virsh refuses the line, so the hint is part of the one error line (exit 2 is one line)
    result = runner.invoke(main, ["encode", "--", "virsh", "migrate", "--lang", "zh"])
    assert result.stderr == (
        "migflags: error: command 'migrate' doesn't support option --lang ('--lang' comes "
        "after '--', so it is read as part of the virsh command line; put migflags' own "
        "options before '--')\n")
    # after virsh's own `--` the word is data (here the --migrateuri slot): only a note
    accepted = runner.invoke(main, ["encode", "--", "--p2p", "vm", "d", "--", "--lang"])
    assert accepted.exit_code == 0
    assert accepted.stderr.startswith("migflags: note: '--lang' comes after '--'")


def test_catalogue_entries_have_chinese_with_the_same_placeholders() -> None:
    for text in MESSAGES:
        assert text.zh and text.zh != text.en, text.en
        names = set(re.findall(r"\{(\w+)\}", text.en))
        assert set(re.findall(r"\{(\w+)\}", text.zh)) == names, text.en


VARIANT = "\0"
# f-strings that choose a word at run time (sample -> the words): each variant must translate
VARIANT_WORDS = {
    "virsh option 'x' prints \0 and exits: no migration would run": ("help", "a version"),
    "\0 virsh option '--'x'' before 'migrate'": ("unknown", "ambiguous"),
}


def _constant(name: str) -> str | None:
    """A module-level string constant an f-string interpolates (COMMAND, PROGRAM, ...)."""
    from migflags import virsh_argv

    value = getattr(virsh_argv, name, None)
    return value if name.isupper() and isinstance(value, str) else None


def _raised_messages() -> list[tuple[str, str]]:
    """(where, sample) for every own diagnostic written as a literal or f-string: each
    InputError, click.UsageError, click.BadParameter and note(...) in the package, with every
    {expression} replaced by a quoted token."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if name not in ("InputError", "UsageError", "BadParameter", "note"):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                sample = first.value
            elif isinstance(first, ast.JoinedStr):
                pieces = []
                for part in first.values:
                    if isinstance(part, ast.Constant):
                        pieces.append(str(part.value))
                        continue
                    assert isinstance(part, ast.FormattedValue)
                    inner = part.value
                    if isinstance(inner, ast.IfExp) or (
                            isinstance(inner, ast.Name) and inner.id == "what"):
                        pieces.append(VARIANT)  # wording chosen at run time
                    elif isinstance(inner, ast.Name) and inner.id == "hint":
                        pieces.append("")  # a did-you-mean suffix, or nothing
                    elif isinstance(inner, ast.Name) and _constant(inner.id) is not None:
                        pieces.append(str(_constant(inner.id)))
                    else:
                        pieces.append("'x'")
                sample = "".join(pieces)
            else:
                continue  # a message quoted from virsh/libvirt (a table constant): verbatim
            if not re.search("[a-z]", sample.replace("'x'", "")):
                continue  # only quoted pieces: virsh's file messages, printed verbatim
            found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", sample))
    return found


@pytest.mark.parametrize(("where", "sample"), _raised_messages(), ids=lambda v: str(v)[:50])
def test_every_own_message_has_a_translation(where: str, sample: str) -> None:
    if VARIANT in sample:  # each variant is a catalogue entry of its own, tested below
        samples = [sample.replace(VARIANT, word) for word in VARIANT_WORDS[sample]]
    else:
        samples = [sample]
    for one in samples:
        assert localize(one, "zh") != one, (where, one)

