"""planner.language.messages: a sentence filled from its compiled template
reads as ``str.format`` fills it, for every sentence of every catalogue."""

from __future__ import annotations

from string import Formatter

import pytest

from planner.language.gaps_en import GAPS_EN
from planner.language.gaps_nb import GAPS_NB
from planner.language.gaps_nn import GAPS_NN
from planner.language.messages import _filler
from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB
from planner.render.i18n.nn import NN

CATALOGUES = {"gaps_en": GAPS_EN, "gaps_nb": GAPS_NB, "gaps_nn": GAPS_NN}
CATALOGUES |= {"en": EN, "nb": NB, "nn": NN}


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_sentence_fills_as_str_format(name: str) -> None:
    for key, text in CATALOGUES[name].items():
        fields = {f for _, f, _, _ in Formatter().parse(text) if f is not None}
        values = {f: f"<{f} 'x' \"{{}}\">" for f in fields} | {"unused": 1}
        assert _filler(text)(values) == text.format_map(values), key


def test_odd_templates_fill_as_str_format() -> None:
    for text in ["{x:>5} {y}", "{{x}} {x!r}", "'\"\\n{x}", "no fields", "{x}{x}"]:
        values = {"x": 7, "y": None}
        assert _filler(text)(values) == text.format_map(values)
    with pytest.raises(KeyError):
        _filler("{missing}")({})
