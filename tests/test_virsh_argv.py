"""The `virsh migrate` parser (virsh_argv.py) and the option table it reads (tables/options.py).

Pure-Python tests of every parsing rule for both parser generations, the table's facts against
`virsh help migrate` and libvirt-api.xml, and a hypothesis round trip: parsing the command line
migflags prints for a request gives the same request back, for 9.0.0 and 12.9.0. What real virsh
logs for the same command lines is checked in test_realvirsh_params.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from conftest import require
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migflags.core import NEWEST, analyse
from migflags.errors import InputError
from migflags.model import FileArg, RawValue, Request
from migflags.render.words import command_words
from migflags.tables.flags import FLAGS
from migflags.tables.options import (
    CURRENT_PARSER_SINCE,
    FETCH_INDEX,
    MAX_FILE_BYTES,
    OPTIONS,
    OPTIONS_BY_NAME,
    VIRSH_FETCH_ORDER,
    OptionKind,
    OptionRow,
    ValueType,
)
from migflags.versions import LibvirtVersion, v
from migflags.virsh_argv import (
    is_option_word,
    parse_virsh_argv,
    positional_slots,
    strip_prefix,
    to_number,
)

V9, V12 = v("9.0.0"), v("12.9.0")
VERSIONS = (V9, V12)
API_XML = "/usr/share/libvirt/api/libvirt-api.xml"

LEGACY_SLOTS = [
    "domain", "desturi", "migrateuri", "graphicsuri", "listen-address", "dname", "timeout",
    "xml", "migrate-disks", "disks-port", "disks-uri", "comp-methods", "comp-mt-level",
    "comp-mt-threads", "comp-mt-dthreads", "comp-xbzrle-cache", "auto-converge-initial",
    "auto-converge-increment", "persistent-xml", "postcopy-bandwidth", "parallel-connections",
    "bandwidth", "tls-destination",
]
CURRENT_SLOTS = LEGACY_SLOTS[:10]


def parse(*words: str, version: LibvirtVersion = NEWEST) -> Request:
    return parse_virsh_argv(list(words), version)


def refused(*words: str, version: LibvirtVersion = NEWEST) -> str:
    with pytest.raises(InputError) as caught:
        parse(*words, version=version)
    return str(caught.value)


def row(name: str) -> OptionRow:
    return OPTIONS_BY_NAME[name]


# ---------------------------------------------------------------- the table


def test_counts_match_virsh_help_migrate() -> None:
    """49 options (domain and desturi included) in 9.0.0, 54 in 12.9.0, one row each."""
    assert sum(r.since <= V9 for r in OPTIONS) == 49
    assert sum(r.since <= V12 for r in OPTIONS) == 54
    assert len({r.name for r in OPTIONS}) == len(OPTIONS)


@cache
def _help_names(binary: str) -> dict[str, str | None]:
    text = subprocess.run(
        [binary, "help", "migrate"], capture_output=True, text=True, check=True, timeout=30,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    listed = re.findall(r"^    \[?--([a-z0-9-]+)\]?(?: <(\w+)>)?", text, re.M)
    return {name: (word or None) for name, word in listed}


@pytest.mark.realvirsh
@pytest.mark.parametrize("version", ["9.0.0", "12.9.0"])
def test_table_matches_virsh_help(version: str, request: pytest.FixtureRequest) -> None:
    """Every option of that virsh is in the table, every row from its `since` on is listed,
    with the argument word (`<number>` / `<string>`) the row expects."""
    binary = request.getfixturevalue("virsh9" if version == "9.0.0" else "virsh12")
    listed = _help_names(binary)
    expected = {
        r.name: (r.syntax_word if r.takes_value else None)
        for r in OPTIONS
        if r.since <= v(version)
    }
    assert listed == expected


@cache
def _api_macros() -> dict[str, tuple[str, str, str]]:
    """VIR_MIGRATE_PARAM_* -> (key, version, info) from the installed (9.0.0) libvirt-api.xml."""
    tree = ET.parse(API_XML)
    return {
        m.get("name", ""): (m.get("string", ""), m.get("version", ""), m.findtext("info") or "")
        for m in tree.iter("macro")
        if m.get("name", "").startswith("VIR_MIGRATE_PARAM_")
    }


_PARAM_ROWS = [r for r in OPTIONS if r.param]


@pytest.mark.parametrize("option", _PARAM_ROWS, ids=lambda r: r.name)
def test_param_rows_match_api_xml(option: OptionRow) -> None:
    """Key, macro, `Since` and typed-parameter type of every parameter the 9.0.0 API knows."""
    require(os.path.exists(API_XML), f"{API_XML} is missing (libvirt-dev)")
    macros = _api_macros()
    assert option.param_macro and option.param_since and option.param_type
    if option.param_since > V9:
        assert option.param_macro not in macros
        return
    key, since, info = macros[option.param_macro]
    assert (key, since) == (option.param, str(option.param_since))
    assert set(re.findall(r"VIR_TYPED_PARAM_(\w+)", info)) <= {option.param_type.upper()}
    assert ("multiple field" in info) is option.is_list


def test_every_api_param_has_an_option() -> None:
    require(os.path.exists(API_XML), f"{API_XML} is missing (libvirt-dev)")
    assert {r.param_macro for r in _PARAM_ROWS if r.param_since and r.param_since <= V9} == set(
        _api_macros()
    )


def test_fetch_order_names_each_value_option_once() -> None:
    assert sorted(VIRSH_FETCH_ORDER) == sorted(r.name for r in OPTIONS if r.takes_value)
    assert len(FETCH_INDEX) == len(VIRSH_FETCH_ORDER)


@pytest.mark.parametrize(
    ("name", "value_type"),
    [("timeout", ValueType.UINT), ("disks-port", ValueType.INT),
     ("comp-mt-level", ValueType.INT), ("parallel-connections", ValueType.INT),
     ("bandwidth", ValueType.ULLONG), ("postcopy-bandwidth", ValueType.ULLONG),
     ("comp-xbzrle-cache", ValueType.ULLONG), ("available-switchover-bandwidth", ValueType.ULLONG),
     ("comp-zstd-level", ValueType.INT), ("xml", ValueType.FILE),
     ("persistent-xml", ValueType.FILE), ("comp-methods", ValueType.STRING_LIST),
     ("migrate-disks-target-zero", ValueType.STRING_LIST), ("dname", ValueType.STRING)],
)
def test_value_types(name: str, value_type: ValueType) -> None:
    assert row(name).type is value_type


def test_parser_change_release() -> None:
    assert v("10.2.0") < CURRENT_PARSER_SINCE <= v("10.3.0")


# ---------------------------------------------------------------- prefix


@pytest.mark.parametrize(
    "prefix",
    [[], ["migrate"], ["virsh", "migrate"], ["/usr/bin/virsh", "migrate"],
     ["virsh", "-c", "qemu:///system", "migrate"], ["virsh", "-cqemu:///system", "migrate"],
     ["virsh", "--connect=qemu:///system", "migrate"], ["virsh", "--connect", "x", "migrate"],
     ["virsh", "--conn", "x", "migrate"], ["virsh", "-qr", "-k", "5", "migrate"],
     ["virsh", "-qrc", "x", "migrate"], ["virsh", "-d", "0", "-l", "/tmp/log", "migrate"],
     ["virsh", "--keepalive-count=3", "--no-pkttyagent", "--", "migrate"],
     ["sudo", "virsh", "migrate"], ["sudo", "-u", "root", "/usr/bin/virsh", "migrate"]],
    ids=lambda p: " ".join(p) or "none",
)
def test_prefix_is_dropped(prefix: list[str]) -> None:
    assert strip_prefix([*prefix, "--live", "vm"]) == ["--live", "vm"]


@pytest.mark.parametrize(
    ("words", "token"),
    [(["virsh", "list", "vm"], "found 'list'"), (["virsh"], "found nothing"),
     (["virsh", "-x", "migrate"], "'-x'"), (["virsh", "--bogus", "migrate"], "'--bogus'"),
     (["virsh", "--keepalive", "1", "migrate"], "ambiguous virsh option '--keepalive'"),
     (["virsh", "-c"], "'-c' needs a value"), (["virsh", "-V", "migrate"], "'-V'"),
     (["virsh", "--version", "migrate"], "'--version'"),
     (["virsh", "--readonly=1", "migrate"], "'--readonly' takes no value")],
)
def test_bad_prefix(words: list[str], token: str) -> None:
    with pytest.raises(InputError, match=re.escape(token)):
        strip_prefix(words)


# ---------------------------------------------------------------- options and words


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_whole_line(version: LibvirtVersion) -> None:
    request = parse("virsh", "-c", "qemu:///system", "migrate", "--live", "--p2p",
                    "--bandwidth", "100", "--migrate-disks=vda,vdb", "--verbose", "--direct",
                    "vm1", "qemu+ssh://dst/system", "tcp://10.0.0.2", version=version)
    assert request.flags == 0x3
    assert request.domain == "vm1" and request.desturi == "qemu+ssh://dst/system"
    assert request.values == (
        ("bandwidth", 100), ("migrate-disks", ("vda", "vdb")), ("verbose", True),
        ("direct", True), ("migrateuri", "tcp://10.0.0.2"),
    )


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_value_option_takes_the_next_word_whatever_it_looks_like(version: LibvirtVersion) -> None:
    request = parse("--dname", "--live", "--migrateuri", "--", "vm", "uri", version=version)
    assert request.flags == 0
    assert request.values == (("dname", "--live"), ("migrateuri", "--"))


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_equals_keeps_the_rest_of_the_word(version: LibvirtVersion) -> None:
    assert parse("--dname=a=b", version=version).values == (("dname", "a=b"),)


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_words_after_the_data_mark_are_data(version: LibvirtVersion) -> None:
    request = parse("vm", "--", "uri", "--live", "--", version=version)
    assert (request.domain, request.desturi, request.flags) == ("vm", "uri", 0)
    assert request.values == (("migrateuri", "--live"), ("graphicsuri", "--"))


@pytest.mark.parametrize(
    ("version", "expected"), [(V9, LEGACY_SLOTS), (V12, CURRENT_SLOTS)], ids=["9.0.0", "12.9.0"]
)
def test_positional_slots(version: LibvirtVersion, expected: list[str]) -> None:
    assert [r.name for r in positional_slots(version)] == expected


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_third_and_fourth_bare_words(version: LibvirtVersion) -> None:
    """A third bare word is --migrateuri and a fourth --graphicsuri, never --dname."""
    request = parse("vm", "uri", "tcp://h:1", "spice://g", version=version)
    assert request.values == (("migrateuri", "tcp://h:1"), ("graphicsuri", "spice://g"))


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_bare_words_skip_options_given_by_name(version: LibvirtVersion) -> None:
    request = parse("--migrateuri", "M", "vm", "uri", "G", version=version)
    assert request.values == (("migrateuri", "M"), ("graphicsuri", "G"))


def _fill_words(names: list[str], xml: str) -> list[str]:
    samples = {"comp-methods": "mt", "migrate-disks": "vda"}
    words = []
    for name in names:
        option = row(name)
        if option.type.numeric:
            words.append("7")
        elif option.type is ValueType.FILE:
            words.append(xml)
        else:
            words.append(samples.get(name, f"{name}-value"))
    return words


@pytest.mark.parametrize(
    ("version", "slots"), [(V9, LEGACY_SLOTS), (V12, CURRENT_SLOTS)], ids=["9.0.0", "12.9.0"]
)
def test_every_slot_filled_then_one_more_is_unexpected(
    version: LibvirtVersion, slots: list[str], tmp_path: Path
) -> None:
    xml = tmp_path / "d.xml"
    xml.write_text("<domain/>")
    words = _fill_words(slots, str(xml))
    request = parse(*words, version=version)
    assert [name for name, _ in request.values] == slots[2:]
    assert refused(*words, "extra", version=version) == "unexpected data 'extra'"


def test_eleventh_bare_word_is_disks_uri_only_in_9() -> None:
    words = ["vm", "uri", "m", "g", "l", "d", "0", "f.xml", "vda", "5", "tcp://d:1"]
    with pytest.raises(InputError, match=r"^unexpected data 'tcp://d:1'$"):
        parse_virsh_argv(words, V12, read_files=False)
    request = parse_virsh_argv(words, V9, read_files=False)
    assert request.value_of("disks-uri") == "tcp://d:1"


@pytest.mark.parametrize(
    ("word", "legacy", "current"),
    [("--live", True, True), ("--5", True, True), ("---x", False, True), ("--_x", False, True),
     ("--=x", False, True), ("--é", False, True), ("--", False, False), ("-live", False, False),
     ("-", False, False), ("x--y", False, False)],
)
def test_what_counts_as_an_option(word: str, legacy: bool, current: bool) -> None:
    assert is_option_word(word, V9) is legacy
    assert is_option_word(word, V12) is current


def test_legacy_data_word_becomes_a_value() -> None:
    assert parse("vm", "uri", "---x", version=V9).value_of("migrateuri") == "---x"
    assert refused("vm", "uri", "---x", version=V12).startswith(
        "command 'migrate' doesn't support option ---x"
    )
    assert refused("vm", "uri", "--=x", version=V12) == (
        "command 'migrate' doesn't support option --"
    )


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_alias(version: LibvirtVersion) -> None:
    assert parse("--tunneled", version=version).flags == 0x4
    assert refused("--tunneled", "--tunnelled", version=version) == (
        "option --tunnelled already seen"
    )


# ---------------------------------------------------------------- parse errors


PARSE_ERRORS = [
    (["--foo"], "command 'migrate' doesn't support option --foo"),
    (["--Live"], "command 'migrate' doesn't support option --Live"),
    (["--p2p", "--p2p"], "option --p2p already seen"),
    (["--bandwidth", "1", "--bandwidth=2"], "option --bandwidth already seen"),
    (["vm", "uri", "G", "--migrateuri", "M"], "option --migrateuri already seen"),
    (["--live=yes"], "invalid '=' after option --live"),
    (["--tunneled=1"], "invalid '=' after option --tunnelled"),
    (["vm", "--dname"], "expected syntax: --dname <string>"),
    (["vm", "--bandwidth"], "expected syntax: --bandwidth <number>"),
    (["vm", "--xml"], "expected syntax: --xml <string>"),
]


@pytest.mark.parametrize("version", VERSIONS, ids=str)
@pytest.mark.parametrize(("words", "message"), PARSE_ERRORS, ids=[" ".join(w) for w, _ in
                                                                   PARSE_ERRORS])
def test_parse_errors(version: LibvirtVersion, words: list[str], message: str) -> None:
    assert refused(*words, version=version).startswith(message)


def test_unknown_option_gets_a_did_you_mean() -> None:
    assert refused("--bandwith", "5") == (
        "command 'migrate' doesn't support option --bandwith: did you mean '--bandwidth'?"
    )


def test_first_parse_error_wins() -> None:
    assert refused("--foo", "--bandwidth", "abc") == (
        "command 'migrate' doesn't support option --foo"
    )
    assert refused("--bandwidth", "abc", "--p2p", "--p2p") == "option --p2p already seen"


# ---------------------------------------------------------------- values


NUMBERS = [
    # option, text, value or None when virsh refuses it
    ("timeout", "-1", None), ("timeout", "-0", None), ("timeout", "4294967295", 4294967295),
    ("timeout", "4294967296", None), ("timeout", "0x10", None), ("timeout", " 5", 5),
    ("comp-mt-level", "-1", -1), ("comp-mt-level", "-0", 0), ("comp-mt-level", "+7", 7),
    ("comp-mt-level", "-2147483648", -2147483648), ("comp-mt-level", "-2147483649", None),
    ("parallel-connections", "2147483647", 2147483647),
    ("parallel-connections", "2147483648", None),
    ("bandwidth", "-1", None), ("bandwidth", "-0", None), ("bandwidth", "abc", None),
    ("bandwidth", "", None), ("bandwidth", " ", None), ("bandwidth", "5 ", None),
    ("bandwidth", " +5", 5), ("bandwidth", "\t\n\v\f\r5", 5), ("bandwidth", "+-5", None),
    ("bandwidth", "010", 10), ("bandwidth", "0000000000000000000000005", 5),
    ("bandwidth", "18446744073709551615", 18446744073709551615),
    ("bandwidth", "18446744073709551616", None), ("bandwidth", "1M", None),
    ("bandwidth", "٣", None), ("bandwidth", "1_000", None), ("bandwidth", "1e3", None),
    ("comp-xbzrle-cache", "1048576", 1048576), ("disks-port", "-1", -1),
    ("disks-port", "0", 0),
]


@pytest.mark.parametrize(("name", "text", "value"), NUMBERS, ids=[f"{n}={t!r}" for n, t, _ in
                                                                   NUMBERS])
def test_numbers(name: str, text: str, value: int | None) -> None:
    if value is None:
        with pytest.raises(InputError) as caught:
            to_number(row(name), text)
        assert str(caught.value) == (
            f"Numeric value '{text}' for <{name}> option is malformed or out of range"
        )
    else:
        assert to_number(row(name), text) == value
        assert parse(f"--{name}={text}").value_of(name) == value


@pytest.mark.parametrize("name", ["dname", "migrateuri", "migrate-disks", "comp-methods", "xml",
                                  "persistent-xml", "tls-destination", "domain", "desturi"])
def test_empty_strings_are_refused(name: str) -> None:
    assert refused(f"--{name}=") == f"Failed to get option '{name}': Option argument is empty"


@pytest.mark.parametrize(
    ("text", "items"),
    [("vda", ("vda",)), ("vda,vdb", ("vda", "vdb")), ("vda,", ("vda", "")),
     (",", ("", "")), ("a,,b", ("a", "", "b")), (" vda , vdb", (" vda ", " vdb"))],
)
def test_comma_lists_split_on_every_comma(text: str, items: tuple[str, ...]) -> None:
    assert parse("--migrate-disks", text).value_of("migrate-disks") == items


def test_values_are_checked_in_virsh_order() -> None:
    """With several bad values virsh names the one it reads first, not the first typed."""
    assert refused("--bandwidth", "abc", "--timeout", "abc").startswith(
        "Numeric value 'abc' for <timeout>"
    )
    assert refused("--bandwidth", "abc", "--dname=").startswith("Failed to get option 'dname'")
    assert refused("--bandwidth", "x", "--xml", "/nonexistent/x.xml").startswith(
        "cannot read file '/nonexistent/x.xml'"
    )
    assert refused("--desturi=", "--migrateuri=", "vm").startswith(
        "Failed to get option 'desturi'"
    )


# ---------------------------------------------------------------- files


def test_xml_files_are_read(tmp_path: Path) -> None:
    xml = tmp_path / "dest.xml"
    xml.write_text("<domain type='kvm'>\n  <name>vm</name>\n</domain>\n")
    request = parse("--xml", str(xml), "--persistent-xml", str(xml))
    value = request.value_of("xml")
    assert isinstance(value, FileArg)
    assert value == FileArg(str(xml), xml.read_text())
    params = analyse(request).params
    assert [(p.key, p.value) for p in params] == [
        ("destination_xml", xml.read_text()), ("persistent_xml", xml.read_text())
    ]


def test_empty_file_is_sent_as_empty_text(tmp_path: Path) -> None:
    xml = tmp_path / "empty.xml"
    xml.write_bytes(b"")
    assert parse("--xml", str(xml)).value_of("xml") == FileArg(str(xml), "")


@pytest.mark.parametrize(
    ("make", "reason", "step"),
    [("missing", "No such file or directory", "open"), ("directory", "Is a directory", "read"),
     ("big", "Value too large for defined data type", "read")],
)
def test_unreadable_files(tmp_path: Path, make: str, reason: str, step: str) -> None:
    path = tmp_path / make
    if make == "directory":
        path.mkdir()
    elif make == "big":
        path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    assert refused("--persistent-xml", str(path)) == (
        f"cannot read file '{path}': Failed to {step} file '{path}': {reason}"
    )


def test_largest_file_virsh_reads(tmp_path: Path) -> None:
    path = tmp_path / "max.xml"
    path.write_bytes(b"a" * MAX_FILE_BYTES)
    value = parse("--xml", str(path)).value_of("xml")
    assert isinstance(value, FileArg) and len(value.content) == MAX_FILE_BYTES


# ---------------------------------------------------------------- options newer than the release


def test_newer_option_is_parsed_and_left_to_core() -> None:
    request = parse("--comp-zlib-level", "3", "vm", "uri", version=V9)
    assert request.value_of("comp-zlib-level") == 3
    problems = [p.message for p in analyse(request, V9).problems if p.rule == "too-new"]
    assert problems == ["command 'migrate' doesn't support option --comp-zlib-level"]


def test_nothing_after_a_newer_option_is_complained_about() -> None:
    """virsh stops at the unknown option: later parse errors are that same error, and values
    are kept as typed instead of refused."""
    assert refused("--comp-zlib-level", "1", "--foo", version=V9) == (
        "command 'migrate' doesn't support option --comp-zlib-level"
    )
    assert refused("--comp-zstd-level", "1", "--p2p", "--p2p", version=V9) == (
        "command 'migrate' doesn't support option --comp-zstd-level"
    )
    request = parse("--comp-zlib-level", "abc", "--bandwidth", "-1", version=V9)
    assert request.values == (
        ("comp-zlib-level", RawValue("abc")), ("bandwidth", RawValue("-1"))
    )
    assert analyse(request, V9).params == ()


def test_parse_error_before_a_newer_option_wins() -> None:
    assert refused("--foo", "--comp-zlib-level", "1", version=V9) == (
        "command 'migrate' doesn't support option --foo"
    )


def test_newer_options_take_no_positional_slot() -> None:
    assert "comp-zlib-level" not in [r.name for r in positional_slots(V9)]


# ---------------------------------------------------------------- params


def test_params_in_virsh_order_and_disks_port_zero_left_out() -> None:
    request = parse("--bandwidth", "0", "--disks-port", "0", "--dname", "x", "--migrateuri",
                    "tcp://h", "--comp-methods", "mt,xbzrle")
    params = analyse(request).params
    assert [entry for p in params for entry in p.log_entries()] == [
        ("migrate_uri", "string", "tcp://h"), ("destination_name", "string", "x"),
        ("compression", "string", "mt"), ("compression", "string", "xbzrle"),
        ("bandwidth", "ullong", "0"),
    ]


# ---------------------------------------------------------------- round trip


def _value_strategy(option: OptionRow, xml: str) -> st.SearchStrategy[object]:
    text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
    if option.type is ValueType.INT:
        return st.integers(-(2**31), 2**31 - 1)
    if option.type is ValueType.UINT:
        return st.integers(0, 2**32 - 1)
    if option.type is ValueType.ULLONG:
        return st.integers(0, 2**64 - 1)
    if option.type is ValueType.STRING_LIST:
        item = st.text(st.characters(codec="utf-8", exclude_characters=","),
                       max_size=6)
        return st.lists(item, min_size=1, max_size=4).map(tuple).filter(lambda t: t != ("",))
    if option.type is ValueType.FILE:
        return st.just(FileArg(xml, "<domain/>"))
    if option.type is ValueType.BOOL:
        return st.just(True)
    return text


@st.composite
def requests(draw: st.DrawFn, version: LibvirtVersion, xml: str) -> Request:
    """A request with a random subset of the options `version` knows and valid values."""
    known = [r for r in OPTIONS if r.since <= version and r.kind is not OptionKind.POSITIONAL]
    chosen = draw(st.lists(st.sampled_from(known), unique_by=lambda r: r.name, max_size=12))
    flags = 0
    values: list[tuple[str, object]] = []
    for option in chosen:
        if option.kind is OptionKind.FLAG:
            assert option.flag is not None
            flags |= option.flag.value
        else:
            values.append((option.name, draw(_value_strategy(option, xml))))
    name = st.text(st.characters(codec="utf-8"), min_size=1, max_size=16)
    return Request(flags=flags, values=tuple(values), domain=draw(name), desturi=draw(name))


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_round_trip(version: LibvirtVersion, tmp_path: Path) -> None:
    """parse(render(request)) == request for random options and values of that release."""
    xml = tmp_path / "dest.xml"
    xml.write_text("<domain/>")

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(requests(version, str(xml)))
    def check(request: Request) -> None:
        words = command_words(analyse(request, version))
        assert parse_virsh_argv(words, version) == request

    check()


def test_flags_render_in_bit_order() -> None:
    request = parse("--p2p", "--live", "vm", "uri")
    assert command_words(analyse(request))[:4] == ["virsh", "migrate", FLAGS[0].virsh_option,
                                                    FLAGS[1].virsh_option]
