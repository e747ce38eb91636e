"""check: would virsh, libvirt and QEMU accept a flags value or a virsh command line?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from migflags.cli.common import (
    Output,
    emit,
    finish,
    guest_from_cli,
    guest_options,
    lang_option,
    libvirt_option,
    output_options,
    refuse_mixed_modes,
    resolve_lang,
    unchecked_note,
    use_rich,
    version_note,
)
from migflags.cli.completion import complete_flags
from migflags.cli.virsh_line import (
    VirshLineCommand,
    refuse_bad_value,
    request_from_cli,
    virsh_options,
)
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:
    from migflags.model import Result


@click.command("check", cls=VirshLineCommand)
@click.argument("values", nargs=-1, shell_complete=complete_flags)
@click.option("--no-strict", "lenient", is_flag=True,
              help="Exit 0 even when libvirt would refuse the combination.")
@libvirt_option
@guest_options
@lang_option
@output_options
@virsh_options
@click.pass_context
def check_cmd(
    ctx: click.Context, /, values: tuple[str, ...], lenient: bool, version: LibvirtVersion,
    guest_state: str | None, domain_xml: str | None,
    qemu_version: LibvirtVersion | None, lang: str | None, **options: Any,
) -> None:
    """Say whether virsh, libvirt and QEMU would accept a flags value or virsh options.

    Exit 0 when accepted, 1 with the problems in the order the layers raise them.
    """
    from migflags.core import analyse

    output = {k: options.pop(k) for k in ("as_json", "expr_format", "color")}
    refuse_mixed_modes(Output(lang="en", **output))
    version_note(version)
    if not values and not ctx.meta.get("virsh_words") and not any(options.values()):
        raise click.UsageError("nothing to check: give a flags value, virsh options, or a virsh "
                               "migrate command line after --")
    given = request_from_cli(ctx, values, options, version)
    request = given.request._replace(guest=guest_from_cli(guest_state, domain_xml),
                                     qemu=qemu_version)
    result = analyse(request, version, given.source, given.faults, given.notes)
    refuse_bad_value(result, resolve_lang(lang))
    out = Output(lang=resolve_lang(lang), **output)
    unchecked_note(result, out.lang)
    refused = any(p.is_error for p in result.problems)
    if out.as_json or out.expr_format:
        emit([result], out, single=True)
        if refused:  # the document or expression does not say why the status is 1
            click.echo(f"migflags: {_verdict(result, out.lang)}", err=True)
    elif use_rich(out.color):
        from migflags.render.rich_table import make_console, print_check
        from migflags.render.sections import build

        console = make_console(force_color=True if out.color == "always" else None)
        print_check(console, build(result, out.lang).problems, _verdict(result, out.lang),
                    refused, out.lang)
    else:
        for line in _problem_lines(result, out.lang):
            click.echo(line)
        click.echo(_verdict(result, out.lang))
    finish([result], strict=not lenient)


def _problem_lines(result: Result, lang: str) -> list[str]:
    """The problems, in the order the layers raise them (the first error is what you see)."""
    from migflags.texts import UI, word_for

    colon = UI["colon"].get(lang)
    lines = []
    for problem in result.problems:
        level = word_for("level", problem.level, lang)
        shown = f"{level} [{word_for('layer', problem.layer, lang)}]"
        message = f": {problem.message}" if problem.message else ""
        lines.append(f"{shown} {problem.rule}{message}")
        lines.append(f"    {UI['why'].get(lang)}{colon}{problem.explanation.get(lang)}")
        lines.append(f"    {UI['fix'].get(lang)}{colon}{problem.fix.get(lang)}")
    return lines


def _verdict(result: Result, lang: str) -> str:
    """One line: accepted, or which layer refuses first and with which words."""
    from migflags.texts import UI

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
