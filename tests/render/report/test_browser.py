"""The report in a real browser: headless Chromium opens index.html from
disk at 1280 px and the page must load cleanly, show every image, fit the
width on screen and in print, and print to PDF.

Set PLANNER_SCREENSHOTS to a folder to keep the screenshots for a look."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.commands.report import report, write_report
from tests.conftest import ROOT
from tests.render.chromium import PageReport, inspect_page
from tests.render.hostile import write_hostile
from tests.render.tools import CHROMIUM, requires_chromium, requires_dot

pytestmark = [requires_dot, requires_chromium, pytest.mark.slow]

KONGSBERG = ROOT / "inventories/kongsberg.yaml"
KONGSBERG_TARGET = ROOT / "topologies/kongsberg-target.yaml"
KONGSBERG_PLAN = ROOT / "plans/kongsberg.yaml"
SCENARIOS = ROOT / "plans/scenarios/scenarios.yaml"


def _open(folder: Path, name: str) -> PageReport:
    assert CHROMIUM is not None
    page = inspect_page(CHROMIUM, folder / "index.html")
    keep = os.environ.get("PLANNER_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{name}.png").write_bytes(page.screenshot)
        (Path(keep) / f"{name}.pdf").write_bytes(page.pdf)
    return page


def _assert_clean(page: PageReport, images: int) -> None:
    assert page.console_errors == []
    assert len(page.checks["images"]) == images
    for img in page.checks["images"]:
        assert img["complete"] and img["width"] > 0, img["src"]
    assert page.checks["scrollWidth"] <= 1280  # nothing overflows sideways
    assert page.print_checks["scrollWidth"] <= 700  # nor on an A4 page
    assert page.screenshot.startswith(b"\x89PNG")
    assert page.pdf.startswith(b"%PDF")


TITLES = {
    "nb": "Harmonisering av IKT",
    "nn": "Harmonisering av IKT",
    "en": "IT harmonisation",
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_kongsberg_report_in_the_browser(tmp_path: Path, lang: str) -> None:
    files = report(KONGSBERG, KONGSBERG_TARGET, None, lang=lang)
    write_report(files, tmp_path, [])
    page = _open(tmp_path, f"kongsberg-{lang}")
    _assert_clean(page, images=3)
    assert page.checks["title"].startswith(TITLES[lang])


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_with_bandwidth_and_plan(tmp_path: Path, lang: str) -> None:
    files = report(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN, lang=lang)
    write_report(files, tmp_path, [])
    # 3 diagrams, the money chart and a map after each of the 4 phases that
    # change the network (1, 7, 8, 9); the Gantt chart is HTML
    page = _open(tmp_path, f"kongsberg-plan-{lang}")
    _assert_clean(page, images=8)
    assert page.checks["gantt"]["rows"] == 77 == page.checks["gantt"]["shown"]
    assert page.checks["lang"] == lang
    # The inline script ran (the CSP admits it): the filters are shown.
    assert page.checks["filters"] >= 3


def test_with_a_comparison(tmp_path: Path) -> None:
    files = report(KONGSBERG, KONGSBERG_TARGET, None, lang="nn", compare=SCENARIOS)
    write_report(files, tmp_path, [])
    # 3 diagrams and the comparison chart
    page = _open(tmp_path, "kongsberg-compare-nn")
    _assert_clean(page, images=4)
    assert any(i["src"].endswith("compare.svg") for i in page.checks["images"])


def test_hostile_names_run_nothing(tmp_path: Path) -> None:
    files = report(write_hostile(tmp_path), None, None)
    write_report(files, tmp_path / "out", [])
    _assert_clean(_open(tmp_path / "out", "hostile"), images=3)


def test_the_checks_catch_a_broken_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><body><img src="missing.svg">'
        '<div style="width:3000px">wide</div>'
        "<script>console.error('boom')</script></body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None
    page = inspect_page(CHROMIUM, tmp_path / "index.html")
    assert any("boom" in e for e in page.console_errors)
    assert any("missing.svg" in e for e in page.console_errors)
    assert not page.checks["images"][0]["width"]
    assert page.checks["scrollWidth"] > 1280


def test_a_gantt_chart_of_150_packages(tmp_path: Path) -> None:
    """A D-IKT-sized plan (Kongsberg's with 75 more packages, chained, some
    late): every row on screen and in print, the print text at 7 pt or
    more, and groups folded on screen still printed."""
    from tests.render.report.test_gantt_html import big_plan

    files = report(KONGSBERG, KONGSBERG_TARGET, big_plan(tmp_path), lang="nb")
    write_report(files, tmp_path / "r", [])
    page = _open(tmp_path / "r", "gantt-150-nb")
    _assert_clean(page, images=files["index.html"].count(b"<img src="))
    gantt, printed = page.checks["gantt"], page.print_checks["gantt"]
    assert gantt["rows"] == 152 == gantt["shown"] == printed["shown"]
    assert printed["minFontPx"] >= 7 * 96 / 72 - 0.01  # 7 pt
    assert gantt["minFontPx"] >= 10
    index = tmp_path / "r" / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace("<details open", "<details"),
        encoding="utf-8",
    )
    folded = _open(tmp_path / "r", "gantt-150-folded-nb")
    assert folded.console_errors == []
    assert folded.checks["gantt"]["shown"] == 0  # every group folded on screen
    assert folded.print_checks["gantt"]["shown"] == 152  # and printed whole


def test_rows_the_pdf_leaves_out_are_on_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table longer than the PDF prints keeps the rest in inert
    ``<template>`` s: on screen the script puts every row in its table
    (sortable, filterable); opened as ``--pdf`` opens it, they stay out
    (Chromium neither styles nor lays them out). 10 rows printed here
    (400 in a report) to make Kongsberg's tables long."""
    import planner.render.report.risks as risks
    import planner.render.report.sections as sections

    monkeypatch.setattr(risks, "PRINT_ROWS", 10)
    monkeypatch.setattr(sections, "PRINT_ROWS", 10)
    files = report(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN, lang="nb")
    write_report(files, tmp_path, [])
    html = files["index.html"].decode("utf-8")
    rows = html.count('<tr class="unprinted">')
    assert rows > 100 and '<template class="unprinted">' in html
    assert CHROMIUM is not None
    screen = inspect_page(CHROMIUM, tmp_path / "index.html")
    assert screen.console_errors == [] and screen.checks["templates"] == 0
    printed = inspect_page(CHROMIUM, tmp_path / "index.html", query="?print")
    assert printed.checks["templates"] > 0
    assert screen.checks["tableRows"] - printed.checks["tableRows"] == rows
