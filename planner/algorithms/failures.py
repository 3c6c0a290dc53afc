"""Single link failures, each re-routed incrementally from the baseline.

A failed link changes nothing unless it is on the shortest-path DAG
(``planner.algorithms.routing``). If it is, say u -> v:

- when u has other next hops, no distance changes: only u's split does;
- otherwise the *affected* nodes are u and every node all of whose next
  hops lead to affected nodes. Only their distances grow; they are
  recomputed by a Dijkstra seeded from their unaffected neighbours. Their
  unaffected upstream neighbours (the *frontier*) just lose the next hops
  into them; nobody gains one, since no distance shrinks.

Call S the nodes whose next hops changed (an affected node that keeps its
next hops, such as a school behind its town hall, only sees its distance
grow and is not in S). Traffic that never touches S keeps its old route.
So the new load is the old load minus what S forwarded, plus the same
traffic re-routed from S:

1. along the old DAG, in decreasing old distance, each node of S takes back
   all it forwarded and holds the part that no upstream node of S already
   holds (so nothing is held twice); the take-back flows down to the sinks;
2. along the new DAG, in decreasing new distance, each node of S sends what
   it took back along its new next hops (affected nodes that can no longer
   reach a sink are unreachable: their traffic is dropped).

Both passes visit only S and what lies downstream of it, typically a few
dozen nodes of a national network instead of all of it: the n-1 sweep costs
about as much as routing the baseline a few times. The result agrees with
routing every failure from scratch (tests/analyses/test_failures.py) and
with pyNTM (tests/oracle).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator

from planner.algorithms.routing import INF, Hop, Routing, Topology, hops_of
from planner.models.frozen import frozen

__all__ = ["Failure", "fail_link", "fail_link_detail", "push", "sweep"]

Progress = Callable[[int, int], None]


@frozen
class Failure:
    """The effect of failing one link: the signed flow of every link whose
    flow changed (the failed link is left out) and the nodes cut off."""

    link: int
    flow: dict[int, float]
    unreachable: tuple[int, ...]


def sweep(
    topo: Topology,
    base: Routing,
    progress: Progress | None = None,
    *,
    rises_only: bool = False,
) -> Iterator[Failure]:
    """Every single link failure in link order; ``progress(done, total)`` is
    called after each, for a progress bar. ``rises_only``: see
    :func:`fail_link`."""
    total = len(topo.links)
    for link in range(total):
        yield fail_link(topo, base, link, rises_only=rises_only)
        if progress is not None:
            progress(link + 1, total)


def fail_link(
    topo: Topology, base: Routing, link: int, *, rises_only: bool = False
) -> Failure:
    """The new flows after ``link`` fails, computed from ``base``.

    With ``rises_only``, a failure that only cuts nodes off (nothing is
    re-routed, so every flow can only fall) reports no flows: a worst-case
    search needs none of them, and most failures of a national network are
    such dead-end access links."""
    return fail_link_detail(topo, base, link, rises_only=rises_only)[0]


def fail_link_detail(
    topo: Topology, base: Routing, link: int, *, rises_only: bool = False
) -> tuple[Failure, dict[int, float], dict[int, list[Hop]]]:
    """:func:`fail_link`, with the new distances of the nodes whose
    distance changed and the new next hops of those whose next hops did."""
    a, b = topo.ends[link]
    if (link, b) in base.next_hops[a]:
        u = a
    elif (link, a) in base.next_hops[b]:
        u = b
    else:
        return Failure(link, {}, ()), {}, {}  # carries nothing, changes nothing
    if rises_only and len(topo.adj[u]) == 1:
        # A dead end cut off (most of a national network's links): no one
        # routes through it, nothing is re-routed.
        return Failure(link, {}, (u,)), {u: INF}, {u: []}
    new_dist, new_hops = _reroute(topo, base, link, u)
    lost = tuple(sorted(x for x, d in new_dist.items() if d == INF))
    if rises_only and len(lost) == len(new_hops):
        # S is all cut off: loads only fall
        return Failure(link, {}, lost), new_dist, new_hops
    change: dict[int, float] = defaultdict(float)
    held = _take_back(topo, base, new_hops, change)
    _send(topo, base, new_dist, new_hops, held, change)
    change.pop(link, None)
    flow = {k: base.flow[k] + v for k, v in change.items()}
    return Failure(link, flow, lost), new_dist, new_hops


def _reroute(
    topo: Topology, base: Routing, link: int, u: int
) -> tuple[dict[int, float], dict[int, list[Hop]]]:
    """New distances of the affected nodes and new next hops of S."""
    if len(base.next_hops[u]) > 1:
        return {}, {u: [h for h in base.next_hops[u] if h[0] != link]}
    affected, frontier = _affected(base, u)
    new_dist = _redistance(topo, base, affected, link)
    dist = _Overlay(base.dist, new_dist)
    new_hops: dict[int, list[Hop]] = {}
    for x, d in new_dist.items():
        if d == INF:
            new_hops[x] = []
        elif len(topo.adj[x]) > 1:  # a dead end keeps its one next hop
            hops = [h for h in hops_of(topo, x, dist, d) if h[0] != link]
            if hops != base.next_hops[x]:
                new_hops[x] = hops
    for x in frontier:
        new_hops[x] = [h for h in base.next_hops[x] if h[1] not in affected]
    return new_dist, new_hops


def _affected(base: Routing, u: int) -> tuple[set[int], set[int]]:
    """Nodes whose every shortest path crosses u, and their unaffected
    upstream neighbours."""
    affected = {u}
    stack = [u]
    remaining: dict[int, int] = {}
    while stack:
        y = stack.pop()
        for _, x in base.prev[y]:
            left = remaining.get(x, len(base.next_hops[x])) - 1
            remaining[x] = left
            if left == 0:
                affected.add(x)
                stack.append(x)
    return affected, set(remaining) - affected


def _redistance(
    topo: Topology, base: Routing, affected: set[int], link: int
) -> dict[int, float]:
    """New distances of the affected nodes: a Dijkstra over those with more
    than one link, seeded from their unaffected neighbours; a dead end (one
    link) then lies one link beyond its neighbour, and is never on a path."""
    adj = topo.adj
    ends = [x for x in affected if len(adj[x]) == 1]
    dist = dict.fromkeys(affected, INF)
    inner = affected.difference(ends)
    heap = []
    for x in inner:
        for k, y, w in adj[x]:
            if k != link and y not in affected and base.dist[y] + w < dist[x]:
                dist[x] = base.dist[y] + w
        if dist[x] < INF:
            heap.append((dist[x], x))
    heapq.heapify(heap)
    while heap:
        d, x = heapq.heappop(heap)
        if d > dist[x]:
            continue
        for k, y, w in adj[x]:
            if k != link and y in inner and d + w < dist[y]:
                dist[y] = d + w
                heapq.heappush(heap, (d + w, y))
    for x in ends:
        k, y, w = adj[x][0]
        if k != link:
            dist[x] = dist[y] + w
    return dist


class _Overlay:
    """New distances over the old ones, read like a list."""

    def __init__(self, old: list[float], new: dict[int, float]) -> None:
        self.old, self.new = old, new

    def __getitem__(self, x: int) -> float:
        return self.new.get(x, self.old[x])


def _take_back(
    topo: Topology,
    base: Routing,
    new_hops: dict[int, list[Hop]],
    change: dict[int, float],
) -> dict[int, float]:
    """Pass 1: remove what S forwarded; returns what each node of S holds."""
    ends, dist, through = topo.ends, base.dist, base.through
    delta: dict[int, float] = defaultdict(float)
    held: dict[int, float] = {}
    heap = [(-dist[x], x) for x in new_hops]
    heapq.heapify(heap)
    seen: set[int] = set()
    while heap:
        _, x = heapq.heappop(heap)
        if x in seen:
            continue
        seen.add(x)
        amount = delta[x]
        if x in new_hops:  # hold what no upstream node of S holds; forward none
            held[x] = through[x] + amount
            amount = -through[x]
        hops = base.next_hops[x]
        if hops and amount:
            share = amount / len(hops)
            for k, y in hops:
                change[k] += share if ends[k][0] == x else -share
                delta[y] += share
                heapq.heappush(heap, (-dist[y], y))
    return held


def push(
    topo: Topology,
    base: Routing,
    new_dist: dict[int, float],
    new_hops: dict[int, list[Hop]],
    amounts: dict[int, float],
) -> dict[int, float]:
    """The change of every link's signed flow when the nodes of ``amounts``
    send that much more (or less) along the DAG of ``base`` as changed by
    ``new_dist`` and ``new_hops`` (what cut-off nodes send is dropped)."""
    change: dict[int, float] = defaultdict(float)
    _send(topo, base, new_dist, new_hops, amounts, change)
    return change


def _send(
    topo: Topology,
    base: Routing,
    new_dist: dict[int, float],
    new_hops: dict[int, list[Hop]],
    held: dict[int, float],
    change: dict[int, float],
) -> None:
    """Pass 2: send what S holds along the new DAG."""
    ends, old = topo.ends, base.dist
    delta: dict[int, float] = defaultdict(float, held)
    heap = [(-new_dist.get(x, old[x]), x) for x in held]
    heap = [item for item in heap if item[0] > -INF]
    heapq.heapify(heap)
    seen: set[int] = set()
    while heap:
        _, x = heapq.heappop(heap)
        if x in seen:
            continue
        seen.add(x)
        hops = new_hops.get(x, base.next_hops[x])
        if hops and delta[x]:
            share = delta[x] / len(hops)
            for k, y in hops:
                change[k] += share if ends[k][0] == x else -share
                delta[y] += share
                heapq.heappush(heap, (-new_dist.get(y, old[y]), y))
