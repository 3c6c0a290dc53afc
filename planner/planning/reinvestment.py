"""The reinvestment the 0-alternative carries for servers due, and what
cooperation avoids of it.

The lifecycle gaps name the servers due for replacement at the inventory's
``as_of`` (too old, or on a platform past its end of support). Without
cooperation each is replaced at the target's ``server_replacement_cost``
per machine in the year it fell due: ``purchased + server_years`` or the
year its platform's support ended, whichever is first. Consolidation
retires servers (the hosting consolidation gaps' ``servers``, every
server of a closed room among them), so cooperation does not replace those;
servers kept locally need replacing in both series. Pure functions.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from planner.models.frozen import frozen
from planner.models.gapdata import ConsolidationGap, DueServer, LifecycleGap
from planner.models.notice import Notice
from planner.models.results import GapReport
from planner.models.target import Target
from planner.units import format_money

__all__ = ["Due", "Reinvestment", "reinvestment_due"]

ZERO = Decimal(0)


@frozen
class Due:
    """A server due for replacement: its machines, the year it fell due,
    and whether consolidation retires it."""

    server: str
    municipality: str
    count: int
    year: int
    retired: bool


@frozen
class Reinvestment:
    """The servers due and the price per machine (None: not priced)."""

    cost: Decimal | None
    servers: tuple[Due, ...] = ()
    # The data-centre sites (the gap report's): a server kept there serves
    # the cooperation, so the per-municipality figures split its renewal.
    datacenters: tuple[str, ...] = ()

    def replaced(self, first: int, last: int) -> tuple[tuple[Due, int, Decimal], ...]:
        """Each priced server due by ``last``: the year it is replaced (an
        overdue one in ``first``) and what that costs, as ``by_year`` counts it."""
        if self.cost is None:
            return ()
        return tuple(
            (s, max(s.year, first), self.cost * s.count)
            for s in self.servers
            if s.year <= last
        )

    def by_year(
        self, first: int, last: int
    ) -> tuple[dict[int, Decimal], dict[int, Decimal], tuple[str, ...]]:
        """Per year, the reinvestment without cooperation and what
        cooperation still pays (the servers it keeps). A server already
        overdue in ``first`` is replaced then; one due after ``last`` is
        left out with a warning. Also the warnings."""
        without: dict[int, Decimal] = defaultdict(Decimal)
        kept: dict[int, Decimal] = defaultdict(Decimal)
        late = [s for s in self.servers if s.year > last]
        notes: list[str] = []
        if self.cost is None:
            if self.servers:
                n = sum(s.count for s in self.servers)
                notes.append(
                    Notice(
                        f"projection: {n} server{'s' if n != 1 else ''} due for "
                        "replacement but the target's lifecycle has no "
                        "server_replacement_cost, so no reinvestment is counted; "
                        'set lifecycle: {server_replacement_cost: "40k"} to count it',
                        "reinvestment_unpriced",
                        servers=n,
                    )
                )
            return {}, {}, tuple(notes)
        for s, year, amount in self.replaced(first, last):
            without[year] += amount
            if not s.retired:
                kept[year] += amount
        if late:
            total = self.cost * sum(s.count for s in late)
            years = sorted({s.year for s in late})
            notes.append(
                Notice(
                    f"projection: until {last} leaves out the reinvestment of "
                    f"{format_money(total)} in {', '.join(map(str, years))}; "
                    f"set until: {max(years)} or later to count it",
                    "projection_leaves_out",
                    what="reinvestment",
                    until=last,
                    amount=total,
                    years=years,
                )
            )
        return dict(without), dict(kept), tuple(notes)


def reinvestment_due(report: GapReport, target: Target) -> Reinvestment | None:
    """The servers the lifecycle gaps say are due; None without a
    ``lifecycle`` section in the target (the projection is then as before)."""
    life = target.lifecycle
    if life is None:
        return None
    retired = {
        server
        for g in report.gaps
        if isinstance(g.data, ConsolidationGap)
        for server in g.data.servers
    }
    servers = [
        Due(
            s.server,
            g.subject,
            s.count,
            _due_year(s, life.server_years),
            s.server in retired,
        )
        for g in report.gaps
        if g.kind == "lifecycle"
        for s in g.data_as(LifecycleGap).servers
    ]
    return Reinvestment(
        life.server_replacement_cost,
        tuple(sorted(servers, key=lambda d: d.server)),
        report.datacenters,
    )


def _due_year(server: DueServer, server_years: int | None) -> int:
    """The first year the server was due: by age or by end of support."""
    years = []
    if server.age is not None and server_years and server.purchased is not None:
        years.append(server.purchased + server_years)
    if server.end_of_support is not None:
        years.append(int(server.end_of_support[:4]))
    return min(years)
