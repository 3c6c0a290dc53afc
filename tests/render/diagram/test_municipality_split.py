"""A large municipality's access tree cut per district hub (issue 17:
readable at 200 sites in print), on the D-IKT-sized region."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.diagram.municipality import municipality_tree
from planner.render.diagram.municipality_split import SPLIT_ABOVE, split_tree
from planner.render.diagram.views import select_view
from tests.render.diagram.region import HUBS, MEMBERS, write_region
from tests.render.tools import mini, requires_dot

NODE = re.compile(r"^  (s_\w+) \[(.*)\];$", re.M)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> object:
    path = write_region(tmp_path_factory.mktemp("dikt") / "r.yaml")
    G = build_graph(load_inventory(path).model)
    report = find_gaps(G, default_target().model)
    return G, select_view(report, "gaps")


def _own(dot: str) -> set[str]:
    """The nodes a piece draws as its own (not dashed at its edge)."""
    return {n for n, attrs in NODE.findall(dot) if "dashed" not in attrs}


def test_drammen_is_cut_into_its_hubs_and_every_site_is_drawn_once(
    tree: object,
) -> None:
    G, view = tree  # type: ignore[misc]
    pieces = split_tree(municipality_tree(G, view, "drammen", lang="nb"))
    assert len(pieces) == 1 + HUBS
    overview, hubs = pieces[0], pieces[1:]
    assert overview.hub is None
    assert [p.hub for p in hubs] == [f"s_drammen_hub{h}" for h in range(HUBS)]
    # 202 sites: the town hall and the 8 hubs in the overview, each school
    # in its hub's piece alone (counted by hand from region.py: 193 schools
    # spread over 8 hubs, 25 on the first, 24 on each of the others).
    drawn = [_own(p.dot) for p in pieces]
    assert len(drawn[0]) == 1 + HUBS
    assert [len(d) for d in drawn[1:]] == [26] + [25] * (HUBS - 1)
    every = set().union(*drawn)
    assert len(every) == sum(len(d) for d in drawn) - HUBS  # hubs twice only
    assert len(every) == {m: n for m, _, n in MEMBERS}["drammen"]
    assert "Knutepunkt 0\\n25 lokasjoner bak" in overview.dot
    assert "Knutepunkt 3\\n24 lokasjoner bak" in overview.dot
    # each hub's piece: the town hall dashed at its edge, first in rank
    first = hubs[0].dot
    assert "{ rank=min; s_drammen_th; }" in first
    assert re.search(r"s_drammen_th \[[^\]]*dashed", first)
    assert "legend" not in first.lower() and "<TABLE" not in first


def test_a_small_municipality_is_drawn_whole(tree: object) -> None:
    G, view = tree  # type: ignore[misc]
    lier = municipality_tree(G, view, "lier", lang="nb")
    assert len(lier.own) <= SPLIT_ABOVE and split_tree(lier) == []
    G2, report = mini()
    beta = municipality_tree(G2, select_view(report, "gaps"), "beta", lang="en")
    assert split_tree(beta, above=0) == []  # no hub with sites behind it


@requires_dot
def test_each_piece_fits_a_page_at_its_own_size(tree: object) -> None:
    """At most 510 points wide (an A4 page less its margins) and 700 tall,
    so a piece prints at its own size: its 8-point labels stay 8 points
    (the whole tree is some 4,000 points tall and shrinks below 2)."""
    G, view = tree  # type: ignore[misc]
    for p in split_tree(municipality_tree(G, view, "drammen", lang="en")):
        svg = subprocess.run(
            ["dot", "-Tsvg"], input=p.dot.encode(), capture_output=True, check=True
        ).stdout.decode()
        box = re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', svg)
        assert box is not None
        assert float(box[1]) <= 510 and float(box[2]) <= 700, (p.name, box[0])


def test_a_school_s_link_elsewhere_is_drawn_in_its_hubs_piece(tmp_path: Path) -> None:
    """A school linked to another municipality (Modum, no neighbour of the
    town hall): the far end stands in the school's hub's piece, never
    alone in the overview."""
    path = write_region(tmp_path / "r.yaml")
    text = path.read_text(encoding="utf-8")
    extra = "  - {id: x-modum, a: drammen-s50, b: modum-th, capacity: 1 Gbit/s}\n"
    path.write_text(text + extra, encoding="utf-8")
    G = build_graph(load_inventory(path).model)
    view = select_view(find_gaps(G, default_target().model), "gaps")
    pieces = split_tree(municipality_tree(G, view, "drammen", lang="nb"))
    hub = 50 % HUBS  # region.py: school i hangs on hub i % 8
    assert "s_modum_th [" not in pieces[0].dot
    assert "s_modum_th [" in pieces[1 + hub].dot
    assert "s_drammen_s50 -- s_modum_th" in pieces[1 + hub].dot
