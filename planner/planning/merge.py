"""Hand-written work packages merged over the generated ones.

A hand-written package with a generated package's id replaces it (keeping
its place in the priority order, so ``datacenter`` can be priced or made to
wait for an ``extranet``); the others follow in file order. The references
between them are checked here, where both kinds are known, and located in
the plan file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from planner.errors import Loc, Problem, ProblemAt, did_you_mean
from planner.graph import find_cycle
from planner.models.plan import PlanFile, WorkPackage
from planner.models.planresult import Package

__all__ = ["check_references", "check_services", "merge_packages"]


def merge_packages(generated: Sequence[Package], plan: PlanFile) -> tuple[Package, ...]:
    """Generated packages (unless ``generate: false``) with the plan file's
    packages merged in: same id overrides."""
    base = list(generated) if plan.generate else []
    index = {p.id: i for i, p in enumerate(base)}
    extra = []
    for wp in plan.work_packages:
        if wp.id in index:
            base[index[wp.id]] = _hand_written(wp, base[index[wp.id]])
        else:
            extra.append(_hand_written(wp, None))
    return (*base, *extra)


def _hand_written(wp: WorkPackage, over: Package | None) -> Package:
    reason = f"hand-written: {wp.reason}" if wp.reason else "hand-written"
    if over is not None:
        reason = f"{reason} (replaces the generated package: {over.reason})"
    return Package(
        id=wp.id,
        name=wp.name or (over.name if over else wp.id),
        kind="hand-written",
        reason=reason,
        generated=False,
        investment=wp.investment,
        operating=wp.operating,
        per_year=wp.per_year,
        effort=wp.effort,
        duration=wp.duration,
        depends_on=tuple(wp.depends_on),
        not_before=wp.not_before,
        deadline=wp.deadline,
        services=tuple(wp.services) or (over.services if over else ()),
        municipalities=over.municipalities if over else (),
        closes=over.closes if over else (),
    )


def check_references(
    plan: PlanFile, packages: Sequence[Package], problem_at: ProblemAt
) -> list[Problem]:
    """Unknown ``depends_on`` of hand-written packages (neither generated nor
    hand-written), and dependency cycles through them, located in the plan
    file."""
    known = {p.id for p in packages}
    out = []
    for k, wp in enumerate(plan.work_packages):
        for n, dep in enumerate(wp.depends_on):
            if dep not in known:
                hint = did_you_mean(dep, known)
                kind = "" if plan.generate else " (generate: false)"
                out.append(
                    problem_at(
                        ("work_packages", k, "depends_on", n),
                        f"unknown work package '{dep}' (neither generated{kind} "
                        f"nor written here){hint}",
                    )
                )
    if out:
        return out
    cycle = find_cycle({p.id: p.depends_on for p in packages})
    if cycle:
        at = next(
            (k for k, wp in enumerate(plan.work_packages) if wp.id in cycle[:-1]), None
        )
        loc: Loc = ("work_packages", at, "depends_on") if at is not None else ()
        out.append(
            problem_at(
                loc,
                f"dependency cycle: {' -> '.join(cycle)}; remove one of these "
                "depends_on",
            )
        )
    return out


def check_services(
    plan: PlanFile, services: Collection[str], problem_at: ProblemAt
) -> list[Problem]:
    """Hand-written ``services`` that are not in the target's catalogue."""
    return [
        problem_at(
            ("work_packages", k, "services", n),
            f"unknown service '{svc}'{did_you_mean(svc, services)} (the target's "
            "catalogue lists the services)",
        )
        for k, wp in enumerate(plan.work_packages)
        for n, svc in enumerate(wp.services)
        if svc not in services
    ]
