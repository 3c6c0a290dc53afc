"""Plan warnings rebuilt from their kind and fields in each language."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from planner.models.notice import Notice
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names
from planner.render.report.notice_text import say_notices
from planner.render.report.package_text import PackageWords

WORDS = PackageWords(
    Names({"kb": "Kongsberg"}, {"a": "A rådhus", "b": "B skole"}, {"hr": "Personal"}),
    {"a-b": ("a", "b")},
    {},
    {},
    {},
    (),
    (),
)
LABELS = {"dc": "Felles driftssenter", "x": "Extranett"}


def _doc(*details: dict[str, Any]) -> list[str]:
    """The planner's warnings: its English text with kind and fields."""
    return [
        Notice(f"english {i}", d["kind"], **d["fields"])
        if d["kind"] is not None
        else f"english {i}"
        for i, d in enumerate(details)
    ]


def test_each_kind_in_bokmal() -> None:
    doc = _doc(
        {
            "kind": "package_alone",
            "fields": {
                "package": "dc",
                "period": "2008H2",
                "caps": [
                    {"cap": "investment", "amount": 3500000, "limit": 3000000},
                    {"cap": "staff", "amount": 2.0, "limit": 1.5},
                ],
            },
        },
        {
            "kind": "deadline_missed",
            "fields": {"package": "x", "period": "2007H2", "deadline": "2007H1"},
        },
        {
            "kind": "phase_over_cap",
            "fields": {
                "period": "2009H1",
                "cap": "staff",
                "amount": 2.65,
                "over": 1.15,
                "limit": 1.5,
            },
        },
        {"kind": "link_no_tier", "fields": {"link": "a-b", "bandwidth": 20000.0}},
        {
            "kind": "coverage_no_package",
            "fields": {"service": "hr", "municipality": "kb"},
        },
        {
            "kind": "package_takes_over",
            "fields": {"package": "x", "packages": ["dc"], "amount": Decimal(30000)},
        },
    )
    nb = say_notices(doc, LABELS, WORDS, Messages("nb"), "NOK")
    assert nb == [
        "Felles driftssenter er større enn én fase tillater (investering "
        "3\u00a0500\u00a0000\u00a0kr, mer enn taket på 3\u00a0000\u00a0000\u00a0kr; "
        "arbeidsinnsats 2 årsverk, mer enn taket på 1,5 årsverk) og er lagt alene "
        "i 2. halvår 2008",
        "Extranett blir ferdig i 2. halvår 2007, etter fristen 1. halvår 2007",
        "1. halvår 2009: arbeidsinnsats 2,65 årsverk er 1,15 årsverk over taket "
        "på 1,5 årsverk",
        "Samband A rådhus–B skole: ingen kapasitetsklasse når 20\u00a0Gbit/s; "
        "priset til 0",
        "Personal i Kongsberg: ingen annen kommune bruker tjenesten, så ingen "
        "arbeidspakke er laget; skriv en selv",
        "Extranett tar over de genererte Felles driftssenter; kostnaden deres, "
        "30\u00a0000\u00a0kr, er ikke regnet med",
    ]


def test_english_names_instead_of_ids() -> None:
    doc = _doc(
        {
            "kind": "deadline_missed",
            "fields": {"package": "x", "period": "2007H2", "deadline": "2007H1"},
        }
    )
    assert say_notices(doc, LABELS, WORDS, Messages("en"), "NOK") == [
        "Extranett finishes in 2007 H2, after its deadline 2007 H1"
    ]


def test_unknown_kinds_keep_the_planners_text() -> None:
    doc = _doc(
        {"kind": None, "fields": {}},
        {"kind": "from-a-later-version", "fields": {"x": 1}},
        {"kind": "deadline_missed", "fields": {"package": "x"}},  # a field missing
    )
    nb = Messages("nb")
    assert say_notices(doc, LABELS, WORDS, nb, "NOK") == [
        "english 0",
        "english 1",
        "english 2",
    ]


def _said(warnings: list[str], lang: str) -> list[str]:
    from planner.render.report.notice_text import say_notices

    return say_notices(warnings, LABELS, WORDS, Messages(lang), "NOK")


def test_design_and_projection_notices_from_the_planner() -> None:
    """The notices the design, the projection and the follow-up make, as
    they make them (not hand-built fields), in bokmål and nynorsk."""
    from planner.models.notice import Notice
    from planner.planning.followup import _forecast_notice
    from planner.planning.network import _warnings

    design = Notice("x", "candidate_left_out", candidate="a-c", site="b")
    unresolved = Notice(
        "every path ...",
        "bottleneck",
        site="b",
        network="access",
        links=["a-b"],
    )

    result = SimpleNamespace(
        warnings=(design,),
        unresolved=(
            SimpleNamespace(
                gap=SimpleNamespace(subject="b", cls="access"), why=unresolved
            ),
        ),
        optimal=False,
        bound=Decimal("1200000"),
    )
    notes = list(_warnings(result))  # type: ignore[arg-type]
    late = Notice(
        "work package x finishes in 2008H1, after its deadline 2007H2",
        "deadline_missed",
        package="x",
        period="2008H1",
        deadline="2007H2",
    )
    notes.append(_forecast_notice(late))
    nb = _said(notes, "nb")
    assert nb == [
        "Nettverksdesign: kandidatsambandet a-c er utelatt, fordi B skole ikke er "
        "en aktiv lokasjon",
        "B skole (aksessnett): ingen kandidatsamband lukker avviket; alle veier til "
        "rådhuset går gjennom A rådhus–B skole, og ingen kandidatsamband går utenom",
        "Nettverksdesign: ikke bevist optimalt; det beste designet koster minst "
        "1\u00a0200\u00a0000\u00a0kr",
        "Prognose: Extranett blir ferdig i 1. halvår 2008, "
        "etter fristen 2. halvår 2007",
    ]
    assert _said(notes, "nn")[3] == (
        "Prognose: Extranett vert ferdig i 1. halvår 2008, etter fristen 2. halvår 2007"
    )
    assert str(notes[0]) == "network design: x"  # the planner's own text is kept


def test_projection_notes_in_bokmal() -> None:
    from planner.planning.projection import _dropped

    late = {2008: Decimal(500), 2010: Decimal(700)}
    dropped = _dropped(SimpleNamespace(), late, {}, 2007)  # type: ignore[arg-type]
    assert _said(list(dropped), "nb") == [
        "Framskrivingen til 2007 utelater etableringskostnader på 1\u00a0200\u00a0kr "
        "i 2008, 2010; sett until: 2010 eller senere for å regne det med"
    ]
    assert "leaves out establishment costs of" in dropped[0]
