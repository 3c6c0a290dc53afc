from __future__ import annotations

import pytest

from planner.models.gapdata import (
    CapacityGap,
    CoverageGap,
    DueServer,
    DuplicationGap,
    LifecycleGap,
    Project,
)
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
        assert text.endswith(".") and "{" not in text, (gap.kind, text)
        assert lang == "en" or text != gap.detail, (gap.kind, text)  # translated


def test_a_payload_of_another_kind_is_an_error_not_an_english_fallback() -> None:
    gap = Gap("capacity", "x", (), "the detail", "high", CoverageGap("hr"))
    with pytest.raises(TypeError, match="capacity gap x carries CoverageGap"):
        gap.data_as(CapacityGap)


def test_names_replace_ids() -> None:
    gap = Gap("coverage", "hr", ("alpha",), "...", "high", CoverageGap("hr"))
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
        LifecycleGap(
            servers=(DueServer("alpha-srv", 2, "windows-server-2003", None),),
            servers_due=2,
            reinvestment=Decimal(80000),
        ),
    )
    dup = Gap(
        "duplication",
        "hr",
        ("alpha", "beta"),
        "...",
        "medium",
        DuplicationGap(
            projects=(
                Project("alpha", "P1", Decimal(400000), None),
                Project("beta", "P2", None, None),
            ),
            total=Decimal(400000),
            at_stake=Decimal(0),
        ),
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
