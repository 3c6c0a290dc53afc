"""Hand-written packages that take over generated ones, so work is not
counted twice.

A new hand-written package (not an override by id) takes over

- the generated packages its ``replace:`` names (ids or patterns such as
  ``move-*``), and
- the generated packages of its ``services:`` (``services: [email,
  calendar]`` takes ``move-email``, ``harmonise-email``, ``move-calendar``),
  except those it waits for (its ``depends_on`` and what they wait for): a
  package that depends on ``harmonise-hr`` is follow-up work on the same
  service, not a replacement of it.

A package taken over is dropped: its cost is not counted, the gaps it
closes and its municipalities pass to the package that took it over, as do
its dependencies, and every package that waited for it waits for that
package instead. A warning says what each package took over, unless
``replace:`` named it by its exact id.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from fnmatch import fnmatchcase

from planner.errors import Problem, ProblemAt, did_you_mean
from planner.models.frozen import frozen
from planner.models.notice import Notice
from planner.models.plan import PlanFile
from planner.models.planresult import Package
from planner.units import format_money

__all__ = ["Absorbed", "absorb", "check_replace"]


@frozen
class Absorbed:
    """The packages after taking over, what took over what (taken id ->
    the package that took it), and the warnings saying so."""

    packages: tuple[Package, ...]
    taken: Mapping[str, str]
    notes: tuple[str, ...]


def absorb(
    packages: Sequence[Package], plan: PlanFile, generated_ids: Collection[str]
) -> Absorbed:
    """Apply ``replace:`` and ``services:`` of the new hand-written packages
    of ``plan`` (not the overrides: ``generated_ids``) to the merged
    ``packages``."""
    by_id = {p.id: p for p in packages}
    generated = [p for p in packages if p.generated]
    taken: dict[str, str] = {}
    said: set[str] = set()  # named exactly in replace: (no warning needed)
    for wp in plan.work_packages:
        if wp.id in generated_ids or wp.id not in by_id:
            continue
        waits = _waits_for(wp.id, by_id)
        for g in generated:
            if g.id in taken:
                continue
            named = any(fnmatchcase(g.id, pat) for pat in wp.replace)
            served = bool(set(g.services) & set(wp.services)) and g.id not in waits
            if named or served:
                taken[g.id] = wp.id
                if g.id in wp.replace:
                    said.add(g.id)
    if not taken:
        return Absorbed(tuple(packages), {}, ())
    out = [_taking(p, taken, by_id) for p in packages if p.id not in taken]
    unsaid = {g: t for g, t in taken.items() if g not in said}
    return Absorbed(tuple(out), taken, _notes(unsaid, by_id))


def _waits_for(pid: str, by_id: Mapping[str, Package]) -> set[str]:
    seen: set[str] = set()
    stack = list(by_id[pid].depends_on)
    while stack:
        d = stack.pop()
        if d in seen or d not in by_id:
            continue
        seen.add(d)
        stack.extend(by_id[d].depends_on)
    return seen


def _taking(
    p: Package, taken: Mapping[str, str], by_id: Mapping[str, Package]
) -> Package:
    """``p`` with its dependencies redirected, and, for a package that took
    others over, their dependencies, gaps and municipalities."""
    mine = [by_id[g] for g, t in taken.items() if t == p.id]
    deps = [*p.depends_on, *(d for g in mine for d in g.depends_on)]
    redirected = []
    for d in deps:
        d = taken.get(d, d)
        if d != p.id and d not in redirected:
            redirected.append(d)
    closes = list(p.closes)
    for g in mine:
        closes += [c for c in g.closes if c not in closes]
    munis = sorted({*p.municipalities, *(m for g in mine for m in g.municipalities)})
    return replace(
        p,
        depends_on=tuple(redirected),
        closes=tuple(closes),
        municipalities=tuple(munis),
    )


def _notes(taken: Mapping[str, str], by_id: Mapping[str, Package]) -> tuple[str, ...]:
    out = []
    for t in dict.fromkeys(taken.values()):
        ids = sorted(g for g, x in taken.items() if x == t)
        cost = sum((by_id[g].investment + by_id[g].operating for g in ids), Decimal(0))
        out.append(
            Notice(
                f"work package {t} takes over the generated {', '.join(ids)} "
                f"(their {format_money(cost)} is not counted; write replace: or "
                "services: differently to keep them)",
                "package_takes_over",
                package=t,
                packages=ids,
                amount=cost,
            )
        )
    return tuple(out)


def check_replace(
    plan: PlanFile, generated_ids: Collection[str], problem_at: ProblemAt
) -> list[Problem]:
    """``replace:`` entries that name no generated package."""
    out = []
    for k, wp in enumerate(plan.work_packages):
        for n, pattern in enumerate(wp.replace):
            if not any(fnmatchcase(g, pattern) for g in generated_ids):
                kind = " (generate: false)" if not plan.generate else ""
                out.append(
                    problem_at(
                        ("work_packages", k, "replace", n),
                        f"'{pattern}' names no generated work package{kind}"
                        f"{did_you_mean(pattern, generated_ids)}",
                    )
                )
    return out
