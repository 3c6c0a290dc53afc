"""``planner validate``: load and check the files, say what they hold."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.gaps import analyse
from planner.load import Loaded, load_inventory, load_plan, load_target
from planner.models.inventory import Inventory
from planner.models.target import Target
from planner.planning.pipeline import plan_analysed

__all__ = ["validate"]


def validate(inventory: Path, target: Path | None, plan: Path | None) -> str:
    """Load every file named (raising on the first file with problems) and
    return a one-paragraph summary of what was loaded. A plan file is also
    planned exactly as ``planner plan`` would (same analysis, n-1 sizing,
    scheduling and pricing), so validate reports the same errors and the
    same warnings, each on a ``warning:`` line."""
    tgt = load_target(target)
    loaded = load_inventory(inventory, tgt)
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
    if plan is not None:
        summary, warnings = _plan_summary(loaded, tgt.model, plan)
        lines.append(f"ok: {plan}: {summary}")
        lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines) + "\n"


def _plan_summary(
    inv: Loaded[Inventory], target: Target, plan: Path
) -> tuple[str, tuple[str, ...]]:
    loaded = load_plan(plan)
    result = plan_analysed(
        analyse(inv.model, target, failures="n-1"), inv, target, loaded
    )
    written = len(loaded.model.work_packages)
    generated = sum(1 for p in result.placements if p.package.generated)
    return (
        f"{_count(written, 'work package')} written, {generated} generated "
        f"from the gaps, {_count(len(result.warnings), 'warning')}"
    ), result.warnings


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"
