"""The report assembled from results: a large member folded on the maps and
drawn in detail as its access tree."""

from __future__ import annotations

import re
from pathlib import Path

from planner.analyses.gaps import analyse
from planner.load import default_target, load_inventory
from planner.render.report.build import build_report
from tests.conftest import MINI
from tests.render.diagram.region import write_region
from tests.render.tools import requires_dot


def _files(path: Path, lang: str = "en") -> dict[str, bytes]:
    target = default_target().model
    inventory = load_inventory(path, default_target()).model
    return build_report(analyse(inventory, target), inventory, target, lang=lang)


@requires_dot
def test_a_large_member_folds_and_is_drawn_in_detail(tmp_path: Path) -> None:
    files = _files(write_region(tmp_path / "dikt.yaml"))
    page = files["index.html"].decode("utf-8")
    assert "municipality-drammen.svg" in files  # the whole tree, linked
    assert '<a href="municipality-drammen.svg">' in page
    # The page shows it cut per hub: the hubs, then each hub's sites.
    pieces = [f"municipality-drammen-{i}.svg" for i in range(9)]
    assert set(pieces) <= set(files) and "municipality-drammen-9.svg" not in files
    assert '<img src="municipality-drammen-0.svg" alt="Drammen">' in page
    assert '<img src="municipality-drammen-1.svg" alt="Knutepunkt 0">' in page
    assert "Drammen: Knutepunkt 0 and the 25 sites behind it." in page
    hub = files["municipality-drammen-8.svg"].decode("utf-8")
    assert ">Skole 7<" in hub and ">Skole 192<" not in hub
    assert "as one box each (Drammen), their gaps counted" in page
    gaps = files["gaps.svg"].decode("utf-8")
    # Drammen is one box with its gaps; its neighbours keep their sites.
    assert re.search(r">Drammen<.*?>202 sites<.*?>\d+ gaps \(\d+ high\)<", gaps, re.S)
    assert ">Lier rådhus<" in gaps and ">Skole 192<" not in gaps
    tree = files["municipality-drammen.svg"].decode("utf-8")
    assert ">Skole 192<" in tree and ">Knutepunkt 7<" in tree
    assert ">Modum rådhus<" not in tree  # Modum is not Drammen's neighbour


@requires_dot
def test_a_small_region_has_no_detail_maps() -> None:
    files = _files(MINI)
    assert not [name for name in files if name.startswith("municipality-")]
    assert "one box each" not in files["index.html"].decode("utf-8")
