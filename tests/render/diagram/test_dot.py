from __future__ import annotations

from planner.render.diagram.dot import (
    Html,
    Slugs,
    attr_list,
    escape,
    html_text,
    quote,
    slugify,
)


def test_escape_quotes_backslashes_newlines_and_entities() -> None:
    assert escape('a "b" \\N\nc & d') == 'a \\"b\\" \\\\N\\nc &amp; d'
    assert escape("x\r\ny\rz") == "x\\ny\\nz"
    assert escape("bell\x07") == "bell"


def test_quote_keeps_markup_a_plain_string() -> None:
    assert quote("<b>x</b> { }") == '"<b>x</b> { }"'


def test_attr_list_quotes_text_but_not_our_html() -> None:
    text = attr_list({"label": "<b>", "legend": Html("<B>x</B>"), "w": 1.5, "n": None})
    assert text == ' [label="<b>", legend=<<B>x</B>>, w=1.50]'
    assert attr_list({}) == ""


def test_slugify() -> None:
    assert slugify("Øvre Eiker rådhus") == "ovre_eiker_radhus"
    assert slugify("Ærø-Å.b") == "aero_a_b"
    assert slugify("!!!") == "x"


def test_slugs_are_unique_and_stable() -> None:
    slugs = Slugs()
    assert slugs("s", "a-b") == "s_a_b"
    assert slugs("s", "a_b") == "s_a_b_2"
    assert slugs("s", "a-b") == "s_a_b"
    assert slugs("m", "a-b") == "m_a_b"


def test_html_text_escapes_markup_and_backslashes() -> None:
    assert html_text('<b>"x" & \\N\nline') == "&lt;b&gt;&quot;x&quot; &amp; \\\\N line"
