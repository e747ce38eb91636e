"""`NamedTuple` for the tables and the values between the layers, built without `eval`.

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
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    try:
        from _collections import _tuplegetter as _getter  # what collections.namedtuple uses
    except ImportError:  # another Python: a property does the same, a little slower
        from operator import itemgetter

        def _getter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    def _new(cls: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != len(cls._fields):
            args = _bind(cls, args, kwargs)
        return tuple.__new__(cls, args)

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

    class _Meta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, name, bases, namespace)
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = {field: namespace.pop(field) for field in fields if field in namespace}
            body = {
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": defaults,
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

__all__ = ["NamedTuple"]
