"""``planner plan``: a phased migration plan with costs and shares.

Loads the files, finds the gaps, generates and merges the work packages,
checks the references between them (located in the plan file) and the
cost key against the inventory (located there), then plans. ``-o DIR``
writes every output; all are rendered before the first file is written, so
a failure leaves the folder as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.commands.shared import ByteFormats, analysed, period_setting, render_as
from planner.models.planresult import PlanResult
from planner.output import refuse_overwrite, write_atomic
from planner.render.text.plan import plan_json_bytes, plan_markdown, plan_text

if TYPE_CHECKING:
    from planner.models.bandwidth import FailureMode
    from planner.render.files.workbook_text import PackageText

__all__ = [
    "OUTPUTS",
    "plan",
    "render_all",
    "render_plan",
    "workbook_text",
    "write_plan",
]

OUTPUTS = ("plan.md", "plan.json", "plan.txt", "plan.xlsx", "gantt.svg")


def plan(
    inventory: Path,
    target: Path | None = None,
    plan_file: Path | None = None,
    *,
    start: str | None = None,
    phase: str | None = None,
    strategy: str | None = None,
    failures: FailureMode = "n-1",
) -> PlanResult:
    """Load the files and make the plan (``start``, ``phase`` and
    ``strategy`` override the plan file's). Links are sized by the bandwidth
    analysis, by default for the worst single link failure (``failures``).
    The inventory's sites and links are moved into the graph: planning reads
    the rest of the inventory, and the network from the graph.
    (The analyses are imported here: a cached run renders without them.)"""
    from planner.load import load_inputs
    from planner.planning.pipeline import Overrides, plan_analysed

    frame = Overrides(period_setting(start, "start"), phase, strategy)
    inputs = load_inputs(inventory, target, plan_file)
    inv, tgt = inputs.inventory.model, inputs.target.model
    analysis = analysed(inv, tgt, failures=failures, release="network")
    return plan_analysed(
        analysis, inputs.inventory, inputs.target.model, inputs.plan, frame
    )


FORMATS: ByteFormats[PlanResult] = {
    "text": lambda r, width: plan_text(r, width=width),
    "json": lambda r, _: plan_json_bytes(r),
    "markdown": lambda r, _: plan_markdown(r),
}


def render_plan(result: PlanResult, fmt: str, width: int = 100) -> str | bytes:
    return render_as(FORMATS, result, fmt, width)


def render_all(
    result: PlanResult, lang: str = "en", text: PackageText | None = None
) -> dict[str, bytes]:
    """Every output file of ``-o DIR``, by name (the workbook and the Gantt
    chart in ``lang``, with ``text`` the packages' names, reasons and
    warnings)."""
    from planner.render.files.gantt import plan_gantt
    from planner.render.files.workbook import plan_workbook
    from planner.render.i18n import Messages

    if text is None:  # English: the packages' own names
        gantt = plan_gantt(result)
    else:
        gantt = plan_gantt(result, Messages(lang), text.names, None, text.reasons)
    return {
        "plan.md": plan_markdown(result).encode(),
        "plan.json": plan_json_bytes(result),
        "plan.txt": plan_text(result).encode(),
        "plan.xlsx": plan_workbook(result, lang, text),
        "gantt.svg": gantt.encode(),
    }


def workbook_text(
    result: PlanResult,
    inventory: Path,
    target: Path | None,
    failures: FailureMode = "n-1",
    lang: str = "en",
) -> PackageText | None:
    """For a Norwegian workbook, the generated packages named and explained
    from the gaps they close, as the report does (None in English: the
    planner's words). Analyses again: a cached plan has no gaps."""
    if lang == "en":
        return None
    from planner.load import load_inputs
    from planner.render.report.gantt import workbook_text as words

    inputs = load_inputs(inventory, target, None)
    inv, tgt = inputs.inventory.model, inputs.target.model
    analysis = analysed(inv, tgt, failures=failures)
    return words(result, inv, tgt, analysis.gaps, analysis.bandwidth, lang)


def write_plan(
    result: PlanResult,
    folder: Path,
    inputs: list[Path | None],
    lang: str = "en",
    text: PackageText | None = None,
) -> None:
    """Write every output into ``folder``, each file atomically."""
    files = render_all(result, lang, text)
    for name in files:
        refuse_overwrite(folder / name, inputs)
    for name, data in files.items():
        write_atomic(folder / name, data)
