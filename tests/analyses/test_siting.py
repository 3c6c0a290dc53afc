"""Siting with candidate links from coordinates, by hand (the chain of
``tests/design/test_nearby.py``): within 25 km the only candidate is t0-t2,
and the design builds its radio variant (888,000 + 222,000 a year) whichever
town hall is the data centre, since that one link closes the ring; within
15 km there is no candidate, so no design."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.analyses.siting import evaluate_site, has_candidate_links
from tests.design.test_nearby import _graph, _target


def test_per_km_candidates_are_designed_for_every_site() -> None:
    G: Any = _graph()
    target: Any = _target(25)
    assert has_candidate_links(G, target)
    for site in ("t0", "t1", "t2"):
        c = evaluate_site(G, target, site, None, design=True)
        assert c.design_investment == Decimal(888_000)
        assert c.design_per_year == Decimal(222_000)
        assert (c.design_links, c.design_unresolved) == (1, 0)
        assert c.total == c.upgrade_investment + Decimal(888_000)
        assert c.all_per_year == c.per_year + Decimal(222_000)


def test_no_candidates_no_design() -> None:
    G: Any = _graph()
    target: Any = _target(15)
    assert not has_candidate_links(G, target)
    c = evaluate_site(G, target, "t0", None)
    assert c.design_investment is None and c.total == c.upgrade_investment
    assert c.to_dict()["design_per_year"] is None
