"""The level of service a plan takes on: ``scope: [email, office]`` or
``scope: all`` (the default).

A service in scope brings the services it ``depends_on`` in the target
(transitively): e-mail cannot run in the data centre without the directory,
storage and messaging it rests on. Generated moves and harmonisations are
kept for the services in that closure only; the data centre only while a
kept package needs it; a server room's closure only while every move out of
it is kept (a service left out stays in the room, so the room stays open).
Link upgrades are always kept: the network is the first step at every
level of service (Region Vest's "minimum first step"), sized for the whole
target. Hand-written packages are the user's and always kept.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Literal

from planner.errors import Problem, ProblemAt, did_you_mean
from planner.models.planresult import Package
from planner.models.target import Target

__all__ = ["check_scope", "in_scope", "scope_closure"]


def scope_closure(
    scope: Literal["all"] | Sequence[str], target: Target
) -> frozenset[str] | None:
    """The services in scope with their dependencies; None for ``all``.
    Names the target does not know are left out (:func:`check_scope`
    reports them)."""
    if scope == "all":
        return None
    found: set[str] = set()
    todo = [s for s in scope if s in target.services]
    while todo:
        s = todo.pop()
        if s not in found:
            found.add(s)
            todo += [d for d in target.services[s].depends_on if d in target.services]
    return frozenset(found)


# The generated kinds that serve one service (the others serve them all).
_SCOPED = ("move", "harmonise", "introduce")


def in_scope(
    packages: Sequence[Package], services: frozenset[str] | None
) -> tuple[Package, ...]:
    """The generated ``packages`` a plan of that scope keeps, their
    dependencies on dropped packages removed."""
    if services is None:
        return tuple(packages)
    kept = [p for p in packages if p.kind not in _SCOPED or set(p.services) <= services]
    ids = {p.id for p in kept}
    needs_dc = any("datacenter" in p.depends_on for p in kept if p.kind in _SCOPED)
    kept = [
        p
        for p in kept
        if (p.kind != "datacenter" or needs_dc)
        and (p.kind != "close" or set(p.depends_on) - {"datacenter"} <= ids)
    ]
    ids = {p.id for p in kept}
    return tuple(
        replace(p, depends_on=tuple(d for d in p.depends_on if d in ids)) for p in kept
    )


def check_scope(
    scope: Literal["all"] | Sequence[str],
    services: Collection[str],
    problem_at: ProblemAt,
) -> list[Problem]:
    """Services in ``scope`` that the target's catalogue does not have."""
    if scope == "all":
        return []
    return [
        problem_at(
            ("scope", n),
            f"scope: unknown service '{s}'{did_you_mean(s, services)} (the "
            "target's catalogue lists the services; or write scope: all)",
        )
        for n, s in enumerate(scope)
        if s not in services
    ]
