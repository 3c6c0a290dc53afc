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


def test_methods_behave_as_the_dataclass_s() -> None:
    r, f = R("a", 1, [2]), F("a", 1, [2])
    assert repr(f) == repr(r).replace("R(", "F(", 1)
    assert (f == F("a", 1, [2]), f == F("b"), f.__eq__(r)) == (
        True,
        False,
        NotImplemented,
    )
    assert F("a", e_ignored := 1) == F("a", e_ignored)  # e, g: not compared
    for obj in (r, f):
        with pytest.raises(
            dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"
        ):
            obj.a = "z"  # type: ignore[misc]
        with pytest.raises(
            dataclasses.FrozenInstanceError, match="cannot delete field 'b'"
        ):
            del obj.b  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.other = 1  # type: ignore[attr-defined]
    params = F.__dataclass_params__  # type: ignore[attr-defined]
    assert (params.frozen, params.eq, params.order, params.init) == (
        True,
        True,
        True,
        True,
    )
    assert F.__match_args__ == R.__match_args__
    assert [x.name for x in dataclasses.fields(F)] == [
        x.name for x in dataclasses.fields(R)
    ]


@frozen
class Point:
    x: int
    y: int = dataclasses.field(default=0, compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class RefPoint:
    x: int
    y: int = dataclasses.field(default=0, compare=False, repr=False)


def test_field_flags_hash_and_undocumented_classes() -> None:
    assert repr(Point(1, 2)) == "Point(x=1)" and repr(RefPoint(1, 2)) == "RefPoint(x=1)"
    assert Point(1, 2) == Point(1, 3) and hash(Point(1, 2)) == hash(Point(1, 3))
    assert hash(Point(1)) == hash(RefPoint(1))  # both hash the tuple (x,)
    assert Point.__doc__ == "Point(x: 'int', y: 'int' = 0)"
    assert RefPoint.__doc__ == "RefPoint(x: 'int', y: 'int' = 0)"


def test_subclasses_and_a_body_s_own_methods() -> None:
    @frozen
    class Child(Point):
        z: int = 5

    @dataclasses.dataclass(frozen=True)
    class Plain(Point):
        z: int = 5

    @frozen
    class Own:
        v: int

        def __eq__(self, other: object) -> bool:
            return True

        def __repr__(self) -> str:
            return "own"

    assert (Child(1, 2, 3).z, Plain(1).z) == (3, 5)
    assert repr(Child(1)).endswith("Child(x=1, z=5)")
    assert Own(1) == Own(2) and repr(Own(1)) == "own"
    hash(Own(1))  # dataclass adds a hash to a body's __eq__; so does frozen()
    with pytest.raises(TypeError):

        @frozen
        class Setter:
            v: int

            def __setattr__(self, name: str, value: object) -> None: ...


def test_a_recursive_repr() -> None:
    @frozen
    class Node:
        items: list[Any]

    node = Node([])
    node.items.append(node)
    assert repr(node).endswith("Node(items=[...])")
