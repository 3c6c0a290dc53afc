"""``planner report``: the steering-group report, a folder with index.html."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from planner.analyses.gaps import analyse
from planner.analyses.matrix import service_matrix
from planner.commands.compare import compare as compare_scenarios
from planner.commands.progress import follow_plan
from planner.errors import UsageError
from planner.load import load_inventory, load_plan, load_target
from planner.models.bandwidth import FailureMode
from planner.models.planresult import PlanResult
from planner.models.results import GapReport
from planner.output import refuse_overwrite, write_atomic
from planner.planning.phases import phase_resolver
from planner.planning.pipeline import plan_analysed
from planner.planning.reinvestment import reinvestment_due
from planner.render.diagram.diagrams import diagram_dots
from planner.render.diagram.draw import draw
from planner.render.diagram.phase_network import with_network_gaps
from planner.render.diagram.scene import FOLD_ABOVE
from planner.render.diagram.views import PhaseResolver, select_view
from planner.render.files.compare_chart import compare_chart
from planner.render.report.gantt import package_labels, report_gantt
from planner.render.report.html import DIAGRAMS, ReportData, render_report
from planner.render.report.pdf import print_pdf
from planner.render.report.phases import PhaseChange, phase_changes
from planner.render.report.progress_page import progress_files
from planner.render.text.bandwidth import bandwidth_json
from planner.render.text.compare import compare_json
from planner.render.text.matrix import matrix_json
from planner.render.text.plan import plan_json

__all__ = ["FollowUp", "check_folder", "report", "write_pdf", "write_report"]

MAX_PHASE_DIAGRAMS = 12
"""Above this many phases that change the map the report leaves them out."""

_NAMES = (
    "index.html",
    "gaps.json",
    "bandwidth.json",
    "plan.json",
    "gantt.svg",
    "money.svg",
    "compare.json",
    "compare.svg",
    "report.pdf",
    *(f"{v}.svg" for v in DIAGRAMS),
)


@dataclass(frozen=True)
class FollowUp:
    """``planner report --progress``: today's inventory and the options of
    ``planner progress``."""

    now: Path
    as_of: str | None = None
    actuals: Path | None = None
    done: tuple[str, ...] = ()


def report(
    inventory: Path,
    target: Path | None,
    plan: Path | None,
    *,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    follow: FollowUp | None = None,
    compare: Path | None = None,
) -> dict[str, bytes]:
    """Load, analyse, plan, draw the diagrams and render the report's files.

    The bandwidth analysis covers every single link failure by default
    (``failures``: a steering group decides on the worst case), as ``gap``
    and ``plan`` do with the same option; the plan section, its Gantt chart
    and a diagram after each phase that changes the map (up to
    :data:`MAX_PHASE_DIAGRAMS`) come with ``plan``; a comparison section,
    ``compare.json`` and ``compare.svg`` with a ``compare`` scenario file.
    """
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan) if plan is not None else None
    compared = None  # first: a mistake in a scenario file stops before the work
    if compare is not None:
        compared = compare_scenarios(inventory, target, files=[compare])
    analysis = analyse(inv.model, tgt.model, failures=failures)
    G, bandwidth, gaps = analysis.G, analysis.bandwidth, analysis.gaps
    result = None
    if loaded is not None:
        result = plan_analysed(analysis, inv, tgt.model, loaded)
    if follow is not None and (result is None or loaded is None):
        raise UsageError("--progress needs --plan (the plan to follow up)")
    sites = sum(len(m.sites) for m in inv.model.municipalities)
    folded = fold if fold is not None else sites > FOLD_ABOVE
    views = [select_view(gaps, view) for view in DIAGRAMS]
    planned = {ln.id for ln in inv.model.all_links() if ln.status == "planned"}
    resolver = None
    if result is not None and result.phases:
        resolver = with_network_gaps(G, tgt.model, gaps, phase_resolver(result))
    changes = _changes(result, gaps, planned, resolver)
    if resolver is not None and changes:
        views += [select_view(gaps, f"phase:{c.n}", resolver) for c in changes]
    texts = diagram_dots(
        G,
        views,
        lang=lang,
        utilisation=bandwidth.utilisation(),
        max_utilisation=tgt.model.network.max_utilisation,
        fold=folded,
    )
    workers = min(len(texts), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:  # Graphviz runs apart
        svgs = list(pool.map(lambda text: draw(text, "svg").decode("utf-8"), texts))
    documents = {"bandwidth.json": bandwidth_json(bandwidth)}
    if compared is not None:
        documents["compare.json"] = compare_json(compared)
    if result is not None:
        documents["plan.json"] = plan_json(result)
    bw_doc = json.loads(documents["bandwidth.json"])
    gantt = None
    if result is not None:
        gantt = report_gantt(result, inv.model, tgt.model, gaps, bw_doc, lang)
    data = ReportData(
        inventory=inv.model,
        target=tgt.model,
        gaps=gaps,
        diagrams=dict(zip(DIAGRAMS, svgs[: len(DIAGRAMS)], strict=True)),
        phase_diagrams=tuple(zip(changes, svgs[len(DIAGRAMS) :], strict=True)),
        folded=folded,
        bandwidth=bw_doc,
        plan=json.loads(documents["plan.json"]) if result is not None else None,
        gantt_svg=None if gantt is None else gantt[0],
        gantt_pages=() if gantt is None else gantt[1],
        plan_settings=None if loaded is None else loaded.model,
        documents=documents,
        failures=failures,
        matrix=json.loads(matrix_json(service_matrix(G, tgt.model))),
        progress_link=follow is not None,
        comparison=None if compared is None else json.loads(documents["compare.json"]),
        comparison_svg=None if compared is None else compare_chart(compared),
    )
    files = render_report(data, lang=lang)
    if follow is not None and result is not None and loaded is not None:
        followed = follow_plan(
            result,
            loaded.model,
            tgt,
            now=follow.now,
            as_of=follow.as_of,
            actuals=follow.actuals,
            done=follow.done,
            reinvestment=reinvestment_due(gaps, tgt.model),
        )
        names = package_labels(result, inv.model, tgt.model, gaps, bw_doc, lang)
        files.update(progress_files(followed, inv.model.region.name, names, lang=lang))
    return dict(sorted(files.items()))


def _changes(
    result: PlanResult | None,
    gaps: GapReport,
    planned: set[str],
    resolver: PhaseResolver | None,
) -> list[PhaseChange]:
    """The phases to draw: those that change the map, unless there are
    more than a steering group pages through; ``planner render --view
    phase:N`` draws any one."""
    if result is None or resolver is None:
        return []
    periods = [str(p.period) for p in result.phases]
    changed = [c for c in phase_changes(gaps, resolver, periods, planned) if c.changed]
    return changed if len(changed) <= MAX_PHASE_DIAGRAMS else []


def check_folder(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse, before any work, a folder that is a file or where a report
    file would replace an input."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {folder} is a file; the report needs a folder")
    given = list(inputs)
    for name in _NAMES:
        refuse_overwrite(folder / name, given)


def write_report(
    files: Mapping[str, bytes], folder: Path, inputs: Iterable[Path | None]
) -> None:
    """Write each file into ``folder`` atomically, after checking that none
    of them would replace an input."""
    given = list(inputs)
    check_folder(folder, given)
    for name in files:
        refuse_overwrite(folder / name, given)
    for name, data in files.items():
        write_atomic(folder / name, data)


def write_pdf(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Print the written report (``folder``/index.html) to report.pdf
    beside it, atomically."""
    refuse_overwrite(folder / "report.pdf", list(inputs))
    write_atomic(folder / "report.pdf", print_pdf(folder / "index.html"))
