"""The report's workbook (plan.xlsx beside index.html): the full lists in
the report's language, the same bytes twice."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from openpyxl import load_workbook

from planner.commands.report import report
from tests.conftest import ROOT
from tests.render.tools import requires_dot

KONGSBERG = ROOT / "inventories/kongsberg.yaml"
TARGET = ROOT / "topologies/kongsberg-target.yaml"
PLAN = ROOT / "plans/kongsberg.yaml"


def _rows(data: bytes, sheet: str) -> list[tuple[Any, ...]]:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return list(wb[sheet].iter_rows(values_only=True))


@requires_dot
@pytest.mark.parametrize(
    ("lang", "gaps", "links", "packages", "high"),
    [
        ("nb", "Avvik", "Samband", "Arbeidspakker", "høy"),
        ("nn", "Avvik", "Samband", "Arbeidspakkar", "høg"),
        ("en", "Gaps", "Links", "Work packages", "high"),
    ],
)
def test_every_gap_link_and_package_in_the_language(
    lang: str, gaps: str, links: str, packages: str, high: str
) -> None:
    files = report(KONGSBERG, TARGET, PLAN, lang=lang)
    book = files["plan.xlsx"]
    assert book == report(KONGSBERG, TARGET, PLAN, lang=lang)["plan.xlsx"]
    found = json.loads(files["gaps.json"])["gaps"]
    rows = _rows(book, gaps)[1:]
    assert len(rows) == len(found)  # every gap, none cut off
    assert sorted(r[3] for r in rows) == sorted(g["subject"] for g in found)
    assert rows[0][0] == high  # worst first
    assert "Rollag" in {m for r in rows for m in str(r[4]).split(", ")}
    loads = json.loads(files["bandwidth.json"])["links"]
    link_rows = _rows(book, links)[1:]
    assert len(link_rows) == len(loads)
    assert "Kongsberg rådhus–Notodden rådhus" in {r[0] for r in link_rows}
    assert link_rows[0][4] == max(ln["utilisation"] or 0 for ln in loads)
    plan = json.loads(files["plan.json"])["work_packages"]
    assert len(_rows(book, packages)) == 1 + len(plan)
    page = files["index.html"].decode("utf-8")
    assert '<a href="plan.xlsx">' in page
    named = {r[1]: r[0] for r in _rows(book, packages)[1:]}
    assert "link-kongsberg-notodden" in named.values()  # the id beside the name
    upgrade = {"nb": "Oppgradere samband", "nn": "Oppgradere samband"}
    link = upgrade.get(lang, "Upgrade the link") + " Kongsberg rådhus–Notodden rådhus"
    assert any(n.startswith(link) for n in named)


@requires_dot
def test_without_a_plan_the_gaps_and_links() -> None:
    book = report(KONGSBERG, TARGET, None, lang="nb")["plan.xlsx"]
    assert load_workbook(io.BytesIO(book)).sheetnames == ["Avvik", "Samband"]
    names = {r[2] for r in _rows(book, "Avvik")[1:]}
    assert "Personal" in names and "hr" not in names  # names, not ids
