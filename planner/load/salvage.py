"""Keep checking after a shape error, so a user sees every problem at once.

When pydantic refuses some objects, the reference checks (unknown sites,
duplicate ids, hosting rules) cannot run on a model that does not exist. So
the invalid objects are pruned from a copy of the data, the rest is
validated again and checked. Two things keep this honest:

- the ids inside pruned objects are *declared*: a reference to a pruned site
  is not reported as unknown (the site's own error already is);
- positions are mapped back: after pruning item 3 of a list, item 4 of the
  copy is item 4 of the file, not 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.errors import Loc

__all__ = ["Salvage", "salvage"]


@dataclass
class Salvage:
    """A pruned copy of the data and what was pruned."""

    data: Any
    declared: set[str] = field(default_factory=set)
    pruned_parents: set[Loc] = field(default_factory=set)  # locs in the copy
    _kept: dict[Loc, list[int]] = field(default_factory=dict)  # list -> file indices

    def original(self, loc: Sequence[str | int]) -> Loc:
        """The file's loc for a loc of the pruned copy."""
        out: list[str | int] = []
        new: list[str | int] = []
        for part in loc:
            kept = self._kept.get(tuple(new))
            if isinstance(part, int) and kept is not None and part < len(kept):
                out.append(kept[part])
            else:
                out.append(part)
            new.append(part)
        return tuple(out)


def salvage(data: Any, error_locs: list[Loc]) -> Salvage | None:
    """Prune the objects the errors point into; None when an error is at a
    level that cannot be pruned (the top of the file)."""
    drops: set[Loc] = set()
    for loc in error_locs:
        cut = _innermost_item(loc)
        if cut is None:
            return None
        drops.add(cut)
    drops = {d for d in drops if not any(d[: len(o)] == o for o in drops if o != d)}
    result = Salvage(data=None)
    result.data = _prune(data, (), (), drops, result)
    return result


def _innermost_item(loc: Loc) -> Loc | None:
    for end in range(len(loc), 0, -1):
        if isinstance(loc[end - 1], int):
            return loc[:end]
    return None


def _prune(node: Any, orig: Loc, new: Loc, drops: set[Loc], out: Salvage) -> Any:
    if isinstance(node, dict):
        return {
            k: _prune(v, (*orig, k), (*new, k), drops, out) for k, v in node.items()
        }
    if not isinstance(node, list):
        return node
    kept: list[int] = []
    items = []
    for i, item in enumerate(node):
        if (*orig, i) in drops:
            _declare(item, out.declared)
            out.pruned_parents.add(new[:-1])
            continue
        items.append(_prune(item, (*orig, i), (*new, len(kept)), drops, out))
        kept.append(i)
    out._kept[new] = kept
    return items


def _declare(node: Any, ids: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            ids.add(node["id"])
        for value in node.values():
            _declare(value, ids)
    elif isinstance(node, list):
        for item in node:
            _declare(item, ids)
