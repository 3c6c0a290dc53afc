"""planner.load.compact: sharing field sets and strings changes no value."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

import planner.load.compact as compact
from planner.load import load_inventory
from tests.conftest import ROOT

KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"


def _models(model: BaseModel) -> Iterator[BaseModel]:
    yield model
    for value in model.__dict__.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from _models(item)


def test_values_and_field_sets_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = load_inventory(KONGSBERG).model
    monkeypatch.setattr(compact.Compactor, "compact", lambda *_, **__: None)
    plain = load_inventory(KONGSBERG).model
    assert shared.model_dump() == plain.model_dump()
    pairs = list(zip(_models(shared), _models(plain), strict=True))
    assert all(a.model_fields_set == b.model_fields_set for a, b in pairs)
    # Fewer distinct sets than models: something was shared; not so unshared.
    assert len({id(a.model_fields_set) for a, _ in pairs}) < len(pairs) / 4
    assert len({id(b.model_fields_set) for _, b in pairs}) == len(pairs)


def test_repeated_strings_are_one_object() -> None:
    inv = load_inventory(KONGSBERG).model
    services = [sy.service for m in inv.municipalities for sy in m.systems]
    by_text: dict[str, set[int]] = {}
    for s in services:
        by_text.setdefault(s, set()).add(id(s))
    assert len(services) > len(by_text)
    assert all(len(ids) == 1 for ids in by_text.values())


def test_a_field_set_unlike_the_last_is_kept_its_own() -> None:
    """Models of a class alternating between two field sets each keep theirs."""

    class Item(BaseModel):
        a: str
        b: str = "x"

    items = [
        Item.model_validate({"a": "1", "b": "2"} if i % 2 else {"a": "1"})
        for i in range(6)
    ]
    compactor = compact.Compactor()
    for item in items:
        compactor.compact(item)
    assert [sorted(i.model_fields_set) for i in items] == [["a"], ["a", "b"]] * 3
    assert len({id(i.model_fields_set) for i in items}) == 2


def test_literal_values_are_shared_by_validation_itself() -> None:
    """The compactor skips Literal fields because pydantic validates them to
    the Literal's own objects: were that to change, they would go unshared."""
    inv = load_inventory(KONGSBERG).model
    media = [ln.medium for m in inv.municipalities for ln in m.links]
    assert len(media) > len(set(media))
    assert len({id(x) for x in media}) == len(set(media))
