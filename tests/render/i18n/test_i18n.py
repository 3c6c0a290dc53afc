from __future__ import annotations

import pytest

from planner.render.i18n import Messages
from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB


def test_both_languages_have_the_same_words() -> None:
    assert set(NB) == set(EN)


def test_number_formats() -> None:
    nb, en = Messages("nb"), Messages("en")
    assert nb.number(24300) == "24\u00a0300" and en.number(24300) == "24,300"
    assert nb.number(25.4, 1) == "25,4" and en.number(25.4, 1) == "25.4"
    assert nb.percent(0.7) == "70\u00a0%"
    assert nb.money(1050000, "NOK") == "1\u00a0050\u00a0000\u00a0kr"
    assert en.money(1050000, "NOK") == "NOK\u00a01,050,000"
    assert (
        nb.bandwidth(1000) == "1\u00a0Gbit/s"
        and nb.bandwidth(0.512) == "512\u00a0kbit/s"
    )
    assert (
        en.bandwidth(34) == "34\u00a0Mbit/s" and en.bandwidth(1.5) == "1.5\u00a0Mbit/s"
    )


def test_count_picks_the_singular() -> None:
    en = Messages("en")
    assert en.count("gap.hosting.central", 1, where="x") == (
        "1 system to move into the data centre: x."
    )
    assert en.count("gap.hosting.central", 2, where="x").startswith("2 systems")


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        Messages("sv")
