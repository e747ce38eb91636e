"""How each libvirt language binding spells the flags of `virDomainMigrateFlags`.

The flag names themselves come from `flags.py`; a binding row says only how a binding derives
its constant from a flag row (a qualifier in front, one of four name styles), how many of the
flags it defines, and where it departs from the rule. Parsing (`parse.py`), `--format`
(`render/expr.py`), completion and `explain` all read this table.

Every row was read from the binding's own published source (the `source` field: repository,
path, and the commit read); `tests/data/bindings/*.txt` lists the names found there, and
`tests/test_bindings.py` checks this table against those lists.
"""

from __future__ import annotations

from migflags.record import NamedTuple
from migflags.tables.flags import C_PREFIX, FLAGS, FlagRow

# The part of every C name after `VIR_`: the official Go module, Perl and Ruby keep it.
_NO_VIR_PREFIX = C_PREFIX.removeprefix("VIR_")


class Style:
    """Name styles (plain strings: an Enum would cost start-up time on every decode)."""

    C = "c"  # VIR_MIGRATE_LIVE
    NO_VIR = "no-vir"  # MIGRATE_LIVE
    SHORT = "short"  # LIVE
    GO = "go"  # MigrateLive (go-libvirt's CamelCase of the C name)


def spell(style: str, row: FlagRow) -> str:
    if style == Style.C:
        return row.c_name
    if style == Style.NO_VIR:
        return _NO_VIR_PREFIX + row.short
    if style == Style.SHORT:
        return row.short
    return row.go_name


class BindingRow(NamedTuple):
    format: str  # the --format name
    name: str  # the binding as its users call it
    language: str
    qualifiers: tuple[str, ...]  # accepted in front of a name; the first is the one printed
    style: str  # a Style
    bits: int  # the binding defines the flags of bits 0 .. bits-1
    source: str  # repository, path and commit the spelling was read from
    renames: tuple[tuple[int, str], ...] = ()  # (bit, name) where the binding departs from style
    also: tuple[str, ...] = ()  # further name styles accepted after a qualifier
    joiner: str = " | "
    cast: str = ""  # a number OR-ed with the constants needs this type cast (C# enums)
    long_suffix: str = ""  # the suffix a literal wider than 31 bits needs (Java's `L`)

    def literal(self, value: int) -> str:
        """A number in this language, as it can be OR-ed with the binding's constants."""
        text = hex(value) + (self.long_suffix if value > 0x7FFFFFFF else "")
        return f"({self.cast}){text}" if self.cast else text

    def defines(self, row: FlagRow) -> bool:
        return row.bit < self.bits

    def spell(self, row: FlagRow, style: str | None = None) -> str:
        """The constant's name without the qualifier (`style`: one of `also` instead)."""
        if style is None:
            for bit, name in self.renames:
                if bit == row.bit:
                    return name
        return spell(style or self.style, row)

    def constant(self, row: FlagRow) -> str:
        """The whole expression for one flag, as it is printed: `libvirt.MIGRATE_LIVE`."""
        return self.qualifiers[0] + self.spell(row)


ALL_BITS = len(FLAGS)

BINDINGS: tuple[BindingRow, ...] = (
    BindingRow(
        "c", "libvirt (C)", "C", ("",), Style.C, ALL_BITS,
        "libvirt/libvirt include/libvirt/libvirt-domain.h (enum virDomainMigrateFlags); "
        "/usr/share/libvirt/api/libvirt-api.xml",
    ),
    BindingRow(
        "python", "libvirt-python", "Python", ("libvirt.",), Style.C, ALL_BITS,
        "libvirt/libvirt-python generator.py @ 2ef29704f3da (every enum of libvirt-api.xml "
        "becomes a module constant); Debian python3-libvirt 9.0.0",
    ),
    BindingRow(
        "java", "libvirt-java", "Java",
        ("Domain.MigrateFlags.", "MigrateFlags.", "org.libvirt.Domain.MigrateFlags."),
        Style.SHORT, ALL_BITS,
        "libvirt/libvirt-java src/main/java/org/libvirt/Domain.java @ 272702e4bfca "
        "(class Domain.MigrateFlags)",
        renames=((2, "TUNNELED"),),
        long_suffix="L",
        # Some Java code keeps its own MigrateFlags class of C names (VIR_MIGRATE_LIVE); the
        # value is unambiguous, so it is read, but never printed.
        also=(Style.C,),
    ),
    BindingRow(
        "csharp", "Libvirt_Pinvoke (C#)", "C#",
        ("Libvirt.virDomainMigrateFlags.", "virDomainMigrateFlags."), Style.C, 15,
        "smasherprog/Libvirt_Windows_CSharpDevelopment Libvirt_Pinvoke/Libvirt_Pinvoke/"
        "Libvirt.cs @ 3a5edbcfa32d (enum virDomainMigrateFlags, bits 0-14; libvirt/"
        "libvirt-csharp defines no virDomainMigrateFlags)",
        cast="Libvirt.virDomainMigrateFlags",
    ),
    BindingRow(
        "go", "go-libvirt", "Go", ("libvirt.", "golibvirt."), Style.GO, ALL_BITS,
        "digitalocean/go-libvirt const.gen.go @ 273eaa321819 (type DomainMigrateFlags)",
    ),
    BindingRow(
        "go-module", "libvirt-go-module", "Go", ("libvirt.",), Style.NO_VIR, ALL_BITS,
        "libvirt/libvirt-go-module domain.go @ 41ecc455c544 (DomainMigrateFlags constants)",
    ),
    BindingRow(
        "perl", "Sys::Virt", "Perl", ("Sys::Virt::Domain::", "&Sys::Virt::Domain::"),
        Style.NO_VIR, ALL_BITS,
        "libvirt/libvirt-perl lib/Sys/Virt.xs @ bdc9bad248c9 (REGISTER_CONSTANT into "
        "Sys::Virt::Domain), lib/Sys/Virt/Domain.pm",
    ),
    BindingRow(
        "ruby", "ruby-libvirt", "Ruby", ("Libvirt::Domain::",), Style.NO_VIR, 15,
        "libvirt/libvirt-ruby ext/libvirt/domain.c @ d93a84beaabf (rb_define_const on "
        "Libvirt::Domain, bits 0-14); Debian ruby-libvirt 0.7.1",
    ),
    BindingRow(
        "rust", "virt (Rust)", "Rust", ("virt::sys::", "sys::", "virt_sys::"), Style.C,
        ALL_BITS,
        "libvirt/libvirt-rust virt-sys/bindgen/bindings.rs @ 162220f12813 (re-exported "
        "as virt::sys)",
    ),
)

# Not a binding: the value as C/Java/Go shifts, `1 << 0 | 1 << 1`.
SHIFT_FORMAT = "shift"

BY_FORMAT: dict[str, BindingRow] = {row.format: row for row in BINDINGS}
CASTS: frozenset[str] = frozenset(row.cast for row in BINDINGS if row.cast)
FORMATS: tuple[str, ...] = (*BY_FORMAT, SHIFT_FORMAT)
