"""The gap analysis: every kind of gap of an inventory against a target.

``utilisation`` gaps come from routing the target state's demand
(``planner.analyses.bandwidth``), at baseline and, with ``failures="n-1"``,
under every single link failure; ``availability`` gaps from the estimate of
``planner.analyses.availability``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import networkx as nx

from planner.algorithms.connectivity import forget_views
from planner.algorithms.index import today_view
from planner.analyses.availability import availability_gaps, estimate_availability
from planner.analyses.bandwidth import Progress, analyse_bandwidth
from planner.analyses.lifecycle import lifecycle_gaps
from planner.analyses.network import (
    capacity_gaps,
    find_datacenters,
    reachability_gaps,
    redundancy_gaps,
)
from planner.analyses.projects import duplication_gaps
from planner.analyses.risks import shared_risk_gaps
from planner.analyses.services import (
    consolidation_gaps,
    coverage_gaps,
    harmonisation_gaps,
    hosting_gaps,
)
from planner.analyses.utilisation import utilisation_gaps
from planner.graph import Release, build_graph, nodes_of, site_network
from planner.language import Names, english
from planner.models.bandwidth import BandwidthReport, FailureMode
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.results import Gap, GapReport
from planner.models.target import Target

__all__ = ["Analysis", "analyse", "find_gaps", "gap_names"]


def find_gaps(
    G: nx.MultiGraph[Any],
    target: Target,
    *,
    failures: FailureMode = "none",
    bandwidth: BandwidthReport | None = None,
) -> GapReport:
    """All gaps of the inventory graph ``G`` against ``target``, sorted by
    kind, severity and subject (so the same input gives the same report).
    ``failures="n-1"`` also checks utilisation under single link failures;
    a ``bandwidth`` report already computed for ``G`` is used as it is (a
    caller that needs the report too routes the demand once)."""
    if bandwidth is None:
        bandwidth = analyse_bandwidth(G, target, failures=failures)
    dcs = find_datacenters(G, target)
    H = site_network(G)
    today = today_view(G)  # the index the bandwidth routing made
    redundancy = redundancy_gaps(H, target, dcs, today)
    net = target.network
    gaps: list[Gap] = [
        *coverage_gaps(G, target),
        *harmonisation_gaps(G, target),
        *hosting_gaps(G, target, dcs),
        *consolidation_gaps(G, target, dcs),
        *capacity_gaps(H, target, dcs),
        *redundancy,
        *shared_risk_gaps(H, net.backbone.redundancy, net.access, dcs, redundancy),
        *reachability_gaps(H, dcs, today),
        *utilisation_gaps(bandwidth),
        *availability_gaps(G, target, estimate_availability(G, target)),
        *lifecycle_gaps(G, target),
        *duplication_gaps(G, target),
    ]
    forget_views()  # the network analyses are done
    names = gap_names(G, target)
    return GapReport(
        region=G.graph["region"],
        target=target.id,
        datacenters=dcs,
        gaps=tuple(_described(g, names) for g in sorted(gaps, key=Gap.sort_key)),
    )


def _described(g: Gap, names: Names) -> Gap:
    """``g`` with its English detail (built directly: ``dataclasses.replace``
    reads the fields anew for each of a national report's 15,000 gaps)."""
    return Gap(
        kind=g.kind,
        subject=g.subject,
        municipalities=g.municipalities,
        detail=english(g, names),
        severity=g.severity,
        data=g.data,
    )


def gap_names(G: nx.MultiGraph[Any], target: Target) -> Names:
    """The names the gap sentences use: municipalities and sites as the
    inventory names them, services as the target does."""
    return Names(
        municipalities={d["id"]: d["name"] for _, d in nodes_of(G, "municipality")},
        sites={n: d["name"] for n, d in nodes_of(G, "site")},
        services={s.id: s.name for s in target.services.values()},
    )


@frozen
class Analysis:
    """An inventory's graph with its bandwidth analysis and its gaps: what
    every command that analyses starts from (``planner bandwidth`` asks only
    for the bandwidth, so the gaps are found when first read)."""

    G: nx.MultiGraph[Any]
    bandwidth: BandwidthReport
    target: Target

    @cached_property
    def gaps(self) -> GapReport:
        return find_gaps(self.G, self.target, bandwidth=self.bandwidth)


def analyse(
    inventory: Inventory,
    target: Target,
    *,
    failures: FailureMode = "n-1",
    progress: Progress | None = None,
    release: Release = False,
    structure: bool = False,
) -> Analysis:
    """Build the graph, route the demand (by default under every single
    link failure; ``progress(done, total)`` follows that sweep) and find the
    gaps, routing once. ``release``: the caller's last use of ``inventory``,
    emptied as the graph is built (``"network"``: its sites and links only,
    for planning, which reads the rest). The graph has the objects and the links
    but not the edges between objects, which nothing of planner walks;
    ``structure=True`` adds them, for a script that does
    (``planner.graph.build_graph``)."""
    G = build_graph(inventory, release=release, structure=structure)
    bandwidth = analyse_bandwidth(G, target, failures=failures, progress=progress)
    return Analysis(G, bandwidth, target)
