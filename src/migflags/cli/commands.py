"""decode, encode, check, list and explain."""

from __future__ import annotations

import shlex
import sys
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
from migflags.cli.completion import complete_flags, complete_name
from migflags.core import analyse, decode
from migflags.errors import InputError, did_you_mean
from migflags.model import Request, Result
from migflags.parse import flag_spellings, lookup_flag, parse_value
from migflags.render.words import virsh_args
from migflags.tables.flags import FLAGS
from migflags.tables.options import (
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS,
    OPTIONS_BY_NAME,
    OPTIONS_BY_PARAM,
)
from migflags.texts import UI, word_for
from migflags.versions import LibvirtVersion
from migflags.virsh_argv import parse_virsh_argv

# ------------------------------------------------------------------ decode


def _read_values(values: tuple[str, ...]) -> list[str]:
    texts: list[str] = []
    for value in values:
        if value == "-":
            texts += [line.strip() for line in sys.stdin if line.strip()]
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
@lang_option
@output_options
def decode_cmd(
    values: tuple[str, ...], args_only: bool, strict: bool, domain: str | None,
    desturi: str | None, params: tuple[str, ...], version: LibvirtVersion, lang: str | None,
    **output: Any,
) -> None:
    """Explain flags values: 1035, 0x40b, flags=0x1b, LIVE|PEER2PEER, live+p2p, or - (stdin)."""
    extra = _decode_extras(params, domain, desturi, version)
    results = []
    for text in _read_values(values):
        request = extra._replace(flags=parse_value(text) | extra.flags)
        results.append(analyse(request, version, source=text))
    if args_only:
        for result in results:
            click.echo(shlex.join(virsh_args(result)))
    else:
        emit(results, Output(lang=resolve_lang(lang), **output), single=len(values) == 1
             and values != ("-",))
    finish(results, strict=strict)


# ------------------------------------------------------------------ encode and check


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


# ------------------------------------------------------------------ list and explain


@click.command("list")
@libvirt_option
@lang_option
@output_options
def list_cmd(version: LibvirtVersion, lang: str | None, **output: Any) -> None:
    """Print the flag table (only the flags the chosen libvirt release knows)."""
    value = sum(row.value for row in FLAGS if row.since <= version)
    # The table, not an advice on OR-ing every flag together: no problems, no look-alikes.
    result = decode(value, version)._replace(problems=(), producers=())
    emit([result], Output(lang=resolve_lang(lang), **output), single=True)


@click.command("explain", cls=NameCommand)
@click.argument("name", shell_complete=complete_name)
@lang_option
def explain_cmd(name: str, lang: str | None) -> None:
    """Explain one flag (C name, short name or virsh option) or virsh option in detail."""
    language = resolve_lang(lang)
    try:
        row = lookup_flag(name)
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
        return
    click.echo(UI["explain_flag"].get(language).format(
        name=row.c_name, value=row.value, hex=row.hex, bit=row.bit))
    click.echo(UI["explain_flag_option"].get(language).format(
        option=row.virsh_option, since=row.since))
    click.echo("")
    click.echo(row.summary.get(language))
    click.echo("")
    click.echo(row.explanation.get(language))

