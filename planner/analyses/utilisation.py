"""Utilisation gaps: links the planned peak load would push over the
target's ``max_utilisation``, from a bandwidth report
(``planner.analyses.bandwidth``)."""

from __future__ import annotations

from planner.algorithms.routing import INF
from planner.models.bandwidth import BandwidthReport, LinkLoad
from planner.models.gapdata import UtilisationGap
from planner.models.results import Gap

__all__ = ["utilisation_gaps"]


def utilisation_gaps(report: BandwidthReport) -> list[Gap]:
    """Links whose planned peak load exceeds ``max_utilisation``: at
    baseline (high), or only when another link fails (medium)."""
    limit = report.max_utilisation
    gaps = []
    for ln in report.links:
        now = ln.utilisation if ln.utilisation is not None else INF
        worst = ln.worst_utilisation if ln.worst_utilisation is not None else INF
        if now > limit or worst > limit:
            gaps.append(_utilisation_gap(ln, limit, baseline=now > limit))
    return gaps


def _utilisation_gap(ln: LinkLoad, limit: float, *, baseline: bool) -> Gap:
    return Gap(
        kind="utilisation",
        subject=ln.id,
        municipalities=ln.municipalities,
        detail="",
        severity="high" if baseline else "medium",
        data=UtilisationGap(
            capacity_mbps=ln.capacity_mbps,
            demand_mbps=ln.demand_mbps,
            utilisation=ln.utilisation,
            worst_utilisation=ln.worst_utilisation,
            worst_demand_mbps=ln.worst_demand_mbps,
            failed_link=ln.failed_link,
            towards=ln.towards,
            limit=limit,
            recommended_capacity_mbps=ln.recommended_capacity_mbps,
            upgrade=ln.upgrade,
        ),
    )
