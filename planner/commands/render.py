"""``planner render``: one view of the region as a Graphviz diagram."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import analysed
from planner.errors import UsageError
from planner.load import load_inventory, load_plan, load_target
from planner.models.bandwidth import FailureMode
from planner.planning.phases import phase_resolver
from planner.planning.pipeline import plan_analysed
from planner.render.diagram.diagrams import diagram_dot
from planner.render.diagram.draw import FORMATS, draw
from planner.render.diagram.municipality import municipality_dot
from planner.render.diagram.phase_network import with_network_gaps
from planner.render.diagram.views import PhaseResolver, parse_view, select_view

__all__ = ["format_for", "render"]


def render(
    inventory: Path,
    target: Path | None,
    view: str,
    fmt: str,
    *,
    plan: Path | None = None,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    municipality: str | None = None,
) -> bytes:
    """Load, find the gaps (under ``failures``, as ``report`` does, so a
    map and the report agree) and draw ``view`` in ``fmt``. ``phase:N``
    makes the plan (with ``plan``'s settings, else the defaults) and draws
    the state after its phase N. ``current`` is not coloured by load (today's
    load is not known); the others by the planned load."""
    name, _ = parse_view(view)  # a bad --view fails before any work
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan) if plan is not None else None
    phased = name == "phase"
    analysis = analysed(inv.model, tgt.model, failures=failures)
    phases: PhaseResolver | None = None
    if phased:
        phases = with_network_gaps(
            analysis.G,
            tgt.model,
            analysis.gaps,
            phase_resolver(plan_analysed(analysis, inv, tgt.model, loaded)),
        )
    state = select_view(analysis.gaps, view, phases)
    if municipality is not None:  # one municipality's access tree, by dot
        return draw(
            municipality_dot(
                analysis.G,
                state,
                municipality,
                lang=lang,
                utilisation=analysis.bandwidth.utilisation(),
                max_utilisation=tgt.model.network.max_utilisation,
            ),
            fmt,
        )
    dot = diagram_dot(
        analysis.G,
        state,
        lang=lang,
        utilisation=analysis.bandwidth.utilisation(),
        max_utilisation=tgt.model.network.max_utilisation,
        fold=fold,
    )
    return draw(dot, fmt)


def format_for(output: Path, fmt: str | None) -> str:
    """``-f`` when given, else the output's suffix (``.gv`` is DOT), else
    SVG when there is no suffix; an unknown suffix (``.jpg``) is refused
    rather than filled with SVG."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower().lstrip(".")
    suffix = "dot" if suffix == "gv" else suffix  # Graphviz's own suffix
    if suffix and suffix not in FORMATS and str(output) != "-":
        raise UsageError(
            f"-o {output}: planner draws {', '.join(FORMATS)}, not .{suffix}; "
            "name the file .svg, .png, .pdf or .dot (or choose one with -f)"
        )
    return suffix if suffix in FORMATS else "svg"
