"""The views of a region diagram: which state of the network each one shows.

A view is a :class:`ViewState`, computed from the gap report alone:

- ``current``: today's active network;
- ``gaps``: today's network with every gap marked (red, dashed);
- ``target``: every gap closed: planned links in service, links at the
  capacity the target requires, server rooms closed, decommissioned sites
  gone, data centres emphasised;
- ``phase``: the state after a phase of the plan: the gaps its work packages
  closed are applied as in ``target``, the rest stay marked as in ``gaps``.
  :func:`phase_view` takes the gaps closed and the planned links built by
  then (``planner.planning.phases`` works them out from a plan).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import field

from planner.errors import SettingError, UsageError
from planner.models.frozen import frozen
from planner.models.gapdata import (
    CapacityGap,
    ConsolidationGap,
    RedundancyGap,
    UtilisationGap,
)
from planner.models.results import Gap, GapReport

__all__ = [
    "VIEWS",
    "GapKey",
    "PhaseResolver",
    "ViewState",
    "current_view",
    "gaps_view",
    "parse_view",
    "phase_view",
    "select_view",
    "target_view",
]

VIEWS = ("current", "target", "gaps")

GapKey = tuple[str, str]
"""A gap's ``(kind, subject)``: what a work package closes."""


@frozen
class ViewState:
    """What one view changes and marks.

    ``planned_links`` None shows every planned link; ``upgrades`` maps a
    link id to its capacity after the upgrade (Mbit/s); ``gap_links`` and
    ``gap_sites`` map what a gap marks to the gap's kind. ``gaps`` is every
    gap of the report (the same in every view: a folded municipality's box
    is sized for all of them), ``open_gaps`` those the view marks.
    """

    name: str
    datacenters: frozenset[str]
    planned_links: frozenset[str] | None = frozenset()
    upgrades: Mapping[str, float] = field(default_factory=dict)
    closed_rooms: frozenset[str] = frozenset()
    retire_sites: bool = False
    gap_links: Mapping[str, str] = field(default_factory=dict)
    gap_sites: Mapping[str, str] = field(default_factory=dict)
    required: Mapping[str, float] = field(default_factory=dict)
    emphasise_datacenters: bool = False
    gaps: tuple[Gap, ...] = ()
    open_gaps: frozenset[GapKey] = frozenset()


def current_view(report: GapReport) -> ViewState:
    """Today's network, no gap marked."""
    return ViewState("current", frozenset(report.datacenters), gaps=report.gaps)


def gaps_view(report: GapReport) -> ViewState:
    """Today's network with every gap marked."""
    return _view("gaps", report, resolved=set(), planned_links=frozenset())


def target_view(report: GapReport) -> ViewState:
    """The target state: every gap closed, planned links in service."""
    resolved = {_key(g) for g in report.gaps}
    return _view("target", report, resolved=resolved, planned_links=None)


def phase_view(
    report: GapReport,
    phase: int,
    resolved: Collection[GapKey],
    planned_links: Collection[str] = (),
) -> ViewState:
    """The state after phase ``phase``: the gaps ``resolved`` by the work
    packages done by then closed, the others marked, ``planned_links`` built.

    The plan decides which gaps a work package closes; this function only
    draws the consequence, so it needs nothing from the plan's types.
    """
    return _view(
        f"phase:{phase}",
        report,
        resolved=set(resolved),
        planned_links=frozenset(planned_links),
    )


def parse_view(text: str) -> tuple[str, int | None]:
    """``current``/``target``/``gaps`` or ``phase:N`` (N >= 1)."""
    if text in VIEWS:
        return text, None
    name, _, number = text.partition(":")
    if name == "phase" and number.isdigit() and int(number) >= 1:
        return "phase", int(number)
    raise UsageError(
        f"unknown view '{text}'; choose from current, target, gaps or phase:N "
        "(N = 1, 2, ...)"
    )


PhaseResolver = Callable[[int], tuple[Collection[GapKey], Collection[str]]]
"""Phase N -> (gaps closed, planned links built) by the end of phase N."""


def select_view(
    report: GapReport, text: str, phases: PhaseResolver | None = None
) -> ViewState:
    """The view a user named (``--view``). ``phase:N`` needs ``phases``,
    which the plan provides; without one it is a clear error."""
    name, phase = parse_view(text)
    if phase is None:
        return {"current": current_view, "target": target_view, "gaps": gaps_view}[
            name
        ](report)
    if phases is None:
        raise SettingError(
            "view",
            f"'{text}' needs a phased plan (phases=phase_resolver(plan)); "
            "choose current, target or gaps",
        )
    resolved, planned = phases(phase)
    return phase_view(report, phase, resolved, planned)


def _key(gap: Gap) -> GapKey:
    return (gap.kind, gap.subject)


def _view(
    name: str,
    report: GapReport,
    *,
    resolved: set[GapKey],
    planned_links: frozenset[str] | None,
) -> ViewState:
    upgrades: dict[str, float] = {}
    closed: set[str] = set()
    gap_links: dict[str, str] = {}
    gap_sites: dict[str, str] = {}
    required: dict[str, float] = {}
    still: set[GapKey] = set()
    for gap in report.gaps:
        if _key(gap) in resolved:
            _raise(upgrades, _upgrade(gap))
            closed.update(_rooms(gap))
        else:
            still.add(_key(gap))
            gap_links.update(dict.fromkeys(_links(gap), gap.kind))
            gap_sites.update(dict.fromkeys(_sites(gap), gap.kind))
            _raise(required, _upgrade(gap))
    return ViewState(
        name,
        frozenset(report.datacenters),
        planned_links=planned_links,
        upgrades=upgrades,
        closed_rooms=frozenset(closed),
        retire_sites=name == "target",
        gap_links=gap_links,
        gap_sites=gap_sites,
        required=required,
        emphasise_datacenters=name != "gaps",
        gaps=report.gaps,
        open_gaps=frozenset(still),
    )


def _upgrade(gap: Gap) -> dict[str, float]:
    data = gap.data
    if isinstance(data, CapacityGap):
        return {gap.subject: data.upgrade_to_mbps}
    if isinstance(data, UtilisationGap) and data.recommended_capacity_mbps is not None:
        return {gap.subject: data.recommended_capacity_mbps}  # None: above every tier
    return {}


def _raise(capacities: dict[str, float], more: dict[str, float]) -> None:
    """A link both too slow for its class and overloaded gets the larger."""
    for link, mbps in more.items():
        capacities[link] = max(capacities.get(link, 0.0), mbps)


def _rooms(gap: Gap) -> list[str]:
    data = gap.data
    return list(data.server_rooms_closed) if isinstance(data, ConsolidationGap) else []


def _links(gap: Gap) -> list[str]:
    """Links a gap is about: a capacity or utilisation gap's link, the
    single points of failure of a redundancy gap."""
    if gap.kind in ("capacity", "utilisation"):
        return [gap.subject]
    data = gap.data
    if isinstance(data, RedundancyGap):
        return list(data.single_points_of_failure)
    return []


def _sites(gap: Gap) -> list[str]:
    """Sites a gap is about: unreachable ones, server rooms to close."""
    if gap.kind == "reachability":
        return [gap.subject]
    return _rooms(gap)
