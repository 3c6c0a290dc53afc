"""The report's workbook (``plan.xlsx`` beside ``index.html``): the full
lists the page's appendix holds, in the report's language.

With a plan, its sheets as ``planner plan -o DIR --lang L`` writes them,
the packages named as the report names them (in English too: the page's
words, not the planner's ids); always every gap (worst
first, by municipality) and every link's load (busiest first), by the names
users wrote with the ids beside them. The same report gives the same bytes
(:func:`planner.render.files.workbook.save_workbook`); the long sheets
are written as XML text (:mod:`planner.render.files.long_sheet`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook

from planner.models.planresult import PlanResult
from planner.render.files.long_sheet import long_sheet
from planner.render.files.workbook import (
    FIXED_TIME,
    plan_sheets,
    save_workbook,
    sheet_name,
)
from planner.render.files.workbook_text import PackageText
from planner.render.i18n import Messages

__all__ = ["report_workbook"]

GAPS = ("severity", "kind", "subject", "id", "municipalities", "detail")
LINKS = (
    "link",
    "id",
    "capacity (Mbit/s)",
    "demand (Mbit/s)",
    "utilisation",
    "worst",
    "worst when down",
    "recommended (Mbit/s)",
)


def report_workbook(
    region: str,
    plan: PlanResult | None,
    text: PackageText | None,
    groups: Sequence[Mapping[str, Any]],
    bandwidth: Mapping[str, Any] | None,
    msg: Messages,
) -> bytes:
    """The workbook's bytes: the plan's sheets (with ``plan``), the gaps
    (``groups``: the appendix's tables, one per kind) and the links
    (``bandwidth``: the appendix's rows)."""
    lang = msg.lang
    wb = Workbook(write_only=True)
    if plan is not None:
        plan_sheets(wb, plan, lang, text, named=True)
    gaps = [
        [
            msg(f"severity.{row['severity']}"),
            msg(f"kind.{group['kind']}"),
            row["subject"],
            row["id"],
            row["municipalities"],
            row["detail"],
        ]
        for group in groups
        for row in group["rows"]
    ]
    rewrite = {}
    ws = wb.create_sheet(sheet_name("Gaps", lang))
    rewrite[_entry(wb, ws)] = long_sheet(ws, GAPS, gaps, lang)
    if bandwidth is not None:
        links = [
            [
                row["name"],
                row["id"],
                row["capacity"],
                row["demand"],
                row["utilisation"],
                row["worst"],
                row["failed_link"] or "",
                row["recommended"],
            ]
            for row in bandwidth["rows"]
        ]
        ws = wb.create_sheet(sheet_name("Links", lang))
        rewrite[_entry(wb, ws)] = long_sheet(ws, LINKS, links, lang)
    wb.properties.creator = "planner"
    wb.properties.title = region
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return save_workbook(wb, rewrite)


def _entry(wb: Workbook, ws: Any) -> str:
    """The sheet's entry in the package: openpyxl numbers them in order."""
    return f"xl/worksheets/sheet{wb.worksheets.index(ws) + 1}.xml"
