"""A large inventory cut into its municipalities, each parsed on its own.

The parsed data of a YAML file takes about ten times the file in memory;
validated models, a few times more. Loaded whole, a 100 MB inventory needed
two gigabytes. Cut at the items of its top-level ``municipalities:`` list,
one municipality at a time is parsed, validated and dropped, so only the
text and the models stay (``planner.load.lean``).

The cut is made on the text: the list's items are the lines that start with
``-`` at the list's indentation. Whatever the cut cannot be sure of (no such
list, anything odd in or around it) makes :func:`split` give None, and a
chunk that does not parse makes the caller read the file whole: the cut
never changes what a file means, only how much of it is in memory at once.
The *skeleton* is the text with the items blanked to newlines, so line
numbers are kept; positions inside an item are found by composing that item
alone (:meth:`Parts.node`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

__all__ = ["Parts", "split"]

_KEY = re.compile(r"^municipalities:[ \t]*(?:#.*)?\r?$", re.MULTILINE)
_CONTENT = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE)
_CACHED = 16


@dataclass
class Parts:
    """The skeleton and each municipality item's ``(start, end, line)``:
    character offsets into the text and the 1-based line it starts on."""

    text: str
    skeleton: str
    spans: list[tuple[int, int, int]]
    outline: yaml.Node | None = field(default=None, repr=False)  # the skeleton's
    _nodes: dict[int, yaml.Node | None] = field(default_factory=dict, repr=False)

    def chunk(self, i: int) -> str:
        start, end, _ = self.spans[i]
        return self.text[start:end]

    def node(self, i: int) -> tuple[yaml.Node | None, int]:
        """Item ``i`` composed alone (None when it does not compose) and the
        number of lines above it."""
        if i not in self._nodes:
            if len(self._nodes) >= _CACHED:
                self._nodes.pop(next(iter(self._nodes)))
            self._nodes[i] = _item(self.chunk(i))
        return self._nodes[i], self.spans[i][2] - 1


def _item(chunk: str) -> yaml.Node | None:
    from planner.load.source import compose_item

    return compose_item(chunk)


def _lines(text: str, prefix: str, start: int = 0, end: int = -1) -> list[int]:
    """Where the lines of ``text[start:end]`` that begin with ``prefix``
    begin: what ``re.finditer("^" + prefix, re.MULTILINE)`` finds, by
    ``str.find``, which is a tenth of the time of a ``^`` pattern tried at
    every character of a national inventory (three scans were 0.2 s)."""
    end = len(text) if end < 0 else end
    found = (
        [start]
        if text.startswith(prefix, start, end)
        and (start == 0 or text[start - 1] == "\n")
        else []
    )
    needle = "\n" + prefix
    at = text.find(needle, start, end)
    while at >= 0:
        found.append(at + 1)
        at = text.find(needle, at + 1, end)
    return found


def split(text: str) -> Parts | None:
    """The items of the top-level ``municipalities:`` block list, or None
    when the text is not plainly of that shape."""
    keys = [at for at in _lines(text, "municipalities:") if _KEY.match(text, at)]
    if len(keys) != 1 or _lines(text, "---") or _lines(text, "..."):
        return None
    key = _KEY.match(text, keys[0])
    assert key is not None
    start = text.find("\n", key.end())
    if start < 0:
        return None
    start += 1
    first = _CONTENT.search(text, start)
    if first is None:
        return None
    head = text[first.start() : first.start() + 200]
    indent = len(head) - len(head.lstrip(" "))
    if not re.match(r" *-(?:[ \t\r\n]|$)", head):
        return None
    # The first line after the list's that starts at the left margin with
    # content (a line start is never tried at the first item's, whose first
    # character is a space or its dash). "\n" first: a "^" pattern is tried
    # at every character, six times slower on a national inventory.
    end_at = re.compile(r"\n[^\s#-]" if indent == 0 else r"\n[^\s#]")
    stop = end_at.search(text, first.start())
    end = stop.start() + 1 if stop else len(text)
    dash = " " * indent + "-"
    starts = [
        at
        for at in _lines(text, dash, first.start(), end)
        if at + len(dash) >= end or text[at + len(dash)] in " \t\r\n"
    ]
    if not starts or starts[0] != first.start():
        return None
    spans = []
    line_no = text.count("\n", 0, starts[0]) + 1
    for a, b in zip(starts, [*starts[1:], end], strict=True):
        spans.append((a, b, line_no))
        line_no += text.count("\n", a, b)
    blank = "\n" * text.count("\n", start, end)
    skeleton = text[:start] + blank + text[end:]
    return Parts(text, skeleton, spans)
