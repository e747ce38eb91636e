"""decode, list and explain (encode and check, with their generated options, are in encode.py)."""

from __future__ import annotations

import shlex
import sys
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
    note,
    output_options,
    refuse_mixed_modes,
    resolve_lang,
    version_note,
)
from migflags.cli.completion import complete_flags, complete_name
from migflags.core import analyse, decode
from migflags.errors import InputError, did_you_mean
from migflags.model import Request
from migflags.parse import flag_spellings, lookup_flag, parse_value
from migflags.render.words import virsh_args
from migflags.tables.flags import FLAGS, FlagRow
from migflags.tables.options import (
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS_BY_NAME,
    OPTIONS_BY_PARAM,
)
from migflags.texts import UI
from migflags.versions import LibvirtVersion
from migflags.virsh_argv import parse_virsh_argv

# ------------------------------------------------------------------ decode


def _read_values(values: tuple[str, ...]) -> list[str]:
    """The values to decode; `-` stands for standard input, one value per line."""
    texts: list[str] = []
    for value in values:
        if value == "-":
            lines = [line.strip() for line in sys.stdin if line.strip()]
            if not lines:
                raise InputError("no value on standard input ('-')")
            texts += lines
        else:
            texts.append(value)
    return texts


def _decode_extras(
    params: tuple[str, ...], domain: str | None, desturi: str | None, version: LibvirtVersion
) -> Request:
    """`--param key=value` (key as libvirt spells it, or the virsh option name), --domain and
    --desturi, checked by the same parser as a pasted `virsh migrate` line. A list key given
    more than once collects its items (`--param migrate_disks=vda --param migrate_disks=vdb`)."""
    texts: dict[str, list[str]] = {}
    for item in params:
        key, sep, text = item.partition("=")
        if not sep:
            raise InputError(f"--param needs KEY=VALUE, got {item!r}")
        option = OPTIONS_BY_PARAM.get(key) or OPTIONS_BY_NAME.get(key.lstrip("-"))
        if option is None or option.param is None:
            hint = did_you_mean(key, list(OPTIONS_BY_PARAM))
            raise InputError(f"unknown migration parameter {key!r}{hint}")
        texts.setdefault(option.name, []).append(text)
    words: list[str] = []
    for name, items in texts.items():
        option = OPTIONS_BY_NAME[name]
        if len(items) > 1 and not option.is_list:
            raise InputError(f"--param {option.param} given more than once")
        words += [option.dashed, ",".join(items)]
    for option, value in ((DOMAIN_OPTION, domain), (DESTURI_OPTION, desturi)):
        if value is not None:
            words += [option.dashed, value]
    return parse_virsh_argv(words, version)


def _is_value_word(word: str) -> bool:
    """`--live`, `--live|0x200000`, `-1`: a word that looks like an option but is a value."""
    if word[1:2].isdigit():
        return True  # a negative number: the value parser explains why it is refused
    try:
        parse_value(word)
    except InputError:
        return False
    return True


class ValuesCommand(click.Command):
    """decode takes values that may start with dashes (virsh options, negative numbers).

    Words that are not options of the command but do spell a value are handed to the VALUES
    argument in their original order; anything else that starts with a dash stays an option,
    so a typo such as `--jsn` still gets Click's one-line "No such option" error.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value: dict[str, bool] = {}
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                for opt in (*param.opts, *param.secondary_opts):
                    takes_value[opt] = not (param.is_flag or param.count)
        options: list[str] = []
        values: list[str] = []
        words = iter(args)
        for word in words:
            if word == "--":
                values += words
            elif word == "-" or not word.startswith("-"):
                values.append(word)
            elif word.split("=", 1)[0] in takes_value:
                options.append(word)
                following = next(words, None) if takes_value.get(word) else None
                if following is not None:
                    options.append(following)
            elif self.is_value_word(word):
                values.append(word)
            else:
                options.append(word)
        return super().parse_args(ctx, [*options, "--", *values] if values else options)

    def is_value_word(self, word: str) -> bool:
        return _is_value_word(word)


class NameCommand(ValuesCommand):
    """explain takes one name, and `--postcopy` is a name there: every dashed word that is not
    an option of the command is the NAME (an unknown one gets a did-you-mean)."""

    def is_value_word(self, word: str) -> bool:
        return True


@click.command("decode", cls=ValuesCommand)
@click.argument("values", nargs=-1, required=True, shell_complete=complete_flags)
@click.option("-q", "--args", "args_only", is_flag=True,
              help="Print only the virsh migrate arguments.")
@click.option("--strict", is_flag=True, help="Exit 1 when any value has an error-level problem.")
@click.option("--domain", help="Domain name for the printed virsh command line.")
@click.option("--desturi", help="Destination URI for the printed virsh command line.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A typed parameter to add to the command line (repeatable).")
@libvirt_option
@guest_options
@lang_option
@output_options
def decode_cmd(
    values: tuple[str, ...], args_only: bool, strict: bool, domain: str | None,
    desturi: str | None, params: tuple[str, ...], version: LibvirtVersion,
    guest_state: str | None, domain_xml: str | None, qemu_version: LibvirtVersion | None,
    lang: str | None, **output: Any,
) -> None:
    """Explain flags values: 1035, 0x40b, flags=0x1b, LIVE|PEER2PEER, live+p2p, or - (stdin)."""
    out = Output(lang=resolve_lang(lang), **output)
    refuse_mixed_modes(out, args_only)
    version_note(version)
    if domain_xml == "-" and "-" in values:
        raise click.UsageError("standard input can feed VALUES or --domain-xml, not both")
    extra = _decode_extras(params, domain, desturi, version)
    extra = extra._replace(guest=guest_from_cli(guest_state, domain_xml), qemu=qemu_version)
    results = []
    for text in _read_values(values):
        request = extra._replace(flags=parse_value(text) | extra.flags)
        results.append(analyse(request, version, source=text))
    if args_only:
        for result in results:
            if result.unknown_bits:
                rest = sum(1 << bit for bit in result.unknown_bits)
                note(f"{result.source}: bits {rest:#x} have no virsh option and are left out")
            click.echo(shlex.join(virsh_args(result)))
    else:
        emit(results, out, single=len(values) == 1 and values != ("-",))
    finish(results, strict=strict)


# ------------------------------------------------------------------ list and explain


@click.command("list")
@libvirt_option
@lang_option
@output_options
def list_cmd(version: LibvirtVersion, lang: str | None, **output: Any) -> None:
    """Print the flag table (only the flags the chosen libvirt release knows)."""
    version_note(version)
    value = sum(row.value for row in FLAGS if row.since <= version)
    if not value:
        raise InputError(f"libvirt {version} has no migration flags (the first, "
                         f"{FLAGS[0].c_name}, came with {FLAGS[0].since})")
    # The table, not an advice on OR-ing every flag together: no problems, no look-alikes.
    result = decode(value, version)._replace(problems=(), producers=())
    emit([result], Output(lang=resolve_lang(lang), **output), single=True)


def _single_flag(name: str) -> FlagRow:
    """The flag `name` spells: any name, or a value with exactly one known bit (0x8, 1<<3)."""
    try:
        return lookup_flag(name)
    except InputError:
        value = parse_value(name)
        rows = [row for row in FLAGS if row.value == value]
        if not rows:
            raise InputError(f"{name!r} is not a single flag: use 'migflags decode'") from None
        return rows[0]


@click.command("explain", cls=NameCommand)
@click.argument("name", shell_complete=complete_name)
@lang_option
def explain_cmd(name: str, lang: str | None) -> None:
    """Explain one flag (C name, short name or virsh option) or virsh option in detail."""
    language = resolve_lang(lang)
    try:
        row = _single_flag(name)
    except InputError:
        option = OPTIONS_BY_NAME.get(name.lstrip("-"))
        if option is None:
            if not name.strip():
                raise
            candidates = [*flag_spellings(), *OPTIONS_BY_NAME]
            hint = did_you_mean(name.strip().lstrip("-"), candidates)
            raise InputError(f"unknown flag or option {name!r}{hint}") from None
        click.echo(UI["explain_option"].get(language).format(
            option=option.dashed, since=option.since))
        if option.param:
            click.echo(UI["explain_param"].get(language).format(
                param=option.param, type=option.param_type, macro=option.param_macro))
        click.echo(option.summary.get(language))
        if option.note is not None:
            click.echo("")
            click.echo(option.note.get(language))
        return
    click.echo(UI["explain_flag"].get(language).format(
        name=row.c_name, value=row.value, hex=row.hex, bit=row.bit))
    click.echo(UI["explain_flag_option"].get(language).format(
        option=row.virsh_option, since=row.since))
    click.echo("")
    click.echo(row.summary.get(language))
    click.echo("")
    click.echo(row.explanation.get(language))

