from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.render.diagram.layout import lay_out
from planner.render.diagram.metrics import node_size, text_width
from planner.render.diagram.scene import Scene, build_scene
from planner.render.i18n import Messages
from tests.conftest import MINI, ROOT, other_process


def _scene(path: Any, target: Any = None) -> Scene:
    G = build_graph(load_inventory(path, load_target(target)).model)
    return build_scene(G, (), Messages("nb"))


@pytest.fixture(scope="module")
def kongsberg() -> Scene:
    return _scene(
        ROOT / "inventories/kongsberg.yaml", ROOT / "topologies/kongsberg-target.yaml"
    )


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_municipality_boxes_do_not_overlap(kongsberg: Scene) -> None:
    boxes = lay_out(kongsberg).clusters
    assert len(boxes) == 7
    for (a, ba), (b, bb) in combinations(boxes.items(), 2):
        assert not _overlap(ba, bb), (a, b)


def test_every_site_sits_inside_its_municipality(kongsberg: Scene) -> None:
    layout = lay_out(kongsberg)
    for place in kongsberg.places:
        if place.cluster is None:
            continue
        x, y = layout.pos[place.id]
        w, h = node_size(place.label, place.fontsize)
        llx, lly, urx, ury = layout.clusters[place.cluster]
        assert llx <= x - w / 2 and x + w / 2 <= urx, place.id
        assert lly <= y - h / 2 and y + h / 2 <= ury, place.id


def test_no_two_sites_overlap(kongsberg: Scene) -> None:
    layout = lay_out(kongsberg)
    boxes = {}
    for p in kongsberg.places:
        (x, y), (w, h) = layout.pos[p.id], node_size(p.label, p.fontsize)
        boxes[p.id] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    for (a, ba), (b, bb) in combinations(boxes.items(), 2):
        assert not _overlap(ba, bb), (a, b)


def test_town_hall_in_the_middle_of_its_sites() -> None:
    layout = lay_out(_scene(MINI))
    hall, school = layout.pos["s_alpha_radhus"], layout.pos["s_alpha_skole"]
    assert hall[1] == school[1] and school[0] > hall[0]  # first site on the right


def test_layout_is_deterministic(kongsberg: Scene) -> None:
    """The same positions in another interpreter (another hash seed)."""
    here = sorted(lay_out(kongsberg).pos.items())
    assert repr(here) == other_process(
        """
        from tests.render.diagram.test_layout import _scene, lay_out
        from tests.conftest import ROOT
        scene = _scene(
            ROOT / "inventories/kongsberg.yaml",
            ROOT / "topologies/kongsberg-target.yaml",
        )
        print(repr(sorted(lay_out(scene).pos.items())), end="")
        """
    )


def test_text_width_uses_font_metrics() -> None:
    assert text_width("iiii", 10) < text_width("MMMM", 10)
    assert text_width("Øvre Eiker", 10) == pytest.approx(47.2, abs=0.1)


CHAIN = """\
region: {id: r, name: R}
municipalities:
  - id: a
    name: A
    population: 10
    sites:
      - {id: hall, name: Hall, role: town-hall}
      - {id: hub, name: District hub, role: office}
      - {id: far, name: Far school, role: school}
      - {id: farther, name: Farther school, role: school}
      - {id: near, name: Near school, role: school}
    links:
      - {id: hall-hub, a: hall, b: hub, capacity: 1 Gbit/s}
      - {id: hub-far, a: hub, b: far, capacity: 100 Mbit/s}
      - {id: far-farther, a: far, b: farther, capacity: 100 Mbit/s}
      - {id: hall-near, a: hall, b: near, capacity: 100 Mbit/s}
"""


def test_a_chained_site_sits_next_to_the_site_it_hangs_on(write: Any) -> None:
    scene = _scene(write("chain.yaml", CHAIN))
    pos = lay_out(scene).pos
    slug = {p.sites[0]: p.id for p in scene.places if p.sites}
    x = {s: pos[slug[s]][0] - pos[slug["hall"]][0] for s in slug}
    y = {s: pos[slug[s]][1] for s in slug}
    # The hub on one side, its chain further out on the same side, level
    # with it; the other site linked to the hall on the other side.
    assert x["hub"] * x["far"] > 0 and abs(x["far"]) > abs(x["hub"])
    assert abs(x["farther"]) > abs(x["far"]) and x["farther"] * x["hub"] > 0
    assert y["hub"] == y["far"] == y["farther"]
    assert x["near"] * x["hub"] < 0
