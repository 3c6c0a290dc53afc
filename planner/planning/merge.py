"""Hand-written work packages merged over the generated ones.

A hand-written package with a generated package's id overrides it (keeping
its place in the priority order, so ``datacenter`` can be priced or made to
wait for an ``extranet``): what it says replaces the generated value, what
it does not say (cost, dependencies, duration, ...) is kept, and
:func:`override_notes` says what was kept. The others follow in file
order. ``extends: GENERATED_ID`` on a package with an id of its own does the
same under that id: it takes the generated package's place, keeps what it
does not say, and every package that waited for the generated one waits
for it instead. The references between them are checked here, where both
kinds are known, and located in the plan file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from decimal import Decimal

from planner.errors import Loc, Problem, ProblemAt, did_you_mean
from planner.graph import find_cycle
from planner.models.notice import Notice
from planner.models.plan import EfficiencyAfter, PlanFile, WorkPackage
from planner.models.planresult import Package
from planner.units import format_money

__all__ = [
    "check_extends",
    "check_paid_by",
    "check_projection",
    "check_references",
    "check_services",
    "extended",
    "merge_packages",
    "override_notes",
]


def _prioritised(p: Package, priority: int) -> Package:
    """``p`` with ``priority`` (itself when it has it already: ``replace``
    costs tens of microseconds, a national plan has 10,000 packages)."""
    return p if p.priority == priority else replace(p, priority=priority)


def merge_packages(generated: Sequence[Package], plan: PlanFile) -> tuple[Package, ...]:
    """Generated packages (unless ``generate: false``) with the plan file's
    packages merged in: same id overrides."""
    kinds = plan.priorities
    base = [_prioritised(p, kinds.get(p.kind, 0)) for p in generated]
    base = base if plan.generate else []
    index = {p.id: i for i, p in enumerate(base)}
    extra = []
    mine = kinds.get("hand-written", 0)
    patched = extended(generated, plan)
    for wp in plan.work_packages:
        at = index.get(wp.id)
        if at is None and wp.extends is not None and wp.extends in patched:
            at = index.get(wp.extends)
        if at is not None:
            over = base[at]
            base[at] = _hand_written(wp, over, over.priority)
        else:
            extra.append(_hand_written(wp, None, mine))
    if not patched:
        return (*base, *extra)
    return tuple(_redirect(p, patched) for p in (*base, *extra))


def extended(generated: Sequence[Package], plan: PlanFile) -> dict[str, str]:
    """Generated id -> the hand-written package that ``extends`` it (the
    first one when several name it: :func:`check_extends` reports the
    others)."""
    ids = {p.id for p in generated} if plan.generate else set()
    own = {wp.id for wp in plan.work_packages}
    out: dict[str, str] = {}
    for wp in plan.work_packages:
        g = wp.extends
        if g is not None and g in ids and g not in own and wp.id not in ids:
            out.setdefault(g, wp.id)
    return out


def _redirect(p: Package, patched: dict[str, str]) -> Package:
    deps = [patched.get(d, d) for d in p.depends_on]
    deps = [d for d in dict.fromkeys(deps) if d != p.id]
    return p if tuple(deps) == p.depends_on else replace(p, depends_on=tuple(deps))


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
    if over is not None and over.id != wp.id:
        reason = f"{reason} (extends the generated {over.id}: {over.reason})"
    elif over is not None:
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
    patched = {t: g for g, t in extended(generated, plan).items()}
    out = []
    for wp in plan.work_packages:
        over = by_id.get(wp.id)
        if over is None and wp.id in patched:
            out.append(_patch_note(wp, by_id[patched[wp.id]]))
            continue
        if over is None:
            continue
        kept = _kept(wp, over)
        if kept:
            out.append(
                Notice(
                    f"work package {wp.id} overrides the generated one and keeps "
                    f"its {'; '.join(_describe(n, v) for n, v in kept)} (write "
                    "them in the plan file to change them)",
                    "override_keeps",
                    package=wp.id,
                    kept=_kept_fields(kept),
                )
            )
    return tuple(out)


def _kept(wp: WorkPackage, over: Package) -> list[tuple[str, object]]:
    """The generated package's values the hand-written one does not say."""
    return [
        (name, getattr(over, name))
        for name in _KEPT
        if name not in wp.model_fields_set and getattr(over, name) != _DEFAULTS[name]
    ]


def _kept_fields(kept: list[tuple[str, object]]) -> list[dict[str, object]]:
    """The kept values as a notice's fields (``{field, value}``): lists of
    ids, money as Decimal, periods as text, numbers as they are."""
    out: list[dict[str, object]] = []
    for name, value in kept:
        if isinstance(value, tuple):
            shown: object = [str(v) for v in value]
        elif isinstance(value, Decimal | int | float):
            shown = value
        else:
            shown = str(value)
        out.append({"field": name, "value": shown})
    return out


def _patch_note(wp: WorkPackage, over: Package) -> str:
    said = [
        n
        for n in (*_KEPT, "name", "services", "paid_by", "priority")
        if n in wp.model_fields_set
    ]
    kept = _kept(wp, over)
    parts = [f"sets its {', '.join(said)}" if said else "changes nothing of it"]
    if kept:
        parts.append(f"keeps its {'; '.join(_describe(n, v) for n, v in kept)}")
    if over.closes:
        parts.append("keeps the gaps it closes")
    return Notice(
        f"work package {wp.id} extends the generated {over.id}: "
        f"{'; '.join(parts)} (packages that waited for {over.id} wait for "
        f"{wp.id})",
        "package_extends",
        package=wp.id,
        generated=over.id,
        said=said,
        kept=_kept_fields(kept),
        closes=bool(over.closes),
    )


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


def check_extends(
    plan: PlanFile, generated_ids: Collection[str], problem_at: ProblemAt
) -> list[Problem]:
    """``extends`` naming no generated package, one already extended or
    overridden, or on a package that itself overrides one by id."""
    out = []
    own = {wp.id for wp in plan.work_packages}
    first: dict[str, str] = {}
    for k, wp in enumerate(plan.work_packages):
        g = wp.extends
        if g is None:
            continue
        at = ("work_packages", k, "extends")
        kind = " (generate: false)" if not plan.generate else ""
        if g not in generated_ids:
            out.append(
                problem_at(
                    at,
                    f"'{g}' names no generated work package{kind}"
                    f"{did_you_mean(g, generated_ids)}",
                )
            )
        elif wp.id in generated_ids:
            out.append(
                problem_at(
                    at,
                    f"work package {wp.id} already overrides the generated one by "
                    f"its id; remove extends: or give it an id of its own",
                )
            )
        elif g in own:
            out.append(
                problem_at(
                    at,
                    f"the generated {g} is already overridden by the work package "
                    f"with its id; extend it once",
                )
            )
        elif g in first:
            out.append(
                problem_at(
                    at,
                    f"the generated {g} is already extended by work package "
                    f"{first[g]}; extend it once",
                )
            )
        else:
            first[g] = wp.id
    return out
