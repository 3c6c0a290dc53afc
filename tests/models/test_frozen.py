"""planner.models.frozen: the same class as ``dataclass(frozen=True)``,
made faster; checked against the dataclass it replaces."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from planner.models.frozen import frozen


@dataclasses.dataclass(frozen=True, order=True)
class R:
    a: str
    b: int = 2
    c: list[int] = dataclasses.field(default_factory=list)
    d: str = "x"
    e: dict[str, int] = dataclasses.field(
        default_factory=dict, init=False, compare=False
    )
    g: int = dataclasses.field(default=3, init=False)


@frozen(order=True)
class F:
    a: str
    b: int = 2
    c: list[int] = dataclasses.field(default_factory=list)
    d: str = "x"
    e: dict[str, int] = dataclasses.field(
        default_factory=dict, init=False, compare=False
    )
    g: int = dataclasses.field(default=3, init=False)


def _pair() -> tuple[Any, Any]:
    """The same fields declared both ways."""
    return R, F


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("a",), {}),
        (("a", 5), {"d": "y"}),
        ((), {"a": "a", "c": [1]}),
        (("a", 1, [2], "z"), {}),
    ],
)
def test_fields_as_the_dataclass_sets_them(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    reference, fast = _pair()
    r, f = reference(*args, **kwargs), fast(*args, **kwargs)
    assert dataclasses.asdict(r) == dataclasses.asdict(f)
    assert repr(f) == repr(r).replace("R(", "F(", 1)


def test_defaults_factories_and_refusals() -> None:
    _, fast = _pair()
    one, two = fast("a"), fast("a")
    assert one == two and one.c is not two.c and one.e is not two.e
    assert (one.e, one.g) == ({}, 3)
    with pytest.raises(TypeError):
        fast("a", g=4)  # not a parameter
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = "b"
    with pytest.raises(TypeError):
        fast()
    with pytest.raises(TypeError):
        fast("a", e=1)
    assert dataclasses.replace(one, b=7) == fast("a", 7)
    assert pickle.loads(pickle.dumps(one)) == one


def test_order() -> None:
    reference, fast = _pair()
    values = [("b", 1), ("a", 2), ("a", 1)]
    assert [(x.a, x.b) for x in sorted(fast(*v) for v in values)] == [
        (x.a, x.b) for x in sorted(reference(*v) for v in values)
    ]


def test_a_field_named_like_the_init_s_own_names() -> None:
    @frozen
    class Odd:
        self: int
        d: int = 0

    assert (Odd(1, d=2).self, Odd(self=3).d) == (1, 0)
    assert hash(Odd(1, 2)) == hash(Odd(self=1, d=2))
    with pytest.raises(TypeError):
        frozen(type("Bad", (), {"__annotations__": {"_values_": "int"}}))
