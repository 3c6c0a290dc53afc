"""The legend of a diagram: an HTML-like label under the drawing.

A graph label, not a cluster of sample nodes, so it never takes part in the
layout. Its text is ours (the message catalogue), escaped all the same.
"""

from __future__ import annotations

from planner.render.diagram.dot import Html, html_text
from planner.render.diagram.styles import (
    COLOURS,
    light_bound,
    pen_width,
    utilisation_colour,
)
from planner.render.i18n import Messages

__all__ = ["legend"]


def _text(text: str, colour: str = COLOURS["text"]) -> str:
    return f'<FONT COLOR="{colour}">{html_text(text)}</FONT>'


def _swatch(fill: str, border: str = COLOURS["border"]) -> str:
    return (
        f'<TD FIXEDSIZE="TRUE" WIDTH="18" HEIGHT="12" BGCOLOR="{fill}" '
        f'COLOR="{border}" BORDER="1"></TD>'
    )


def _bar(colour: str, height: float) -> str:
    px = max(1, round(height * 1.4))
    return (
        f'<TD FIXEDSIZE="TRUE" WIDTH="28" HEIGHT="{px}" CELLPADDING="0" '
        f'BGCOLOR="{colour}" BORDER="0"></TD>'
    )


def _cell(text: str, colour: str = COLOURS["text"]) -> str:
    return f'<TD ALIGN="LEFT">{_text(text, colour)}</TD>'


def _row(cells: list[str]) -> str:
    return "<TR>" + "".join(cells) + "</TR>"


def legend(msg: Messages, title: str, *, utilisation: bool, limit: float = 0.7) -> Html:
    """The legend: node fills, line widths, gap and new-link styles, and
    the utilisation bands when the diagram is coloured by utilisation."""
    rows = [
        _row([f'<TD COLSPAN="8" ALIGN="LEFT"><B>{html_text(title)}</B></TD>']),
        _row(
            [
                _swatch(COLOURS["datacenter"]),
                _cell(msg("legend.datacenter")),
                _swatch(COLOURS["server_room"]),
                _cell(msg("legend.server_room")),
                _swatch(COLOURS["site"]),
                _cell(msg("legend.site")),
                _swatch(COLOURS["site"], COLOURS["gap"]),
                _cell(msg("legend.gap_site"), COLOURS["gap"]),
            ]
        ),
        _row(
            [
                cell
                for mbps in (2.0, 100.0, 10_000.0)
                for cell in (
                    _bar(COLOURS["link"], pen_width(mbps)),
                    _cell(msg.bandwidth(mbps)),
                )
            ]
            + [_bar(COLOURS["new"], 2), _cell(msg("legend.new"))]
        ),
        _row(
            [
                '<TD COLSPAN="2" ALIGN="LEFT">'
                + _text("- - - -", COLOURS["gap"])
                + "</TD>",
                '<TD COLSPAN="6" ALIGN="LEFT">'
                + _text(msg("legend.gap_link"), COLOURS["gap"])
                + "</TD>",
            ]
        ),
    ]
    rows.append(_medium_row(msg))
    if utilisation:
        rows.append(_utilisation_row(msg, limit))
    return Html(
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>"
    )


def _line(style: str) -> str:
    """A sample line drawn with characters (an HTML label has no strokes)."""
    text = {
        "fiber": "\u2500\u2500\u2500\u2500",
        "radio": "\u00b7 \u00b7 \u00b7 \u00b7",
        "wire": "\u2550\u2550\u2550\u2550",
    }[style]
    return f'<TD ALIGN="LEFT">{_text(text, COLOURS["link"])}</TD>'


def _medium_row(msg: Messages) -> str:
    cells = [f'<TD ALIGN="LEFT">{_text(msg("legend.medium"))}</TD>']
    for style, key in (("fiber", "fiber"), ("radio", "radio"), ("wire", "copper")):
        cells += [_line(style), _cell(msg(f"legend.medium.{key}"))]
    return _row(cells)


def _utilisation_row(msg: Messages, limit: float) -> str:
    light = light_bound(limit)
    samples = [
        (light / 2, msg("legend.util_low", limit=msg.percent(light))),
        ((limit + light) / 2, msg("legend.util_busy")),
        ((limit + 1) / 2, msg("legend.util_over", limit=msg.percent(limit))),
        (1.5, msg("legend.util_full")),
    ]
    cells = []
    for value, text in samples:
        cells += [_bar(utilisation_colour(value, limit), 3), _cell(text)]
    return _row(cells)
