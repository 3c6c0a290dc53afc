"""The Gantt chart on the report's page, as HTML.

One row per work package in a CSS grid (a column per phase), grouped by
kind and municipality, each group a ``<details open>`` that a reader folds
on screen; printing opens them all (the page's script). Rows are numbered
and each lists the numbers of the packages it waits for, so dependencies
read at 150 packages where arrows would not; a deadline is a diamond at
the end of its phase, red with the bar outlined when the package ends
after it. Text is HTML, so the print stylesheet sets its size (7.5 pt).
Built from the :class:`PlanResult` and the report's names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner.models.planresult import Placement, PlanResult
from planner.render.files.gantt import COLOURS
from planner.render.i18n import Messages
from planner.units import Period

__all__ = ["gantt_groups"]


def gantt_groups(
    plan: PlanResult,
    labels: Mapping[str, str],
    municipalities: Mapping[str, str],
    msg: Messages,
) -> dict[str, Any] | None:
    """The head (years and phases) and the groups of rows, or None when
    the plan has no phases."""
    phases = [p.period for p in plan.phases]
    if not phases:
        return None
    index = _Index(phases)
    order = list(COLOURS)

    def muni(x: Placement) -> str:
        ms = sorted(x.package.municipalities)
        if len(ms) != 1:
            return msg("gantt.shared") if ms else msg("gantt.region")
        return municipalities.get(ms[0], ms[0])

    def key(x: Placement) -> tuple[int, str, int, str]:
        kind = x.package.kind
        rank = order.index(kind) if kind in order else len(order)
        return (rank, muni(x).casefold(), index[x.start], x.package.id)

    ordered = sorted(plan.placements, key=key)
    number = {x.package.id: n for n, x in enumerate(ordered, 1)}
    groups: list[dict[str, Any]] = []
    for x in ordered:
        title = f"{_kind(msg, x.package.kind)}: {muni(x)}"
        if not groups or groups[-1]["title"] != title:
            groups.append({"title": title, "rows": []})
        groups[-1]["rows"].append(
            _row(x, labels, number, index, phases, msg, plan.currency)
        )
    for g in groups:
        g["count"] = msg.count("gantt.group.count", len(g["rows"]))
    n = len(phases)
    return {
        "head": _head(phases),
        "phases": n,
        "cost": n + 3,
        "waits": n + 4,
        "groups": groups,
    }


class _Index:
    """The phase a period falls in: the last phase starting at or before it
    (a package's end in a plan of other periods still finds its column)."""

    def __init__(self, phases: Sequence[Period]) -> None:
        self.phases = phases

    def __getitem__(self, period: Period) -> int:
        start = period.start_month
        at = [i for i, p in enumerate(self.phases) if p.start_month <= start]
        return at[-1] if at else 0


def _kind(msg: Messages, kind: str) -> str:
    key = f"kind.wp.{kind}"
    return msg(key) if msg.has(key) else kind


def _head(phases: Sequence[Period]) -> list[dict[str, Any]]:
    """A cell per phase: the year over its first phase, the phase within it."""
    out = []
    year = None
    for i, p in enumerate(phases):
        inner = str(p)[len(str(p.year)) :]
        out.append(
            {
                "column": i + 3,
                "year": p.year if p.year != year else None,
                "inner": inner,
            }
        )
        year = p.year
    return out


def _row(
    x: Placement,
    labels: Mapping[str, str],
    number: Mapping[str, int],
    index: _Index,
    phases: Sequence[Period],
    msg: Messages,
    currency: str,
) -> dict[str, Any]:
    wp = x.package
    first, last = index[x.start], index[x.end]
    deadline = _deadline(wp.deadline, phases)
    late = deadline is not None and phases[last].end_month > deadline[1]
    waiting = [d for d in sorted(wp.depends_on) if d in number]
    money = wp.investment + wp.operating
    span = msg.period(x.start)
    if last != first:
        span += f" – {msg.period(x.end)}"
    return {
        "n": number[wp.id],
        "id": wp.id,
        "label": labels.get(wp.id, wp.name),
        "colour": COLOURS.get(wp.kind, "#888888"),
        "start": first + 3,
        "end": last + 4,
        "span": span,
        "late": late,
        "deadline": None if deadline is None else deadline[0] + 3,
        "deadline_text": None
        if deadline is None
        else msg(
            "gantt.deadline.missed" if late else "gantt.deadline",
            period=msg.period(wp.deadline),
        ),
        "money": msg.money(money, currency) if money else "",
        "waits": _ranges(sorted(number[d] for d in waiting)),
        "waits_names": ", ".join(labels.get(d, d) for d in waiting),
    }


def _deadline(due: Period | None, phases: Sequence[Period]) -> tuple[int, int] | None:
    """(the phase a deadline falls at the end of, its end month)."""
    if due is None:
        return None
    at = [i for i, p in enumerate(phases) if p.end_month <= due.end_month]
    return (at[-1] if at else 0), due.end_month


def _ranges(numbers: Sequence[int]) -> str:
    """``1–6, 9``: sorted row numbers, runs of three or more as a range."""
    out: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{numbers[i]}\u2013{numbers[j]}")
        else:
            out += [str(n) for n in numbers[i : j + 1]]
        i = j + 1
    return ", ".join(out)
