"""The appendix's long tables written as text: every value escaped, the
rows the PDF leaves out in one inert template per run."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from planner.render.i18n import Messages
from planner.render.report import rows
from planner.render.report.rows import (
    bandwidth_rows_html,
    bandwidth_rows_pieces,
    gap_rows_html,
    gap_rows_pieces,
)

EVIL = '"><script>alert(1)</script>&'


def _link(printed: bool) -> dict[str, object]:
    return {
        "name": EVIL,
        "capacity": 100.0,
        "demand": None,
        "utilisation": 0.5,
        "worst": None,
        "failed_link": EVIL,
        "recommended": 1000.0,
        "printed": printed,
    }


def test_values_are_escaped_and_runs_wrapped() -> None:
    rows = [_link(True), _link(False), _link(False), _link(True), _link(False)]
    html = str(bandwidth_rows_html(rows, Messages("en")))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('<template class="unprinted">') == 2
    assert html.count("</template>") == 2
    assert html.count('<tr class="unprinted">') == 3
    assert '<td data-sort="0">–</td>' in html  # no demand: a dash, sorts as 0
    assert "when &#34;&gt;&lt;script&gt;" in html  # the failed link, escaped
    gap = {
        "severity": "high",
        "rank": 0,
        "subject": EVIL,
        "municipalities": EVIL,
        "detail": EVIL,
        "printed": True,
    }
    text = str(gap_rows_html([gap], Messages("nb")))
    assert "<script>" not in text and text.count("&lt;script&gt;") == 3
    assert '<span class="severity high">høy</span>' in text


def test_pieces_join_to_the_rows_wherever_they_are_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page writes the long tables in pieces; cut inside a run of
    unprinted rows or not, they join to the rows written whole."""
    links = [_link(p) for p in (True, False, False, True, False, False, False)]
    gaps = [
        {
            "severity": s,
            "rank": i,
            "subject": f"{EVIL}{i}",
            "municipalities": "",
            "detail": "",
            "printed": i < 2,
        }
        for i, s in enumerate(["high", "low", "medium", "high", "low"])
    ]
    msg = Messages("en")
    whole = (str(bandwidth_rows_html(links, msg)), str(gap_rows_html(gaps, msg)))
    for size in (1, 2, 3, 100):
        monkeypatch.setattr(rows, "PIECE_ROWS", size)
        parts = list(bandwidth_rows_pieces(links, msg))
        assert len(parts) == -(-len(links) // size)
        assert "".join(parts) == whole[0]
        assert str(bandwidth_rows_pieces(links, msg)) == whole[0]
        assert "".join(gap_rows_pieces(gaps, msg)) == whole[1]


class _Safe:
    def __html__(self) -> str:
        return "<b>kept</b>"


@pytest.mark.parametrize(
    "value", [EVIL, "ø – \u202e'", "", 0, 12.5, -0.0, None, _Safe(), Markup("<i>")]
)
def test_cells_escape_as_markupsafe_escapes(value: object) -> None:
    assert rows._text(value) == str(escape(value))
