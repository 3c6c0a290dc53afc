"""``planner report --compare``: the comparison section through the command
line, each figure the one ``planner compare`` gives, in the report's
language, with the scenarios' and municipalities' names."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.render.i18n import Messages
from tests.conftest import ROOT
from tests.render.tools import requires_dot

pytestmark = requires_dot

KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"
TARGET = ROOT / "topologies" / "kongsberg-target.yaml"
SCENARIOS = ROOT / "plans" / "scenarios" / "scenarios.yaml"


def _invoke(*args: object) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, bytes]:
    out = tmp_path_factory.mktemp("compare")
    result = _invoke("compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS)
    assert result.exit_code == 0, result.stderr
    result = _invoke(
        "compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS, "-o", out
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    return doc, (out / "compare.svg").read_bytes()


def _section(page: str) -> str:
    start = page.index('<section id="comparison">')
    return page[start : page.index("</section>", start)]


def _rows(section: str, table: int) -> dict[str, list[str]]:
    body = section.split("<tbody>")[table].split("</tbody>")[0]
    out = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body):
        label = html.unescape(re.findall(r"<th[^>]*>(.*?)</th>", row)[0])
        out[label] = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)]
    return out


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_section_shows_what_compare_gives(
    compared: tuple[Any, bytes], tmp_path: Path, lang: str
) -> None:
    doc, svg = compared
    out = tmp_path / "r"
    args = ("report", KONGSBERG, "-t", TARGET, "--lang", lang, "-o", out)
    result = _invoke(*args, "--compare", SCENARIOS)
    assert result.exit_code == 0, result.stderr
    msg = Messages(lang)
    page = (out / "index.html").read_text(encoding="utf-8")
    section = _section(page)
    assert 'href="#comparison"' in page
    assert msg("section.comparison") in section
    heads = re.findall(r'<th scope="col">(.*?)</th>', section)
    names = [s["name"] for s in doc["scenarios"]]
    assert heads == [msg("comparison.figure"), *names, msg("fig.municipality"), *names]
    figures = _rows(section, 1)
    for key, field in [
        ("investment", "investment"),
        ("total", "total"),
        ("contingency", "contingency"),
        ("per_year", "per_year"),
    ]:
        expected = [msg.money(s[field], "NOK") for s in doc["scenarios"]]
        assert figures[msg(f"comparison.{key}")] == expected
    assert figures[msg("comparison.finish")] == [
        msg.period(s["finish"]) for s in doc["scenarios"]
    ]
    assert figures[msg("comparison.break_even")] == [
        str(s["break_even"]) for s in doc["scenarios"]
    ]
    basis = msg("comparison.npv.projection")
    npv = figures[msg("comparison.npv", rate=msg.percent(0.04), basis=basis)]
    assert npv == [msg.money(s["npv"], "NOK") for s in doc["scenarios"]]
    # Shares by municipality name, not id.
    shares = _rows(section, 2)
    assert "Øvre Eiker" in shares and "øvre-eiker" not in shares
    first = doc["scenarios"][0]["shares"]
    kongsberg = next(x for x in first if x["municipality"] == "kongsberg")
    assert shares["Kongsberg"][0] == msg.money(kongsberg["total"], "NOK")
    # The chart beside the report is planner compare's.
    assert '<img src="compare.svg"' in section
    assert (out / "compare.svg").read_bytes() == svg
    assert json.loads((out / "compare.json").read_text(encoding="utf-8")) == doc


def test_without_compare_no_section(tmp_path: Path) -> None:
    out = tmp_path / "r"
    assert _invoke("report", KONGSBERG, "-t", TARGET, "-o", out).exit_code == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="comparison"' not in page and not (out / "compare.svg").exists()


def test_a_scenario_file_naming_a_missing_plan(tmp_path: Path) -> None:
    bad = tmp_path / "scenarios.yaml"
    bad.write_text(
        "schema: planner/scenarios/v1\nscenarios:\n  - name: A\n    plan: nope.yaml\n",
        encoding="utf-8",
    )
    result = _invoke(
        "report", KONGSBERG, "-t", TARGET, "--compare", bad, "-o", tmp_path / "r"
    )
    assert result.exit_code == 2
    assert f"{bad}:4:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r").exists()
