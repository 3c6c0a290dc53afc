"""The summary's third risk, missed deadlines, names work packages as the
report names them (a generated package by its words, not the planner's
English with ids)."""

from __future__ import annotations

from dataclasses import replace

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names
from planner.render.report.package_text import PackageWords
from planner.render.report.risks import missed_deadlines, risks
from planner.units import Period
from tests.conftest import MINI
from tests.render.samples import PLAN


def test_a_missed_deadline_is_named_by_the_report() -> None:
    inventory = load_inventory(MINI).model
    target = default_target().model
    gaps = find_gaps(build_graph(inventory), target)
    words = PackageWords.build(inventory, target, gaps, Names({}, {}, {}), None)
    late = PLAN.placements[1]  # data-layer, ends 2010Q2
    due = replace(late, package=replace(late.package, deadline=Period.parse("2010Q1")))
    plan = replace(PLAN, placements=(PLAN.placements[0], due))
    assert missed_deadlines(plan) == [due]
    nb = Messages("nb")
    labels = {"data-layer": "Felles datalag"}
    deadline = risks(gaps, plan, words, nb, labels)[2]
    assert deadline["count"] == 1
    assert deadline["worst"][0].startswith("Felles datalag")
    assert "1. kvartal 2010" in deadline["worst"][0]
    assert risks(gaps, None, words, nb)[2]["count"] is None  # no plan: not known
