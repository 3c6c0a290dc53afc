"""``planner report --pdf``: a real PDF from headless Chromium, A4, at most
20 pages for Kongsberg, the same bytes twice, its first page rendered to a
PNG by poppler's pdftoppm (make test installs both)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.render.report.pdf import FIXED_DATE, fix_dates, fix_ids
from tests.conftest import ROOT
from tests.render.tools import requires_chromium, requires_dot

KONGSBERG = [
    ROOT / "inventories/kongsberg.yaml",
    "-t",
    ROOT / "topologies/kongsberg-target.yaml",
    "-p",
    ROOT / "plans/kongsberg.yaml",
]
requires_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="poppler-utils is not installed (make poppler)",
)


def test_fix_dates_keeps_the_length() -> None:
    pdf = (
        b"<</CreationDate (D:20261201221547+00'00')\n"
        b"/ModDate (D:20261201221547+00'00')>>"
    )
    fixed = fix_dates(pdf)
    assert len(fixed) == len(pdf) and fixed.count(FIXED_DATE) == 2
    assert b"2026" not in fixed


def test_fix_ids_renumbers_consistently() -> None:
    pdf = b"/ID (node00000077) /Headers [(node00000077) (node00000012)]"
    assert (
        fix_ids(pdf) == b"/ID (node00000001) /Headers [(node00000001) (node00000002)]"
    )


def _report(folder: Path, lang: str) -> bytes:
    args = ["report", *KONGSBERG, "--lang", lang, "--pdf", "-o", folder]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return (folder / "report.pdf").read_bytes()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@requires_dot
@requires_chromium
@requires_poppler
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_kongsberg_prints_to_a_reproducible_a4_pdf(tmp_path: Path, lang: str) -> None:
    first = _report(tmp_path / "a", lang)
    assert first.startswith(b"%PDF") and _report(tmp_path / "b", lang) == first
    assert 10 <= _pages(first) <= 20
    assert b"file://" not in first  # no path of the machine that printed it
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", first)
    assert boxes and all(  # A4: 595 x 842 points
        abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes
    )
    # The first page as a picture: poppler reads the PDF Chromium wrote.
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            tmp_path / "a" / "report.pdf",
            tmp_path / "page",
        ],
        check=True,
    )
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01  # an A4 page
    text = subprocess.run(
        ["pdftotext", "-l", "1", tmp_path / "a" / "report.pdf", "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    assert {"nb": "Sammendrag", "nn": "Samandrag", "en": "Summary"}[lang] in text
    assert f"1 / {_pages(first)}" in text  # page numbers


def _pdfinfo_pages(pdf: Path) -> int:
    """The page count as poppler's pdfinfo reads it (not our own regex)."""
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout
    found = re.search(rb"^Pages:\s+(\d+)", out, re.M)
    assert found is not None
    return int(found[1])


@requires_dot
@requires_chromium
@requires_poppler
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_region_vest_and_kongsberg_print_to_at_most_20_pages(
    tmp_path: Path, lang: str
) -> None:
    """The issue's Region Vest-like case (four municipalities, its
    priorities and deadlines, its 0-alternative; tests/render/report/vest.py)
    and Kongsberg, each with its plan: at most 20 A4 pages by pdfinfo."""
    from tests.render.report.vest import write_vest

    inventory, target, plan = write_vest(tmp_path / "vest")
    cases = {
        "vest": [inventory, "-t", target, "-p", plan],
        "kongsberg": KONGSBERG,
    }
    for name, inputs in cases.items():
        folder = tmp_path / name
        args = ["report", *inputs, "--lang", lang, "--pdf", "-o", folder]
        result = CliRunner().invoke(cli, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        pages = _pdfinfo_pages(folder / "report.pdf")
        assert 8 <= pages <= 20, (name, pages)
        doc = (folder / "plan.json").read_text(encoding="utf-8")
        assert '"work_packages"' in doc  # the plan is in the report


_WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def _word_heights(pdf: Path, word: str, page_has: str) -> list[float]:
    """The heights (points) of ``word`` as poppler's pdftotext places it,
    on the pages whose text holds ``page_has``."""
    out = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True
    ).stdout.decode()
    heights = []
    for page in out.split("<page ")[1:]:
        words = _WORD.findall(page)
        text = " ".join(w for _, _, w in words)
        if page_has in text:
            heights += [float(b) - float(a) for a, b, w in words if w == word]
    return heights


@requires_dot
@requires_chromium
@requires_poppler
@pytest.mark.slow
def test_a_200_site_municipality_prints_legibly(tmp_path: Path) -> None:
    """The D-IKT-sized region (Drammen: 202 sites behind 8 hubs): every
    one of its 193 schools is printed in its hub's map at 8 points (a word's
    box in the PDF some 8.9 points tall; the whole tree on one page put them
    at under 2), at least the 6 points the issue asks for."""
    from tests.render.diagram.region import write_region

    inventory = write_region(tmp_path / "dikt.yaml")
    folder = tmp_path / "r"
    args = ["report", inventory, "--lang", "nb", "--pdf", "-o", folder]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    heights = _word_heights(folder / "report.pdf", "Skole", "lokasjonene bak")
    assert len(heights) >= 193
    assert min(heights) >= 6.0 * 1.1  # a box is about 1.1 times the type size
