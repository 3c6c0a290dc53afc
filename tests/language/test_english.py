"""The English ``detail`` of every gap is the report's English sentence
(``describe_gap`` with ``Messages("en")``): one description, two sets of
number marks. The sentences that carry what the old CLI details said are
checked word for word."""

from __future__ import annotations

import re

import pytest

from planner.analyses.gaps import find_gaps, gap_names
from planner.graph import build_graph
from planner.language import english
from planner.language.gaps import Names, describe_gap
from planner.load.loader import load_inventory, load_target
from planner.models.gapdata import (
    HarmonisationGap,
    HostedSystem,
    HostingGap,
    Mover,
    ProductUse,
    ReachabilityGap,
    RedundancyGap,
    SeveralProducts,
)
from planner.models.results import Gap
from planner.render.i18n import Messages
from tests.conftest import ROOT

NAMES = Names(
    {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta", "e": "Eps", "f": "Zeta"},
    {"a-th": "Alpha rådhus", "a-s": "Alpha skole"},
    {"school": "Skole"},
)


def _plain(text: str) -> str:
    """The report's marks as the CLI writes them: plain spaces, figures
    grouped by a space."""
    return re.sub(r"(?<=\d),(?=\d{3})", " ", text.replace("\u00a0", " "))


def test_every_kongsberg_detail_is_the_report_s_english_sentence() -> None:
    inventory = load_inventory(ROOT / "inventories/kongsberg.yaml").model
    target = load_target(ROOT / "topologies/kongsberg-target.yaml").model
    G = build_graph(inventory)
    report = find_gaps(G, target)
    names, en = gap_names(G, target), Messages("en")
    assert len({g.kind for g in report.gaps}) >= 7
    for gap in report.gaps:
        assert gap.detail == _plain(describe_gap(gap, en, names)), gap.subject
        assert gap.detail.endswith(".") and "{" not in gap.detail


def _gap(kind: str, subject: str, data: object) -> Gap:
    return Gap(kind, subject, ("a",), "", "high", data)  # type: ignore[arg-type]


def test_a_shared_risk_names_its_group_and_links() -> None:
    gap = _gap(
        "redundancy",
        "a-th",
        RedundancyGap("backbone", 1, 2, (), ("L1", "L2"), risk_group="trench-7"),
    )
    assert english(gap, NAMES) == (
        "Every path from Alpha rådhus to the data centres fails with risk group "
        "trench-7 (L1, L2): one path in effect, 2 required."
    )


def test_two_paths_short_of_three_name_the_smallest_cut() -> None:
    gap = _gap("redundancy", "a-s", RedundancyGap("access", 2, 3, (), ("x", "y")))
    assert english(gap, NAMES) == (
        "Alpha skole has 2 independent paths to its town hall; 3 required. "
        "Smallest cut: x, y."
    )


@pytest.mark.parametrize(
    ("through", "tail"),
    [(False, "."), (True, " but through other sites' transit: false links.")],
)
def test_reachability_says_when_a_non_transit_link_is_the_only_way(
    through: bool, tail: str
) -> None:
    gap = _gap("reachability", "a-s", ReachabilityGap("a-s", "school", through))
    assert english(gap, NAMES) == (
        f"Alpha skole (school) has no path to a data centre{tail}"
    )
    assert ("through_non_transit" in gap.data.to_dict()) is through


def test_long_listings_name_five_and_count_the_rest() -> None:
    local = [
        HostedSystem(f"s{m}", m, "Profil", "local", f"{m}-srv", None, 10)
        for m in "abcdef"
    ]
    systems = (*local, HostedSystem("s-g", "g", "Profil", "shared", None, "a", 5))
    gap = _gap("hosting", "school", HostingGap("central", systems, 65))
    assert english(gap, NAMES) == (
        "7 systems to move into the data centre: Alpha: Profil; Beta: Profil; "
        "Gamma: Profil; Delta: Profil; Eps: Profil; and 2 more."
    )
    shared = _gap("hosting", "school", HostingGap("central", systems[-1:], 5))
    assert english(shared, NAMES) == (
        "1 system to move into the data centre: g: Profil shared from Alpha."
    )


def test_harmonisation_one_mover_and_several_products() -> None:
    data = HarmonisationGap(
        products=(ProductUse("Extens", 1745, ("b",)), ProductUse("Visma", 45, ("a",))),
        standard="Extens",
        standard_source="most users",
        moving=(Mover("a", "Visma", 45),),
        users_to_move=45,
        several_products=(SeveralProducts("b", ("Extens", "Visma")),),
    )
    assert english(_gap("harmonisation", "school", data), NAMES) == (
        "In use: Extens (1 745 users: Beta); Visma (45 users: Alpha). Standard: "
        "Extens (most users); Alpha moves 45 users. Several products in one "
        "municipality (Beta runs Extens, Visma): complements rather than "
        "competitors? Give them a service of their own in the target."
    )
    nb = describe_gap(_gap("harmonisation", "school", data), Messages("nb"), NAMES)
    assert "1\u00a0745 brukere" in nb and "Beta bruker Extens, Visma" in nb
