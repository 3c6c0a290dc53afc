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

from typing import Any

from pydantic import BaseModel

__all__ = ["Compactor"]

_set_fields = object.__setattr__


class Compactor:
    """Shares field sets and strings across every model given to it."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._sets: dict[frozenset[str], set[str]] = {}

    def compact(self, model: BaseModel) -> None:
        """Share the field sets and strings of ``model`` and the models in
        its fields (``custom`` data is left as it is)."""
        stack: list[BaseModel] = [model]
        strings, sets = self._strings, self._sets
        while stack:
            obj = stack.pop()
            values = obj.__dict__
            for key, value in values.items():
                kind = type(value)
                if kind is str:
                    values[key] = strings.setdefault(value, value)
                elif kind is list:
                    _share_items(value, strings, stack)
                elif isinstance(value, BaseModel):
                    stack.append(value)
            given = obj.__pydantic_fields_set__
            shared = sets.setdefault(frozenset(given), given)
            if shared is not given:
                _set_fields(obj, "__pydantic_fields_set__", shared)


def _share_items(items: list[Any], strings: dict[str, str], stack: list[Any]) -> None:
    for i, item in enumerate(items):
        if type(item) is str:
            items[i] = strings.setdefault(item, item)
        elif isinstance(item, BaseModel):
            stack.append(item)
