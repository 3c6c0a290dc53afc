"""Which phases of a plan change the map, and what each one changes.

A steering group pages through the maps that differ: a phase whose work
packages only move or harmonise systems looks like the phase before, so the
report draws a map only for a phase that builds or upgrades a link, closes
a server room, or closes a network gap, and says what changed.
"""

from __future__ import annotations

from collections.abc import Collection

from planner.models.frozen import frozen
from planner.models.gapdata import ConsolidationGap
from planner.models.results import GapReport
from planner.render.diagram.views import PhaseResolver

__all__ = ["PhaseChange", "phase_changes"]

_DRAWN = ("capacity", "utilisation", "redundancy", "reachability")


@frozen
class PhaseChange:
    """What phase ``n`` changes on the map against the phase before."""

    n: int
    period: str
    upgraded: int
    built: int
    rooms: int
    closed: int

    @property
    def changed(self) -> bool:
        return bool(self.upgraded or self.built or self.rooms or self.closed)


def phase_changes(
    report: GapReport,
    resolver: PhaseResolver,
    periods: Collection[str],
    planned: Collection[str] = (),
) -> list[PhaseChange]:
    """One :class:`PhaseChange` per phase, in order; ``planned`` are the
    links not yet built (the resolver counts an upgrade as built too)."""
    planned = set(planned)
    rooms_of = {
        (g.kind, g.subject): (
            set(g.data.server_rooms_closed)
            if isinstance(g.data, ConsolidationGap)
            else set()
        )
        for g in report.gaps
        if g.kind == "hosting"
    }
    out = []
    before: set[tuple[str, str]] = set()
    links_before: set[str] = set()
    for n, period in enumerate(periods, 1):
        resolved, built = resolver(n)
        new = set(resolved) - before
        drawn = {k for k in new if k[0] in _DRAWN}
        upgraded = {s for k, s in drawn if k in ("capacity", "utilisation")}
        rooms = set().union(*(rooms_of.get(k, set()) for k in new))
        out.append(
            PhaseChange(
                n,
                str(period),
                len(upgraded),
                len((set(built) & planned) - links_before),
                len(rooms),
                len(drawn),
            )
        )
        before |= set(resolved)
        links_before |= set(built)
    return out
