"""The gap analysis of the mini region, every figure worked out by hand.

mini: alpha (7000 inhabitants, the data centre by default: most populous),
beta (3000, in its own file) and gamma (1000). By hand:
- coverage: beta has no hr system -> 1;
- harmonisation: email MS Exchange 100+20 vs GroupWise 60; office MS Office
  100+20 vs OpenOffice.org 60; case-archive ePhorte 80+15 vs Acos WebSak 40;
  payroll, finance, hr one product each -> 3 gaps, beta moves each time;
- hosting: beta's four local systems sit on beta-srv outside the data centre
  (email, office, case-archive, finance); beta's and gamma's shared systems
  come from alpha, which has the data centre; saas/hosted do not count -> 4,
  plus consolidation of beta (1 server, 1 server room) -> 5;
- capacity: beta-gamma 100 Mbit/s < 1 Gbit/s backbone; alpha-skole-link
  10 Mbit/s < 100 Mbit/s access -> 2;
- redundancy: beta-radhus and gamma-radhus hang on a chain of single links
  -> 2, with bridges alpha-beta and alpha-beta, beta-gamma;
- reachability: gamma-bibliotek has no link -> 1;
- utilisation: alpha-skole sends 50 users x 0.22 Mbit/s (alpha's email,
  office, case-archive 0.05 each, payroll and hr 0.02, finance 0.03) =
  11 Mbit/s over its 10 Mbit/s link: 110 % > 70 % -> 1 (worked out in
  tests/analyses/test_bandwidth.py);
- availability: every service the three use has a 99.5 % target; alpha
  holds the data centre (99.95 %), beta reaches it over one 99.9 % link
  (99.85 %), gamma over two (0.999^2 x 0.9995 = 99.75 %) -> 0.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.analyses.gaps import find_gaps
from planner.models.gapdata import UtilisationGap
from tests.conftest import other_process


def _by_kind(report: Any, kind: str) -> list[Any]:
    return [g for g in report.gaps if g.kind == kind]


def test_summary_matches_hand_count(mini_graph: Any, target: Any) -> None:
    report = find_gaps(mini_graph, target)
    assert report.datacenters == ("alpha-radhus",)
    assert report.summary == {
        "coverage": 1,
        "harmonisation": 3,
        "hosting": 5,
        "capacity": 2,
        "redundancy": 2,
        "utilisation": 1,
        "availability": 0,
        "reachability": 1,
        # The default target has no lifecycle section; mini has no projects.
        "lifecycle": 0,
        "duplication": 0,
    }


def test_coverage(mini_graph: Any, target: Any) -> None:
    (gap,) = _by_kind(find_gaps(mini_graph, target), "coverage")
    assert (gap.subject, gap.municipalities, gap.severity) == ("hr", ("beta",), "high")


def test_harmonisation_names_standard_and_movers(mini_graph: Any, target: Any) -> None:
    gaps = {
        g.subject: g for g in _by_kind(find_gaps(mini_graph, target), "harmonisation")
    }
    assert sorted(gaps) == ["case-archive", "email", "office"]
    email = gaps["email"]
    assert email.municipalities == ("beta",)
    assert email.data.to_dict()["standard"] == "MS Exchange"
    assert email.data.to_dict()["standard_source"] == "most users"
    assert email.data.to_dict()["products"] == [
        {"product": "MS Exchange", "users": 120, "municipalities": ["alpha", "gamma"]},
        {"product": "GroupWise", "users": 60, "municipalities": ["beta"]},
    ]
    assert email.data.to_dict()["moving"] == [
        {"municipality": "beta", "product": "GroupWise", "users": 60}
    ]
    assert gaps["case-archive"].data.to_dict()["users_to_move"] == 40


def test_target_standard_wins_over_most_users(mini_graph: Any, target: Any) -> None:
    import dataclasses

    office = dataclasses.replace(target.services["office"], standard="OpenOffice.org")
    services = {**target.services, "office": office}
    report = find_gaps(mini_graph, dataclasses.replace(target, services=services))
    gap = next(
        g for g in report.gaps if g.subject == "office" and g.kind == "harmonisation"
    )
    assert gap.municipalities == ("alpha", "gamma")
    assert gap.data.to_dict()["standard_source"] == "target"
    assert gap.data.to_dict()["users_to_move"] == 120


def test_hosting_and_consolidation(mini_graph: Any, target: Any) -> None:
    gaps = _by_kind(find_gaps(mini_graph, target), "hosting")
    moves = {g.subject for g in gaps if "consolidation" not in g.data.to_dict()}
    assert moves == {"email", "office", "case-archive", "finance"}
    (cons,) = [g for g in gaps if "consolidation" in g.data.to_dict()]
    assert cons.data.to_dict()["servers_retired"] == 1
    assert cons.data.to_dict()["server_rooms_closed"] == ["beta-radhus"]


def test_capacity(mini_graph: Any, target: Any) -> None:
    gaps = {g.subject: g for g in _by_kind(find_gaps(mini_graph, target), "capacity")}
    assert sorted(gaps) == ["alpha-skole-link", "beta-gamma"]
    assert gaps["beta-gamma"].data.to_dict()["class"] == "backbone"
    assert gaps["beta-gamma"].data.to_dict()["upgrade_to_mbps"] == 1000.0
    assert gaps["alpha-skole-link"].data.to_dict()["class"] == "access"
    assert gaps["alpha-skole-link"].severity == "medium"


def test_redundancy_names_bridges(mini_graph: Any, target: Any) -> None:
    gaps = {g.subject: g for g in _by_kind(find_gaps(mini_graph, target), "redundancy")}
    assert gaps["beta-radhus"].data.to_dict()["single_points_of_failure"] == [
        "alpha-beta"
    ]
    assert gaps["gamma-radhus"].data.to_dict()["single_points_of_failure"] == [
        "alpha-beta",
        "beta-gamma",
    ]


def test_reachability(mini_graph: Any, target: Any) -> None:
    (gap,) = _by_kind(find_gaps(mini_graph, target), "reachability")
    assert gap.subject == "gamma-bibliotek"


def test_report_is_deterministic(mini_graph: Any, target: Any) -> None:
    """The same JSON in another interpreter (another hash seed)."""
    from planner.render.text.gaps import gaps_json

    here = gaps_json(find_gaps(mini_graph, target))
    assert here == other_process(
        """
        from planner.analyses.gaps import find_gaps
        from planner.graph import build_graph
        from planner.load import default_target, load_inventory
        from planner.render.text.gaps import gaps_json
        G = build_graph(load_inventory("tests/data/mini.yaml").model)
        print(gaps_json(find_gaps(G, default_target().model)), end="")
        """
    )


def test_three_paths_required_names_real_links(mini_graph: Any, target: Any) -> None:
    import dataclasses

    from planner.models.target import NetworkClass

    net = dataclasses.replace(target.network, backbone=NetworkClass(1000.0, 3))
    report = find_gaps(mini_graph, dataclasses.replace(target, network=net))
    gaps = {g.subject: g for g in report.gaps if g.kind == "redundancy"}
    assert gaps["beta-radhus"].data.to_dict()["paths"] == 1
    assert gaps["beta-radhus"].data.to_dict()["single_points_of_failure"] == [
        "alpha-beta"
    ]
    assert gaps["gamma-radhus"].data.to_dict()["single_points_of_failure"] == [
        "alpha-beta"
    ]


def test_utilisation_gap_names_link_and_upgrade(mini_graph: Any, target: Any) -> None:
    (gap,) = _by_kind(find_gaps(mini_graph, target), "utilisation")
    assert (gap.subject, gap.severity) == ("alpha-skole-link", "high")
    assert gap.data.to_dict()["utilisation"] == pytest.approx(1.1)
    assert gap.data.to_dict()["recommended_capacity_mbps"] == 100.0
    assert gap.detail == (
        "alpha-skole-link carries a planned peak of 11 Mbit/s on 10 Mbit/s (110 %); "
        "the limit is 70 %: upgrade to 100 Mbit/s."
    )
    assert gap.data_as(UtilisationGap).towards == "alpha-radhus"


def test_availability_gap_when_target_is_stricter(mini_graph: Any, target: Any) -> None:
    """With a 99.8 % target for email, gamma (99.75 %) falls short, beta
    (99.85 %) and alpha (99.95 %) do not."""
    import dataclasses

    email = dataclasses.replace(target.services["email"], availability=0.998)
    strict = dataclasses.replace(target, services={**target.services, "email": email})
    (gap,) = _by_kind(find_gaps(mini_graph, strict), "availability")
    assert (gap.subject, gap.municipalities) == ("email", ("gamma",))
    (est,) = gap.data.to_dict()["estimates"]
    assert est["availability"] == pytest.approx(0.999**2 * 0.9995)
    assert est["paths"] == [["beta-gamma", "alpha-beta"]]
    assert gap.severity == "high"  # a single path
