"""The report's system overview section, on tests/data/mini.yaml."""

from __future__ import annotations

import re
from pathlib import Path

from planner.analyses.matrix import service_matrix
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.models.matrix import Matrix
from planner.render.report.html import render_report
from tests.conftest import MINI
from tests.render.hostile import write_hostile
from tests.render.report.test_html import _data


def _doc(path: Path = MINI) -> Matrix:
    G = build_graph(load_inventory(path).model)
    return service_matrix(G, default_target().model)


def _section(html: str) -> str:
    start = html.index('<section id="systems">')
    return html[start : html.index("</section>", start)]


def test_systems_section_marks_the_odd_ones_out() -> None:
    html = render_report(_data(matrix=_doc()), lang="en")["index.html"].decode()
    section = _section(html)
    assert "<h2>System overview</h2>" in section
    # Six services down (docs: case-archive ... payroll), three municipalities across.
    assert section.count("<tr>") == 1 + 6
    assert '<th scope="col">Alpha</th>' in section
    # Beta's GroupWise is not the standard MS Exchange: marked odd.
    assert '<span class="odd">GroupWise (60)</span>' in section
    assert '<span class="standard">MS Exchange (100)</span>' in section
    # Beta has no HR system: an empty cell.
    hr = re.search(r"<th scope=\"row\">Personal</th>(.*?)</tr>", section, re.DOTALL)
    assert hr is not None and hr.group(1).count("–") == 1


def test_systems_section_without_a_document() -> None:
    html = render_report(_data(), lang="nb")["index.html"].decode()
    assert "Ingen systemoversikt i denne rapporten." in _section(html)


def test_systems_section_escapes_names(tmp_path: Path) -> None:
    path = write_hostile(tmp_path)
    html = render_report(_data(path, matrix=_doc(path)))["index.html"].decode()
    assert "<script>" not in _section(html)
