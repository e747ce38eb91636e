"""encode: flag names, generated virsh options, or a pasted `virsh migrate` line -> the integer.

Each command with generated options lives in its own module, so that running or completing one
does not build the other's sixty options.
"""

from __future__ import annotations

from typing import Any

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


@click.command("encode", cls=VirshLineCommand)
@click.argument("names", nargs=-1, shell_complete=complete_flags)
@click.option("-q", "--args", "value_only", is_flag=True, help="Print only the integer.")
@click.option("--strict", is_flag=True, help="Exit 1 when the result has an error-level problem.")
@libvirt_option
@guest_options
@lang_option
@output_options
@virsh_options
@click.pass_context
def encode_cmd(
    ctx: click.Context, /, names: tuple[str, ...], value_only: bool, strict: bool,
    version: LibvirtVersion, guest_state: str | None, domain_xml: str | None,
    qemu_version: LibvirtVersion | None,
    lang: str | None, **options: Any,
) -> None:
    """Turn virsh migrate options or flag names into the integer.

    \b
    migflags encode --live --p2p
    migflags encode LIVE VIR_MIGRATE_PEER2PEER
    migflags encode -- virsh migrate --live --p2p --bandwidth 100 vm1 qemu+ssh://dst/system
    """
    from migflags.core import analyse

    output = {k: options.pop(k) for k in ("as_json", "expr_format", "color")}
    refuse_mixed_modes(Output(lang="en", **output), value_only)
    version_note(version)
    given = request_from_cli(ctx, names, options, version)
    request = given.request._replace(guest=guest_from_cli(guest_state, domain_xml),
                                     qemu=qemu_version)
    result = analyse(request, version, given.source, given.faults, given.notes)
    refuse_bad_value(result, resolve_lang(lang))
    if value_only:
        click.echo(str(result.value))
    else:
        emit([result], Output(lang=resolve_lang(lang), **output), single=True)
    finish([result], strict=strict)
