"""Inventory text reaches Graphviz as plain text, never as syntax."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.diagram.diagrams import diagram_dot
from planner.render.diagram.draw import draw
from planner.render.diagram.views import select_view
from tests.render.hostile import write_hostile
from tests.render.tools import requires_dot


@requires_dot
@pytest.mark.parametrize("fold", [False, True])
@pytest.mark.parametrize("view", ["current", "gaps", "target"])
def test_hostile_names_draw_as_text(tmp_path: Path, view: str, fold: bool) -> None:
    G = build_graph(load_inventory(write_hostile(tmp_path)).model)
    report = find_gaps(G, default_target().model)
    dot = diagram_dot(G, select_view(report, view), fold=fold)
    svg = draw(dot, "svg").decode("utf-8")  # Graphviz parses it
    assert "<script" not in svg and "<b>" not in svg
    # the label shows what the user wrote, escaped once for SVG
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;{ } \\&quot; \\\\ &lt;b&gt;"
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any(escaped in t for t in texts[1:])  # a node
    assert escaped in texts[0]  # the legend's title (an HTML-like label)
    assert "&amp;amp;" in svg  # '&amp;' written by the user stays literal
    assert "\\N \\l" in svg  # no Graphviz escape sequence came alive
    assert any(t.startswith("line two") for t in texts)  # the newline breaks a line
