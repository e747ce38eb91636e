"""The values passed between the layers: a migration request and the one result type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migflags.record import NamedTuple
from migflags.tables.flags import FlagRow
from migflags.tables.options import OptionRow
from migflags.text import Text
from migflags.versions import LibvirtVersion

if TYPE_CHECKING:  # guest.py is imported only when a guest is given (start-up cost)
    from migflags.guest import Guest

ParamValue = str | int | tuple[str, ...]


class FileArg:
    """A file option (--xml): virsh sends the contents; a command line shows the path.

    A plain class, not a tuple, so that it is never mistaken for a comma list's items."""

    __slots__ = ("content", "path")

    def __init__(self, path: str, content: str) -> None:
        self.path = path
        self.content = content

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileArg) and (other.path, other.content) == (
            self.path,
            self.content,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.content))

    def __repr__(self) -> str:
        return f"FileArg(path={self.path!r}, content={self.content!r})"


class RawValue:
    """An option value kept as typed because virsh never got as far as converting it.

    Only made for a command line that names an option the chosen release does not have: that
    virsh stops at the unknown option, so a malformed value elsewhere is not its complaint.
    A raw value is shown on command lines but sent as no typed parameter.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawValue) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"RawValue({self.text!r})"


class Request(NamedTuple):
    """What a `virsh migrate` call asks for: flag bits plus the values of the other options.

    `values` maps option names (without dashes) of non-flag options to their parsed values:
    True for booleans, int for numbers, str for strings, tuple[str, ...] for comma lists,
    `FileArg` for --xml / --persistent-xml and `RawValue` for a value left unconverted; in the
    order the command line gave them.
    """

    flags: int = 0
    values: tuple[tuple[str, object], ...] = ()
    domain: str | None = None
    desturi: str | None = None
    guest: Guest | None = None  # --state / --domain-xml; None when neither was given
    qemu: LibvirtVersion | None = None  # --qemu: QEMU's release, for QEMU-bounded rules
    connect: str | None = None  # virsh -c URI: the source connection, when the line names it

    def value_of(self, option: str) -> object:
        for name, value in self.values:
            if name == option:
                return value
        return None


class Param(NamedTuple):
    """One typed parameter as virsh sends it (a comma list becomes repeated string params)."""

    option: OptionRow
    value: ParamValue

    @property
    def key(self) -> str:
        assert self.option.param is not None
        return self.option.param

    @property
    def type(self) -> str:
        assert self.option.param_type is not None
        return self.option.param_type

    @property
    def items(self) -> tuple[str | int, ...]:
        """The values of the typed parameters sent: one per list item, else the value."""
        return self.value if isinstance(self.value, tuple) else (self.value,)

    def log_entries(self) -> list[tuple[str, str, str]]:
        """(key, type, value) as libvirt's debug log prints `params["key"]=(type)value`."""
        return [(self.key, self.type, str(item)) for item in self.items]


class Problem(NamedTuple):
    level: str  # "error" or "warning"
    layer: str  # "virsh", "libvirt", "qemu", or "advice" for what no layer enforces
    rule: str
    message: str  # the layer's own words for the chosen version ("" for advice)
    explanation: Text
    fix: Text

    @property
    def is_error(self) -> bool:
        return self.level == "error"


class Producer(NamedTuple):
    name: str  # in English: the JSON document's stable `name`
    description: Text
    source: str
    label: Text  # the name as shown, in each language


class Result(NamedTuple):
    """Everything migflags knows about one flags value or command line."""

    source: str
    value: int
    flags: tuple[FlagRow, ...]
    unknown_bits: tuple[int, ...]
    libvirt: LibvirtVersion
    params: tuple[Param, ...] = ()
    options: tuple[tuple[OptionRow, object], ...] = ()  # every non-flag option, as given
    domain: str | None = None
    desturi: str | None = None
    problems: tuple[Problem, ...] = ()
    producers: tuple[Producer, ...] = ()
    guest: Guest | None = None
    unchecked: tuple[str, ...] = ()  # rules that could fire but need facts nobody gave
    qemu: LibvirtVersion | None = None

    @property
    def hex(self) -> str:
        return hex(self.value)

    @property
    def names(self) -> tuple[str, ...]:
        """C names of the set flags, then any unknown bits as one hex number, so that
        `encode(result.names) == result.value` always holds."""
        rest = self.value & ~sum(row.value for row in self.flags)
        return tuple(row.c_name for row in self.flags) + ((hex(rest),) if rest else ())

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)
