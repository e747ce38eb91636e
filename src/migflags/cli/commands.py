"""decode, list and explain (encode and check, with their generated options, are in encode.py)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from migflags.cli.base import Command
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
from migflags.errors import InputError, did_you_mean
from migflags.tables.flags import FLAG_MASK, FLAGS, FlagRow
from migflags.tables.options import (
    DESTURI_OPTION,
    DOMAIN_OPTION,
    OPTIONS,
    OPTIONS_BY_NAME,
    OPTIONS_BY_PARAM,
    OptionRow,
)
from migflags.texts import UI, word_for
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:
    from migflags.model import Request, Result
    from migflags.tables.rules import Rule

# The parser, the core and the rules are imported where they are used: a TAB completion
# imports this module to complete decode, list or explain, and needs none of them.

# ------------------------------------------------------------------ decode


def _read_values(values: tuple[str, ...]) -> list[tuple[str, int | None]]:
    """The values to decode, each with its line number when it came from standard input
    (`-`, one value per line; blank lines are skipped but counted)."""
    texts: list[tuple[str, int | None]] = []
    for value in values:
        if value == "-":
            lines = [(line.strip(), number) for number, line in enumerate(sys.stdin, 1)
                     if line.strip()]
            if not lines:
                raise InputError("no value on standard input ('-')")
            texts += lines
        else:
            texts.append((value, None))
    return texts


def _pasted_line(
    text: str, version: LibvirtVersion, extras: bool, lang: str
) -> Result | None:
    """A value that holds a whole pasted `virsh migrate` line, read as that line."""
    if not any(blank in text for blank in " \t"):
        return None  # a flags value never has a blank in it: keep `paste` off this path
    from migflags.cli.virsh_line import refuse_bad_value
    from migflags.pasted import analyse_line, words_of_argument

    words = words_of_argument(text, required=False)  # else maybe a log line (`_value_of`)
    if words is None:
        return None
    if extras:
        raise InputError("--domain, --desturi and --param do not apply to a pasted command "
                         f"line: {text.strip()!r}")
    result = analyse_line(words, version, source=text)
    refuse_bad_value(result, lang)
    return result


def _looks_like_code(text: str) -> bool:
    """A pasted expression or declaration rather than a log line."""
    stripped = text.strip()
    return stripped.endswith(";") or any(mark in stripped for mark in ("<<", "|", ":="))


def _value_of(text: str) -> int:
    """A value as the other commands take it, or else a whole log line carrying one."""
    from migflags.parse import parse_value

    try:
        return parse_value(text)
    except InputError:
        from migflags.logline import value_in_log_line

        logged = value_in_log_line(text)
        if logged is not None:
            return logged
        if len(text.split()) < 3 or _looks_like_code(text):
            raise  # a value or code with a typo: the parser's message names the token
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise InputError(f"no migration flags value in {shown!r}: give a number, flag names, "
                         "or a log line that 'migflags annotate' would annotate") from None


def _decode_extras(
    params: tuple[str, ...], domain: str | None, desturi: str | None, version: LibvirtVersion
) -> Request:
    """`--param key=value` (key as libvirt spells it, or the virsh option name), --domain and
    --desturi, checked by the same parser as a pasted `virsh migrate` line. A list key given
    more than once collects its items (`--param migrate_disks=vda --param migrate_disks=vdb`)."""
    if not params and domain is None and desturi is None:
        from migflags.model import Request

        return Request()  # what the parser makes of no words, without loading it
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
    from migflags.virsh_argv import parse_virsh_argv

    return parse_virsh_argv(words, version)


def _is_value_word(word: str) -> bool:
    """`--live`, `--live|0x200000`, `-1`: a word that looks like an option but is a value."""
    if word[1:2].isdigit():
        return True  # a negative number: the value parser explains why it is refused
    from migflags.parse import parse_value

    try:
        parse_value(word)
    except InputError:
        return False
    return True


class ValuesCommand(Command):
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
    """Explain flags values: 1035, 0x40b, flags=0x1b, live+p2p, a log line, or - (stdin)."""
    from migflags.core import analyse

    out = Output(lang=resolve_lang(lang), **output)
    refuse_mixed_modes(out, args_only)
    version_note(version)
    if domain_xml == "-" and "-" in values:
        raise click.UsageError("standard input can feed VALUES or --domain-xml, not both")
    extra = _decode_extras(params, domain, desturi, version)
    extra = extra._replace(guest=guest_from_cli(guest_state, domain_xml), qemu=qemu_version)
    results = []
    for text, line_number in _read_values(values):
        try:
            pasted = _pasted_line(text, version, bool(params or domain or desturi), out.lang)
            if pasted is not None:
                results.append(pasted)
                continue
            request = extra._replace(flags=_value_of(text) | extra.flags)
        except InputError as error:
            if line_number is None:
                raise
            raise InputError(f"standard input, line {line_number}: {error}") from None
        results.append(analyse(request, version, source=text))
    if args_only:
        lines = [_split_safe_args(result) for result in results]
        for result, line in zip(results, lines, strict=True):
            if result.unknown_bits:
                rest = sum(1 << bit for bit in result.unknown_bits)
                note(f"{result.source}: bits {rest:#x} have no virsh option and are left out")
            click.echo(line)
    else:
        emit(results, out, single=len(values) == 1 and values != ("-",))
    finish(results, strict=strict)


def _split_safe_args(result: Result) -> str:
    """-q's line is for `virsh migrate $(migflags decode -q ...)`: words joined by spaces,
    unquoted, because command substitution splits words but removes no quotes. A word that
    splitting or globbing would change is refused rather than printed wrong."""
    from migflags.render.words import survives_word_splitting, virsh_args

    words = virsh_args(result)
    for word in words:
        if not survives_word_splitting(word):
            raise InputError(
                f"-q prints words for $(...), and {word!r} would not come through its word "
                "splitting unchanged; run without -q and copy the shell-quoted 'command:' line "
                "(or .command of --json)")
    return " ".join(words)


# ------------------------------------------------------------------ list and explain


@click.command("list", cls=Command)
@libvirt_option
@lang_option
@output_options
def list_cmd(version: LibvirtVersion, lang: str | None, **output: Any) -> None:
    """Print the flag table (only the flags the chosen libvirt release knows)."""
    from migflags.core import decode

    version_note(version)
    value = sum(row.value for row in FLAGS if row.since <= version)
    # The table, not an advice on OR-ing every flag together: no problems, no look-alikes.
    result = decode(value, version)._replace(problems=(), producers=())
    emit([result], Output(lang=resolve_lang(lang), **output), single=True)


def _find_option(name: str) -> OptionRow | None:
    """A virsh option (dashes optional), a typed parameter key or its C macro."""
    key = name.strip()
    by_macro = {row.param_macro: row for row in OPTIONS if row.param_macro}
    return (OPTIONS_BY_NAME.get(key.lstrip("-")) or OPTIONS_BY_PARAM.get(key)
            or by_macro.get(key.upper()))


def _explain_flag(row: FlagRow, language: str, name: str = "") -> None:
    click.echo(UI["explain_flag"].get(language).format(
        name=row.c_name, value=row.value, hex=row.hex, bit=row.bit))
    click.echo(UI["explain_flag_option"].get(language).format(
        option=row.virsh_option, since=row.since))
    from migflags.parse import spelled_by

    bindings = spelled_by(name) if name else []
    if bindings:
        click.echo(UI["explain_binding"].get(language).format(
            name=name.strip(), c_name=row.c_name,
            bindings=", ".join(f"{b.name} ({b.language})" for b in bindings)))
    click.echo("")
    click.echo(row.summary.get(language))
    click.echo("")
    click.echo(row.explanation.get(language))


def _explain_option(option: OptionRow, language: str) -> None:
    click.echo(UI["explain_option"].get(language).format(
        option=option.dashed, since=option.since))
    if option.param:
        click.echo(UI["explain_param"].get(language).format(
            param=option.param, type=option.param_type, macro=option.param_macro,
            since=option.param_since))
    click.echo(option.summary.get(language))
    if option.note is not None:
        click.echo("")
        click.echo(option.note.get(language))


def _explain_rule(rule: Rule, language: str) -> None:
    click.echo(UI["explain_rule"].get(language).format(
        rule=rule.id, level=word_for("level", rule.level, language),
        layer=word_for("layer", rule.layer.value, language)))
    span = UI["explain_rule_since"].get(language).format(since=rule.since) if rule.since else ""
    if rule.until:
        span += UI["explain_rule_until"].get(language).format(until=rule.until)
    if span:
        click.echo(span)
    for message in rule.messages:
        since = f" ({message.since})" if message.since else ""
        click.echo(f"  {message.text}{since}")
    click.echo("")
    click.echo(f"{UI['why'].get(language)}{UI['colon'].get(language)}{rule.why.get(language)}")
    click.echo(f"{UI['fix'].get(language)}{UI['colon'].get(language)}{rule.fix.get(language)}")


def _explain_value(value: int, language: str) -> None:
    """Every flag set in `value`, one after another; unknown bits named at the end."""
    blocks = 0
    for row in FLAGS:
        if value & row.value:
            if blocks:
                click.echo("\n")
            _explain_flag(row, language)
            blocks += 1
    rest = value & ~FLAG_MASK
    if rest:
        if blocks:
            click.echo("")
        for bit in range(rest.bit_length()):
            if rest >> bit & 1:
                click.echo(UI["unknown_bit"].get(language).format(bit=bit))
    if value == 0:
        click.echo(UI["no_flags"].get(language))
    if rest:  # as decode does: a value with bits no release defines exits 1
        from migflags.exits import PROBLEMS

        sys.exit(PROBLEMS)


@click.command("explain", cls=NameCommand)
@click.argument("name", shell_complete=complete_name)
@lang_option
def explain_cmd(name: str, lang: str | None) -> None:
    """Explain a flag, a flags value, a virsh option, a typed parameter (key or C macro) or a
    rule id in detail."""
    from migflags.parse import flag_spellings, is_qualified, lookup_flag, parse_value
    from migflags.tables.rules import RULES_BY_ID

    language = resolve_lang(lang)
    try:
        row = lookup_flag(name)
    except InputError:
        pass
    else:
        _explain_flag(row, language, name)
        return
    option = _find_option(name)
    if option is not None:
        _explain_option(option, language)
        return
    rule = RULES_BY_ID.get(name.strip())
    if rule is not None:
        _explain_rule(rule, language)
        return
    if not name.strip():
        raise InputError("empty name: give a flag, a value, a virsh option, a parameter or a "
                         "rule id")
    try:
        value = parse_value(name)
    except InputError:
        if is_qualified(name):
            raise  # a binding's constant: the parser's message names the binding
        candidates = [*flag_spellings(), *OPTIONS_BY_NAME, *OPTIONS_BY_PARAM,
                      *(row.param_macro for row in OPTIONS if row.param_macro), *RULES_BY_ID]
        hint = did_you_mean(name.strip().lstrip("-"), candidates)
        raise InputError(f"unknown flag, option, parameter or rule {name!r}{hint}") from None
    _explain_value(value, language)
