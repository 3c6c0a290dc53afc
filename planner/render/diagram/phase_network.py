"""Network gaps the links built by a phase close, for the phase maps.

A work package closes the gaps it names (``Package.closes``); a planned link
it builds can close more: a second path makes a single point of failure go
away, a first one makes a cut-off site reachable. The plan does not say so,
the network does: after phase N the redundancy and reachability analyses
run again on today's network plus the planned links built by then, and the
gaps they no longer find count as closed at phase N (so the map of phase N
no longer marks them).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import networkx as nx

from planner.analyses.network import reachability_gaps, redundancy_gaps
from planner.graph import network
from planner.models.results import GapReport
from planner.models.target import Target
from planner.render.diagram.views import GapKey, PhaseResolver

__all__ = ["with_network_gaps"]

_KINDS = ("redundancy", "reachability")


def with_network_gaps(
    G: nx.MultiGraph[Any], target: Target, report: GapReport, resolver: PhaseResolver
) -> PhaseResolver:
    """``resolver`` with the network gaps the built planned links close."""
    full = network(G, planned=True)
    planned = {
        k for _, _, k, d in full.edges(keys=True, data=True) if d["status"] == "planned"
    }
    open_gaps = {(g.kind, g.subject) for g in report.gaps if g.kind in _KINDS}
    memo: dict[frozenset[str], set[GapKey]] = {}

    def closed_by(built: frozenset[str]) -> set[GapKey]:
        if built not in memo:
            H = full.copy()
            H.remove_edges_from(
                [(u, v, k) for u, v, k in full.edges(keys=True) if k in planned - built]
            )
            dcs = report.datacenters
            still = {
                (g.kind, g.subject)
                for g in (*redundancy_gaps(H, target, dcs), *reachability_gaps(H, dcs))
            }
            memo[built] = open_gaps - still
        return memo[built]

    def resolve(n: int) -> tuple[Collection[GapKey], Collection[str]]:
        resolved, built = resolver(n)
        built_planned = frozenset(built) & planned
        if not built_planned or not open_gaps:
            return resolved, built
        return set(resolved) | closed_by(built_planned), built

    return resolve
