"""Validated models made smaller in memory, without changing a value.

A national inventory is hundreds of thousands of small models. Two things
cost more than their values: every model keeps its own set of the fields
the file gave (``__pydantic_fields_set__``, 200-700 bytes), and every
string the parser made is its own object (``"application"`` once per
server, a site id once per link end). :class:`Compactor` shares both: one
set per distinct set of fields, one string per distinct text. Inventories
are never changed in place after loading (``model_copy`` copies the set
before adding to it), so sharing is safe; nothing in planner reads
``model_fields_set`` of inventory models.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

__all__ = ["Compactor"]

_set_fields = object.__setattr__


class Compactor:
    """Shares field sets and strings across every model given to it."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._sets: dict[frozenset[str], set[str]] = {}
        self._last: dict[type, set[str]] = {}

    def compact(self, model: BaseModel, done: frozenset[int] = frozenset()) -> None:
        """Share the field sets and strings of ``model`` and the models in
        its fields (``custom`` data is left as it is), except the models
        whose ``id()`` is in ``done`` (compacted already).

        Only the fields whose type can hold a string or a model are read
        (:func:`_plan`, once per class): a national inventory has a million
        field values, most of them numbers. A model's field set is first
        compared with the last one shared for its class, which it nearly
        always equals: building a frozenset to look it up made this pass
        cost as much as validating."""
        stack: list[BaseModel] = [model]
        share = self._strings.setdefault
        sets, last = self._sets, self._last
        while stack:
            obj = stack.pop()
            if done and id(obj) in done:
                continue
            cls = type(obj)
            texts, lists, models = _plan(cls)
            values = obj.__dict__
            for key in texts:
                value = values[key]
                if type(value) is str:
                    values[key] = share(value, value)
            for key in lists:
                items = values[key]
                if type(items) is list:
                    _share_items(items, share, stack)
            for key in models:
                value = values[key]
                if isinstance(value, BaseModel):
                    stack.append(value)
            given = obj.__pydantic_fields_set__
            shared = last.get(cls)
            if shared is None or shared != given:
                shared = last[cls] = sets.setdefault(frozenset(given), given)
            if shared is not given:
                _set_fields(obj, "__pydantic_fields_set__", shared)


def _share_items(
    items: list[Any], share: Callable[[str, str], str], stack: list[Any]
) -> None:
    for i, item in enumerate(items):
        if type(item) is str:
            items[i] = share(item, item)
        elif isinstance(item, BaseModel):
            stack.append(item)


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    """The fields of ``cls`` that may hold a string, a list, or a model.
    An ``id`` is not shared: ids are unique, so the table would only grow
    by one string per object (the references to ids repeat, and are)."""
    texts, lists, models = [], [], []
    for name, info in cls.model_fields.items():
        if name in ("custom", "id"):
            continue
        kinds = _kinds(info.annotation)
        if "list" in kinds:
            lists.append(name)
        if "str" in kinds:
            texts.append(name)
        if "model" in kinds:
            models.append(name)
    return tuple(texts), tuple(lists), tuple(models)


def _kinds(tp: Any) -> set[str]:
    """What a value of type ``tp`` may be: ``str``, ``list``, ``model``."""
    origin = typing.get_origin(tp)
    if origin is Literal:  # validated to the Literal's own objects: shared
        return set()
    if origin in (list, tuple):
        return {"list"}
    if origin is not None:  # Union, Annotated, Optional, dict...
        if origin is dict:
            return set()
        out: set[str] = set()
        for arg in typing.get_args(tp):
            if not isinstance(arg, (int, float)):  # Annotated's metadata
                out |= _kinds(arg)
        return out
    if tp is str:
        return {"str"}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return {"model"}
    if tp is Any or tp is object:
        return {"str", "list", "model"}
    return set()
