"""DOT text: quoting, attribute lists and deterministic node ids.

Everything a user wrote (names, ids, products) reaches Graphviz through
:func:`quote`, so no inventory text can end a string, open a subgraph, start
an escape sequence (``\\N``, ``\\l``) or turn a label into an HTML label
(those are ``<...>`` *without* quotes; a quoted string never is one).

Node ids are :class:`Slugs`: ASCII, prefixed by kind (so they never collide
with a DOT keyword or start with a digit) and assigned in a fixed order, so
the same inventory always gives the same DOT text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["Html", "Slugs", "attr_list", "escape", "html_text", "quote", "slugify"]

# Graphviz reads character entities (&amp;, &#60;) even in plain labels:
# escaping '&' keeps a name like "A &amp; B" as written.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "&": "&amp;"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRANSLIT = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss"})


def escape(text: str) -> str:
    """The body of a quoted DOT string that displays ``text`` literally."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(_ESCAPES.get(c, c) for c in text)


def quote(text: str) -> str:
    """``text`` as a quoted DOT string (see :func:`escape`)."""
    return f'"{escape(text)}"'


class Html(str):
    """An HTML-like label planner wrote itself (the legend): written as
    ``<...>``, unquoted. Never wrap inventory text in it."""


def html_text(text: str) -> str:
    """``text`` as character data of an HTML-like label, on one line.

    Beyond XML escaping: Graphviz still reads escape sequences such as
    ``\\N`` in HTML-like labels (after decoding entities), so every
    backslash is doubled.
    """
    flat = " ".join(_CONTROL.sub("", text).split())
    return html.escape(flat).replace("\\", "\\\\")


def attr_list(attrs: Mapping[str, str | float | int | None]) -> str:
    """``[a="x", b=2]`` from a mapping; None values are left out, strings
    quoted (an :class:`Html` label goes in as ``<...>``)."""
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, Html):
            parts.append(f"{key}=<{value}>")
        elif isinstance(value, str):
            parts.append(f"{key}={quote(value)}")
        elif isinstance(value, float):
            parts.append(f"{key}={value:.2f}")
        else:
            parts.append(f"{key}={value}")
    return f" [{', '.join(parts)}]" if parts else ""


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and ``_``: ``Øvre Eiker`` ->
    ``ovre_eiker`` (the empty string becomes ``x``)."""
    ascii_ = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_") or "x"


class Slugs:
    """Unique DOT ids for ``(kind, id)`` pairs, assigned on first use.

    Different ids can share a slug (``a-b`` and ``a_b``, ``ø`` and ``o``);
    the later one gets ``_2``, ``_3``... Callers ask in a fixed order, so the
    assignment is the same on every run.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def __call__(self, kind: str, id_: str) -> str:
        key = (kind, id_)
        if key not in self._ids:
            base = f"{kind}_{slugify(id_)}"
            slug, n = base, 1
            while slug in self._taken:
                n += 1
                slug = f"{base}_{n}"
            self._taken.add(slug)
            self._ids[key] = slug
        return self._ids[key]

    def assign(self, kind: str, ids: Iterable[str]) -> None:
        """Assign slugs to ``ids`` in this order (for a stable numbering)."""
        for id_ in ids:
            self(kind, id_)
