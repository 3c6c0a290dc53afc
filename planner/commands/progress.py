"""``planner progress``: a plan followed up, against today's inventory and
the accounts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from planner.commands.shared import Formats, analysed, period_setting, render_as
from planner.errors import UsageError, did_you_mean
from planner.load import Loaded, load_inputs, load_inventory
from planner.load.actuals import read_actuals
from planner.models.plan import PlanFile
from planner.models.planresult import PlanResult
from planner.models.progress import Actuals, Progress
from planner.models.target import Target
from planner.planning.followup import compare_actuals, follow_up
from planner.planning.pipeline import plan_analysed
from planner.planning.reinvestment import Reinvestment, reinvestment_due
from planner.render.text.followup import progress_json, progress_markdown, progress_text
from planner.units import Period

__all__ = ["follow_plan", "progress", "render_progress"]


def progress(
    baseline: Path,
    target: Path | None,
    plan_file: Path,
    *,
    now: Path | None = None,
    as_of: str | None = None,
    actuals: Path | None = None,
    done: tuple[str, ...] = (),
) -> Progress:
    """Make the plan of ``baseline`` as ``planner plan`` does, then follow
    it up: statuses and the re-forecast from ``now`` (today's inventory) at
    ``as_of`` (default: its ``region.as_of``), and the ``actuals`` CSV."""
    inputs = load_inputs(baseline, target, plan_file)
    tgt, loaded = inputs.target, inputs.plan
    assert loaded is not None  # a plan file was named
    analysis = analysed(inputs.inventory.model, tgt.model)
    plan = plan_analysed(analysis, inputs.inventory, tgt.model, loaded)
    return follow_plan(
        plan,
        loaded.model,
        tgt,
        now=now,
        as_of=as_of,
        actuals=actuals,
        done=done,
        reinvestment=reinvestment_due(analysis.gaps, tgt.model),
    )


def follow_plan(
    plan: PlanResult,
    settings: PlanFile,
    tgt: Loaded[Target],
    *,
    now: Path | None = None,
    as_of: str | None = None,
    actuals: Path | None = None,
    done: tuple[str, ...] = (),
    reinvestment: Reinvestment | None = None,
) -> Progress:
    """Follow up a plan already made (``planner report`` shares it);
    ``reinvestment``: the servers due, for the forecast break-even."""
    open_gaps, period = None, period_setting(as_of, "as of")
    if now is not None:
        today = load_inventory(now, tgt).model
        if today.region.id != plan.region:
            # Another region's gaps would mark every package done.
            raise UsageError(
                f"--now {now} describes region '{today.region.id}', the plan "
                f"region '{plan.region}': give the same region as it is today"
            )
        open_gaps = {(g.kind, g.subject) for g in analysed(today, tgt.model).gaps.gaps}
        if period is None and today.region.as_of is not None:
            d = today.region.as_of
            period = Period(d.year, "quarter", (d.month - 1) // 3 + 1)
        if period is None:
            raise UsageError(
                f"no as-of date: give --as-of (e.g. 2008H2) or region.as_of in {now}"
            )
    elif period is not None:
        raise UsageError("--as-of needs --now (the inventory as it is today)")
    if done and now is None:
        raise UsageError("--done needs --now (the inventory as it is today)")
    _check_done(plan, done)
    result = follow_up(
        plan,
        open_gaps=open_gaps,
        as_of=period,
        projection=settings.projection,
        marked=done,
        reinvestment=reinvestment,
    )
    if actuals is None:
        return result
    checked, warnings = _actuals(plan, result, actuals)
    return dataclasses.replace(
        result, actuals=checked, warnings=(*result.warnings, *warnings)
    )


def _actuals(
    plan: PlanResult, result: Progress, path: Path
) -> tuple[Actuals, list[str]]:
    rows = read_actuals(path, str(path))
    packages = {x.package.id: x.package for x in plan.placements}
    ends = [p for p in (result.finish, result.forecast_finish) if p is not None]
    years = (plan.frame.start.year, max(ends).year) if ends else None
    return compare_actuals(rows, packages, years, str(path))


def _check_done(plan: PlanResult, done: tuple[str, ...]) -> None:
    ids = [x.package.id for x in plan.placements]
    for pid in done:
        if pid not in ids:
            raise UsageError(
                f"--done: '{pid}' is not a work package of the plan"
                + (did_you_mean(pid, ids) or f" ({len(ids)} packages)")
            )


FORMATS: Formats[Progress] = {
    "text": lambda r, width: progress_text(r, width=width),
    "json": lambda r, _: progress_json(r),
    "markdown": lambda r, _: progress_markdown(r),
}


def render_progress(result: Progress, fmt: str, width: int = 100) -> str:
    return render_as(FORMATS, result, fmt, width)
