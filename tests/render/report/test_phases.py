"""Which phases change the map: Kongsberg's plan, checked against its
work packages by hand."""

from __future__ import annotations

from planner.analyses.gaps import analyse
from planner.load import load_inventory, load_plan, load_target
from planner.planning.phases import phase_resolver
from planner.planning.pipeline import plan_analysed
from planner.render.report.phases import phase_changes
from tests.conftest import ROOT


def test_only_phases_that_change_the_map() -> None:
    tgt = load_target(ROOT / "topologies/kongsberg-target.yaml")
    inv = load_inventory(ROOT / "inventories/kongsberg.yaml", tgt)
    analysis = analyse(inv.model, tgt.model)
    plan = plan_analysed(
        analysis, inv, tgt.model, load_plan(ROOT / "plans/kongsberg.yaml")
    )
    periods = [str(p.period) for p in plan.phases]
    changes = phase_changes(analysis.gaps, phase_resolver(plan), periods)
    assert [c.period for c in changes] == periods
    # Phase 1 upgrades every link the plan upgrades (they all start first);
    # the middle phases move systems only; the last close server rooms.
    links = [x for x in plan.placements if x.package.kind == "link"]
    assert {str(x.end) for x in links} == {periods[0]}
    assert changes[0].upgraded == len(
        {k[1] for x in links for k in x.package.closes} - {""}
    )
    assert changes[0].built == 0  # no planned links in Kongsberg
    assert [c.n for c in changes if c.changed] == [1, 7, 8, 9]
    closing = [x for x in plan.placements if x.package.kind == "close"]
    assert sum(c.rooms for c in changes) == len(closing)
    assert not any(c.changed for c in changes[1:6])


def test_long_tables_print_every_municipality() -> None:
    from planner.render.report.risks import printed_rows

    groups = [("a",)] * 10 + [("b",)] * 3 + [("c",)]
    assert printed_rows(groups, 20) == set(range(14))  # short: all of it
    chosen = printed_rows(groups, 6)
    assert len(chosen) == 6
    assert {groups[i] for i in chosen} == {("a",), ("b",), ("c",)}
    assert {0, 1, 10, 11, 13} <= chosen  # each one's worst rows first
