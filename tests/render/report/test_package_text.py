"""Generated work packages named from their gap's figures, in each language."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analyses.gaps import analyse
from planner.load import load_inventory, load_plan, load_target
from planner.models.planresult import Package
from planner.planning.pipeline import plan_analysed
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names
from planner.render.report.package_text import PackageWords, package_words
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def kongsberg() -> tuple[PackageWords, dict[str, Package]]:
    tgt = load_target(ROOT / "topologies/kongsberg-target.yaml")
    inv = load_inventory(ROOT / "inventories/kongsberg.yaml", tgt)
    analysis = analyse(inv.model, tgt.model)
    result = plan_analysed(
        analysis, inv, tgt.model, load_plan(ROOT / "plans/kongsberg.yaml")
    )
    names = Names(
        {m.id: m.name for m in inv.model.municipalities},
        {s.id: s.name for m in inv.model.municipalities for s in m.sites},
        {s.id: s.name for s in tgt.model.services.values()},
    )
    bw = analysis.bandwidth
    words = PackageWords.build(inv.model, tgt.model, analysis.gaps, names, bw)
    packages = {x.package.id: x.package for x in result.placements}
    return words, packages


def test_a_link_upgrade_is_named_by_its_ends_and_tier(kongsberg: Any) -> None:
    words, packages = kongsberg
    wp = packages["link-kongsberg-notodden"]
    assert wp.name == "Upgrade kongsberg-notodden to 1 Gbit/s"  # the planner's
    name, reason = package_words(wp, words, Messages("nb"))
    assert (
        name == "Oppgradere samband Kongsberg rådhus–Notodden rådhus til 1\u00a0Gbit/s"
    )
    assert "100\u00a0Mbit/s mellom Kongsberg rådhus og Notodden rådhus" in reason
    assert "kongsberg-notodden" not in name + reason
    en, _ = package_words(wp, words, Messages("en"))
    assert en == "Upgrade the link Kongsberg rådhus–Notodden rådhus to 1\u00a0Gbit/s"


def test_moves_harmonisation_and_closing_rooms(kongsberg: Any) -> None:
    words, packages = kongsberg
    nn = Messages("nn")
    close = next(p for p in packages if p.startswith("close-"))
    assert package_words(packages[close], words, nn)[0].startswith(
        "Leggje ned serverrommet på "
    )
    move = next(p for p in packages if p.startswith("move-"))
    name, reason = package_words(packages[move], words, nn)
    assert name.startswith("Flytte ") and "datasenteret" in name
    assert "skal flyttast til datasenteret" in reason
    harm = next(p for p in packages if p.startswith("harmonise-"))
    assert package_words(packages[harm], words, nn)[0].startswith("Harmonisere ")


def test_hand_written_packages_keep_their_authors_words(kongsberg: Any) -> None:
    words, packages = kongsberg
    name, reason = package_words(packages["extranet"], words, Messages("nb"))
    assert name == "Extranett mellom kommunene"
    assert reason.startswith("the report's first project")  # as written
    # The data centre replaces a generated package: the planner's English
    # framing goes, the replaced package is named in the report's language.
    _, reason = package_words(packages["datacenter"], words, Messages("nb"))
    assert reason == (
        "the primary and secondary data centres of the target "
        "(erstatter den genererte arbeidspakken «Etablere datasenteret»)"
    )


def test_an_unknown_shape_falls_back_to_the_planners_words(kongsberg: Any) -> None:
    words, _ = kongsberg
    wp = Package("link-nowhere", "N", "link", "R", True)
    assert package_words(wp, words, Messages("nb")) == ("N", "R")  # no figures
    odd = Package("x", "N", "other", "R", True)  # type: ignore[arg-type]
    assert package_words(odd, words, Messages("nb")) == ("N", "R")
