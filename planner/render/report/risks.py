"""The summary's risks and the gap tables, worst first and by municipality.

A chief executive reads the first page only: the three biggest risks
(single points of failure, overloaded links, missed deadlines) are counted
there and their worst cases named. The gap tables hide nothing: every gap
is in the appendix, sorted by severity, then municipality, then subject;
the body counts them per municipality, every municipality included.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner.models.gapdata import RedundancyGap, UtilisationGap
from planner.models.planresult import Placement, PlanResult
from planner.models.results import GAP_KINDS, SEVERITIES, Gap, GapReport
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names, describe_gap
from planner.render.report.package_text import PackageWords

__all__ = ["gap_matrix", "gap_tables", "missed_deadlines", "risks", "worst_first"]

NAMED = 3
"""Worst cases named on the summary page, per risk."""

PRINT_ROWS = 400
"""Rows of an appendix table the PDF prints (the page holds every row)."""


def worst_first(gaps: Sequence[Gap], names: Names) -> list[Gap]:
    """Severity, then the first municipality's name, then the subject."""

    def key(g: Gap) -> tuple[int, str, str]:
        first = names.municipality(g.municipalities[0]) if g.municipalities else ""
        return (SEVERITIES.index(g.severity), first.casefold(), g.subject)

    return sorted(gaps, key=key)


def _peak(gap: Gap) -> float:
    """A utilisation gap's worst utilisation (after a failure), else its baseline."""
    data = gap.data_as(UtilisationGap)
    return float(data.worst_utilisation or data.utilisation or 0)


def missed_deadlines(plan: PlanResult | None) -> list[Placement]:
    """Work packages that end after their deadline."""
    return [
        x
        for x in (() if plan is None else plan.placements)
        if x.package.deadline is not None and x.package.deadline < x.end
    ]


def risks(
    report: GapReport,
    plan: PlanResult | None,
    words: PackageWords,
    msg: Messages,
    labels: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The three risks: ``{key, count, worst}`` with ``worst`` named (work
    packages by ``labels``, the names the report gives them)."""
    names = words.names
    spof = worst_first(
        [
            g
            for g in report.gaps
            if isinstance(g.data, RedundancyGap) and g.data.single_points_of_failure
        ],
        names,
    )
    over = sorted(
        (g for g in report.gaps if g.kind == "utilisation"),
        key=lambda g: -_peak(g),
    )
    late = missed_deadlines(plan)
    return [
        {
            "key": "spof",
            "count": len(spof),
            "worst": [names.site(g.subject) for g in spof[:NAMED]],
        },
        {
            "key": "overload",
            "count": len(over),
            "worst": [
                msg(
                    "risk.overload.item",
                    link=words.link(g.subject),
                    util=msg.percent(_peak(g)),
                )
                for g in over[:NAMED]
            ],
        },
        {
            "key": "deadline",
            "count": len(late) if plan is not None else None,
            "worst": [
                msg(
                    "risk.deadline.item",
                    name=(labels or {}).get(x.package.id, x.package.name),
                    deadline=msg.period(x.package.deadline),
                    end=msg.period(x.end),
                )
                for x in late[:NAMED]
            ],
        },
    ]


def gap_matrix(report: GapReport, names: Names) -> dict[str, Any]:
    """Gaps per municipality and kind: every municipality a row (zeros
    too), worst municipalities (most high-severity gaps) first."""
    kinds = [k for k in GAP_KINDS if any(g.kind == k for g in report.gaps)]
    counts: dict[str, dict[str, int]] = {m: {} for m in names.municipalities}
    high: dict[str, int] = dict.fromkeys(names.municipalities, 0)
    for g in report.gaps:
        for m in g.municipalities:
            row = counts.setdefault(m, {})
            row[g.kind] = row.get(g.kind, 0) + 1
            high[m] = high.get(m, 0) + (g.severity == "high")
    order = sorted(
        counts,
        key=lambda m: (-high[m], -sum(counts[m].values()), names.municipality(m)),
    )
    return {
        "kinds": kinds,
        "rows": [
            {
                "name": names.municipality(m),
                "high": high[m],
                "counts": [counts[m].get(k, 0) for k in kinds],
                "total": sum(counts[m].values()),
            }
            for m in order
        ],
    }


def gap_tables(
    report: GapReport, msg: Messages, words: PackageWords
) -> list[dict[str, Any]]:
    """Every gap, one table per kind, worst first and by municipality."""
    names = words.names
    groups = []
    for kind in GAP_KINDS:
        gaps = worst_first([g for g in report.gaps if g.kind == kind], names)
        if not gaps:
            continue
        rows = [
            {
                "severity": g.severity,
                "rank": SEVERITIES.index(g.severity),
                "subject": _subject(g, words),
                "id": g.subject,
                "municipalities": ", ".join(
                    names.municipality(m) for m in g.municipalities
                ),
                "detail": describe_gap(g, msg, names),
            }
            for g in gaps
        ]
        printed = printed_rows([g.municipalities[:1] for g in gaps], PRINT_ROWS)
        for i, row in enumerate(rows):
            row["printed"] = i in printed
        groups.append(
            {"kind": kind, "rows": rows, "unprinted": len(rows) - len(printed)}
        )
    return groups


def printed_rows(groups: Sequence[tuple[str, ...]], limit: int) -> set[int]:
    """Which rows of a long table the PDF prints: all up to ``limit``, else
    ``limit`` of them taken in turn from each municipality's rows (its worst
    first), so every municipality is in print; the page has them all."""
    if len(groups) <= limit:
        return set(range(len(groups)))
    by_group: dict[tuple[str, ...], list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    chosen: set[int] = set()
    depth = 0
    while len(chosen) < limit:
        for rows in by_group.values():
            if depth < len(rows) and len(chosen) < limit:
                chosen.add(rows[depth])
        depth += 1
    return chosen


def _subject(gap: Gap, words: PackageWords) -> str:
    names = words.names
    for table in (names.services, names.municipalities, names.sites):
        if gap.subject in table:
            return table[gap.subject]
    return words.link(gap.subject)
