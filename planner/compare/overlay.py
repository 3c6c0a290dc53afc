"""An inventory overlay: the region as it would be if some members left.

The leaving municipalities are taken out with their sites, and every link
touching one of their sites goes with them. A system of a remaining member
shared from a leaving one, or a data centre of the target in a leaving
member, cannot be planned around silently: each is a problem located at the
``without:`` entry of the scenario file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.errors import InputError, Problem, did_you_mean
from planner.load.scenarios import Leaving
from planner.load.source import Loaded, Sources
from planner.models.inventory import Inventory, Link, Municipality
from planner.models.target import Target

__all__ = ["without"]


@dataclass
class _Reindexed(Sources):
    """The original files, with municipality indices of the overlay mapped
    back to those of the file."""

    index: dict[int, int] = field(default_factory=dict)

    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem:
        if len(loc) >= 2 and loc[0] == "municipalities" and isinstance(loc[1], int):
            loc = (loc[0], self.index.get(loc[1], loc[1]), *loc[2:])
        return super().problem(loc, message, at_key=at_key)


def without(
    inv: Loaded[Inventory], leaving: Sequence[Leaving], target: Target
) -> Loaded[Inventory]:
    """``inv`` without the ``leaving`` municipalities (the same object when
    nobody leaves)."""
    if not leaving:
        return inv
    munis = inv.model.municipalities
    ids = [m.id for m in munis]
    gone = {x.municipality for x in leaving}
    problems = [
        x.problem(
            f"unknown municipality '{x.municipality}'"
            f"{did_you_mean(x.municipality, ids)} (without: names municipality "
            "ids of the inventory)"
        )
        for x in leaving
        if x.municipality not in ids
    ]
    keep = [(i, m) for i, m in enumerate(munis) if m.id not in gone]
    if not keep:
        problems.append(leaving[0].problem("every municipality leaves; keep one"))
    at = {x.municipality: x for x in leaving}
    gone_sites = {s.id: m.id for m in munis if m.id in gone for s in m.sites}
    problems += _shared_from(keep, gone, at)
    problems += _datacentres(target, gone_sites, at)
    if problems:
        raise InputError(problems)
    model = inv.model.model_copy(
        update={
            "municipalities": [
                m.model_copy(update={"links": _kept(m.links, gone_sites)})
                for _, m in keep
            ],
            "links": _kept(inv.model.links, gone_sites),
        }
    )
    sources = _Reindexed(
        inv.sources.main,
        {
            n: inv.sources.includes[i]
            for n, (i, _) in enumerate(keep)
            if i in inv.sources.includes
        },
        {n: i for n, (i, _) in enumerate(keep)},
    )
    return Loaded(model, sources)


def _kept(links: list[Link], gone_sites: dict[str, str]) -> list[Link]:
    return [ln for ln in links if ln.a not in gone_sites and ln.b not in gone_sites]


def _shared_from(
    keep: Sequence[tuple[int, Municipality]], gone: set[str], at: dict[str, Leaving]
) -> list[Problem]:
    out = []
    for _, m in keep:
        for sy in m.systems:
            if sy.hosted_by in gone:
                out.append(
                    at[sy.hosted_by].problem(
                        f"{m.id}'s system {sy.id} is shared from "
                        f"{sy.hosted_by} (hosted_by); a scenario without "
                        f"{sy.hosted_by} needs an inventory where it runs elsewhere"
                    )
                )
    return out


def _datacentres(
    target: Target, gone_sites: dict[str, str], at: dict[str, Leaving]
) -> list[Problem]:
    out = []
    for role in ("primary", "secondary"):
        site = getattr(target.datacenters, role)
        if site in gone_sites:
            out.append(
                at[gone_sites[site]].problem(
                    f"the target's {role} data centre {site} is in "
                    f"{gone_sites[site]}; give this scenario a target: with "
                    "another data centre"
                )
            )
    return out
