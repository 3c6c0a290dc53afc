"""``planner render``: one view of the region as a Graphviz diagram."""

from __future__ import annotations

from pathlib import Path

from planner.commands.pipeline import analyse_and_plan
from planner.errors import UsageError
from planner.load import load_inputs
from planner.models.bandwidth import FailureMode
from planner.render.diagram.draw import FORMATS, draw
from planner.render.diagram.maps import Maps
from planner.render.diagram.views import parse_view

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
    run = analyse_and_plan(
        load_inputs(inventory, target, plan), failures=failures, planned=name == "phase"
    )
    maps = Maps(run.analysis, run.inputs.target.model, run.plan)
    state = maps.view(view)
    if municipality is not None:  # one municipality's access tree, by dot
        return draw(maps.municipality(state, municipality, lang=lang), fmt)
    (dot,) = maps.dots([state], lang=lang, fold=fold)
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
