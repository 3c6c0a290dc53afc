"""The changes between two inventories, keyed by id, and the gaps they close
and open against a target."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from planner.diff.model import Change, GapChanges, Record, compare_records
from planner.intake.yamlwrite import written
from planner.models.inventory import Inventory
from planner.models.results import Gap, GapReport

__all__ = ["KINDS", "diff_gaps", "diff_inventories", "records"]

KINDS = ("region", "municipality", "site", "server", "system", "link")
_LISTS = {"sites": "site", "servers": "server", "systems": "system", "links": "link"}


def diff_inventories(old: Inventory, new: Inventory) -> tuple[Change, ...]:
    """Every object created, updated (field by field) or deleted."""
    return compare_records(KINDS, records(old), records(new))


def records(inv: Inventory) -> dict[tuple[str, str], Record]:
    """(kind, id) -> the object's fields in their written form; the
    municipality an object is listed under is a field (``municipality``)."""
    out: dict[tuple[str, str], Record] = {}
    region = _flat(inv.region)
    region.update({f"inventory.custom.{k}": v for k, v in (inv.custom or {}).items()})
    out["region", inv.region.id] = region
    for x in inv.links:
        out["link", x.id] = {"municipality": None, **_flat(x)}
    for m in inv.municipalities:
        out["municipality", m.id] = _flat(m)
        for key, kind in _LISTS.items():
            for x in getattr(m, key):
                out.setdefault((kind, x.id), {"municipality": m.id, **_flat(x)})
    return out


def _flat(obj: BaseModel, prefix: str = "") -> Record:
    out: Record = {}
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, list) or (name == "id" and not prefix):
            continue
        if isinstance(value, BaseModel):
            out.update(_flat(value, f"{prefix}{name}."))
        elif name == "custom":
            out.update({f"{prefix}custom.{k}": v for k, v in (value or {}).items()})
        else:
            out[prefix + name] = _json(written(name, value))
    return out


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def diff_gaps(old: GapReport, new: GapReport) -> GapChanges:
    """Gaps gone (closed) and new (opened). A gap is known by its kind and
    subject, so a harmonisation gap that loses a product is still open; where
    one subject has several gaps of a kind (one per municipality), by its
    municipalities too."""
    before, after = _keyed(old.gaps), _keyed(new.gaps)
    closed = sorted((g for k, g in before.items() if k not in after), key=Gap.sort_key)
    opened = sorted((g for k, g in after.items() if k not in before), key=Gap.sort_key)
    return GapChanges(tuple(closed), tuple(opened))


def _keyed(gaps: tuple[Gap, ...]) -> dict[tuple[str, ...], Gap]:
    seen = Counter((g.kind, g.subject) for g in gaps)
    return {
        (g.kind, g.subject)
        if seen[g.kind, g.subject] == 1
        else (g.kind, g.subject, *g.municipalities): g
        for g in gaps
    }
