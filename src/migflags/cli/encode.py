"""encode and check: flag names, generated virsh options, or a pasted `virsh migrate` line.

Kept apart from decode because building one Click option per virsh option for two commands is
a noticeable part of start-up, which `migflags decode` need not pay.
"""

from __future__ import annotations

import shlex
from typing import Any

import click

from migflags.cli.common import (
    Output,
    emit,
    finish,
    lang_option,
    libvirt_option,
    output_options,
    resolve_lang,
)
from migflags.cli.completion import complete_flags
from migflags.core import analyse
from migflags.model import Request, Result
from migflags.parse import parse_value
from migflags.tables.options import OPTIONS
from migflags.texts import UI, word_for
from migflags.versions import LibvirtVersion
from migflags.virsh_argv import parse_virsh_argv


class VirshLineCommand(click.Command):
    """Everything after `--` is a `virsh migrate` command line, kept for our own parser."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            cut = args.index("--")
            ctx.meta["virsh_words"] = args[cut + 1 :]
            args = args[:cut]
        return super().parse_args(ctx, args)


def virsh_options(fn: Any) -> Any:
    """One Click option per `virsh migrate` option, generated from the option table.

    Each may be given more than once as far as Click is concerned, so that the virsh parser
    sees every occurrence and refuses a repeat as virsh does ("option --X already seen").
    """
    for row in reversed(OPTIONS):
        names = [row.dashed, *(f"--{alias}" for alias in row.aliases)]
        attr = "virsh__" + row.name.replace("-", "_")
        if row.takes_value:
            fn = click.option(*names, attr, multiple=True, metavar=row.type.value.upper(),
                              help=row.summary.en)(fn)
        else:
            fn = click.option(*names, attr, count=True, help=row.summary.en)(fn)
    return fn


def _request_from_cli(
    ctx: click.Context, names: tuple[str, ...], options: dict[str, Any],
    version: LibvirtVersion,
) -> tuple[Request, str]:
    """Fold Click-parsed options, NAMES and a `-- virsh migrate ...` tail into one Request."""
    words: list[str] = []
    for row in OPTIONS:
        value = options.pop("virsh__" + row.name.replace("-", "_"))
        if row.takes_value:
            for text in value:
                words += [row.dashed, text]
        else:
            words += [row.dashed] * value
    flags = 0
    for name in names:
        flags |= parse_value(name)
    tail = ctx.meta.get("virsh_words", [])
    request = parse_virsh_argv(words + tail, version)
    request = Request(
        flags=request.flags | flags, values=request.values, domain=request.domain,
        desturi=request.desturi,
    )
    source = shlex.join([*words, *names, *tail])
    return request, source


@click.command("encode", cls=VirshLineCommand)
@click.argument("names", nargs=-1, shell_complete=complete_flags)
@click.option("-q", "--args", "value_only", is_flag=True, help="Print only the integer.")
@click.option("--strict", is_flag=True, help="Exit 1 when the result has an error-level problem.")
@libvirt_option
@lang_option
@output_options
@virsh_options
@click.pass_context
def encode_cmd(
    ctx: click.Context, /, names: tuple[str, ...], value_only: bool, strict: bool,
    version: LibvirtVersion, lang: str | None, **options: Any,
) -> None:
    """Turn virsh migrate options or flag names into the integer.

    \b
    migflags encode --live --p2p
    migflags encode LIVE VIR_MIGRATE_PEER2PEER
    migflags encode -- virsh migrate --live --p2p --bandwidth 100 vm1 qemu+ssh://dst/system
    """
    output = {k: options.pop(k) for k in ("as_json", "expr_format", "color")}
    request, source = _request_from_cli(ctx, names, options, version)
    result = analyse(request, version, source=source)
    if value_only:
        click.echo(str(result.value))
    else:
        emit([result], Output(lang=resolve_lang(lang), **output), single=True)
    finish([result], strict=strict)


@click.command("check", cls=VirshLineCommand)
@click.argument("values", nargs=-1, shell_complete=complete_flags)
@click.option("--no-strict", "lenient", is_flag=True,
              help="Exit 0 even when libvirt would refuse the combination.")
@libvirt_option
@lang_option
@output_options
@virsh_options
@click.pass_context
def check_cmd(
    ctx: click.Context, /, values: tuple[str, ...], lenient: bool, version: LibvirtVersion,
    lang: str | None, **options: Any,
) -> None:
    """Say whether virsh, libvirt and QEMU would accept a flags value or virsh options.

    Exit 0 when accepted, 1 with the problems in the order the layers raise them.
    """
    output = {k: options.pop(k) for k in ("as_json", "expr_format", "color")}
    request, source = _request_from_cli(ctx, values, options, version)
    result = analyse(request, version, source=source)
    out = Output(lang=resolve_lang(lang), **output)
    if out.as_json or out.expr_format:
        emit([result], out, single=True)
    else:
        for line in _problem_lines(result, out.lang):
            click.echo(line)
        click.echo(_verdict(result, out.lang))
    finish([result], strict=not lenient)


def _problem_lines(result: Result, lang: str) -> list[str]:
    """The problems, in the order the layers raise them (the first error is what you see)."""
    colon = UI["colon"].get(lang)
    lines = []
    for problem in result.problems:
        level = word_for("level", problem.level, lang)
        shown = f"{level} [{word_for('layer', problem.layer, lang)}]"
        message = f" {problem.message}" if problem.message else ""
        lines.append(f"{shown} {problem.rule}:{message}")
        lines.append(f"    {UI['why'].get(lang)}{colon}{problem.explanation.get(lang)}")
        lines.append(f"    {UI['fix'].get(lang)}{colon}{problem.fix.get(lang)}")
    return lines


def _verdict(result: Result, lang: str) -> str:
    """One line: accepted, or which layer refuses first and with which words."""
    errors = [p for p in result.problems if p.is_error]
    if not errors:
        warnings = len(result.problems)
        accepted = UI["accepted"].get(lang).format(version=result.libvirt)
        if warnings:
            return accepted + "\n" + UI["also_warnings"].get(lang).format(count=warnings)
        return accepted
    first = errors[0]
    return UI[f"refused_{first.layer}"].get(lang).format(
        version=result.libvirt, message=first.message or first.rule
    )
