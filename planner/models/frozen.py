"""Frozen dataclasses made as fast as plain ones.

The ``__init__`` that ``dataclass(frozen=True)`` writes sets each field
through ``object.__setattr__`` (its own ``__setattr__`` refuses): 2.5 µs for
the sixteen fields of a :class:`~planner.models.bandwidth.LinkLoad`, against
0.8 µs storing them in the new instance's ``__dict__``. A national gap run
makes some 80,000 result objects, a plan more. :func:`frozen` is
``dataclass(frozen=True)`` with that faster ``__init__``; everything else
(equality, hashing, ``repr``, ``replace``, ``fields``, pickling, the refusal
to change a field) is the dataclass's own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["frozen"]

T = TypeVar("T")


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def frozen(
    cls: type[T] | None = None, /, *, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True)`` (``order`` as there), with an
    ``__init__`` that stores the fields directly."""

    def wrap(cls: type[T]) -> type[T]:
        made = dataclasses.dataclass(frozen=True, order=order, init=False)(cls)
        made.__init__ = _init(made)  # type: ignore[method-assign]
        return made

    return wrap if cls is None else wrap(cls)


def _init(cls: type) -> Callable[..., None]:
    """The ``__init__`` of ``cls``'s fields: the parameters, defaults and
    default factories of the dataclass's own, in its order."""
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: frozen() does not handle this class")
    scope: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    params, body = [], []
    for f in dataclasses.fields(cls):
        if f.name in ("_self_", "_values_", "_MISSING") or f.name.startswith(
            ("_d_", "_f_")
        ):
            raise TypeError(f"{cls.__name__}.{f.name}: a name frozen() uses")
        if f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: frozen() has no kw_only")
        if not f.init:  # set from its default, as the dataclass's own does
            if f.default is not dataclasses.MISSING:
                scope[f"_d_{f.name}"] = f.default
                body.append(f"    _values_[{f.name!r}] = _d_{f.name}")
            elif f.default_factory is not dataclasses.MISSING:
                scope[f"_f_{f.name}"] = f.default_factory
                body.append(f"    _values_[{f.name!r}] = _f_{f.name}()")
        elif f.default is not dataclasses.MISSING:
            scope[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            body.append(f"    _values_[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            body.append(
                f"    _values_[{f.name!r}] = _f_{f.name}() if {f.name} is _MISSING "
                f"else {f.name}"
            )
        else:
            params.append(f.name)
            body.append(f"    _values_[{f.name!r}] = {f.name}")
    source = (
        f"def __init__(_self_, {', '.join(params)}):\n"
        "    _values_ = _self_.__dict__\n" + "\n".join(body) + "\n"
    )
    exec(source, scope)  # the source is made from the field names alone
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
