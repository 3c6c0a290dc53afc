"""The plan builds the network first: ``build-<candidate>`` packages.

When the target lists candidate links, the network design
(``planner.design.network``) chooses the cheapest set closing the
redundancy and reachability gaps; each chosen link becomes a work package
``build-<candidate id>`` with its investment and running cost, closing the
gaps it is needed for (so ``phase:N`` maps show them closed once it is in
service). Every ``move-*`` of a municipality then waits for the packages
that close that municipality's network gaps: "nothing can be centralised
before the links". Gaps no candidate closes are warnings, never silent.

Without candidates the packages are returned unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import networkx as nx

from planner.models.design import DesignLink, DesignResult
from planner.models.notice import Notice
from planner.models.planresult import Package
from planner.models.results import GapReport
from planner.models.target import Target
from planner.units import format_bandwidth

__all__ = ["BUILD", "build_first", "build_packages"]

BUILD = "build-"


def build_packages(
    G: nx.MultiGraph[Any], report: GapReport, target: Target
) -> tuple[tuple[Package, ...], tuple[str, ...]]:
    """The build packages of the network design, and its warnings."""
    if not target.network.candidates and not target.network.per_km:
        return (), ()
    # Imported here: the design's solver (HiGHS, numpy) takes a tenth of a
    # second to import, and most plans have no candidate links.
    from planner.design.network import design_network

    result = design_network(G, target, upgrades=False)
    known = {(g.kind, g.subject) for g in report.gaps}
    packages = tuple(_package(G, ln, known) for ln in result.links)
    return packages, _warnings(result)


def _package(
    G: nx.MultiGraph[Any],
    ln: DesignLink,
    known: set[tuple[str, str]],
) -> Package:
    gaps = [*ln.closes, *ln.improves]
    # An unresolved gap it narrows from no path to one is a reachability gap
    # closed (the gap analysis's kind), though short of the redundancy.
    keys = {(g.kind, g.subject) for g in ln.closes}
    keys |= {("reachability", g.subject) for g in ln.improves if g.paths == 0}
    closes = sorted(keys & known)
    served = {G.nodes[g.subject]["municipality"] for g in gaps}
    if not served:
        served = {G.nodes[end]["municipality"] for end in (ln.a, ln.b)}
    names = ", ".join(f"{g.subject} ({g.cls})" for g in ln.closes) or "none"
    return Package(
        id=f"{BUILD}{ln.id}",
        name=f"Build link {ln.id} ({ln.a} - {ln.b}, "
        f"{format_bandwidth(ln.capacity_mbps)})",
        kind="link",
        reason=f"network design: the least-cost candidate links; closes the "
        f"network gaps of {names}",
        generated=True,
        investment=ln.investment,
        per_year=ln.per_year,
        municipalities=tuple(sorted(served)),
        closes=tuple(closes),
    )


def _warnings(result: DesignResult) -> tuple[str, ...]:
    out: list[str] = [_design_notice(w) for w in result.warnings]
    out += [
        Notice(
            f"network gap {u.gap.subject} ({u.gap.cls}): no candidate link closes "
            f"it; {u.why}",
            "design_unresolved",
            site=u.gap.subject,
            network=u.gap.cls,
            why=_why(u.why),
        )
        for u in result.unresolved
    ]
    if not result.optimal:
        out.append(
            Notice(
                f"network design: not proven optimal; the optimum costs at least "
                f"{result.bound}",
                "design_not_optimal",
                bound=result.bound,
            )
        )
    return tuple(out)


def _design_notice(w: str) -> str:
    text = f"network design: {w}"
    if isinstance(w, Notice):
        return Notice(text, w.kind, **w.fields)
    return text


def _why(why: str) -> dict[str, Any]:
    """Why no candidate closes a gap, as a notice's field (kind null: the
    design's own words only)."""
    if isinstance(why, Notice):
        return {"kind": why.kind, "fields": dict(why.fields)}
    return {"kind": None, "fields": {}}


def build_first(
    packages: tuple[Package, ...], builds: tuple[Package, ...]
) -> tuple[Package, ...]:
    """``builds`` first, and every ``move-*`` waiting for the builds that
    serve any of its municipalities."""
    if not builds:
        return packages
    out: list[Package] = list(builds)
    for p in packages:
        if p.kind == "move":
            mine = set(p.municipalities)
            deps = sorted(b.id for b in builds if mine & set(b.municipalities))
            extra = [d for d in deps if d not in p.depends_on]
            p = replace(p, depends_on=(*p.depends_on, *extra))
        out.append(p)
    return tuple(out)
