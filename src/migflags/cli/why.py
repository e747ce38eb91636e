"""`migflags why TEXT...`: the thin Click layer over `migflags.why`."""

from __future__ import annotations

import sys

import click

from migflags.cli.base import Command
from migflags.cli.common import lang_option, resolve_lang, use_rich
from migflags.errors import InputError
from migflags.exits import OK, PROBLEMS
from migflags.text import Text

HELP_TEXTS: tuple[Text, ...] = (
    Text(
        "Explain a migration error message: which option or setting causes it and what to "
        "change.\n\n"
        "TEXT is the message as virsh, libvirt's log, nova or a Python traceback printed it "
        "(the words are joined with spaces); - reads standard input, where each line may hold "
        "a message. Exit status 0 when something matched, 1 when nothing did (the closest "
        "known messages are listed), 2 for usage errors.",
        "解释迁移错误消息：是哪个选项或设置导致的，应该如何修改。\n\n"
        "TEXT 是 virsh、libvirt 日志、nova 或 Python 回溯中打印的消息（多个单词以空格连接）；"
        "- 表示读取标准输入，其中每一行都可以是一条消息。有匹配时退出状态为 0，"
        "没有匹配时为 1（同时列出最接近的已知消息），用法错误时为 2。",
    ),
    Text("Print the JSON document.", "输出 JSON 文档。"),
    Text(
        "Rich tables with colour on a terminal (auto), always, or plain text.",
        "auto：在终端上输出彩色 Rich 表格；always：总是输出 Rich 表格；never：输出纯文本。",
    ),
)
_DOC, _JSON, _COLOR = (text.en for text in HELP_TEXTS)


def _read(words: tuple[str, ...]) -> str:
    if words == ("-",):
        text = sys.stdin.read()
    else:
        text = " ".join(words)
    if not text.strip():
        raise InputError("no message to explain: give TEXT, or - to read standard input")
    return text


@click.command("why", cls=Command, help=_DOC)
@click.argument("words", metavar="TEXT...", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help=_JSON)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=_COLOR)
@lang_option
def why_cmd(words: tuple[str, ...], as_json: bool, color: str, lang: str | None) -> None:
    from migflags.why import explain_text

    language = resolve_lang(lang)
    items = explain_text(_read(words))
    if as_json:
        from migflags.render.why_doc import dumps

        click.echo(dumps(items, language))
    elif use_rich(color):
        from migflags.render.rich_table import make_console, print_why

        console = make_console(force_color=True if color == "always" else None)
        print_why(console, items, language)
    else:
        from migflags.render.why_doc import render

        click.echo(render(items, language))
    sys.exit(OK if any(item.matches for item in items) else PROBLEMS)
