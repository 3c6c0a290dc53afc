"""Hand-written work packages merged over the generated ones.

A hand-written package with a generated package's id overrides it (keeping
its place in the priority order, so ``datacenter`` can be priced or made to
wait for an ``extranet``): what it says replaces the generated value, what
it does not say (cost, dependencies, duration, ...) is kept, and
:func:`override_notes` says what was kept. The others follow in file
order. The references between them are checked here, where both kinds are
known, and located in the plan file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from decimal import Decimal

from planner.errors import Loc, Problem, ProblemAt, did_you_mean
from planner.graph import find_cycle
from planner.models.plan import EfficiencyAfter, PlanFile, WorkPackage
from planner.models.planresult import Package
from planner.units import format_money

__all__ = [
    "check_paid_by",
    "check_projection",
    "check_references",
    "check_services",
    "merge_packages",
    "override_notes",
]


def merge_packages(generated: Sequence[Package], plan: PlanFile) -> tuple[Package, ...]:
    """Generated packages (unless ``generate: false``) with the plan file's
    packages merged in: same id overrides."""
    kinds = plan.priorities
    base = [replace(p, priority=kinds.get(p.kind, 0)) for p in generated]
    base = base if plan.generate else []
    index = {p.id: i for i, p in enumerate(base)}
    extra = []
    mine = kinds.get("hand-written", 0)
    for wp in plan.work_packages:
        if wp.id in index:
            over = base[index[wp.id]]
            base[index[wp.id]] = _hand_written(wp, over, over.priority)
        else:
            extra.append(_hand_written(wp, None, mine))
    return (*base, *extra)


# Fields of a hand-written package that an override keeps when unsaid.
_KEPT = (
    "investment",
    "operating",
    "per_year",
    "saving_per_year",
    "effort",
    "duration",
    "depends_on",
    "not_before",
    "deadline",
)


def _hand_written(wp: WorkPackage, over: Package | None, priority: int) -> Package:
    reason = f"hand-written: {wp.reason}" if wp.reason else "hand-written"
    if over is not None:
        reason = f"{reason} (replaces the generated package: {over.reason})"
    said = wp.model_fields_set

    def value(name: str) -> object:
        if over is not None and name not in said:
            return getattr(over, name)
        given = getattr(wp, name)
        return tuple(given) if isinstance(given, list) else given

    return Package(
        id=wp.id,
        name=wp.name or (over.name if over else wp.id),
        kind="hand-written",
        reason=reason,
        generated=False,
        investment=value("investment"),  # type: ignore[arg-type]
        operating=value("operating"),  # type: ignore[arg-type]
        per_year=value("per_year"),  # type: ignore[arg-type]
        saving_per_year=value("saving_per_year"),  # type: ignore[arg-type]
        effort=value("effort"),  # type: ignore[arg-type]
        duration=value("duration"),  # type: ignore[arg-type]
        depends_on=value("depends_on"),  # type: ignore[arg-type]
        not_before=value("not_before"),  # type: ignore[arg-type]
        deadline=value("deadline"),  # type: ignore[arg-type]
        services=tuple(wp.services) or (over.services if over else ()),
        municipalities=over.municipalities if over else (),
        paid_by=wp.paid_by or (over.paid_by if over else None),
        priority=priority if wp.priority is None else wp.priority,
        closes=over.closes if over else (),
    )


def override_notes(generated: Sequence[Package], plan: PlanFile) -> tuple[str, ...]:
    """For each hand-written package that overrides a generated one, what
    it kept of it without saying so (a cost, dependencies, ...)."""
    by_id = {p.id: p for p in generated} if plan.generate else {}
    out = []
    for wp in plan.work_packages:
        over = by_id.get(wp.id)
        if over is None:
            continue
        kept = [
            _describe(name, getattr(over, name))
            for name in _KEPT
            if name not in wp.model_fields_set
            and getattr(over, name) != _DEFAULTS[name]
        ]
        if kept:
            out.append(
                f"work package {wp.id} overrides the generated one and keeps its "
                f"{'; '.join(kept)} (write them in the plan file to change them)"
            )
    return tuple(out)


_DEFAULTS = {name: WorkPackage.model_fields[name].default for name in _KEPT}
_DEFAULTS["depends_on"] = ()


def _describe(name: str, value: object) -> str:
    if isinstance(value, tuple):
        return f"{name} {', '.join(map(str, value))}"
    if isinstance(value, Decimal):
        return f"{name} {format_money(value)}"
    return f"{name} {value}"


def check_references(
    plan: PlanFile,
    packages: Sequence[Package],
    problem_at: ProblemAt,
    *,
    also: Collection[str] = (),
) -> list[Problem]:
    """Unknown ``depends_on`` of hand-written packages (neither generated nor
    hand-written; ``also``: generated ids taken over, which still count),
    and dependency cycles through them, located in the plan file."""
    known = {p.id for p in packages} | set(also)
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


def check_projection(
    plan: PlanFile, packages: Sequence[Package], problem_at: ProblemAt
) -> list[Problem]:
    """Gains ``after:`` a package that is not in the plan."""
    eff = plan.projection.efficiency if plan.projection else None
    if not isinstance(eff, EfficiencyAfter):
        return []
    known = {p.id for p in packages}
    if eff.after in known:
        return []
    return [
        problem_at(
            ("projection", "efficiency", "after"),
            f"unknown work package '{eff.after}' (the gains follow the full years "
            f"it is in service){did_you_mean(eff.after, known)}",
        )
    ]


def check_paid_by(
    plan: PlanFile, municipalities: Collection[str], problem_at: ProblemAt
) -> list[Problem]:
    """``paid_by`` naming no municipality of the inventory."""
    return [
        problem_at(
            ("work_packages", k, "paid_by"),
            f"unknown municipality '{wp.paid_by}' (paid_by names the one that "
            f"pays the whole package){did_you_mean(wp.paid_by, municipalities)}",
        )
        for k, wp in enumerate(plan.work_packages)
        if wp.paid_by is not None and wp.paid_by not in municipalities
    ]
