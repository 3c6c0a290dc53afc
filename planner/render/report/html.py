"""The steering-group report: a static HTML page and the files beside it.

:func:`render_report` takes results (never files) and returns every file of
the report as bytes, keyed by name; the command writes them. The page holds
its CSS and fetches nothing: the diagrams are SVG files beside it, shown with
``<img>`` (so no script in an SVG could run). Jinja2 escapes every value.

Bandwidth, the phased plan, the system overview and the comparison enter
as the analyses' results (:class:`BandwidthReport`, :class:`PlanResult`,
:class:`Matrix`, :class:`CompareResult`): a section is drawn when its
result is given and is a short note otherwise.

The page reads top down as a decision: a one-page summary (cost, who pays,
payback, the three biggest risks), the money picture, the maps, the gaps
counted per municipality, the plan; every full table is in the appendix,
sortable and filterable by a small inline script the CSP admits by hash.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from decimal import Decimal
from typing import Any

import jinja2

from planner import __version__
from planner.models.bandwidth import BandwidthReport
from planner.models.compare import CompareResult
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.matrix import Matrix
from planner.models.plan import PlanFile
from planner.models.planresult import CostKey, PlanResult
from planner.models.results import GapReport
from planner.models.target import Target
from planner.render.diagram.scene import FOLD_ABOVE
from planner.render.files.workbook_text import PackageText
from planner.render.i18n import Messages
from planner.render.report.comparison import comparison_section
from planner.render.report.figures import key_figures
from planner.render.report.gap_text import Names
from planner.render.report.matrix import matrix_section
from planner.render.report.money import money_chart, money_section
from planner.render.report.package_text import PackageWords
from planner.render.report.phases import PhaseChange
from planner.render.report.precompiled import Precompiled
from planner.render.report.risks import gap_matrix, gap_tables, risks
from planner.render.report.rows import bandwidth_rows_pieces, gap_rows_pieces
from planner.render.report.script import SCRIPT, SCRIPT_HASH
from planner.render.report.sections import assumptions, bandwidth_rows, plan_section
from planner.render.report.workbook import report_workbook
from planner.render.text.jsonout import to_json_bytes

__all__ = [
    "DIAGRAMS",
    "Detail",
    "DetailPiece",
    "ReportData",
    "render_report",
    "report_parts",
]

DIAGRAMS = ("current", "target", "gaps")
"""The views a report shows, in order; each is a file ``<view>.svg``."""


@frozen
class DetailPiece:
    """A piece of a detail map cut per hub: its file, the hub's name (the
    municipality's for the overview of the hubs), the sites behind the hub
    and the SVG text."""

    file: str
    name: str
    behind: int
    svg: str


@frozen
class Detail:
    """A folded municipality drawn in detail: its file beside the report
    (``municipality-<id>.svg``), its name, the SVG text and, for a large
    one, the pieces the page shows instead (the hubs, then each hub's)."""

    file: str
    name: str
    svg: str
    pieces: Sequence[DetailPiece] = ()


@frozen
class ReportData:
    """Everything a report shows. ``diagrams`` maps a view in
    :data:`DIAGRAMS` to its SVG text; the bandwidth analysis, the plan,
    the system overview and the comparison are the analyses' results."""

    inventory: Inventory
    target: Target
    gaps: GapReport
    diagrams: Mapping[str, str] = field(default_factory=dict)
    folded: bool = False
    bandwidth: BandwidthReport | None = None
    plan: PlanResult | None = None
    gantt_svg: str | None = None
    # The Gantt chart cut into printable pages (gantt-1.svg ...).
    gantt_pages: Sequence[str] = ()
    plan_settings: PlanFile | None = None
    # Files written beside the report as they are: bandwidth.json and
    # plan.json, the whole analyses behind the tables.
    documents: Mapping[str, str] = field(default_factory=dict)
    # The phases that change the map, each with its SVG (phase-<n>.svg).
    phase_diagrams: Sequence[tuple[PhaseChange, str]] = ()
    # The failure mode the gaps and bandwidth were found under (--failures).
    failures: str = "n-1"
    # The system overview (``planner matrix``).
    matrix: Matrix | None = None
    # A follow-up page (progress.html) is written beside the report.
    progress_link: bool = False
    # planner report --compare: the scenarios and their chart (compare.svg,
    # beside the report).
    comparison: CompareResult | None = None
    comparison_svg: str | None = None
    # The cost key the plan split by (the assumptions name it).
    cost_key: CostKey | None = None
    # The municipalities folded on a map that keeps the others' sites (by
    # name), and those of them drawn in detail, each as its access tree.
    folds: Sequence[str] = ()
    details: Sequence[Detail] = ()


def render_report(data: ReportData, *, lang: str = "nb") -> dict[str, bytes]:
    """The report's files: ``index.html``, one SVG per diagram, ``gaps.json``
    (every gap), ``money.svg`` with a projection, ``gantt.svg`` when the
    plan has one, and ``documents``. Same data, same bytes."""
    return dict(sorted(report_parts(data, lang=lang)))


def report_parts(data: ReportData, *, lang: str = "nb") -> Iterator[tuple[str, bytes]]:
    """:func:`render_report`'s files one by one, each made when the one
    before is taken (in no order; the page's tables are let go before
    ``gaps.json`` is made: a national report's big files are 15 MB each and
    made from several times that)."""
    for view, svg in data.diagrams.items():
        yield f"{view}.svg", svg.encode("utf-8")
    for change, svg in data.phase_diagrams:
        yield f"phase-{change.n}.svg", svg.encode("utf-8")
    for detail in data.details:
        yield detail.file, detail.svg.encode("utf-8")
        for piece in detail.pieces:
            yield piece.file, piece.svg.encode("utf-8")
    if data.gantt_svg is not None:
        yield "gantt.svg", data.gantt_svg.encode("utf-8")
    for n, svg in enumerate(data.gantt_pages, 1):
        yield f"gantt-{n}.svg", svg.encode("utf-8")
    if data.comparison_svg is not None:
        yield "compare.svg", data.comparison_svg.encode("utf-8")
    for name, text in data.documents.items():
        yield name, text.encode("utf-8")
    msg = Messages(lang)
    context = _context(data, msg)
    if context["money_svg"] is not None:
        yield "money.svg", context["money_svg"].encode("utf-8")
    yield "index.html", _page(context, msg)
    yield "plan.xlsx", _workbook(data, context, msg)
    del context  # the tables' rows: gaps.json is made without them
    yield "gaps.json", _gaps_json(data)


def _page(context: Mapping[str, Any], msg: Messages) -> bytes:
    """``index.html``, encoded piece by piece as Jinja writes it (the long
    tables too: :class:`~planner.render.report.rows.Pieces`): no 20 MB text
    of a national page before its bytes."""
    template = _environment(msg).get_template("report.html.j2")
    page, pieces, size = io.BytesIO(), [], 0
    for part in template.generate(context):  # mostly small: encoded in runs
        pieces.append(part)
        size += len(part)
        if size > 1 << 16:
            page.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
    page.write("".join(pieces).encode("utf-8"))
    return page.getvalue()


def _workbook(data: ReportData, context: Mapping[str, Any], msg: Messages) -> bytes:
    """``plan.xlsx``: the plan's sheets with the packages named as the page
    names them, every gap and every link."""
    plan = context["plan"]
    text = None
    if plan is not None:
        text = PackageText(
            names=plan["labels"],
            reasons={wp["id"]: wp["why"] for wp in plan["packages"]},
            warnings=plan["warnings"],
        )
    title = msg("report.title", region=data.inventory.region.name)
    return report_workbook(
        title, data.plan, text, context["groups"], context["bandwidth"], msg
    )


def _municipality_of(inventory: Inventory) -> dict[str, str]:
    return {s.id: m.id for m in inventory.municipalities for s in m.sites}


def _with_html(section: dict[str, Any] | None, msg: Messages) -> dict[str, Any] | None:
    """The bandwidth section with its rows as HTML (``rows.py``)."""
    if section is None:
        return None
    return {**section, "html": bandwidth_rows_pieces(section["rows"], msg)}


def _gaps_json(data: ReportData) -> bytes:
    return to_json_bytes(data.gaps.to_dict())


def _environment(msg: Messages, *, precompiled: bool = True) -> jinja2.Environment:
    """The page's Jinja, its templates' code from
    :mod:`~planner.render.report.precompiled` (``precompiled``: else each
    compiled from its text, as ``make templates`` does)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("planner.render.report", "templates"),
        bytecode_cache=Precompiled() if precompiled else None,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["t"] = msg
    env.filters["num"] = _optional(msg.number)
    env.filters["fte"] = _optional(lambda v: msg.number(v, 1))
    env.filters["pct"] = _optional(msg.percent)
    env.filters["bw"] = _optional(msg.bandwidth)
    env.filters["millions"] = _optional(lambda v: msg.number(float(v) / 1e6, 1))
    env.filters["millions2"] = _optional(lambda v: msg.number(float(v) / 1e6, 2))
    env.filters["period"] = _optional(msg.period)
    env.filters["date"] = _optional(msg.date)
    return env


def _optional(format_: Any) -> Any:
    def apply(value: Any) -> str:
        return "–" if value is None else str(format_(value))

    return apply


def _names(data: ReportData) -> Names:
    inv = data.inventory
    return Names(
        municipalities={m.id: m.name for m in inv.municipalities},
        sites={s.id: s.name for m in inv.municipalities for s in m.sites},
        services={s.id: s.name for s in data.target.services.values()},
    )


def _context(data: ReportData, msg: Messages) -> dict[str, Any]:
    inv = data.inventory
    currency = inv.region.currency
    rows, total = key_figures(inv, msg("fig.total"))
    names = _names(data)
    words = PackageWords.build(inv, data.target, data.gaps, names, data.bandwidth)

    def money(value: Decimal | float | int | None) -> str:
        return "–" if value is None else msg.money(value, currency)

    def mill(value: Decimal | float | int | None) -> str:
        return "–" if value is None else msg.millions(value, currency)

    plan = plan_section(data.plan, data.gantt_svg is not None, words, msg)
    cash = money_section(data.plan, names)
    return {
        "lang": msg.lang,
        "unit": msg.unit(currency),
        "version": __version__,
        "region": inv.region,
        "target": data.target,
        "rows": rows,
        "total": total,
        "money": money,
        "mill": mill,
        "diagrams": [v for v in DIAGRAMS if v in data.diagrams],
        "folded": data.folded,
        "details": data.details,
        "fold_names": ", ".join(data.folds),
        "fold_above": FOLD_ABOVE,
        "failures": data.failures,
        "gaps": data.gaps,
        "datacenters": ", ".join(names.site(s) for s in data.gaps.datacenters),
        "summary": [(k, n) for k, n in data.gaps.summary.items() if n],
        "matrix": gap_matrix(data.gaps, names),
        "groups": [
            {**g, "html": gap_rows_pieces(g["rows"], msg)}
            for g in gap_tables(data.gaps, msg, words)
        ],
        "risks": risks(
            data.gaps, data.plan, words, msg, None if plan is None else plan["labels"]
        ),
        "bandwidth": _with_html(
            bandwidth_rows(data.bandwidth, words, _municipality_of(inv)), msg
        ),
        "plan": plan,
        "cash": cash,
        "money_svg": None if cash is None else money_chart(cash, msg, currency),
        "phase_diagrams": [change for change, _ in data.phase_diagrams],
        "gantt_pages": len(data.gantt_pages),
        "phases_total": 0 if data.plan is None else len(data.plan.phases),
        "systems": matrix_section(data.matrix),
        "progress_link": data.progress_link,
        "comparison": comparison_section(
            data.comparison, names.municipalities, msg, money
        ),
        "assumptions": assumptions(
            data.target,
            data.gaps.datacenters,
            data.plan_settings,
            msg,
            names,
            money,
            data.cost_key,
        ),
        "script_hash": SCRIPT_HASH,
        "script": SCRIPT,
    }
