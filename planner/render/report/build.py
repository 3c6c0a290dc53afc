"""The report assembled from results: maps, phase maps, the Gantt chart,
the documents beside the page.

:func:`build_report` takes the typed results (the :class:`Analysis` with
its ``BandwidthReport`` and ``GapReport``, the ``PlanResult``) and returns
every file of the report as bytes, keyed by name; ``planner report`` only
loads, calls it and writes. The maps come from the same
:class:`~planner.render.diagram.maps.Maps` as ``planner render``, so a map
in the report is the one ``render`` draws with the same options.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from planner.analyses.gaps import Analysis
from planner.analyses.matrix import service_matrix
from planner.models.bandwidth import FailureMode
from planner.models.compare import CompareResult
from planner.models.inventory import Inventory
from planner.models.matrix import Matrix
from planner.models.plan import PlanFile
from planner.models.planresult import PlanResult
from planner.models.target import Target
from planner.render.diagram.dot import Slugs
from planner.render.diagram.maps import Maps, draw_all
from planner.render.diagram.municipality import tree_dot
from planner.render.diagram.municipality_split import Piece, split_tree
from planner.render.diagram.scene import fold_choice
from planner.render.diagram.views import PhaseResolver
from planner.render.files.compare_chart import compare_chart
from planner.render.report.gantt import report_gantt
from planner.render.report.html import (
    DIAGRAMS,
    Detail,
    DetailPiece,
    ReportData,
    report_parts,
)
from planner.render.report.phases import PhaseChange, phase_changes
from planner.render.text.compare import compare_json
from planner.render.text.jsonout import to_json_bytes

__all__ = [
    "MAX_DETAIL_MAPS",
    "MAX_PHASE_DIAGRAMS",
    "build_report",
    "report_files",
]

MAX_PHASE_DIAGRAMS = 12
"""Above this many phases that change the map the report leaves them out."""

MAX_DETAIL_MAPS = 12
"""Folded municipalities the report draws in detail (their access trees);
with more (a national map folds every one) ``planner render --municipality``
draws any one."""


def build_report(
    analysis: Analysis,
    inventory: Inventory,
    target: Target,
    plan: PlanResult | None = None,
    *,
    settings: PlanFile | None = None,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    compared: CompareResult | None = None,
    progress_link: bool = False,
) -> dict[str, bytes]:
    """The report's files: the page, the maps (a map after each phase that
    changes it, up to :data:`MAX_PHASE_DIAGRAMS`), the Gantt chart with a
    plan, the comparison with ``compared``, and the JSON documents beside
    them (``bandwidth.json``, ``plan.json``, ``compare.json``).
    ``settings`` are the plan file's (the assumptions section); ``failures``
    is the mode the analysis ran under, as the page says."""
    files = report_files(
        analysis,
        inventory,
        target,
        plan,
        settings=settings,
        lang=lang,
        fold=fold,
        failures=failures,
        compared=compared,
        progress_link=progress_link,
    )
    return dict(sorted(files))


def report_files(
    analysis: Analysis,
    inventory: Inventory,
    target: Target,
    plan: PlanResult | None = None,
    *,
    settings: PlanFile | None = None,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    compared: CompareResult | None = None,
    progress_link: bool = False,
) -> Iterator[tuple[str, bytes]]:
    """:func:`build_report`'s files one by one, each made when the one
    before is taken (in no order; every map is drawn before the first, so
    a missing Graphviz stops the report before any file)."""
    gaps = analysis.gaps
    counts = [(m.id, len(m.sites)) for m in inventory.municipalities]
    every, folds = fold_choice(counts, fold)
    maps = Maps(analysis, target, plan if plan is not None and plan.phases else None)
    views = [maps.view(view) for view in DIAGRAMS]
    planned = {ln.id for ln in inventory.all_links() if ln.status == "planned"}
    changes = _changes(plan, analysis, planned, maps.phases)
    views += [maps.view(f"phase:{c.n}") for c in changes]
    detailed = () if every or len(folds) > MAX_DETAIL_MAPS else folds
    texts = maps.dots(views, lang=lang, fold=fold)
    gaps_view = views[DIAGRAMS.index("gaps")]
    trees = [maps.tree(gaps_view, m, lang=lang) for m in detailed]
    cuts = [split_tree(t) for t in trees]
    texts += [tree_dot(t, t.title, t.shown, t.lines, t.hall) for t in trees]
    texts += [p.dot for pieces in cuts for p in pieces]
    svgs = [svg.decode("utf-8") for svg in draw_all(texts)]
    names = {m.id: m.name for m in inventory.municipalities}
    details = _details(detailed, names, cuts, svgs[len(views) :])
    drawn = len(views)
    del texts, trees, cuts, views, gaps_view, maps  # the maps are drawn
    gantt = None
    if plan is not None:
        gantt = report_gantt(plan, inventory, target, gaps, analysis.bandwidth, lang)
    data = ReportData(
        inventory=inventory,
        target=target,
        gaps=gaps,
        diagrams=dict(zip(DIAGRAMS, svgs[: len(DIAGRAMS)], strict=True)),
        phase_diagrams=tuple(zip(changes, svgs[len(DIAGRAMS) : drawn], strict=True)),
        folded=every or bool(folds),
        folds=() if every else tuple(names[m] for m in folds),
        details=details,
        bandwidth=analysis.bandwidth,
        plan=plan,
        gantt_svg=None if gantt is None else gantt[0],
        gantt_pages=() if gantt is None else gantt[1],
        plan_settings=settings,
        failures=failures,
        matrix=_matrix(analysis, target, plan),
        progress_link=progress_link,
        comparison=compared,
        comparison_svg=None if compared is None else compare_chart(compared),
        cost_key=None if plan is None else plan.key,
    )
    del svgs, details
    yield from report_parts(data, lang=lang)
    yield "bandwidth.json", to_json_bytes(analysis.bandwidth.to_dict())
    if compared is not None:
        yield "compare.json", compare_json(compared).encode("utf-8")
    if plan is not None:
        yield "plan.json", to_json_bytes(plan.to_dict())


def _details(
    detailed: Sequence[str],
    names: Mapping[str, str],
    cuts: Sequence[Sequence[Piece]],
    svgs: Sequence[str],
) -> tuple[Detail, ...]:
    """Each municipality drawn in detail: its whole tree
    (``municipality-<id>.svg``) and, cut per hub, its pieces
    (``municipality-<id>-0.svg`` the hubs, ``-1`` ... one per hub)."""
    slugs = Slugs()
    whole, rest = svgs[: len(detailed)], list(svgs[len(detailed) :])
    out = []
    for m, svg, pieces in zip(detailed, whole, cuts, strict=True):
        stem = f"municipality-{slugs('m', m)[2:]}"
        drawn, rest = rest[: len(pieces)], rest[len(pieces) :]
        parts = tuple(
            DetailPiece(f"{stem}-{i}.svg", p.name, p.sites - 1, text)
            for i, (p, text) in enumerate(zip(pieces, drawn, strict=True))
        )
        out.append(Detail(f"{stem}.svg", names[m], svg, parts))
    return tuple(out)


def _matrix(analysis: Analysis, target: Target, plan: PlanResult | None) -> Matrix:
    """The system overview: the plan's (made from the same graph), else
    made here."""
    if plan is not None and plan.matrix is not None:
        return plan.matrix
    return service_matrix(analysis.G, target)


def _changes(
    plan: PlanResult | None,
    analysis: Analysis,
    planned: set[str],
    resolver: PhaseResolver | None,
) -> Sequence[PhaseChange]:
    """The phases to draw: those that change the map, unless there are
    more than a steering group pages through; ``planner render --view
    phase:N`` draws any one."""
    if plan is None or resolver is None:
        return []
    periods = [str(p.period) for p in plan.phases]
    changes = phase_changes(analysis.gaps, resolver, periods, planned)
    changed = [c for c in changes if c.changed]
    return changed if len(changed) <= MAX_PHASE_DIAGRAMS else []
