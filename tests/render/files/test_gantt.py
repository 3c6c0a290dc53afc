"""The Gantt chart: one bar per package over its phases."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from planner.commands.plan import plan
from planner.render.files.gantt import COLUMN, plan_gantt
from tests.conftest import ROOT, other_process

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_span_the_phases() -> None:
    """Melhus: SLA runs 2009Q1-Q3 (3 quarters), design 2009Q2-Q3 (2)."""
    result = plan(
        ROOT / "inventories" / "melhus.yaml", None, ROOT / "plans" / "melhus.yaml"
    )
    root = ET.fromstring(plan_gantt(result))
    bars: dict[str, Any] = {}
    for rect in root.iter(f"{SVG}rect"):
        title = rect.find(f"{SVG}title")
        if title is not None and title.text:
            bars[title.text.split(" (")[0]] = rect
    assert float(bars["SLA"].get("width")) == 3 * COLUMN - 4
    assert float(bars["Prosjektering"].get("width")) == 2 * COLUMN - 4
    x_sla, x_design = float(bars["SLA"].get("x")), float(bars["Prosjektering"].get("x"))
    assert x_design - x_sla == COLUMN
    assert plan_gantt(result) == other_process(
        """
        from planner.commands.plan import plan
        from planner.render.files.gantt import plan_gantt
        result = plan("inventories/melhus.yaml", None, "plans/melhus.yaml")
        print(plan_gantt(result), end="")
        """
    )


def test_long_plans_get_narrower_columns_and_deadline_markers() -> None:
    from planner.render.files.gantt import NARROW, column_width, gantt_pages
    from planner.render.i18n import Messages

    assert column_width(9) == COLUMN and column_width(21) == 30
    assert column_width(100) == NARROW
    result = plan(
        ROOT / "inventories" / "kongsberg.yaml",
        ROOT / "topologies" / "kongsberg-target.yaml",
        ROOT / "plans" / "kongsberg.yaml",
    )
    pages = gantt_pages(result, Messages("nb"), {}, {}, rows_per_page=30)
    assert len(pages) >= 3 and all("side " in p for p in pages)
    whole = plan_gantt(result)
    # The extranet's deadline (2007H2) is a marker; it is met, so not red.
    assert "deadline 2007 H2" in whole and "deadline 2007 H2: missed" not in whole
