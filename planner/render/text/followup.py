"""A plan's follow-up as text, Markdown and JSON: the status of each work
package and its re-forecast, then the budget against the actuals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from planner.models.progress import Actuals, PackageProgress, Progress, share
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_money, format_percentage

__all__ = ["progress_json", "progress_markdown", "progress_text"]

_PACKAGE_HEADERS = ("work package", "status", "planned", "forecast", "slip", "cost")
_ACTUAL_HEADERS = ("item", "year", "budget", "actual", "overrun", "share")
_PLAN_HEADERS = ("work package", "year", "planned", "actual", "difference")


def _money(amount: Decimal) -> str:
    return format_money(amount)


def _percent(value: float | None) -> str:
    return "-" if value is None else format_percentage(value, 2)


def _phases(n: int) -> str:
    return f"{n:+d} phase{'s' if abs(n) != 1 else ''}"


def _summary(r: Progress) -> list[str]:
    out = []
    if r.as_of is not None:
        counts = ", ".join(f"{n} {s}" for s, n in r.counts().items())
        out.append(f"Work packages: {counts}")
        if r.forecast_finish is None:
            out.append(f"Finish: planned {r.finish}; every work package is done")
        else:
            slip = f" ({_phases(r.slip)})" if r.slip is not None else ""
            out.append(
                f"Finish: planned {r.finish or '-'}, forecast {r.forecast_finish}{slip}"
            )
        if r.break_even is not None or r.forecast_break_even is not None:
            out.append(
                f"Break-even: planned {r.break_even or 'none'}, "
                f"forecast {r.forecast_break_even or 'none'}"
            )
    if r.actuals is not None:
        a = r.actuals
        over = a.actual - a.budget
        out.append(
            f"Budget {_money(a.budget)}, actual {_money(a.actual)}: overrun "
            f"{_money(over)} ({_percent(share(over, a.budget))})"
        )
    return out


def _package_rows(r: Progress) -> list[list[str]]:
    def row(p: PackageProgress) -> list[str]:
        status = (p.status or "-") + (" (inferred)" if p.inferred else "")
        forecast = f"{p.forecast_start}-{p.forecast_end}" if p.forecast_start else "-"
        slip = "-" if p.slip is None else f"{p.slip:+d}"
        return [
            p.id,
            status,
            f"{p.phase_start}-{p.phase_end}",
            forecast,
            slip,
            _money(p.cost),
        ]

    return [row(p) for p in r.work_packages]


def _actual_rows(a: Actuals) -> list[list[str]]:
    rows = [
        [
            x.item + ("" if x.kind == "work_package" else " (budget line)"),
            str(x.year),
            _money(x.budget),
            _money(x.actual),
            _money(x.overrun),
            _percent(share(x.overrun, x.budget)),
        ]
        for x in a.lines
    ]
    over = a.actual - a.budget
    total = ["total", "", _money(a.budget), _money(a.actual), _money(over)]
    return [*rows, [*total, _percent(share(over, a.budget))]]


def _against_plan(a: Actuals) -> list[list[str]]:
    return [
        [x.item, str(x.year), _money(p), _money(x.actual), _money(x.actual - p)]
        for x in a.lines
        if (p := x.planned) is not None
    ]


def _title(r: Progress) -> str:
    at = f" at {r.as_of}" if r.as_of is not None else ""
    return f"Progress of {r.region}{at}"


_NUMBERS = {"slip", "cost", "budget", "actual", "overrun", "share", "planned"}


def _align(headers: Sequence[str]) -> str:
    return "".join("r" if h in _NUMBERS or h == "difference" else "l" for h in headers)


Table = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]


def progress_text(r: Progress, *, width: int = 100) -> str:
    """The follow-up for a terminal."""

    def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
        return text_table(headers, rows, width=width, align=_align(headers))

    lines = [_title(r), *_summary(r), ""]
    lines += ["Work packages:", *table(_PACKAGE_HEADERS, _package_rows(r))]
    lines += _actual_sections(r, table, lambda h: ["", f"{h}:"])
    if r.warnings:
        lines += ["", "Warnings:", *(f"  {w}" for w in r.warnings)]
    return "\n".join(lines) + "\n"


def _actual_sections(
    r: Progress, table: Table, heading: Callable[[str], list[str]]
) -> list[str]:
    if r.actuals is None:
        return []
    out = heading(f"Budget against actuals ({r.currency})")
    out += table(_ACTUAL_HEADERS, _actual_rows(r.actuals))
    plan_rows = _against_plan(r.actuals)
    if plan_rows:
        out += heading("Work packages against the plan")
        out += table(_PLAN_HEADERS, plan_rows)
    return out


def progress_markdown(r: Progress) -> str:
    """The follow-up as Markdown."""

    def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
        return markdown_table(headers, rows, align=_align(headers))

    lines = [f"# {_title(r)}", "", *(f"- {x}" for x in _summary(r)), ""]
    lines += ["## Work packages", "", *table(_PACKAGE_HEADERS, _package_rows(r))]
    lines += _actual_sections(r, table, lambda h: ["", f"## {h}", ""])
    if r.warnings:
        lines += ["", "## Warnings", "", *(f"- {w}" for w in r.warnings)]
    return "\n".join(lines) + "\n"


def progress_json(r: Progress) -> str:
    """The ``planner/progress/v1`` document."""
    return to_json(r.to_dict())
