"""Lines between municipalities run past a third municipality's box where
the layout can avoid it, as Graphviz draws the map (``neato -n2 -Tjson``).

The Kongsberg region's map had 7 such crossings before the boxes were
moved to avoid them (Kongsberg-Nore og Uvdal through Øvre Eiker and
Flesberg, the internet line to Notodden through Kongsberg, ...); none is
needed."""

from __future__ import annotations

import pytest

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.render.diagram.diagrams import diagram_dot
from planner.render.diagram.views import select_view
from tests.conftest import ROOT
from tests.render.diagram.crossings import crossings
from tests.render.tools import requires_dot


@requires_dot
@pytest.mark.parametrize("view", ["current", "gaps", "target"])
def test_kongsberg_lines_cross_no_third_municipality(view: str) -> None:
    target = load_target(ROOT / "topologies/kongsberg-target.yaml")
    G = build_graph(load_inventory(ROOT / "inventories/kongsberg.yaml", target).model)
    dot = diagram_dot(G, select_view(find_gaps(G, target.model), view), lang="en")
    assert crossings(dot) == []


@requires_dot
def test_the_counter_sees_a_crossing() -> None:
    """Three boxes in a row, a line from the first to the last: through the
    middle one (the counter is not blind)."""
    dot = """graph g {
      subgraph cluster_a { graph [bb="0,0,50,50"]; a [pos="25,25"]; }
      subgraph cluster_b { graph [bb="100,0,150,50"]; b [pos="125,25"]; }
      subgraph cluster_c { graph [bb="200,0,250,50"]; c [pos="225,25"]; }
      a -- c; a -- b;
    }
    """
    assert crossings(dot) == [("a", "c", "cluster_b")]
