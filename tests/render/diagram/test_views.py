from __future__ import annotations

import pytest

from planner.errors import PlannerError, UsageError
from planner.render.diagram.views import parse_view, select_view
from tests.render.tools import mini


def test_parse_view() -> None:
    assert parse_view("gaps") == ("gaps", None)
    assert parse_view("phase:3") == ("phase", 3)
    for bad in ("phase:0", "phase:x", "phase", "today"):
        with pytest.raises(UsageError, match="unknown view"):
            parse_view(bad)


def test_gaps_view_marks_each_kind_of_gap() -> None:
    _, report = mini()
    view = select_view(report, "gaps")
    # beta-gamma is too slow and a single point of failure, alpha-skole-link
    # too slow and overloaded: the last kind in the report's order shows
    assert view.gap_links == {
        "alpha-beta": "redundancy",
        "alpha-skole-link": "utilisation",
        "beta-gamma": "redundancy",
    }
    assert view.gap_sites == {
        "beta-radhus": "hosting",
        "gamma-bibliotek": "reachability",
    }
    assert view.required == {"alpha-skole-link": 100.0, "beta-gamma": 1000.0}
    assert not view.upgrades and not view.closed_rooms


def test_target_view_closes_every_gap() -> None:
    _, report = mini()
    view = select_view(report, "target")
    assert view.upgrades == {"alpha-skole-link": 100.0, "beta-gamma": 1000.0}
    assert view.closed_rooms == {"beta-radhus"}
    assert not view.gap_links and not view.gap_sites
    assert view.planned_links is None and view.emphasise_datacenters


def test_phase_view_needs_a_plan() -> None:
    _, report = mini()
    with pytest.raises(PlannerError, match="needs a phased plan"):
        select_view(report, "phase:1")


def test_phase_view_applies_what_the_plan_closed() -> None:
    _, report = mini()
    view = select_view(
        report, "phase:1", lambda n: ([("capacity", "beta-gamma")], ["new-link"])
    )
    assert view.name == "phase:1"
    assert view.upgrades == {"beta-gamma": 1000.0}
    assert view.required == {"alpha-skole-link": 100.0}  # beta-gamma is upgraded
    assert view.gap_links["beta-gamma"] == "redundancy"  # but still the only path
    assert view.planned_links == {"new-link"}


def test_upgrades_take_the_larger_need_and_skip_unknown_tiers() -> None:
    """A link with a capacity gap (1 Gbit/s for its class) and a utilisation
    gap (100 Mbit/s for its load) is drawn at 1 Gbit/s, whichever comes
    last; a load above every tier (recommended None) adds no upgrade."""
    from planner.models.gapdata import CapacityGap, GapData, UtilisationGap
    from planner.models.results import Gap, GapReport

    def gap(kind: str, data: GapData) -> Gap:
        return Gap(kind, "l1", (), "", "high", data)

    def loaded(recommended: float | None) -> UtilisationGap:
        return UtilisationGap(
            10.0, 11.0, 1.1, None, 0.0, None, "dc", 0.8, recommended, None
        )

    for order in (1, -1):
        gaps = (
            gap("capacity", CapacityGap("backbone", "a", "b", 10.0, 1000.0, 1000.0)),
            gap("utilisation", loaded(100.0)),
        )[::order]
        report = GapReport("r", "t", ("dc",), gaps)
        assert select_view(report, "target").upgrades == {"l1": 1000.0}
        assert select_view(report, "gaps").required == {"l1": 1000.0}
    over = GapReport("r", "t", ("dc",), (gap("utilisation", loaded(None)),))
    assert select_view(over, "target").upgrades == {}
