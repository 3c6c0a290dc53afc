"""The changes between two plans (``planner plan --format json``): work
packages moved between phases, costs changed, packages added or dropped,
the municipalities' shares and the totals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner.diff.model import Change, Record, compare_records
from planner.errors import InputError, Problem
from planner.load.csvfile import read_text

__all__ = ["KINDS", "diff_plans", "read_plan_json"]

KINDS = ("totals", "phase", "work_package", "share")
# Explanations, not decisions; a phase's package list repeats what the
# packages' own phase_start says.
_SKIP = {"reason", "work_packages"}


def read_plan_json(path: Path) -> dict[str, Any]:
    """A plan written by ``planner plan --format json``."""
    display = str(path)
    # Bounded like every input (100 MB, a device refused after that), no NUL
    # byte, UTF-8, no control character: located.
    text = read_text(path, display)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            [Problem(display, e.lineno, e.colno, f"not JSON: {e.msg}")]
        ) from None
    except RecursionError:
        raise InputError(
            [Problem(display, 1, 1, "not a plan: nested too deep for JSON of a plan")]
        ) from None
    if not isinstance(data, dict) or data.get("schema") != "planner/plan/v1":
        raise InputError(
            [
                Problem(
                    display,
                    1,
                    1,
                    "not a plan: expected the JSON of planner plan --format json "
                    '("schema": "planner/plan/v1")',
                )
            ]
        )
    return data


def diff_plans(old: dict[str, Any], new: dict[str, Any]) -> tuple[Change, ...]:
    return compare_records(KINDS, _records(old), _records(new))


def _records(plan: dict[str, Any]) -> dict[tuple[str, str], Record]:
    out: dict[tuple[str, str], Record] = {}
    totals = {k: v for k, v in plan.get("totals", {}).items() if k != "by_year"}
    for year, amounts in sorted(plan.get("totals", {}).get("by_year", {}).items()):
        totals.update({f"{year}.{k}": v for k, v in amounts.items()})
    out["totals", "plan"] = totals
    for kind, key, ident in (
        ("phase", "phases", "id"),
        ("work_package", "work_packages", "id"),
        ("share", "shares", "municipality"),
    ):
        for item in plan.get(key, []):
            out[kind, str(item.get(ident))] = {
                k: v for k, v in item.items() if k != ident and k not in _SKIP
            }
    return out
