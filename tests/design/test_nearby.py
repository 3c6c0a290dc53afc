"""Candidates from coordinates, by hand.

t0 (the data centre) - t1 - t2 in a chain along a meridian, 0.1 degree of
latitude apart: 11.1 km each (2 pi 6371.0088 / 3600 = 11.119). max_km 15:
t0-t2 (22.2 km) is too far, t0-t1 and t1-t2 are linked already, so no
candidate; max_km 25: one candidate t0-t2 per medium, 22.2 km x 100k =
2,220,000 (fiber) and x 40k = 888,000 + 22.2 x 10k a year (radio). Radio
costs 888,000 + 5 x 222,000 = 1,998,000 over five years, fiber 2,220,000:
the design builds the radio link and closes t1's and t2's gaps.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from planner.design.nearby import distance_km, nearby_candidates
from planner.design.network import design_network
from planner.graph import build_graph
from planner.models.inventory import Inventory, Link, Municipality, Region, Site
from planner.models.target import UpgradeCost
from tests.design.instances import target_with


def _graph() -> object:
    munis = [
        Municipality(
            id=f"m{i}",
            name=f"M{i}",
            population=100,
            sites=[
                Site(
                    id=f"t{i}",
                    name=f"T{i}",
                    role="town-hall",
                    latitude=60 + i / 10,
                    longitude=10.0,
                )
            ],
        )
        for i in range(3)
    ]
    links = [
        Link(id="l01", a="t0", b="t1", capacity="1 Gbit/s"),
        Link(id="l12", a="t1", b="t2", capacity="1 Gbit/s"),
    ]
    return build_graph(
        Inventory(region=Region(id="r", name="R"), municipalities=munis, links=links)
    )


def _target(max_km: float) -> object:
    base = target_with([])
    per_km = (
        ("fiber", UpgradeCost(investment=Decimal(100_000))),
        ("radio", UpgradeCost(investment=Decimal(40_000), per_year=Decimal(10_000))),
    )
    net = dataclasses.replace(base.network, per_km=per_km, max_km=max_km)
    return dataclasses.replace(base, network=net)


def test_distance_along_a_meridian() -> None:
    assert distance_km((60.0, 10.0), (60.1, 10.0)) == pytest.approx(11.119, abs=1e-3)


def test_generated_candidates_and_the_design() -> None:
    G = _graph()
    assert nearby_candidates(G, _target(15)) == ()  # type: ignore[arg-type]
    cands = nearby_candidates(G, _target(25))  # type: ignore[arg-type]
    assert [(c.id, c.investment, c.per_year) for c in cands] == [
        ("km-t0-t2-fiber", 2_220_000, 0),
        ("km-t0-t2-radio", 888_000, 222_000),
    ]
    result = design_network(G, _target(25), upgrades=False)  # type: ignore[arg-type]
    assert [ln.id for ln in result.links] == ["km-t0-t2-radio"]
    assert result.cost == Decimal(1_998_000)
    assert {g.subject for g in result.links[0].closes} == {"t1", "t2"}
