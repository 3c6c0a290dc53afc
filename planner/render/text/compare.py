"""The comparison as text, Markdown and JSON (``planner/compare/v1``).

Text and Markdown show one column per scenario: the money (the contingency
beside the base figures, never folded in), the phases, break-even and net
present value, deadlines and the network's weak points; then each
municipality's share of the total, and per scenario the deadlines missed,
the sites one failure cuts off and every warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner.models.compare import CompareResult, ScenarioResult
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, text_table, wrap
from planner.units import format_money, format_percentage

__all__ = ["compare_json", "compare_markdown", "compare_text", "figure_rows"]

Table = Callable[[Sequence[str], Sequence[Sequence[str]], str], list[str]]


def _opt(value: object) -> str:
    return "-" if value is None else str(value)


def _utilisation(s: ScenarioResult) -> str:
    if s.worst_utilisation is None:
        return "-"
    return format_percentage(s.worst_utilisation, 0)


def figure_rows(result: CompareResult) -> list[list[str]]:
    """One row per figure, one column per scenario."""
    rate = format_percentage(result.discount, 1).replace(".0 %", " %")
    specs: list[tuple[str, Callable[[ScenarioResult], str]]] = [
        ("plan", lambda s: s.plan_file),
        ("strategy", lambda s: s.plan.frame.strategy),
        ("without", lambda s: ", ".join(s.without) or "-"),
        ("investment", lambda s: format_money(s.plan.totals.investment)),
        ("operating", lambda s: format_money(s.plan.totals.operating)),
        ("total", lambda s: format_money(s.plan.totals.total)),
        ("contingency", lambda s: format_money(s.plan.totals.contingency)),
        ("running cost per year", lambda s: format_money(s.plan.totals.per_year)),
        ("first phase", lambda s: _opt(s.start)),
        ("last phase", lambda s: _opt(s.finish)),
        ("work packages", lambda s: str(len(s.plan.placements))),
        ("break-even", lambda s: _opt(s.break_even)),
        (f"NPV at {rate} ({'/'.join(_bases(result))})", lambda s: format_money(s.npv)),
        ("missed deadlines", lambda s: str(len(s.missed_deadlines))),
        ("worst link load, before upgrades", _utilisation),
        ("worst link", lambda s: _opt(s.worst_link)),
        ("sites one failure cuts off", lambda s: str(len(s.cut_off))),
        ("warnings", lambda s: str(len(s.plan.warnings))),
    ]
    if not any(s.without for s in result.scenarios):
        specs = [x for x in specs if x[0] != "without"]
    return [[label, *(f(s) for s in result.scenarios)] for label, f in specs]


def _bases(result: CompareResult) -> list[str]:
    names = {"projection": "savings", "plan": "costs"}
    return sorted({names[s.npv_basis] for s in result.scenarios})


def share_rows(result: CompareResult) -> list[list[str]]:
    """Each municipality's share of each scenario's total ('-': not a member)."""
    order: list[tuple[str, str]] = []
    for s in result.scenarios:
        for sh in s.plan.shares:
            if (sh.municipality, sh.name) not in order:
                order.append((sh.municipality, sh.name))
    rows = []
    for muni, _ in order:
        row = [muni]
        for s in result.scenarios:
            share = next((x for x in s.plan.shares if x.municipality == muni), None)
            row.append("-" if share is None else format_money(share.amounts["total"]))
        rows.append(row)
    return rows


def _cells(row: Sequence[str], widths: Sequence[int], align: str) -> list[str]:
    return [
        c.rjust(w) if a == "r" else c
        for c, w, a in zip(row, widths, align, strict=True)
    ]


def _details(s: ScenarioResult) -> list[str]:
    lines = [
        f"- missed deadline: {m.package} finishes in {m.finish}, deadline {m.deadline}"
        for m in s.missed_deadlines
    ]
    if s.cut_off:
        lines.append(f"- one failure can cut off: {', '.join(s.cut_off)}")
    lines += [f"- warning: {w}" for w in s.plan.warnings]
    return lines or ["- none"]


def _sections(
    result: CompareResult,
    table: Table,
    heading: Callable[[str], str],
    bullet: Callable[[str], list[str]] = lambda line: [line],
) -> list[str]:
    names = [s.name for s in result.scenarios]
    align = "l" + "r" * len(names)
    lines = [heading("Scenarios"), *table(["", *names], figure_rows(result), align)]
    lines += ["", heading("Shares of the total")]
    lines += table(["municipality", *names], share_rows(result), align)
    for s in result.scenarios:
        lines += ["", heading(f"{s.name}: deadlines, failures, warnings")]
        lines += [x for line in _details(s) for x in bullet(line)]
    return lines


def compare_text(result: CompareResult, *, width: int = 100) -> str:
    """The comparison for a terminal."""

    def table(
        headers: Sequence[str], rows: Sequence[Sequence[str]], align: str
    ) -> list[str]:
        # Pad every column here: text_table wraps (and left-aligns) the last.
        every = [headers, *rows]
        widths = [max(len(r[i]) for r in every) for i in range(len(align))]
        pad = [_cells(r, widths, align) for r in every]
        wide = max(width, sum(widths) + 2 * len(widths) + 2)
        return text_table(pad[0], pad[1:], width=wide, align=align)

    def bullet(line: str) -> list[str]:
        text = wrap(line[2:], width - 4) or [""]
        return [f"  - {text[0]}", *(f"    {t}" for t in text[1:])]

    lines = [
        f"Comparison for {result.region_name} ({result.region}), in "
        f"{result.currency}; contingency beside the totals, not in them",
        "",
        *_sections(result, table, lambda h: f"{h}:", bullet),
    ]
    return "\n".join(lines) + "\n"


def compare_markdown(result: CompareResult) -> str:
    """The comparison as Markdown, for wikis and pull requests."""

    def table(
        headers: Sequence[str], rows: Sequence[Sequence[str]], align: str
    ) -> list[str]:
        return markdown_table(headers, rows, align=align)

    lines = [
        f"# Scenarios: {result.region_name}",
        "",
        f"Amounts in {result.currency}; the contingency is shown beside the base "
        "figures, not included in them.",
        "",
        *_sections(result, table, lambda h: f"## {h}\n"),
    ]
    return "\n".join(lines) + "\n"


def compare_json(result: CompareResult) -> str:
    """The ``planner/compare/v1`` JSON document."""
    return to_json(result.to_dict())
