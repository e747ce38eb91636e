"""`migflags.record.NamedTuple` against `typing.NamedTuple`, the behaviour it stands in for."""

import copy
import enum
import pickle
import typing
from pathlib import Path

import pytest

from migflags.record import NamedTuple, StrEnum


class Ours(NamedTuple):
    """A record."""

    x: int
    y: str = "d"
    z: tuple[int, ...] = ()

    def twice(self) -> int:
        return self.x * 2


class Theirs(typing.NamedTuple):
    x: int
    y: str = "d"
    z: tuple[int, ...] = ()


CALLS = [
    ((1,), {}), ((1, "q"), {}), ((1, "q", (2,)), {}), ((), {"x": 4}), ((5,), {"z": (1,)}),
    ((), {"z": (3,), "x": 6, "y": "k"}),
]
BAD_CALLS = [((), {}), ((1,), {"x": 2}), ((1,), {"w": 2}), ((1, "a", (), 4), {}), ((), {"y": "a"})]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_same_values_as_typing_namedtuple(args: tuple, kwargs: dict) -> None:  # type: ignore[type-arg]
    ours, theirs = Ours(*args, **kwargs), Theirs(*args, **kwargs)
    assert tuple(ours) == tuple(theirs)
    assert (ours.x, ours.y, ours.z) == (theirs.x, theirs.y, theirs.z)
    assert ours == theirs and hash(ours) == hash(theirs)  # a tuple's equality and hash
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours")
    assert ours._asdict() == theirs._asdict()
    assert tuple(ours._replace(y="r")) == tuple(theirs._replace(y="r"))
    assert type(ours._replace(y="r")) is Ours


@pytest.mark.parametrize(("args", "kwargs"), BAD_CALLS)
def test_same_refusals_as_typing_namedtuple(args: tuple, kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(TypeError):
        Theirs(*args, **kwargs)
    with pytest.raises(TypeError):
        Ours(*args, **kwargs)


def test_class_attributes() -> None:
    assert Ours._fields == Theirs._fields == ("x", "y", "z")
    assert Ours._field_defaults == Theirs._field_defaults
    assert Ours.__match_args__ == Theirs.__match_args__
    assert Ours.__doc__ == "A record."
    assert Ours(3).twice() == 6
    assert isinstance(Ours(1), tuple)
    with pytest.raises(AttributeError):
        Ours(1).x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Ours(1).other = 2  # type: ignore[attr-defined]


def test_make_replace_copy_pickle() -> None:
    made = Ours._make([1, "b", (2,)])
    assert made == Theirs._make([1, "b", (2,)])
    with pytest.raises(TypeError):
        Ours._make([1])
    with pytest.raises(ValueError, match="unexpected field"):
        made._replace(w=1)  # type: ignore[call-arg]
    assert copy.copy(made) == made and copy.deepcopy(made) == made
    assert pickle.loads(pickle.dumps(made)) == made
    assert type(pickle.loads(pickle.dumps(made))) is Ours


def test_pattern_matching() -> None:
    match Ours(3, "k"):
        case Ours(x, y):
            assert (x, y) == (3, "k")
        case _:
            pytest.fail("no match")


# ------------------------------------------------------------------ StrEnum

class OurLayer(StrEnum):
    VIRSH = "virsh"
    QEMU = "qemu"

    def shout(self) -> str:
        return self.value.upper()


class TheirLayer(str, enum.Enum):
    VIRSH = "virsh"
    QEMU = "qemu"


def test_members_behave_as_a_str_enum_s() -> None:
    for ours, theirs in zip(OurLayer, TheirLayer, strict=True):
        assert (ours.name, ours.value) == (theirs.name, theirs.value)
        assert type(ours.value) is str
        assert ours == theirs.value and ours == theirs  # both are the str
        assert hash(ours) == hash(theirs) == hash(theirs.value)
        assert str(ours) == str(theirs).replace("Their", "Our")
        assert f"{ours}" == f"{theirs}".replace("Their", "Our")
        assert repr(ours) == repr(theirs).replace("Their", "Our")
        assert isinstance(ours, str) and isinstance(ours, OurLayer)
        assert ours in OurLayer
    assert len(OurLayer) == len(TheirLayer) == 2
    assert OurLayer.QEMU.shout() == "QEMU"


def test_lookups_as_a_str_enum_s() -> None:
    assert OurLayer("qemu") is OurLayer.QEMU and TheirLayer("qemu") is TheirLayer.QEMU
    assert OurLayer(OurLayer.QEMU) is OurLayer.QEMU
    assert OurLayer["VIRSH"] is OurLayer.VIRSH and TheirLayer["VIRSH"] is TheirLayer.VIRSH
    for cls in (OurLayer, TheirLayer):
        with pytest.raises(ValueError, match="'nope' is not a valid"):
            cls("nope")
        with pytest.raises(KeyError):
            cls["nope"]
        with pytest.raises(KeyError):
            cls["shout"]


def test_members_are_fixed_and_survive_copies() -> None:
    with pytest.raises(AttributeError):
        OurLayer.QEMU = "x"  # type: ignore[misc]
    assert copy.copy(OurLayer.QEMU) is OurLayer.QEMU
    assert copy.deepcopy(OurLayer.QEMU) is OurLayer.QEMU
    assert pickle.loads(pickle.dumps(OurLayer.QEMU)) is OurLayer.QEMU
    assert {OurLayer.QEMU: 1}["qemu"] == 1


def test_every_record_module_stores_its_annotations() -> None:
    """From Python 3.14 on a class body keeps its annotations in `__annotations__` only under
    `from __future__ import annotations`; `record` reads them there first."""
    source = Path(__file__).resolve().parent.parent / "src" / "migflags"
    users = [path for path in sorted(source.rglob("*.py"))
             if "from migflags.record import" in path.read_text(encoding="utf-8")]
    assert len(users) > 10
    for path in users:
        assert "from __future__ import annotations" in path.read_text(encoding="utf-8"), path


def test_a_class_without_fields_or_with_misordered_defaults_is_refused() -> None:
    with pytest.raises(TypeError, match="names no fields"):
        type("Empty", (NamedTuple,), {})
    with pytest.raises(TypeError, match="follows one with a default"):
        type("Bad", (NamedTuple,), {"__annotations__": {"a": int, "b": int}, "a": 1})


def test_enum_members_in_reverse_and_by_name() -> None:
    assert list(reversed(OurLayer)) == [OurLayer.QEMU, OurLayer.VIRSH]
    assert OurLayer.__members__ == {"VIRSH": OurLayer.VIRSH, "QEMU": OurLayer.QEMU}
    assert list(reversed(TheirLayer)) == [TheirLayer.QEMU, TheirLayer.VIRSH]
