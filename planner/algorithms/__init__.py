"""The network algorithms, as networkx-style pure functions over one index.

Every analysis that walks the sites and links does it over one typed index,
:class:`Topology` (sites and links numbered in sorted id order, with their
metrics and capacities), built once per view of a graph and shared
(:mod:`.index`): routing and the ECMP shortest-path DAG (:mod:`.routing`),
the incremental re-routing of the n-1 sweep (:mod:`.failures`), bridges,
the bridge tree, edge-disjoint paths and minimum cuts (:mod:`.connectivity`).
A subset of the links (those down, those that carry no transit) is a
parameter, never another index. The analyses (``planner.analyses``) turn
their results into gaps and loads; the networkx graph stays the documented
export for users' scripts (docs/graph.md).

    from planner.algorithms import find_bridges, route, site_index
"""

from planner.algorithms.connectivity import (
    BridgeTree,
    bridge_tree,
    components,
    disjoint_paths,
    find_bridges,
    min_cut,
)
from planner.algorithms.failures import Failure, fail_link, sweep
from planner.algorithms.index import (
    network_index,
    site_index,
    site_links,
    site_view,
    target_network,
    target_topology,
    today_view,
)
from planner.algorithms.routing import (
    INF,
    Routing,
    Topology,
    distances,
    index_network,
    route,
    shortest_dag,
    topology,
)

__all__ = [
    "INF",
    "BridgeTree",
    "Failure",
    "Routing",
    "Topology",
    "bridge_tree",
    "components",
    "disjoint_paths",
    "distances",
    "fail_link",
    "find_bridges",
    "index_network",
    "min_cut",
    "network_index",
    "route",
    "shortest_dag",
    "site_index",
    "site_links",
    "site_view",
    "sweep",
    "target_network",
    "target_topology",
    "today_view",
    "topology",
]
