from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.diagram.scene import FOLD_ABOVE, build_scene, fold_choice
from planner.render.i18n import Messages
from tests.render.diagram.region import MEMBERS, write_region
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


def test_folds_the_large_municipality_above_the_threshold(write: Write) -> None:
    G = build_graph(load_inventory(_many_sites(write, FOLD_ABOVE + 1)).model)
    scene = build_scene(G, (), Messages("nb"))
    assert not scene.folded and scene.folds == ("a",)  # B keeps its site
    assert [c.municipality for c in scene.clusters] == ["b"]
    assert [p.label for p in scene.places] == ["B hall", "A\n150 lokasjoner"]
    (line,) = scene.lines  # two links between A and B's town hall: one line
    assert (line.a, line.b, line.links) == ("m_a", "s_b_th", ("ab1", "ab2"))


def test_fold_true_folds_every_municipality(write: Write) -> None:
    G = build_graph(load_inventory(_many_sites(write, FOLD_ABOVE + 1)).model)
    scene = build_scene(G, (), Messages("nb"), fold=True)
    assert scene.folded and not scene.clusters
    assert [p.label for p in scene.places] == ["A\n150 lokasjoner", "B\n1 lokasjon"]
    (line,) = scene.lines
    assert line.links == ("ab1", "ab2")


def test_fold_choice() -> None:
    # D-IKT: the one large member folds; the five small ones stay drawn.
    dikt = [(m, n) for m, _, n in MEMBERS]
    assert fold_choice(dikt, None) == (False, ("drammen",))
    # The largest first, until at most FOLD_ABOVE sites are drawn.
    assert fold_choice([("a", 100), ("b", 90), ("c", 40), ("d", 30)], None) == (
        False,
        ("a", "b"),
    )
    # Most would fold (a national map): every one folds.
    assert fold_choice([("a", 100), ("b", 90), ("c", 80)], None) == (
        True,
        ("a", "b", "c"),
    )
    assert fold_choice(dikt, False) == (False, ())
    assert fold_choice([("a", 1)], True) == (True, ("a",))
    assert fold_choice([("a", FOLD_ABOVE)], None) == (False, ())


def test_a_folded_box_leaves_room_for_its_gaps(tmp_path: Path) -> None:
    G = build_graph(load_inventory(write_region(tmp_path / "r.yaml")).model)
    report = find_gaps(G, default_target().model)
    scene = build_scene(G, report.datacenters, Messages("en"), gaps=report.gaps)
    (box,) = (p for p in scene.places if p.kind == "municipality")
    mine = [g for g in report.gaps if "drammen" in g.municipalities]
    high = sum(g.severity == "high" for g in mine)
    assert box.label == "Drammen\n202 sites"
    assert box.reserve == f"{len(mine)} gaps ({high} high)" and high


def test_stays_detailed_at_the_threshold(write: Write) -> None:
    G = build_graph(load_inventory(_many_sites(write, FOLD_ABOVE - 1)).model)
    assert not build_scene(G, (), Messages("nb")).folded
