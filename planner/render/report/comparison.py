"""The report's comparison of scenarios (``planner report --compare``).

The scenarios enter as the :class:`CompareResult` of ``planner compare``,
so every figure is the one ``planner compare`` (and ``planner plan`` for
that scenario alone) gives. Columns are
the scenarios' names and rows the municipalities' names, never ids; the
labels come from the report's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from planner.models.compare import CompareResult, ScenarioResult
from planner.models.frozen import frozen
from planner.render.i18n import Messages

__all__ = ["ComparisonSection", "comparison_section"]

Money = Callable[[Decimal | float | int | None], str]


@frozen
class ComparisonSection:
    names: list[str]
    rows: list[tuple[str, list[str]]]
    shares: list[tuple[str, list[str]]]
    intro: str


def comparison_section(
    compared: CompareResult | None,
    municipalities: Mapping[str, str],
    msg: Messages,
    money: Money,
) -> ComparisonSection | None:
    """The table of key figures (one column per scenario) and each
    municipality's share; None without a comparison."""
    if compared is None:
        return None
    scenarios = compared.scenarios
    rate = msg.percent(compared.discount, 1).replace(",0\u00a0", "\u00a0")
    rate = rate.replace(".0\u00a0", "\u00a0")

    def opt(value: Any, show: Callable[[Any], str] = str) -> str:
        return "–" if value is None else show(value)

    bases = sorted({s.npv_basis for s in scenarios})
    basis = "/".join(msg(f"comparison.npv.{b}") for b in bases)

    specs: list[tuple[str, Callable[[ScenarioResult], str]]] = [
        ("investment", lambda s: money(s.plan.totals.investment)),
        ("operating", lambda s: money(s.plan.totals.operating)),
        ("total", lambda s: money(s.plan.totals.total)),
        ("contingency", lambda s: money(s.plan.totals.contingency)),
        ("per_year", lambda s: money(s.plan.totals.per_year)),
        ("start", lambda s: opt(s.start, msg.period)),
        ("finish", lambda s: opt(s.finish, msg.period)),
        ("packages", lambda s: msg.number(len(s.plan.placements))),
        ("break_even", lambda s: opt(s.break_even)),
        ("npv", lambda s: money(s.npv)),
        ("missed", lambda s: msg.number(len(s.missed_deadlines))),
        (
            "utilisation",
            lambda s: opt(s.worst_utilisation, msg.percent),
        ),
        ("cut_off", lambda s: msg.number(len(s.cut_off))),
        ("warnings", lambda s: msg.number(len(s.plan.warnings))),
    ]
    rows = [
        (msg(f"comparison.{key}", rate=rate, basis=basis), [f(s) for s in scenarios])
        for key, f in specs
    ]
    return ComparisonSection(
        names=[s.name for s in scenarios],
        rows=rows,
        shares=_shares(scenarios, municipalities, msg, money),
        intro=msg("comparison.intro", n=msg.number(len(scenarios)), rate=rate),
    )


def _shares(
    scenarios: Sequence[ScenarioResult],
    municipalities: Mapping[str, str],
    msg: Messages,
    money: Money,
) -> list[tuple[str, list[str]]]:
    order: list[str] = []
    for s in scenarios:
        order += [x.municipality for x in s.plan.shares if x.municipality not in order]
    rows = []
    for muni in order:
        cells = []
        for s in scenarios:
            share = next((x for x in s.plan.shares if x.municipality == muni), None)
            cells.append(
                msg("comparison.not_member")
                if share is None
                else money(share.amounts["total"])
            )
        rows.append((municipalities.get(muni, muni), cells))
    return rows
