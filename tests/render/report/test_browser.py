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
    # 3 diagrams, the money chart, the Gantt chart in 3 pages and a map
    # after each of the 4 phases that change the network (1, 7, 8, 9)
    page = _open(tmp_path, f"kongsberg-plan-{lang}")
    _assert_clean(page, images=11)
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
