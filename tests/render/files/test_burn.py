"""The burn chart and the follow-up page, on the mini scenario of
tests/commands/test_progress.py (at 2025H1, only the school link done)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from planner.commands.progress import progress
from planner.render.files.burn import burn_chart, burn_series
from planner.render.report.progress_page import progress_files
from planner.units import Period
from tests.commands.test_progress import PLAN, _now
from tests.conftest import MINI

LABELS = {"title": "T", "planned": "P", "forecast": "F", "actual": "A", "as_of": "N"}


def _progress(tmp: Path, *, actuals: Path | None = None) -> object:
    (tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return progress(MINI, None, tmp / "plan.yaml", now=_now(tmp), actuals=actuals)


def test_burn_series_by_hand(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(
        "item,year,budget,actual\nlink-alpha-skole-link,2024,50000,61000\n"
        "licences,2024,1,2\n",
        encoding="utf-8",
    )
    p = _progress(tmp_path, actuals=csv)
    phases, planned, forecast, actual = burn_series(p)  # type: ignore[arg-type]
    assert [str(x) for x in phases] == ["2024H2", "2025H1", "2025H2", "2026H1"]
    k = Decimal(1000)
    # Planned: 300k in 2024H2 (links 50k + 250k), moves 235k and HR
    # introduced in beta 4.5k, harmonise 210k.
    assert planned == [300 * k, 539_500, 749_500, 749_500]
    # Forecast: the school link where planned (50k); the beta-gamma link and
    # the data centre in 2025H1 (250k), moves in 2025H2, the rest in 2026H1.
    assert forecast == [50 * k, 300 * k, 539_500, 749_500]
    assert actual == {2024: Decimal(61000)}  # work packages only
    svg = burn_chart(p, LABELS)  # type: ignore[arg-type]
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 1
    assert svg == burn_chart(_progress(tmp_path, actuals=csv), LABELS)  # type: ignore[arg-type]


def test_page_in_both_languages(tmp_path: Path) -> None:
    p = _progress(tmp_path)
    files = progress_files(p, "Mini", {"datacenter": "Datasenter <DC>"}, lang="nb")  # type: ignore[arg-type]
    assert sorted(files) == ["burn.svg", "progress.html", "progress.json"]
    html = files["progress.html"].decode()
    assert (
        "Status per 1. halvår 2025: 1 ferdige, 2 forsinket, 5 skal pågå nå, 4 planlagt."
        in html
    )
    assert "Datasenter &lt;DC&gt;" in html  # names escaped
    assert json.loads(files["progress.json"])["schema"] == "planner/progress/v1"
    en = progress_files(p, "Mini", {}, lang="en")["progress.html"].decode()  # type: ignore[arg-type]
    assert "Status at 2025 H1: 1 done, 2 late, 5 due, 4 planned." in en
    assert Period.parse("2025H1") == p.as_of  # type: ignore[attr-defined]


def test_report_with_progress(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    now = _now(tmp_path)
    args = [
        "report",
        str(MINI),
        "-p",
        str(tmp_path / "plan.yaml"),
        "-o",
        str(tmp_path / "r"),
    ]
    result = CliRunner().invoke(cli, [*args, "--progress", str(now), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "r"
    assert (folder / "progress.html").exists() and (folder / "burn.svg").exists()
    assert 'href="progress.html"' in (folder / "index.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["report", str(MINI), "-o", str(tmp_path / "s"), "--progress", str(now)]
    )
    assert result.exit_code == 2
    assert "--progress needs --plan" in result.stderr
    result = CliRunner().invoke(cli, [*args, "--as-of", "2025H1"])
    assert result.exit_code == 2 and "go with --progress" in result.stderr
