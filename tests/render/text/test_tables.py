"""Tables and wrapping."""

from __future__ import annotations

import textwrap

import pytest

from planner.render.text.tables import markdown_table, text_table, wrap

PROSE = (
    "3 products in use (ePhorte: 440 users (kongsberg, øvre-eiker); Acos WebSak: "
    "250 users (flesberg, nore-og-uvdal, notodden, rollag); ESA: 80 users (tinn)); "
    "standard ePhorte (most users): 5 municipalities move 330 users"
)


@pytest.mark.parametrize("width", [30, 50, 80, 100])
def test_wrap_matches_textwrap(width: int) -> None:
    expected = textwrap.wrap(
        PROSE,
        width,
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    assert wrap(PROSE, width, "    ") == expected


def test_text_table_aligns_and_wraps() -> None:
    lines = text_table(
        ("kind", "gaps"), [["coverage", "1"], ["total", "12"]], align="lr"
    )
    assert lines == [
        "  kind      gaps",
        "  --------  ----",
        "  coverage     1",
        "  total       12",
    ]


def test_markdown_table_escapes_pipes() -> None:
    assert markdown_table(("a",), [["x|y"]]) == ["| a |", "| --- |", "| x\\|y |"]
