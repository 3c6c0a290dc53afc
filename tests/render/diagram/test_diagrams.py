from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.diagram.diagrams import PINNED, diagram_dot
from planner.render.diagram.styles import COLOURS, utilisation_colour
from planner.render.diagram.views import phase_view, select_view
from tests.conftest import other_process
from tests.render.tools import mini, mini_dot, positions, statement

Write = Callable[[str, str], Path]

RED = COLOURS["gap"]


def test_current_view_marks_nothing_and_is_pinned() -> None:
    dot = mini_dot("current")
    assert dot.splitlines()[1].startswith(PINNED)
    assert RED not in dot.split("label=<", 1)[0] + dot.split(">];", 1)[1]
    assert "subgraph cluster_m_alpha {" in dot
    assert 'label="Alpha rådhus\\n(datasenter)"' in statement(dot, "s_alpha_radhus")
    assert f'fillcolor="{COLOURS["server_room"]}"' in statement(dot, "s_beta_radhus")


def test_gaps_view_marks_links_and_sites_red_and_dashed() -> None:
    dot = mini_dot("gaps", lang="en")
    for link in ("l_alpha_beta", "l_beta_gamma", "l_alpha_skole_link"):
        assert f'color="{RED}", style="dashed"' in statement(dot, link)
    assert "100\u00a0Mbit/s → 1\u00a0Gbit/s" in statement(dot, "l_beta_gamma")
    for site in ("s_beta_radhus", "s_gamma_bibliotek"):
        assert f'color="{RED}", style="rounded,filled,dashed"' in statement(dot, site)
    assert RED not in statement(dot, "l_beta_omsorg_link")


def test_target_view_upgrades_links_and_closes_server_rooms() -> None:
    dot = mini_dot("target", lang="en")
    line = statement(dot, "l_beta_gamma")
    assert 'label="1\u00a0Gbit/s"' in line and COLOURS["new"] in line
    assert "penwidth=3.30" in line  # log scale: 1 Gbit/s
    assert f'fillcolor="{COLOURS["site"]}"' in statement(dot, "s_beta_radhus")
    assert "penwidth=3.00" in statement(dot, "s_alpha_radhus")  # the data centre


def test_every_view_puts_every_node_in_the_same_place() -> None:
    layouts = [positions(mini_dot(v)) for v in ("current", "gaps", "target")]
    assert len(layouts[0]) == 7  # six sites and the internet
    assert layouts[0] == layouts[1] == layouts[2]


def test_same_input_same_text() -> None:
    """The same DOT in another interpreter (another hash seed)."""
    assert mini_dot("gaps") == other_process(
        """
        from tests.render.tools import mini_dot
        print(mini_dot("gaps"), end="")
        """
    )


def test_utilisation_colours_lines_and_adds_to_the_legend() -> None:
    load = {"beta-omsorg-link": 0.8, "beta-gamma": 0.8}
    dot = mini_dot("gaps", utilisation=load)
    assert utilisation_colour(0.8) in statement(dot, "l_beta_omsorg_link")
    assert RED in statement(dot, "l_beta_gamma")  # a gap stays a gap
    assert "80\u00a0%" in statement(dot, "l_beta_gamma")
    assert "overbelastet" in dot
    assert "overbelastet" not in mini_dot("gaps")


def test_today_is_not_coloured_by_the_planned_load() -> None:
    dot = mini_dot("current", utilisation={"beta-omsorg-link": 1.5})
    assert utilisation_colour(1.5) not in statement(dot, "l_beta_omsorg_link")
    assert "overbelastet" not in dot  # nor does the legend offer the colours


def test_new_and_upgraded_links_are_blue_whatever_their_load() -> None:
    dot = mini_dot("target", utilisation={"beta-gamma": 0.8})
    assert COLOURS["new"] in statement(dot, "l_beta_gamma")  # upgraded
    assert "8\u00a0%" in statement(dot, "l_beta_gamma")  # the load as label


def test_the_medium_is_the_line_style() -> None:
    dot = mini_dot("current", lang="en")
    assert 'style="dotted"' in statement(dot, "l_beta_gamma")  # radio
    assert "style=" not in statement(dot, "l_beta_omsorg_link")  # fibre
    assert "radio" in dot and "copper, DSL" in dot  # the legend says so


def test_target_utilisation_is_after_the_upgrade() -> None:
    dot = mini_dot("target", lang="en", utilisation={"beta-gamma": 0.8})
    assert "8\u00a0%" in statement(dot, "l_beta_gamma")  # 100 -> 1000 Mbit/s


def test_fold_gives_one_node_per_municipality() -> None:
    dot = mini_dot("gaps", fold=True, lang="en")
    assert "subgraph" not in dot and "pos=" not in dot
    # Beta's gaps by hand (tests/analyses/test_gaps.py): coverage 1,
    # harmonisation 3, capacity 1, redundancy 1 (high), hosting 5 (medium).
    assert 'label="Beta\\n2 sites\\n11 gaps (6 high)"' in statement(dot, "m_beta")
    assert RED in statement(dot, "m_beta")  # its server room closes
    # alpha-beta and beta-gamma: one line per pair of municipalities
    assert statement(dot, "l_alpha_beta").startswith("  m_alpha -- m_beta")
    assert "internet" not in dot.split("];", 3)[3]


def test_a_folded_box_counts_the_gaps_its_view_leaves_open() -> None:
    """The box is sized for every gap in each view (the same layout), and
    says only those the view still marks: none today, none in the target."""
    gaps = statement(mini_dot("gaps", fold=True, lang="en"), "m_beta")
    size = re.search(r"width=[\d.]+, height=[\d.]+", gaps)
    assert size is not None
    for view in ("current", "target"):
        line = statement(mini_dot(view, fold=True, lang="en"), "m_beta")
        assert 'label="Beta\\n2 sites"' in line and size.group(0) in line
    # A phase that closed Beta's capacity gap (high) and a hosting gap
    # (medium): 9 left, 5 of them high.
    G, report = mini()
    hosting = next(
        g for g in report.gaps if g.kind == "hosting" and "beta" in g.municipalities
    )
    closed = [("capacity", "beta-gamma"), (hosting.kind, hosting.subject)]
    view = phase_view(report, 1, closed)
    line = statement(diagram_dot(G, view, fold=True, lang="en"), "m_beta")
    assert 'label="Beta\\n2 sites\\n9 gaps (5 high)"' in line
    assert size.group(0) in line


def _planned(write: Write) -> tuple[Any, Any]:
    path = write(
        "r.yaml",
        """\
        region: {id: r, name: R}
        municipalities:
          - id: a
            name: A
            population: 10
            sites:
              - {id: a-th, name: A hall, role: town-hall}
              - {id: a-new, name: A new, role: school, status: planned}
              - {id: a-old, name: A old, role: school, status: decommissioning}
            links:
              - {id: a-new-link, a: a-th, b: a-new, capacity: 1 Gbit/s, status: planned}
              - {id: a-old-link, a: a-th, b: a-old, capacity: 1 Gbit/s}
        """,
    )
    G = build_graph(load_inventory(path).model)
    return G, find_gaps(G, default_target().model)


def test_planned_and_retired_sites_per_view(write: Write) -> None:
    G, report = _planned(write)
    now = diagram_dot(G, select_view(report, "current"))
    assert 'style="invis"' in statement(now, "s_a_new")
    assert 'style="invis"' in statement(now, "l_a_new_link")
    assert "invis" not in statement(now, "s_a_old")
    then = diagram_dot(G, select_view(report, "target"))
    assert "invis" not in statement(then, "s_a_new")
    assert COLOURS["new"] in statement(then, "l_a_new_link")
    assert 'style="invis"' in statement(then, "s_a_old")
    assert 'style="invis"' in statement(then, "l_a_old_link")
    assert positions(now) == positions(then)
