"""XML text escaped as the standard library escapes it."""

from __future__ import annotations

from xml.sax.saxutils import escape as standard

import pytest

from planner.render.files.xmltext import escape


@pytest.mark.parametrize(
    "text", ["", "plain", "a & b < c > d", "&amp;", "\"quoted\" 'too'", "ø – \x07"]
)
def test_the_same_as_saxutils(text: str) -> None:
    assert escape(text) == standard(text)
