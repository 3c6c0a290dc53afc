"""``planner validate``: load and check the files, say what they hold."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import analysed
from planner.load import Loaded, load_inputs
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile
from planner.models.target import Target
from planner.planning.pipeline import plan_analysed

__all__ = ["validate"]


def validate(inventory: Path, target: Path | None, plan: Path | None) -> str:
    """Load every file named (raising on the first file with problems) and
    return a one-paragraph summary of what was loaded. A plan file is also
    planned exactly as ``planner plan`` would (same analysis, n-1 sizing,
    scheduling and pricing), so validate reports the same errors and the
    same warnings, each on a ``warning:`` line."""
    inputs = load_inputs(inventory, target, plan)
    tgt, loaded = inputs.target, inputs.inventory
    inv = loaded.model
    counts = [
        _count(len(inv.municipalities), "municipality", "municipalities"),
        _count(sum(len(m.sites) for m in inv.municipalities), "site"),
        _count(sum(s.count for m in inv.municipalities for s in m.servers), "server"),
        _count(sum(len(m.systems) for m in inv.municipalities), "system"),
        _count(len(inv.all_links()), "link"),
    ]
    lines = [
        f"ok: {inventory}: region {inv.region.id}, {', '.join(counts)}",
        f"ok: target {tgt.model.id}: {len(tgt.model.services)} services",
    ]
    if inputs.plan is not None:
        summary, warnings = _plan_summary(loaded, tgt.model, inputs.plan)
        lines.append(f"ok: {plan}: {summary}")
        lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines) + "\n"


def _plan_summary(
    inv: Loaded[Inventory], target: Target, loaded: Loaded[PlanFile]
) -> tuple[str, tuple[str, ...]]:
    result = plan_analysed(
        analysed(inv.model, target, failures="n-1"), inv, target, loaded
    )
    written = len(loaded.model.work_packages)
    generated = sum(1 for p in result.placements if p.package.generated)
    return (
        f"{_count(written, 'work package')} written, {generated} generated "
        f"from the gaps, {_count(len(result.warnings), 'warning')}"
    ), result.warnings


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"
