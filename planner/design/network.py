"""Network design: the least-cost candidate links that close the gaps.

``design_network(G, target)`` chooses among the target's candidate links the
set of least cost (investment + ``design_horizon`` x per_year) such that
every town hall has the backbone's ``redundancy`` edge-disjoint paths to the
data centres (either counts) and every other site the access redundancy to
its town hall. A pure function of the graph and the target: no I/O, so a
data-centre siting search can call it for every site it tries.

Exact, by cut generation: a covering MIP (``planner.design.mip``, HiGHS)
over the candidates starts with no constraints; its answer is checked with
the bridge tree (or max-flow above two paths) on small reduced graphs
(``planner.design.layers``), every cut with too few links becomes a
constraint, and the MIP is solved again, until its answer meets every
requirement. Each MIP is a relaxation of the full problem, so the last
answer, feasible, is optimal; if the time limit stops a solve, its answer is
repaired cheapest-first and the proven lower bound is reported instead.

A requirement no candidate set can meet is *unresolved*, with why; the
design still reaches as many paths as the candidates allow.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

import networkx as nx

from planner.analyses.bandwidth import analyse_bandwidth
from planner.analyses.network import find_datacenters
from planner.design.layers import (
    Check,
    Cut,
    Evaluator,
    Layer,
    Requirement,
    build_layers,
    candidate_index,
    prune,
)
from planner.design.mip import solve_cover
from planner.design.nearby import nearby_candidates
from planner.graph import link_attributes
from planner.models.design import (
    DesignGap,
    DesignLink,
    DesignResult,
    DesignUpgrade,
    Unresolved,
)
from planner.models.notice import Notice
from planner.models.target import Candidate, Target

__all__ = ["augmented", "design_network"]

_TOWARDS = {"backbone": "the data centres", "access": "its town hall"}


def design_network(
    G: nx.MultiGraph[Any],
    target: Target,
    *,
    upgrades: bool = True,
    time_limit: float = 60.0,
) -> DesignResult:
    """The least-cost candidates closing the backbone and access gaps of
    ``G`` against ``target``; with ``upgrades``, the capacity each link of
    the designed network needs under its worst single link failure."""
    cands = (*target.network.candidates, *nearby_candidates(G, target))
    horizon = target.network.design_horizon
    layers, warnings = build_layers(G, target, cands)
    evaluators = [Evaluator(layer) for layer in layers]
    today = [ev.check(()) for ev in evaluators]
    best = [ev.check(range(len(cands))) for ev in evaluators]
    gaps, unresolved, work = _classify(layers, today, best, cands)
    work_evals = [Evaluator(layer) for layer in work]
    costs = [c.cost(horizon) for c in cands]
    chosen, optimal, bound, rounds, ncuts = _cut_loop(work_evals, costs, time_limit)
    closes = _attribute(work_evals, chosen, today_of(work, layers, today))
    open_ = {u.gap for u in unresolved}
    links = tuple(
        DesignLink(
            id=c.id,
            a=c.a,
            b=c.b,
            capacity_mbps=c.capacity,
            medium=c.medium,
            investment=c.investment,
            per_year=c.per_year,
            cost=costs[i],
            closes=_sorted(g for g in closes.get(i, ()) if g not in open_),
            improves=_sorted(g for g in closes.get(i, ()) if g in open_),
        )
        for i, c in sorted(enumerate(cands), key=lambda ic: ic[1].id)
        if i in chosen
    )
    cost = sum((costs[i] for i in chosen), Decimal(0))
    ups = _upgrades(G, target, [cands[i] for i in chosen]) if upgrades else ()
    return DesignResult(
        region=G.graph["region"],
        target=target.id,
        currency=G.graph.get("currency") or "NOK",
        datacenters=find_datacenters(G, target),
        horizon=horizon,
        candidates=len(cands),
        gaps=tuple(sorted(gaps, key=_gap_key)),
        links=links,
        upgrades=ups,
        unresolved=tuple(sorted(unresolved, key=lambda u: _gap_key(u.gap))),
        optimal=optimal,
        bound=cost if optimal else min(cost, _money(bound)),
        rounds=rounds,
        cuts=ncuts,
        warnings=tuple(warnings),
    )


def _sorted(gaps: Iterable[DesignGap]) -> tuple[DesignGap, ...]:
    return tuple(sorted(gaps, key=_gap_key))


def _gap_key(g: DesignGap) -> tuple[int, str]:
    return (0 if g.cls == "backbone" else 1, g.subject)


def _money(x: float) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal("0.01"))


def _gap(r: Requirement, paths: int) -> DesignGap:
    kind = "reachability" if paths == 0 else "redundancy"
    return DesignGap(r.site, r.cls, kind, paths, r.need)


def _classify(
    layers: list[Layer],
    today: list[list[Check]],
    best: list[list[Check]],
    cands: Sequence[Candidate],
) -> tuple[list[DesignGap], list[Unresolved], list[Layer]]:
    """Today's gaps, those no candidate set closes, and the layers of the
    work to do: each requirement asks for what every candidate would give."""
    gaps, unresolved, work = [], [], []
    for layer, now, most in zip(layers, today, best, strict=True):
        reqs = []
        for r, a, b in zip(layer.requirements, now, most, strict=True):
            if a.paths >= r.need:
                continue
            gap = _gap(r, a.paths)
            gaps.append(gap)
            if b.paths < r.need:
                unresolved.append(Unresolved(gap, b.paths, _why(r, b, cands)))
            if b.paths > a.paths:
                reqs.append(replace(r, need=b.paths))
        work.append(prune(replace(layer, requirements=reqs)))
    return gaps, unresolved, work


def today_of(
    work: list[Layer], layers: list[Layer], today: list[list[Check]]
) -> dict[tuple[str, str], DesignGap]:
    """The gap of each work requirement, by (class, site)."""
    out = {}
    for layer, now in zip(layers, today, strict=True):
        for r, a in zip(layer.requirements, now, strict=True):
            out[(r.cls, r.site)] = _gap(r, a.paths)
    wanted = {(r.cls, r.site) for w in work for r in w.requirements}
    return {k: v for k, v in out.items() if k in wanted}


def _why(r: Requirement, check: Check, cands: Sequence[Candidate]) -> str:
    towards = _TOWARDS[r.cls]
    if check.paths == 0:
        return Notice(
            f"no candidate link connects {r.site} to {towards}",
            "unconnected",
            site=r.site,
            network=r.cls,
        )
    if check.bottleneck:
        names = [_link_name(x, cands) for x in check.bottleneck]
        it = "it" if len(names) == 1 else "them"
        return Notice(
            f"every path from {r.site} to {towards} crosses {', '.join(names)}, "
            f"and no candidate link bypasses {it}",
            "bottleneck",
            site=r.site,
            network=r.cls,
            links=[_link_id(x, cands) for x in check.bottleneck],
        )
    return Notice(
        f"at most {check.paths} edge-disjoint paths from {r.site} to {towards} "
        "even with every candidate link",
        "too_few_paths",
        site=r.site,
        network=r.cls,
        paths=check.paths,
    )


def _link_id(link: str, cands: Sequence[Candidate]) -> str:
    i = candidate_index(link)
    return link if i is None else cands[i].id


def _link_name(link: str, cands: Sequence[Candidate]) -> str:
    i = candidate_index(link)
    return link if i is None else f"{cands[i].id} (a candidate)"


def _violated(evaluators: list[Evaluator], chosen: Iterable[int]) -> list[Cut]:
    chosen = list(chosen)
    return [
        cut
        for ev in evaluators
        for check in ev.check(chosen)
        for cut in check.cuts
        if cut[1] > 0
    ]


def _cut_loop(
    evaluators: list[Evaluator], costs: Sequence[Decimal], time_limit: float
) -> tuple[frozenset[int], bool, float, int, int]:
    """(chosen, optimal, lower bound, MIP solves, cuts)."""
    floats = [float(c) for c in costs]
    cuts: dict[Cut, None] = {}
    chosen: frozenset[int] = frozenset()
    start = time.monotonic()
    rounds = 0
    while True:
        new = [c for c in _violated(evaluators, chosen) if c not in cuts]
        if not new:
            return chosen, True, sum(floats[i] for i in chosen), rounds, len(cuts)
        cuts.update(dict.fromkeys(new))
        left = time_limit - (time.monotonic() - start)
        solution = solve_cover(
            floats, [(sorted(m), n) for m, n in cuts], time_limit=left
        )
        rounds += 1
        chosen = solution.chosen
        if not solution.optimal:
            repaired = _repair(evaluators, chosen, floats)
            return repaired, False, solution.bound, rounds, len(cuts)


def _repair(
    evaluators: list[Evaluator], chosen: frozenset[int], costs: Sequence[float]
) -> frozenset[int]:
    """Add the cheapest candidates of each violated cut until none is."""
    picked = set(chosen)
    while True:
        cuts = _violated(evaluators, picked)
        if not cuts:
            return frozenset(picked)
        for members, need in cuts:
            short = need - len(members & picked)
            spare = sorted(members - picked, key=lambda i: (costs[i], i))
            picked.update(spare[: max(short, 0)])


def _attribute(
    evaluators: list[Evaluator],
    chosen: frozenset[int],
    gaps: dict[tuple[str, str], DesignGap],
) -> dict[int, list[DesignGap]]:
    """Chosen link -> the gaps it is needed for: those that open again
    without it; a gap met twice over goes to a minimal subset instead."""
    closes: dict[int, list[DesignGap]] = {}
    covered: set[tuple[str, str]] = set()
    for i in sorted(chosen):
        for key in _short(evaluators, chosen - {i}):
            if key in gaps:
                closes.setdefault(i, []).append(gaps[key])
                covered.add(key)
    for key in sorted(set(gaps) - covered):
        keep = set(chosen)
        for i in sorted(chosen):
            if key not in _short(evaluators, keep - {i}):
                keep.discard(i)
        for i in keep:
            closes.setdefault(i, []).append(gaps[key])
    return closes


def _short(evaluators: list[Evaluator], chosen: Iterable[int]) -> set[tuple[str, str]]:
    chosen = list(chosen)
    return {
        (r.cls, r.site)
        for ev in evaluators
        for r, check in zip(ev.layer.requirements, ev.check(chosen), strict=True)
        if check.paths < r.need
    }


def augmented(G: nx.MultiGraph[Any], links: Sequence[Candidate]) -> nx.MultiGraph[Any]:
    """A copy of ``G`` with ``links`` built (as planned links)."""
    G2 = G.copy()
    for c in links:
        attrs = link_attributes(
            c.id,
            c.a,
            c.b,
            c.capacity,
            medium=c.medium,
            metric=c.metric,
            status="planned",
            cost_per_year=c.per_year,
            risk_groups=tuple(c.risk_groups),
        )
        G2.add_edge(c.a, c.b, key=c.id, **attrs)
    return G2


def _upgrades(
    G: nx.MultiGraph[Any], target: Target, links: Sequence[Candidate]
) -> tuple[DesignUpgrade, ...]:
    """Links of the designed network over ``max_utilisation`` at their
    worst single link failure (``planner.analyses.bandwidth``)."""
    report = analyse_bandwidth(augmented(G, links), target, failures="n-1")
    new = {c.id for c in links}
    return tuple(
        DesignUpgrade(
            id=ln.id,
            candidate=ln.id in new,
            capacity_mbps=ln.capacity_mbps,
            upgrade_to_mbps=ln.recommended_capacity_mbps,
            worst_demand_mbps=ln.worst_demand_mbps,
            failed_link=ln.failed_link,
            investment=None if ln.upgrade is None else ln.upgrade.investment,
            per_year=None if ln.upgrade is None else ln.upgrade.per_year,
        )
        for ln in report.links
        if ln.upgrade is not None or ln.recommended_capacity_mbps is None
    )
