"""No English in a Norwegian report: every phrase of the English catalogue is
looked for in the visible text of the bokmål and nynorsk reports (the page
and the words of the charts and diagrams it shows), once the strings the
user wrote (names, hand-written work packages) are taken out."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from planner.commands.report import report
from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB
from planner.render.i18n.nn import NN
from tests.conftest import ROOT
from tests.render.tools import requires_dot

pytestmark = [requires_dot, pytest.mark.slow]

REGIONS = {
    "kongsberg": (
        ROOT / "inventories/kongsberg.yaml",
        ROOT / "topologies/kongsberg-target.yaml",
        ROOT / "plans/kongsberg.yaml",
    ),
    "melhus": (ROOT / "inventories/melhus.yaml", None, ROOT / "plans/melhus.yaml"),
}
_FIELD = re.compile(r"\{\w+\}")
_SPLIT = re.compile(r"[.,;:()«»\"'–\-/!?\u00a0]+|\s{2,}")


class _Visible(HTMLParser):
    """Text a reader sees: no script, style or comments; alt texts too. Ids
    in small print (``<small class="id">``) are the user's own words."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self._skip = 0
        self._ids = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "small" and ("class", "id") in attrs:
            self._ids += 1
            self._skip += 1
        for name, value in attrs:
            if name in ("alt", "placeholder", "aria-label") and value:
                self.text.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "small" and self._ids:
            self._ids -= 1
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _svg_text(svg: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", " ", t)
        for t in re.findall(r"<(?:text|title)[^>]*>(.*?)</(?:text|title)>", svg, re.S)
    ]


def english_phrases() -> set[str]:
    """Fragments of the English catalogue that no Norwegian one shares: two
    words or more, or one long word."""
    norwegian = " ".join([*NB.values(), *NN.values()]).casefold()
    found = set()
    for text in EN.values():
        for part in _SPLIT.split(_FIELD.sub("|", text).replace("|", ",")):
            part = " ".join(part.split()).casefold()
            words = part.split()
            if not words or not re.search(r"[a-z]", part):
                continue
            if (len(words) >= 2 or len(part) >= 8) and part not in norwegian:
                found.add(part)
    return found


def _user_strings(inventory: Path, plan: Path) -> list[str]:
    """What the user wrote that a report shows as written."""
    strings: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("name", "reason", "product", "vendor") and isinstance(
                    value, str
                ):
                    strings.append(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (inventory, plan):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(strings, key=len, reverse=True)


def visible_text(files: dict[str, bytes]) -> str:
    parser = _Visible()
    html = files["index.html"].decode("utf-8")
    parser.feed(html)
    parts = parser.text
    for src in re.findall(r'<img src="([^"]+)"', html):
        parts += _svg_text(files[src].decode("utf-8"))
    return " ".join(" ".join(parts).split())


def test_the_phrase_list_finds_english() -> None:
    phrases = english_phrases()
    assert {"key figures", "work packages", "the network today"} <= phrases
    assert "kapasitet" not in phrases and "gantt" not in phrases


@pytest.mark.parametrize("region", sorted(REGIONS))
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_english_leaks_into_a_norwegian_report(region: str, lang: str) -> None:
    inventory, target, plan = REGIONS[region]
    files = report(inventory, target, plan, lang=lang)
    text = visible_text(files)
    assert "arbeidspakk" in text.casefold()  # the plan is there
    for user in _user_strings(inventory, plan):
        text = text.replace(" ".join(user.split()), " ")
    text = text.casefold()
    leaks = sorted(
        p for p in english_phrases() if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)
    )
    assert leaks == []


def test_the_scan_would_catch_english(tmp_path: Path) -> None:
    inventory, target, plan = REGIONS["kongsberg"]
    text = visible_text(report(inventory, target, plan, lang="en")).casefold()
    assert "work packages" in text and "the network today" in text


def _plan_with_warnings(tmp_path: Path, strategy: str) -> Path:
    """Kongsberg's plan made to warn: the data centre bigger than a phase's
    budget (alone in its phase, or the phase over its cap under big bang)
    and the extranet due before it can be built."""
    doc = yaml.safe_load(REGIONS["kongsberg"][2].read_text(encoding="utf-8"))
    doc["strategy"] = strategy
    doc["budget_per_phase"] = {"investment": "3M"}
    doc["staff_per_phase"] = 1.5
    for wp in doc["work_packages"]:
        if wp["id"] == "extranet":
            wp["deadline"] = "2007H1"
    path = tmp_path / f"warning-{strategy}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("strategy", "english"),
    [
        ("evolution", ["after its deadline", "bigger than one phase allows"]),
        ("big-bang", ["after its deadline", "over the cap of"]),
    ],
)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_plan_warnings_are_in_the_report_language(
    tmp_path: Path, strategy: str, english: list[str], lang: str
) -> None:
    inventory, target, _ = REGIONS["kongsberg"]
    plan = _plan_with_warnings(tmp_path, strategy)
    en = visible_text(report(inventory, target, plan, lang="en"))
    assert all(e in en for e in english)  # the plan warns, in English in en
    text = visible_text(report(inventory, target, plan, lang=lang))
    late = r"Extranett mellom kommunene (blir|vert) ferdig i \S+ halvår \d+, etter"
    assert re.search(late + r" fristen 1\. halvår 2007", text)
    for user in _user_strings(inventory, plan):
        text = text.replace(" ".join(user.split()), " ")
    text = text.casefold()
    leaks = sorted(
        p for p in english_phrases() if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)
    )
    assert leaks == []


@pytest.mark.parametrize(("lang", "word"), [("nb", "Avhenger av"), ("nn", "Avheng av")])
def test_dependencies_are_listed_by_name(lang: str, word: str) -> None:
    """The Gantt bar's tooltip and the package table name what each package
    waits for (the data centre waits for the extranet)."""
    files = report(*REGIONS["kongsberg"], lang=lang)
    gantt = files["gantt.svg"].decode("utf-8")
    tip = re.search(r"<title>Felles driftssenter[^<]*</title>", gantt)
    assert tip is not None and f"\n{word} Extranett mellom kommunene</title>" in tip[0]
    html = files["index.html"].decode("utf-8")
    row = re.search(r"<tr>\s*<th[^>]*>Felles driftssenter.*?</tr>", html, re.S)
    assert (
        row is not None
        and '<td class="text deps">Extranett mellom kommunene</td>' in row[0]
    )
    assert f">{word}</th>" in html


def _plan_with_notes(tmp_path: Path) -> tuple[Path, Path]:
    """Kongsberg with the design target made to warn (every site wants a
    second access path, which no candidate link gives) and the plan made to
    note: a package overriding a generated one, one extending a generated
    one, a projection that ends before the plan's costs do."""
    target = yaml.safe_load(
        (ROOT / "topologies/kongsberg-design.yaml").read_text(encoding="utf-8")
    )
    target["network"]["access"]["redundancy"] = 2
    doc = yaml.safe_load(REGIONS["kongsberg"][2].read_text(encoding="utf-8"))
    doc["projection"]["until"] = 2007
    doc["work_packages"] += [
        {"id": "harmonise-gis", "name": "Felles kartløsning"},
        {
            "id": "kontor-trinn-to",
            "name": "Kontorstøtte",
            "extends": "harmonise-office",
        },
    ]
    paths = tmp_path / "target.yaml", tmp_path / "plan.yaml"
    for path, data in zip(paths, (target, doc), strict=True):
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return paths


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_design_override_and_projection_notes_in_the_report_language(
    tmp_path: Path, lang: str
) -> None:
    inventory = REGIONS["kongsberg"][0]
    target, plan = _plan_with_notes(tmp_path)
    files = report(inventory, target, plan, lang=lang)
    doc = json.loads(files["plan.json"])
    kinds = {d["kind"] for d in doc["warning_details"]}
    assert {"override_keeps", "package_extends", "projection_leaves_out"} <= kinds
    assert "design_unresolved" in kinds
    assert any(p["id"].startswith("build-") for p in doc["work_packages"])
    text = visible_text(files)
    for english in doc["warnings"]:  # the planner's own sentences are not shown
        assert english not in text
    for user in _user_strings(inventory, plan):
        text = text.replace(" ".join(user.split()), " ")
    folded = text.casefold()
    leaks = sorted(
        p
        for p in english_phrases()
        if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded)
    )
    assert leaks == []
    for english in ("overrides the generated", "leaves out", "build link", "keeps its"):
        assert english not in folded
    assert "kandidatsamband" in text and "until: 2010" in text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_english_in_the_region_vest_report(tmp_path: Path, lang: str) -> None:
    """The issue's four-municipality case (three of them write nynorsk)."""
    from tests.render.report.vest import write_vest

    inventory, target, plan = write_vest(tmp_path)
    text = visible_text(report(inventory, target, plan, lang=lang))
    assert "Arkiv/sak/dokument (ePhorte for alle)" in text  # names, not ids
    for user in _user_strings(inventory, plan):
        text = text.replace(" ".join(user.split()), " ")
    folded = text.casefold()
    leaks = sorted(
        p
        for p in english_phrases()
        if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded)
    )
    assert leaks == []
