"""Duplicate projects: municipalities running projects on the same service.

Kongsberg had 71 IT projects under way and 53 planned, "many about the
same things". Each service with projects in two or more municipalities is
one ``duplication`` gap; the money at stake is what one joint project
would save: the cost of all the projects but the dearest (the joint one is
assumed to cost what the dearest costs). Projects without a cost count as
zero. Pure function of the graph.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import networkx as nx

from planner.graph import nodes_of
from planner.models.gapdata import DuplicationGap, Project
from planner.models.results import Gap
from planner.models.target import Target

__all__ = ["duplication_gaps"]

ZERO = Decimal(0)


def duplication_gaps(G: nx.MultiGraph[Any], target: Target) -> list[Gap]:
    """One gap per service with projects in more than one municipality."""
    by_service: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for _, d in nodes_of(G, "municipality"):
        for pr in d.get("projects") or ():
            by_service[pr.service].append((d["id"], pr))
    return [
        _gap(service, target, projects)
        for service, projects in sorted(by_service.items())
        if len({m for m, _ in projects}) > 1
    ]


def _gap(service: str, target: Target, projects: list[tuple[str, Any]]) -> Gap:
    projects = sorted(projects, key=lambda mp: (mp[0], mp[1].name))
    costs = [pr.cost or ZERO for _, pr in projects]
    total = sum(costs, ZERO)
    at_stake = total - max(costs)
    munis = tuple(sorted({m for m, _ in projects}))
    return Gap(
        kind="duplication",
        subject=service,
        municipalities=munis,
        detail="",
        severity="medium" if at_stake else "low",
        data=DuplicationGap(
            projects=tuple(
                Project(
                    municipality=m,
                    name=pr.name,
                    cost=pr.cost,
                    period=None if pr.period is None else str(pr.period),
                )
                for m, pr in projects
            ),
            total=total,
            at_stake=at_stake,
        ),
    )
