"""The legend's words say where the drawing's colours change."""

from __future__ import annotations

import re

import pytest

from planner.render.diagram.legend import _utilisation_row
from planner.render.diagram.styles import UTILISATION_BANDS, utilisation_colour
from planner.render.i18n import Messages

GREEN = UTILISATION_BANDS[0][1]


@pytest.mark.parametrize(("limit", "said"), [(0.7, 50), (0.9, 50), (0.4, 20)])
def test_the_light_band_ends_where_the_legend_says(limit: float, said: int) -> None:
    row = _utilisation_row(Messages("en"), limit)
    found = re.search(r"below (\d+)\s%", row)
    assert found and int(found.group(1)) == said
    assert utilisation_colour(said / 100 - 0.001, limit) == GREEN
    assert utilisation_colour(said / 100 + 0.001, limit) != GREEN
    assert row.index(GREEN) < row.index("below")  # its sample is drawn green
