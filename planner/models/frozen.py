"""Frozen dataclasses made as fast as plain ones.

``dataclass(frozen=True)`` costs twice. Its ``__init__`` sets each field
through ``object.__setattr__`` (its own ``__setattr__`` refuses): 2.5 µs for
the sixteen fields of a :class:`~planner.models.bandwidth.LinkLoad`, against
0.8 µs storing them in the new instance's ``__dict__``; a national gap run
makes some 80,000 result objects, a plan more. And it compiles each of its
six methods on its own: 0.7 ms a class, for the ninety classes every run
imports (0.3 ms here). :func:`frozen` lets ``dataclass`` record the fields
(so ``fields``, ``replace``, ``asdict`` and pickling work as ever) and
writes the methods itself, the same ones: ``__init__`` (defaults, default
factories, ``init=False`` fields), ``__eq__`` and ``__hash__`` compiled
together; ``__repr__``, the refusing ``__setattr__`` and ``__delattr__`` and,
with ``order=True``, the comparisons as closures. A method the class body
writes is kept, as dataclass keeps it. tests/models/test_frozen.py holds
each to the dataclass's own.
"""

from __future__ import annotations

import dataclasses
import inspect
import operator
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["frozen"]

T = TypeVar("T")

_OWN = ("_self_", "_other_", "_values_", "_MISSING")


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def frozen(
    cls: type[T] | None = None, /, *, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True)`` (``order`` as there), its methods
    written faster."""

    def wrap(cls: type[T]) -> type[T]:
        documented = bool(cls.__dict__.get("__doc__"))
        written = _written(cls)
        # frozen=True only where a base is frozen (dataclass refuses a thawed
        # child); the refusals it then compiles are replaced by ours.
        made = dataclasses.dataclass(
            init=False, repr=False, eq=False, frozen=_frozen_base(cls)
        )(cls)
        _methods(made, order, written)
        params = made.__dataclass_params__  # type: ignore[attr-defined]
        params.init = params.repr = params.eq = params.frozen = True
        params.order = order
        if not documented:  # as dataclass writes it: the signature
            text = str(inspect.signature(made)).replace(" -> None", "")
            made.__doc__ = made.__name__ + text
        return made

    return wrap if cls is None else wrap(cls)


def _frozen_base(cls: type) -> bool:
    return any(
        getattr(getattr(base, "__dataclass_params__", None), "frozen", False)
        for base in cls.__mro__[1:]
    )


def _written(cls: type) -> set[str]:
    """The methods the class body writes itself, which dataclass keeps (a
    body's ``__eq__`` alone sets ``__hash__`` to None: not a hash of its own)."""
    own = set(cls.__dict__)
    if cls.__dict__.get("__hash__", 0) is None and "__eq__" in own:
        own.discard("__hash__")
    for name in ("__setattr__", "__delattr__"):
        if name in own:
            raise TypeError(f"{cls.__name__}: a frozen class cannot write {name}")
    return own


def _methods(cls: type, order: bool, written: set[str]) -> None:
    """Set ``cls``'s methods (the module docstring), but those its body
    wrote. ``__init__``, ``__eq__`` and ``__hash__``, which run often, are
    compiled (together); the others are closures over the field names."""
    if "__post_init__" in dir(cls) or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: frozen() does not handle this class")
    fields = dataclasses.fields(cls)
    for f in fields:
        if f.name in _OWN or f.name.startswith(("_d_", "_f_")):
            raise TypeError(f"{cls.__name__}.{f.name}: a name frozen() uses")
        if f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: frozen() has no kw_only")
    scope: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    made: dict[str, Any] = {}
    source = "\n".join([_init(fields, scope), *_eq_hash(fields)])
    exec(source, scope, made)  # made from the field names alone
    made["__init__"].__annotations__ = {
        **{f.name: f.type for f in fields if f.init},
        "return": None,
    }
    made["__repr__"] = _repr(tuple(f.name for f in fields if f.repr))
    if order:
        made |= _order(fields)
    made |= _refusals(cls, frozenset(f.name for f in fields))
    for name, method in made.items():
        if name not in written:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)


def _row(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of ``names``' values, as dataclass compares and hashes."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names) if names else lambda obj: ()


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @recursive_repr("...")
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _init(fields: tuple[dataclasses.Field[Any], ...], scope: dict[str, Any]) -> str:
    params, body = [], []
    for f in fields:
        has_default = f.default is not dataclasses.MISSING
        has_factory = f.default_factory is not dataclasses.MISSING
        if has_default:
            scope[f"_d_{f.name}"] = f.default
        if has_factory:
            scope[f"_f_{f.name}"] = f.default_factory
        if not f.init:  # set from its default, as the dataclass's own does
            if has_default:
                body.append(f"    _values_[{f.name!r}] = _d_{f.name}")
            elif has_factory:
                body.append(f"    _values_[{f.name!r}] = _f_{f.name}()")
            continue
        if has_default:
            params.append(f"{f.name}=_d_{f.name}")
        elif has_factory:
            params.append(f"{f.name}=_MISSING")
        else:
            params.append(f.name)
        value = f"_f_{f.name}() if {f.name} is _MISSING else {f.name}"
        body.append(f"    _values_[{f.name!r}] = {value if has_factory else f.name}")
    return (
        f"def __init__(_self_, {', '.join(params)}):\n"
        "    _values_ = _self_.__dict__\n" + "\n".join(body)
    )


def _eq_hash(fields: tuple[dataclasses.Field[Any], ...]) -> list[str]:
    """``__eq__`` and ``__hash__`` over the compared fields, as a tuple, as
    dataclass writes them."""
    compared = [f.name for f in fields if f.compare]
    hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]

    def row(who: str, names: list[str]) -> str:
        return "(" + "".join(f"{who}.{n}," for n in names) + ")"

    return [
        "def __eq__(_self_, _other_):\n"
        "    if _other_.__class__ is _self_.__class__:\n"
        f"        return {row('_self_', compared)} == {row('_other_', compared)}\n"
        "    return NotImplemented",
        f"def __hash__(_self_):\n    return hash({row('_self_', hashed)})",
    ]


def _order(fields: tuple[dataclasses.Field[Any], ...]) -> dict[str, Callable[..., Any]]:
    """``order=True``'s comparisons of the compared fields' tuples."""
    row = _row([f.name for f in fields if f.compare])

    def compare(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def method(self: Any, other: Any) -> Any:
            if other.__class__ is self.__class__:
                return op(row(self), row(other))
            return NotImplemented

        return method

    return {f"__{n}__": compare(getattr(operator, n)) for n in ("lt", "le", "gt", "ge")}


def _refusals(cls: type[Any], names: frozenset[str]) -> dict[str, Callable[..., None]]:
    """The refusals of a frozen dataclass: its fields, or any name on the
    class itself, cannot be set or deleted."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return {"__setattr__": __setattr__, "__delattr__": __delattr__}
