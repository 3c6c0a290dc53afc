from __future__ import annotations

import pytest

from planner.models.results import Gap
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names, describe_gap
from tests.render.tools import mini

NAMES = Names({"alpha": "Alpha"}, {"alpha-radhus": "Alpha rådhus"}, {"hr": "Personal"})


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_gap_of_the_mini_region_is_described(lang: str) -> None:
    _, report = mini()
    msg = Messages(lang)
    for gap in report.gaps:
        text = describe_gap(gap, msg, NAMES)
        assert text != gap.detail and text.endswith("."), (gap.kind, text)


def test_unknown_kinds_and_shapes_fall_back_to_the_detail() -> None:
    msg = Messages("nb")
    odd = Gap("unheard-of", "x", (), "over the limit", "high", {})
    assert describe_gap(odd, msg, NAMES) == "over the limit"
    broken = Gap("capacity", "x", (), "the detail", "high", {"class": "backbone"})
    assert describe_gap(broken, msg, NAMES) == "the detail"


def test_names_replace_ids() -> None:
    gap = Gap("coverage", "hr", ("alpha",), "...", "high", {"service": "hr"})
    assert describe_gap(gap, Messages("nb"), NAMES) == (
        "Alpha har ikke noe system for den påkrevde tjenesten Personal."
    )


def test_lifecycle_and_duplication_in_both_languages() -> None:
    from decimal import Decimal

    life = Gap(
        "lifecycle",
        "alpha",
        ("alpha",),
        "...",
        "high",
        {
            "servers": [
                {
                    "server": "alpha-srv",
                    "count": 2,
                    "platform": "windows-server-2003",
                    "purchased": None,
                }
            ],
            "servers_due": 2,
            "reinvestment": Decimal(80000),
        },
    )
    dup = Gap(
        "duplication",
        "hr",
        ("alpha", "beta"),
        "...",
        "medium",
        {
            "projects": [
                {"municipality": "alpha", "name": "P1", "cost": Decimal(400000)},
                {"municipality": "beta", "name": "P2", "cost": None},
            ],
            "total": Decimal(400000),
            "at_stake": Decimal(0),
        },
    )
    nb, en = Messages("nb"), Messages("en")
    assert describe_gap(life, en, NAMES) == (
        "2 servers due for replacement: alpha-srv (windows-server-2003, –). "
        f"Reinvestment without consolidation: {en.number(80000)}."
    )
    assert describe_gap(life, nb, NAMES).startswith("2 servere skal skiftes ut")
    assert describe_gap(dup, en, NAMES) == (
        f"2 projects on Personal: Alpha: P1 {en.number(400000)}; beta: P2. One joint "
        f"project puts 0 of {en.number(400000)} at stake."
    )
    assert describe_gap(dup, nb, NAMES).startswith("2 prosjekter om Personal")
