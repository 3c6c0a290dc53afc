from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.graph import build_graph
from planner.load import load_inventory
from planner.render.diagram.scene import FOLD_ABOVE, build_scene
from planner.render.i18n import Messages
from tests.render.tools import mini

Write = Callable[[str, str], Path]


def _many_sites(write: Write, n: int) -> Path:
    """Municipality A with ``n - 1`` sites, B with one: ``n`` in all."""
    lines = [
        "region: {id: big, name: Big}",
        "municipalities:",
        "  - {id: a, name: A, population: 10, sites: [",
        "      {id: a-th, name: A hall, role: town-hall},",
        *(f"      {{id: s{i}, name: Site {i}, role: school}}," for i in range(n - 2)),
        "    ]}",
        "  - id: b",
        "    name: B",
        "    population: 5",
        "    sites: [{id: b-th, name: B hall, role: town-hall}]",
        "links:",
        "  - {id: ab1, a: a-th, b: b-th, capacity: 100 Mbit/s}",
        "  - {id: ab2, a: b-th, b: a-th, capacity: 1 Gbit/s}",
    ]
    return write("big.yaml", "\n".join(lines) + "\n")


def test_mini_scene() -> None:
    G, report = mini()
    scene = build_scene(G, report.datacenters, Messages("en"))
    assert not scene.folded
    assert [c.id for c in scene.clusters] == [
        "cluster_m_alpha",
        "cluster_m_beta",
        "cluster_m_gamma",
    ]
    assert scene.places[0].label == "Alpha rådhus\n(data centre)"
    assert scene.places[-1].id == "internet"
    backbone = {ln.id for ln in scene.lines if ln.backbone}
    assert backbone == {
        "l_alpha_beta",
        "l_beta_gamma",
        "l_alpha_internet",
        "l_gamma_internet",
    }


def test_folds_above_the_threshold(write: Write) -> None:
    G = build_graph(load_inventory(_many_sites(write, FOLD_ABOVE + 1)).model)
    scene = build_scene(G, (), Messages("nb"))
    assert scene.folded and not scene.clusters
    assert [p.label for p in scene.places] == ["A\n150 lokasjoner", "B\n1 lokasjon"]
    (line,) = scene.lines  # two links between A and B: one line
    assert line.links == ("ab1", "ab2")


def test_stays_detailed_at_the_threshold(write: Write) -> None:
    G = build_graph(load_inventory(_many_sites(write, FOLD_ABOVE - 1)).model)
    assert not build_scene(G, (), Messages("nb")).folded
