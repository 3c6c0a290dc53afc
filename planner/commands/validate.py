"""``planner validate``: load and check the files, say what they hold."""

from __future__ import annotations

from pathlib import Path

from planner.load import load_inventory, load_plan, load_target

__all__ = ["validate"]


def validate(inventory: Path, target: Path | None, plan: Path | None) -> str:
    """Load every file named (raising on the first file with problems) and
    return a one-paragraph summary of what was loaded."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt).model
    lines = [
        f"ok: {inventory}: region {inv.region.id}, "
        f"{len(inv.municipalities)} municipalities, "
        f"{sum(len(m.sites) for m in inv.municipalities)} sites, "
        f"{sum(s.count for m in inv.municipalities for s in m.servers)} servers, "
        f"{sum(len(m.systems) for m in inv.municipalities)} systems, "
        f"{len(inv.all_links())} links",
        f"ok: target {tgt.model.id}: {len(tgt.model.services)} services",
    ]
    if plan is not None:
        pl = load_plan(plan).model
        lines.append(f"ok: {plan}: {len(pl.work_packages)} work packages")
    return "\n".join(lines) + "\n"
