"""`NamedTuple` and `StrEnum` for the tables and the values between the layers, built cheaply.

NamedTuple
----------

`typing.NamedTuple` makes each class through `collections.namedtuple`, which compiles a
`__new__` from source text with `eval`: about 0.3 M instructions a class, and migflags builds
some twenty of them before a `decode` prints anything. This one gives each class a shared
`__new__` instead. What a class gets is the same as from `typing.NamedTuple`: a tuple subclass
with one property per field, defaults, `_fields`, `_field_defaults`, `_make`, `_replace`,
`_asdict`, the same `repr`, equality and hashing (a tuple's), and the methods written in the
class body. Type checkers see `typing.NamedTuple` itself, so they check every use as before.

    from migflags.record import NamedTuple

    class Point(NamedTuple):
        x: int
        y: int = 0

StrEnum
-------
`class Layer(str, enum.Enum)` costs about 0.8 M instructions to build (EnumType's checks,
descriptors and member maps), and the tables have six. `StrEnum` gives the same members for
what migflags does with them: each member is a `str` equal to (and hashing as) its value, with
`.name` and `.value`; `Layer("qemu")` and `Layer["QEMU"]` find a member (a ValueError or
KeyError otherwise); iterating the class gives the members in order; `str()`, `format()` and
`repr()` write what Python 3.11's enum writes (`Layer.QEMU`, `<Layer.QEMU: 'qemu'>`). Type
checkers see a real `(str, enum.Enum)` subclass. What it leaves out, none of which migflags
uses: members are not `enum.Enum` instances at run time, two names with one value are two
members (not an alias), `"qemu" in Layer` is False (only members are in it), and `format()`
writes `Layer.QEMU` on Python 3.10 too, where an Enum would write its value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import enum
    from typing import NamedTuple as NamedTuple

    class StrEnum(str, enum.Enum):
        pass
else:
    try:
        from _collections import _tuplegetter as _getter  # what collections.namedtuple uses
    except ImportError:  # another Python: a property does the same, a little slower
        from operator import itemgetter

        def _getter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    def _new(cls: Any, *args: Any, **kwargs: Any) -> Any:
        if not kwargs:  # positional, the trailing fields left to their defaults (`Hit()`)
            missing = len(cls._fields) - len(args)
            if not missing:
                return tuple.__new__(cls, args)
            tail = cls._tail_defaults
            if 0 < missing <= len(tail):
                return tuple.__new__(cls, args + tail[len(tail) - missing:])
        return tuple.__new__(cls, _bind(cls, args, kwargs))

    def _bind(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """The field values of a call with keywords or with fields left to their defaults;
        the same TypeErrors as a function with this signature would raise."""
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} positional arguments but "
                            f"{len(args)} were given")
        values = list(args)
        defaults = cls._field_defaults
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in defaults:
                values.append(defaults[name])
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
        if kwargs:
            name = next(iter(kwargs))
            given = "multiple values for argument" if name in fields else (
                "an unexpected keyword argument")
            raise TypeError(f"{cls.__name__}() got {given} {name!r}")
        return tuple(values)

    def _make(cls: Any, iterable: Any) -> Any:
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(values)}")
        return tuple.__new__(cls, values)

    def _replace(self: Any, /, **changes: Any) -> Any:
        values = [changes.pop(name, value) for name, value in zip(self._fields, self, strict=True)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return tuple.__new__(type(self), values)

    def _repr(self: Any) -> str:
        pairs = zip(self._fields, self, strict=True)
        inner = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{type(self).__name__}({inner})"

    def _asdict(self: Any) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def _getnewargs(self: Any) -> tuple[Any, ...]:
        return tuple(self)

    def _annotations(namespace: dict[str, Any]) -> dict[str, Any]:
        """The class body's annotations, in order. From Python 3.14 on (PEP 649) a module
        without `from __future__ import annotations` keeps them behind an annotate function,
        read the way typing.NamedTuple reads them there."""
        found = namespace.get("__annotations__")
        if found is not None:
            return dict(found)
        try:
            import annotationlib  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            return {}
        annotate = annotationlib.get_annotate_from_class_namespace(namespace)
        if annotate is None:
            return {}
        return dict(annotationlib.call_annotate_function(
            annotate, annotationlib.Format.FORWARDREF))

    class _Meta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, name, bases, namespace)
            fields = tuple(_annotations(namespace))
            if not fields:
                raise TypeError(f"NamedTuple {name} names no fields")
            defaults = {field: namespace.pop(field) for field in fields if field in namespace}
            if tuple(defaults) != fields[len(fields) - len(defaults):]:
                raise TypeError(f"NamedTuple {name}: a field without a default follows one "
                                "with a default")
            body = {
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": defaults,
                "_tail_defaults": tuple(defaults.values()),  # the last fields' (in order)
                "__match_args__": fields,
                "__new__": _new,
                "_make": classmethod(_make),
                "_replace": _replace,
                "__repr__": _repr,
                "_asdict": _asdict,
                "__getnewargs__": _getnewargs,
            }
            for index, field in enumerate(fields):
                body[field] = _getter(index, f"Alias for field number {index}")
            body.update(namespace)
            return type(name, (tuple,), body)

    class NamedTuple(metaclass=_Meta):
        pass

    class _EnumMeta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            if not bases:  # StrEnum itself
                return super().__new__(mcls, name, (str,), namespace)
            values = {key: value for key, value in namespace.items()
                      if not key.startswith("_") and isinstance(value, str)}
            body = {key: value for key, value in namespace.items() if key not in values}
            cls = super().__new__(mcls, name, bases, body)
            members = []
            for key, value in values.items():
                member = str.__new__(cls, value)
                member._name_, member._value_ = key, value
                type.__setattr__(cls, key, member)
                members.append(member)
            type.__setattr__(cls, "_members_", tuple(members))
            type.__setattr__(cls, "_by_value_", {m._value_: m for m in members})
            return cls

        def __call__(cls, value: Any) -> Any:
            try:
                return cls._by_value_[value]
            except (KeyError, TypeError):
                raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

        def __getitem__(cls, name: str) -> Any:
            member = cls.__dict__.get(name)
            if member not in cls._members_:
                raise KeyError(name)
            return member

        def __iter__(cls) -> Any:
            return iter(cls._members_)

        def __reversed__(cls) -> Any:
            return reversed(cls._members_)

        @property
        def __members__(cls) -> dict[str, Any]:
            return {member._name_: member for member in cls._members_}

        def __len__(cls) -> int:
            return len(cls._members_)

        def __contains__(cls, member: object) -> bool:
            return isinstance(member, cls) and member in cls._members_

        def __setattr__(cls, name: str, value: Any) -> None:
            if name in cls.__dict__ and cls.__dict__[name] in cls._members_:
                raise AttributeError(f"cannot reassign member {name!r}")
            super().__setattr__(name, value)

        def __repr__(cls) -> str:
            return f"<enum {cls.__name__!r}>"

    class StrEnum(metaclass=_EnumMeta):
        @property
        def name(self) -> str:
            return self._name_

        @property
        def value(self) -> str:
            return self._value_

        def __str__(self) -> str:
            return f"{type(self).__name__}.{self._name_}"

        def __format__(self, spec: str) -> str:
            return format(str(self), spec)

        def __repr__(self) -> str:
            return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

        def __reduce_ex__(self, protocol: Any) -> Any:
            return type(self), (self._value_,)

        def __copy__(self) -> Any:
            return self

        def __deepcopy__(self, memo: Any) -> Any:
            return self

__all__ = ["NamedTuple", "StrEnum"]
