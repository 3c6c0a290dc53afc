from __future__ import annotations

import re

import pytest

from planner.render.i18n import Messages
from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB
from planner.render.i18n.nn import NN

FIELD = re.compile(r"{(\w+)}")


def test_three_languages_have_the_same_words_and_fields() -> None:
    assert set(NB) == set(EN) == set(NN)
    for key in NB:
        fields = sorted(FIELD.findall(NB[key]))
        assert fields == sorted(FIELD.findall(NN[key])), key
        assert fields == sorted(FIELD.findall(EN[key])), key


def test_nynorsk_is_its_own_catalogue() -> None:
    """Not bokmål under another name: the words that differ do."""
    nn = Messages("nn")
    assert nn("fig.population") == "Innbyggjarar" and nn("risk.none") == "ingen."
    assert nn("plan.packages") == "Arbeidspakkar"
    assert sum(NB[k] != NN[k] for k in NB) > len(NB) // 2


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
    # planner.units' one formatter: three decimals at most, never 2,048 kbit/s.
    assert en.bandwidth(2.048) == "2048\u00a0kbit/s"
    assert nb.bandwidth(24.99) == "24,99\u00a0Mbit/s"


def test_nynorsk_numbers_periods_and_dates() -> None:
    nn, nb, en = Messages("nn"), Messages("nb"), Messages("en")
    assert nn.number(-5550000) == "\u22125\u00a0550\u00a0000"
    assert nn.money(1050000, "NOK") == nb.money(1050000, "NOK")
    assert nb.period("2007H1") == "1. halvår 2007" and en.period("2007H1") == "2007 H1"
    assert nb.period("2009Q3") == "3. kvartal 2009" and nb.period("2013") == "2013"
    assert nb.date("2006-09-01") == "1. september 2006"
    assert en.date("2006-09-01") == "1 September 2006"
    assert nb.millions(22524900, "NOK") == "22,5\u00a0mill.\u00a0kr"


def test_count_picks_the_singular() -> None:
    en = Messages("en")
    assert en.count("gap.hosting.central", 1, where="x") == (
        "1 system to move into the data centre: x."
    )
    assert en.count("gap.hosting.central", 2, where="x").startswith("2 systems")


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        Messages("sv")
