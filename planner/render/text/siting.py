"""The siting ranking as text, Markdown and JSON (``planner/site/v1``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.models.siting import Candidate, SiteResult
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_money, format_percentage

__all__ = ["site_json", "site_markdown", "site_text"]

HEADERS = (
    "rank",
    "primary",
    "secondary",
    "total",
    "new links",
    "per year",
    "upgrades",
    "min availability",
    "distance",
    "cut off",
)
ALIGN = "rllrrrrlrr"


def _rows(cands: Sequence[Candidate]) -> list[list[str]]:
    return [
        [
            str(i),
            c.primary,
            c.secondary or "-",
            format_money(c.total),
            "-"
            if c.design_investment is None
            else f"{c.design_links}: {format_money(c.design_investment)}",
            format_money(c.all_per_year),
            str(c.upgrades),
            f"{format_percentage(c.min_availability, 3)} "
            f"({c.min_availability_municipality or '-'})",
            "-" if c.distance is None else f"{c.distance:.2f}",
            str(c.cut_off),
        ]
        for i, c in enumerate(cands, 1)
    ]


def _shown(result: SiteResult, top: int | None) -> tuple[list[Candidate], str]:
    cands = list(result.candidates)
    if top is None or top >= len(cands):
        return cands, ""
    return cands[:top], f"and {len(cands) - top} more (--top, or --format json)"


def _heading(result: SiteResult) -> str:
    what = "data centre" if result.count == 1 else "pair of data centres"
    return (
        f"{len(result.candidates)} candidates for the {what} of {result.region} "
        f"(target {result.target}), in {result.currency}, by {_by(result)}"
    )


def _by(result: SiteResult) -> str:
    upgrades = "the upgrade investment for the worst single failure"
    return (
        f"the network design's new links and {upgrades}"
        if result.designed
        else upgrades
    )


def site_text(result: SiteResult, top: int | None = 20, *, width: int = 100) -> str:
    shown, more = _shown(result, top)
    lines = [_heading(result), ""]
    lines += text_table(HEADERS, _rows(shown), width=max(width, 140), align=ALIGN)
    lines += [f"  {more}"] if more else []
    lines += ["", *_notes(result)]
    return "\n".join(lines) + "\n"


def _notes(result: SiteResult) -> list[str]:
    out = [f"Note: {result.note}."]
    if result.method != "exhaustive":
        out.append(
            f"Not exhaustive ({result.method}); --exhaustive evaluates every pair."
        )
    return out


def site_markdown(result: SiteResult, top: int | None = 20) -> str:
    shown, more = _shown(result, top)
    lines = [f"# Data-centre siting: {result.region}", "", _heading(result) + ".", ""]
    lines += markdown_table(HEADERS, _rows(shown), align=ALIGN)
    lines += ["", more] if more else []
    lines += ["", *_notes(result)]
    return "\n".join(lines) + "\n"


def site_json(result: SiteResult, top: int | None = None) -> str:
    """The ``planner/site/v1`` document (every candidate unless ``top``)."""
    if top is not None:
        result = replace(result, candidates=result.candidates[:top])
    return to_json(result.to_dict())
