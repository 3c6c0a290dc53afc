from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.models.plan import PlanFile
from planner.models.planresult import MunicipalYear, Projection, ProjectionYear
from planner.render.report.html import ReportData, render_report
from tests.conftest import MINI
from tests.render.hostile import write_hostile
from tests.render.samples import BANDWIDTH, GANTT, PLAN

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
DIAGRAMS = {"current": SVG, "target": SVG, "gaps": SVG}


def _data(path: Path = MINI, **extra: object) -> ReportData:
    inventory = load_inventory(path).model
    target = default_target().model
    gaps = find_gaps(build_graph(inventory), target)
    return ReportData(inventory, target, gaps, DIAGRAMS, **extra)  # type: ignore[arg-type]


def _html(data: ReportData, lang: str = "nb") -> str:
    return render_report(data, lang=lang)["index.html"].decode("utf-8")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_files_of_a_report() -> None:
    files = render_report(_data())
    assert list(files) == [
        "current.svg",
        "gaps.json",
        "gaps.svg",
        "index.html",
        "plan.xlsx",
        "target.svg",
    ]
    assert files["gaps.json"].startswith(b'{\n  "datacenters"')
    assert files == render_report(_data())  # byte-identical


def test_report_in_bokmaal_by_default_and_in_english() -> None:
    nb, en = _html(_data()), _html(_data(), "en")
    assert (
        '<html lang="nb">' in nb and "Nøkkeltall" in nb and "Avvik fra målbildet" in nb
    )
    assert '<html lang="en">' in en and "Key figures" in en and "Nøkkeltall" not in en
    nn = _html(_data(), "nn")
    assert '<html lang="nn">' in nn and "Nøkkeltal" in nn and "Samandrag" in nn
    assert "11\u00a0000" in nb and "11,000" in en  # inhabitants


def test_report_is_self_contained() -> None:
    html = _html(_data())
    assert "http://" not in html and "https://" not in html
    assert "default-src 'none'" in html  # the page may fetch nothing
    assert '<img src="current.svg"' in html and "<style>" in html
    # One script, inline, and the CSP admits exactly it by its hash.
    assert html.count("<script") == 1 and "<script src" not in html
    body = html.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html


def test_gap_tables_in_the_readers_language() -> None:
    html = _html(_data())
    assert "Kapasitet" in html and "Nåbarhet" not in html
    assert "100\u00a0Mbit/s mellom Beta rådhus og Gamma kommunehus" in html
    assert "Gamma bibliotek (bibliotek) har ingen vei til et datasenter." in html


def test_missing_seams_leave_a_note() -> None:
    html = _html(_data())
    for note in ("Båndbreddeanalysen er ikke med", "Faseplanen er ikke med"):
        assert note in html


def test_bandwidth_section() -> None:
    html = _html(_data(bandwidth=BANDWIDTH), "en")
    assert "The bandwidth analysis is not part" not in html
    # Links by their ends' names, busiest first.
    busiest = html.index(">Beta rådhus–Gamma kommunehus</th>")
    assert busiest < html.index(">Alpha rådhus–Beta rådhus</th>")
    assert "85\u00a0%" in html
    assert "1 site is cut off by a single break:" in html
    cut = html[html.index('<table class="numbers sortable cut-off"') :]
    assert '<th scope="row" class="text">Gamma</th><td data-sort="1">1</td>' in cut
    assert '<td class="text list">Gamma kommunehus</td>' in cut


def test_plan_section_with_gantt_costs_and_shares() -> None:
    data = _data(plan=PLAN, gantt_svg=GANTT)
    files = render_report(data, lang="en")
    html = files["index.html"].decode()
    assert files["gantt.svg"] == GANTT.encode()
    assert '<a href="gantt.svg">' in html  # the chart whole, beside the page
    assert html.count('<div class="grow"') == 2  # the page's own chart, in HTML
    assert '<th scope="row">2009 Q3</th>' in html  # the phases in words
    assert html.index('<th scope="row">2009</th>') < html.index(
        '<th scope="row">2010</th>'
    )
    assert "NOK\u00a01,110,000" in html  # Alpha's share
    assert "&lt;b&gt;capacity&lt;/b&gt; gap" in html  # escaped
    assert "phase 2010Q2 is over the budget per phase" in html


def test_assumptions_show_the_target_and_the_plan_settings() -> None:
    settings = PlanFile.model_validate(
        {"start": "2009Q3", "cost_key": {"equal": 0.5, "population": 0.5}}
    )
    html = _html(_data(plan_settings=settings))
    assert "minst 1\u00a0Gbit/s, 2 uavhengige veier" in html
    assert "50\u00a0% likt, 50\u00a0% etter innbyggertall" in html
    assert "3. kvartal 2009" in html and "<td>halvår</td>" in html


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_hostile_names_are_text_in_html(tmp_path: Path, lang: str) -> None:
    html = _html(_data(write_hostile(tmp_path)), lang)
    parsed = _parse(html)
    assert parsed.tags.count("script") == 1 and "b" not in parsed.tags
    text = "".join(parsed.text)
    assert '"><script>alert(1)</script>{ } \\" \\\\ <b>x</b> &amp;' in text
    assert "&lt;script&gt;" in html


def _year(
    year: int,
    baseline: int,
    establishment: int,
    running: int,
    cooperation: int,
    cumulative: int,
    efficiency: str | None,
    staff: tuple[float, float],
) -> ProjectionYear:
    return ProjectionYear(
        year,
        Decimal(baseline),
        None if efficiency is None else Decimal(efficiency),
        Decimal(establishment),
        Decimal(cooperation),
        Decimal(baseline - cooperation),
        Decimal(cumulative),
        running=Decimal(running),
        staff_without=staff[0],
        staff_with=staff[1],
    )


def _muni(muni: str, year: int, without: int | None, with_: int) -> MunicipalYear:
    return MunicipalYear(
        muni, year, None if without is None else Decimal(without), Decimal(with_)
    )


_PROJECTED = replace(
    PLAN,
    projection=Projection(
        years=(
            _year(2009, 3000000, 850000, 0, 3850000, -850000, None, (9.0, 9.0)),
            _year(2010, 3300000, 1000000, 120000, 4090000, -1640000, "0.1",
                  (10.5, 8.0)),
        ),
        growth=Decimal("0.1"),
        break_even=2011,
    ),
    by_municipality=(
        _muni("alpha", 2009, 1000000, 1283333),
        _muni("alpha", 2010, 1100000, 1356667),
        _muni("gamma", 2009, None, 283333),
        _muni("gamma", 2010, None, 373333),
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "heading", "staff", "alpha", "gamma"),
    [
        ("nb", "Hver kommune med og uten samarbeid", "IT-årsverk uten",
         "1,00 / 1,28", "– / 0,37"),
        ("nn", "Kvar kommune med og utan samarbeid", "IT-årsverk utan",
         "1,00 / 1,28", "– / 0,37"),
        ("en", "Each municipality with and without cooperation",
         "IT staff without (FTE)", "1.10 / 1.36", "– / 0.28"),
    ],
)  # fmt: skip
def test_money_shows_each_municipality_and_the_staff_with_and_without(
    lang: str, heading: str, staff: str, alpha: str, gamma: str
) -> None:
    """Each municipality's cost without / with cooperation in millions (a
    municipality without a budget has none without), the IT staff (FTE)
    and the running costs as columns of the projection."""
    html = _html(_data(plan=_PROJECTED), lang)
    start = html.index('<section id="money">')
    money = html[start : html.index("</section>", start)]
    assert heading in money and staff in money
    assert f"<td>{alpha}</td>" in money and f"<td>{gamma}</td>" in money
    assert money.index('<th scope="row">Alpha</th>') < money.index(
        '<th scope="row">Gamma</th>'
    )
    assert ">10,5<" in money or ">10.5<" in money  # staff without, 2010
    assert ">8,0<" in money or ">8.0<" in money  # the cooperation's own staff
    running = {"nb": "Løpende kostnader", "nn": "Løpande kostnader"}
    assert running.get(lang, "Running costs") in money
    assert "Kapitalkostnader" not in money and "Capital costs" not in money
