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
