"""Every binding's spelling, in (decode) and out (--format), against each binding's own source.

Expected names come from `tests/data/bindings/*.txt` (read from each binding's published
source; each file names the repository, path and commit) and from the real Debian packages
python3-libvirt, libsys-virt-perl and ruby-libvirt, and the libvirt C headers (gcc), never
from `tables/bindings.py`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import require
from hypothesis import given, settings
from hypothesis import strategies as st

from migflags.cli import main
from migflags.core import producers_of
from migflags.errors import InputError
from migflags.parse import parse_value
from migflags.render.expr import STYLES, expression
from migflags.versions import NEWEST
from migflags.virsh_argv import parse_virsh_argv

DATA = Path(__file__).parent / "data" / "bindings"
API_XML = Path("/usr/share/libvirt/api/libvirt-api.xml")
ALL = 2**21  # values below this use only bits libvirt defines
SYSTEM_PYTHON = "/usr/bin/python3"


@cache
def c_values() -> dict[str, int]:
    """VIR_MIGRATE_* -> value, from libvirt's own API description."""
    require(API_XML.exists(), f"{API_XML} is missing: apt-get install libvirt-dev")
    root = ET.parse(API_XML).getroot()
    return {e.get("name", ""): int(e.get("value", "")) for e in root.iter("enum")
            if e.get("type") == "virDomainMigrateFlags"}


def _value(column: str) -> int:
    if column.startswith("bit("):
        return 1 << int(column[4:-1])
    if column.isdigit():
        return int(column)
    return c_values()[column]


def fixture(name: str) -> list[tuple[int, str]]:
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("# source: ") and " @ " in lines[1]
    rows = [line.split() for line in lines if line and not line.startswith("#")]
    return [(_value(value), spelling) for value, spelling in rows]


FIXTURES = ["java", "go-module", "go", "perl", "ruby", "rust", "csharp"]


@pytest.mark.parametrize("fmt", FIXTURES)
def test_fixture_is_whole(fmt: str) -> None:
    rows = fixture(fmt)
    values = [value for value, _ in rows]
    assert values == [1 << bit for bit in range(len(values))], "one constant per bit, in order"
    assert len(rows) in (15, 21)  # ruby-libvirt and the C# binding stop at RDMA_PIN_ALL


@pytest.mark.parametrize("fmt", FIXTURES)
def test_decode_reads_every_constant_of_the_binding(fmt: str) -> None:
    for value, spelling in fixture(fmt):
        assert parse_value(spelling) == value, spelling


@pytest.mark.parametrize("fmt", FIXTURES)
def test_format_prints_the_bindings_own_names(fmt: str) -> None:
    rows = fixture(fmt)
    for value, spelling in rows:
        assert expression(value, fmt) == spelling
    for bit in range(len(rows), 21):  # a constant the binding lacks stays a number
        assert expression(1 << bit, fmt) == NUMBER.get(fmt, "{:#x}").format(1 << bit)


# How a bare number is OR-ed with the constants: C# does not OR an enum with an int.
NUMBER = {"csharp": "(Libvirt.virDomainMigrateFlags){:#x}"}


@pytest.mark.parametrize("fmt", ["ruby", "csharp"])
def test_a_constant_the_binding_lacks_is_refused_by_name(fmt: str) -> None:
    prefix = fixture(fmt)[0][1].rsplit("LIVE", 1)[0]
    with pytest.raises(InputError, match=r"defines only bits 0-14 .*POSTCOPY: write 0x8000"):
        parse_value(prefix + "POSTCOPY")


# ---------------------------------------------------------------- the real bindings


def _run(argv: list[str], stdin: str = "") -> str:
    done = subprocess.run(argv, input=stdin, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@cache
def python_binding() -> dict[str, int]:
    """The VIR_MIGRATE_* flag constants of the installed libvirt-python module."""
    found = Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import libvirt"], capture_output=True, check=False
    ).returncode == 0
    require(found, "python3-libvirt is not installed (apt-get install python3-libvirt)")
    out = _run([SYSTEM_PYTHON, "-c", "import json, libvirt; print(json.dumps({k: v for k, v in "
                "vars(libvirt).items() if k.startswith('VIR_MIGRATE_') and isinstance(v, int)}))"])
    constants: dict[str, int] = json.loads(out)
    # the same module has VIR_MIGRATE_MAX_SPEED_POSTCOPY (another enum) and string params
    return {k: v for k, v in constants.items() if k in c_values()}


def test_python_constants_decode_and_print() -> None:
    constants = python_binding()
    assert len(constants) == 21
    for name, value in constants.items():
        assert parse_value(f"libvirt.{name}") == value
        assert expression(value, "python") == f"libvirt.{name}"


SAMPLE = sorted({*(1 << b for b in range(21)), 0, 0x1B, 0x9B, 0x801, ALL - 1,
                 *range(0, ALL, 7919), *((1 << a) | (1 << b) for a in range(21)
                                         for b in range(a))})


def _evaluated(fmt: str, values: list[int]) -> list[int]:
    """Each value's --format expression evaluated by the language's real binding."""
    exprs = [expression(v, fmt) for v in values]
    if fmt == "python":
        python_binding()
        script = "import libvirt, sys\nfor line in sys.stdin: print(eval(line))\n"
        out = _run([SYSTEM_PYTHON, "-c", script], "\n".join(exprs) + "\n")
    elif fmt == "perl":
        require(subprocess.run(["perl", "-MSys::Virt", "-e", "1"], capture_output=True,
                               check=False).returncode == 0,
                "Sys::Virt is not installed (apt-get install libsys-virt-perl)")
        script = "use Sys::Virt;\n" + "".join(f"print(({e}), \"\\n\");\n" for e in exprs)
        out = _run(["perl"], script)
    elif fmt == "ruby":
        require(shutil.which("ruby") is not None and subprocess.run(
            ["ruby", "-rlibvirt", "-e", "1"], capture_output=True, check=False).returncode == 0,
            "ruby-libvirt is not installed (apt-get install ruby-libvirt)")
        out = _run(["ruby", "-rlibvirt"], "".join(f"puts({e})\n" for e in exprs))
    else:  # c and shift, compiled against libvirt's own header
        require(shutil.which("gcc") is not None and Path(
            "/usr/include/libvirt/libvirt.h").exists(), "gcc or libvirt-dev is missing")
        body = "".join(f'printf("%lu\\n", (unsigned long)({e}));\n' for e in exprs)
        source = f"#include <stdio.h>\n#include <libvirt/libvirt.h>\nint main(void) {{\n{body}}}\n"
        return [int(x) for x in _compile_and_run(source).split()]
    return [int(x) for x in out.split()]


def _compile_and_run(source: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "t.c").write_text(source, encoding="utf-8")
        _run(["gcc", "-w", "-o", f"{tmp}/t", f"{tmp}/t.c"])
        return _run([f"{tmp}/t"])


@pytest.mark.parametrize("fmt", ["python", "perl", "ruby", "c", "shift"])
def test_real_binding_evaluates_the_format_to_the_value(fmt: str) -> None:
    assert _evaluated(fmt, SAMPLE) == SAMPLE


WIDE = [1 << 40 | 1, 1 << 63 | 1 << 15 | 1, 2**64 - 1, 0x7FFFFFFF, 0x80000000]


def test_java_compiles_and_evaluates_the_format(tmp_path: Path) -> None:
    """javac and java over --format java, with libvirt-java's Domain.MigrateFlags rebuilt from
    the names and bit(N) values read from its source (tests/data/bindings/java.txt)."""
    require(shutil.which("javac") is not None and shutil.which("java") is not None,
            "no JDK (apt-get install default-jdk-headless)")
    package = tmp_path / "org" / "libvirt"
    package.mkdir(parents=True)
    fields = "".join(f"public static final int {name.rsplit('.', 1)[1]} = {value};\n"
                     for value, name in fixture("java"))
    (package / "Domain.java").write_text(
        "package org.libvirt;\npublic class Domain {\n"
        f"public static final class MigrateFlags {{\n{fields}}}\n}}\n", encoding="utf-8")
    values = [*SAMPLE[::3], *WIDE]
    prints = "".join(f"System.out.println(Long.toUnsignedString({expression(v, 'java')}));\n"
                     for v in values)
    (tmp_path / "T.java").write_text(
        "import org.libvirt.Domain;\npublic class T {\npublic static void main(String[] a) {\n"
        f"{prints}}}\n}}\n", encoding="utf-8")
    _run(["javac", "-d", str(tmp_path), str(package / "Domain.java"), str(tmp_path / "T.java")])
    out = _run(["java", "-cp", str(tmp_path), "T"])
    assert [int(x) for x in out.split()] == values


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("fmt", STYLES)
def test_round_trip_on_a_sample(fmt: str) -> None:
    for value in SAMPLE:
        assert parse_value(expression(value, fmt)) == value


@settings(max_examples=400)
@given(st.integers(0, ALL - 1), st.sampled_from(STYLES))
def test_round_trip_property(value: int, fmt: str) -> None:
    assert parse_value(expression(value, fmt)) == value


@settings(max_examples=100)
@given(st.integers(0, 2**64 - 1), st.sampled_from(STYLES))
def test_round_trip_keeps_unknown_bits(value: int, fmt: str) -> None:
    assert parse_value(expression(value, fmt)) == value


# ---------------------------------------------------------------- pasted code


FRAGMENTS = [
    ("1L << 5", 0x20),
    ("1 << 5", 0x20),
    ("1UL << 5", 0x20),
    ("(1 << 0) | (1 << 1)", 0x3),
    ("Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PEER2PEER", 0x3),
    ("Domain.MigrateFlags.VIR_MIGRATE_LIVE | Domain.MigrateFlags.VIR_MIGRATE_PEER2PEER", 0x3),
    ("MigrateFlags.LIVE|MigrateFlags.TUNNELED", 0x5),
    ("MigrateFlags.VIR_MIGRATE_UNDEFINE_SOURCE | MigrateFlags.VIR_MIGRATE_PEER2PEER", 0x12),
    ("Libvirt.virDomainMigrateFlags.VIR_MIGRATE_NON_SHARED_DISK | "
     "Libvirt.virDomainMigrateFlags.VIR_MIGRATE_TUNNELLED", 0x44),
    ("libvirt.MigrateLive | libvirt.MigratePeer2peer", 0x3),
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST", 0xB),
    ("Sys::Virt::Domain::MIGRATE_LIVE | &Sys::Virt::Domain::MIGRATE_PEER2PEER", 0x3),
    ("Sys::Virt::Domain::MIGRATE_LIVE()", 0x1),
    ("Libvirt::Domain::MIGRATE_LIVE | Libvirt::Domain::MIGRATE_UNSAFE", 0x201),
    ("virt::sys::VIR_MIGRATE_LIVE | sys::VIR_MIGRATE_TLS", 0x10001),
    ("libvirt.VIR_MIGRATE_LIVE +\n    libvirt.VIR_MIGRATE_PEER2PEER", 0x3),
    ("LIVE PEER2PEER", 0x3),
    # CloudStack-style constant declarations, several lines at once
    ("private static final long VIR_MIGRATE_LIVE = 1L;\n"
     "private static final long VIR_MIGRATE_PAUSED = 1L << 5;\n"
     "private static final long VIR_MIGRATE_COMPRESSED = 1L << 11; // compression", 0x821),
    # KubeVirt's generateMigrationFlags body, pasted
    ("migrateFlags := libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | "
     "libvirt.MIGRATE_PERSIST_DEST\n\tmigrateFlags |= libvirt.MIGRATE_NON_SHARED_INC", 0x8B),
    ("flags = 0\nflags |= libvirt.VIR_MIGRATE_LIVE  # always\n", 0x1),
]


@pytest.mark.parametrize(("text", "value"), FRAGMENTS, ids=[t for t, _ in FRAGMENTS])
def test_pasted_code(text: str, value: int) -> None:
    assert parse_value(text) == value


ERRORS = [
    ("Libvirt::Domain::MIGRATE_POSTCOPY", "ruby-libvirt defines only bits 0-14"),
    ("Domain.MigrateFlags.TUNNELLED", "libvirt-java 'Domain.MigrateFlags.TUNNELED'"),
    ("libvirt.LIVE", "libvirt-go-module 'libvirt.MIGRATE_LIVE'"),
    ("Libvirt.Domain.MIGRATE_LIVE", "resembles ruby-libvirt's spelling: did you mean "
                                    "'Libvirt::Domain::MIGRATE_LIVE'?"),
    ("libvirt.VIR_DOMAIN_XML_SECURE", "another libvirt enum in libvirt-python"),
    ("Sys::Virt::Domain::XML_SECURE", "another libvirt enum in Sys::Virt"),
    ("libvirt.MIGRATE_LIV", "libvirt-go-module: did you mean 'libvirt.MIGRATE_LIVE'?"),
    ("private static final long VIR_MIGRATE_PAUSED = 1L << 6;",
     "VIR_MIGRATE_PAUSED is 0x20 (bit 5) in libvirt, but this code declares it as 0x40"),
    ("1 << 64", "does not fit in 64 bits"),
    ("(LIVE", "missing ')'"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS, ids=[t for t, _ in ERRORS])
def test_bad_names_say_which_binding(runner: CliRunner, text: str, message: str) -> None:
    result = runner.invoke(main, ["decode", text])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


# ---------------------------------------------------------------- explain


@pytest.mark.parametrize(("name", "binding", "c_name"), [
    ("libvirt.MIGRATE_LIVE", "libvirt-go-module", "VIR_MIGRATE_LIVE"),
    ("libvirt.MigrateTLS", "go-libvirt", "VIR_MIGRATE_TLS"),
    ("Domain.MigrateFlags.TUNNELED", "libvirt-java", "VIR_MIGRATE_TUNNELLED"),
    ("Sys::Virt::Domain::MIGRATE_ZEROCOPY", "Sys::Virt", "VIR_MIGRATE_ZEROCOPY"),
])
def test_explain_names_the_binding(runner: CliRunner, name: str, binding: str,
                                   c_name: str) -> None:
    result = runner.invoke(main, ["explain", name])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith(name))
    assert binding in line and c_name in line


# ---------------------------------------------------------------- producers


def _virsh(line: str) -> int:
    return parse_virsh_argv(line.split()[2:], NEWEST).flags


# Each expression is copied from the producer's code (or its virsh command line).
PRODUCED = [
    # kubevirt live-migration-source.go generateMigrationFlags
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST",
     ["vdsm (oVirt) migration", "KubeVirt migration"]),
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST | "
     "libvirt.MIGRATE_NON_SHARED_INC", ["KubeVirt migration (block)"]),
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST | "
     "libvirt.MIGRATE_PARALLEL",
     ["vdsm (oVirt) migration, parallel", "KubeVirt migration (parallel)"]),
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST | "
     "libvirt.MIGRATE_PAUSED", ["KubeVirt migration (paused)"]),
    # its options are independent of each other: any combination is KubeVirt's
    ("libvirt.MIGRATE_LIVE | libvirt.MIGRATE_PEER2PEER | libvirt.MIGRATE_PERSIST_DEST | "
     "libvirt.MIGRATE_NON_SHARED_INC | libvirt.MIGRATE_POSTCOPY | libvirt.MIGRATE_PARALLEL",
     ["KubeVirt migration (block, post-copy, parallel)"]),
    # virt-manager virtManager/object/domain.py migrate()
    ("libvirt.VIR_MIGRATE_LIVE | libvirt.VIR_MIGRATE_PERSIST_DEST | "
     "libvirt.VIR_MIGRATE_UNDEFINE_SOURCE", ["virt-manager migration"]),
    ("libvirt.VIR_MIGRATE_LIVE | libvirt.VIR_MIGRATE_PERSIST_DEST | "
     "libvirt.VIR_MIGRATE_UNDEFINE_SOURCE | libvirt.VIR_MIGRATE_PEER2PEER | "
     "libvirt.VIR_MIGRATE_TUNNELLED",
     ["nova live migration (tunnelled)", "virt-manager migration (tunnelled)"]),
    # cockpit-machines src/libvirtApi/domain.ts domainMigrateToUri (not temporary, shared)
    ("Enum.VIR_MIGRATE_PEER2PEER | Enum.VIR_MIGRATE_LIVE | Enum.VIR_MIGRATE_PERSIST_DEST | "
     "Enum.VIR_MIGRATE_UNDEFINE_SOURCE".replace("Enum.", ""),
     ["nova live migration", "Cockpit Machines migration"]),
    ("VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_LIVE", ["Cockpit Machines temporary migration"]),
]


@pytest.mark.parametrize(("code", "names"), PRODUCED, ids=[n[-1] for _, n in PRODUCED])
def test_producers_from_their_code(code: str, names: list[str]) -> None:
    assert [p.name for p in producers_of(parse_value(code))] == names


@pytest.mark.parametrize(("line", "names"), [
    ("virsh migrate --live vm qemu+ssh://dst/system",
     ["virt-manager temporary migration", "OpenNebula live migration, shared datastore"]),
    ("virsh migrate --live --suspend vm qemu+ssh://dst/system --copy-storage-all "
     "--migrate-disks vda", ["OpenNebula live migration, local datastore (copy storage)"]),
    ("virsh migrate --live --compressed vm qemu+ssh://dst/system",
     ["CloudStack KVM live migration",
      "OpenNebula live migration, shared datastore (compressed)"]),
    ("virsh migrate --live --unsafe --auto-converge vm qemu+ssh://dst/system",
     ["OpenNebula live migration, shared datastore (unsafe, auto-converge)"]),
])
def test_opennebula_virsh_lines(line: str, names: list[str]) -> None:
    assert [p.name for p in producers_of(_virsh(line))] == names


def test_an_option_bit_outside_the_producers_options_is_not_attributed() -> None:
    # KubeVirt never sets TUNNELLED
    assert "KubeVirt" not in " ".join(p.name for p in producers_of(0xB | 0x4))


def test_decode_names_every_producer_of_0xb(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "0xb", "--json"])
    names = [p["name"] for p in json.loads(result.stdout)["producers"]]
    assert names == ["vdsm (oVirt) migration", "KubeVirt migration"]
    assert all(re.search(r" @ [0-9a-f]{12}", p["source"]) or "vdsm" in p["name"]
               for p in json.loads(result.stdout)["producers"])


def test_deep_parentheses_are_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["decode", "(" * 3000 + "1" + ")" * 3000])
    assert result.exit_code == 2
    assert result.stderr == "migflags: error: parentheses nested more than 64 deep\n"


PIECES = [*"()|,+<=;:.&$ \n1Lx0UabLIVE_-#/*", "libvirt.", "Sys::Virt::Domain::",
          "MIGRATE_LIVE", "Domain.MigrateFlags.", "<<"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_any_fragment_decodes_or_is_one_line_error(text: str) -> None:
    try:
        value = parse_value(text)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert 0 <= value < 2**64
