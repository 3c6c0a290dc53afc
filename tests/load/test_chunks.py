"""The cut of an inventory at its municipalities, against the regular
expressions it was first written with (``^`` patterns, six to ten times
slower on a national inventory): on random texts made of the lines that
matter, both cut the same or both refuse."""

from __future__ import annotations

import random
import re

import pytest

from planner.load.chunks import Parts, split

_LINES = [
    "region: {id: r}",
    "municipalities:",
    "municipalities: # the members",
    "municipalities: []",
    "  municipalities:",
    "- id: a",
    "  - id: b",
    "-",
    "  -",
    "-\tid: c",
    "  x: 1",
    "    - y",
    "# a comment",
    "",
    "   ",
    "---",
    "...",
    "links: []",
    "--- x",
    "-x: 1",
    "  -x",
]


def _reference(text: str) -> tuple[str, list[tuple[int, int, int]]] | None:
    """``split`` as it was written with ``^`` patterns (the oracle)."""
    key_re = re.compile(r"^municipalities:[ \t]*(?:#.*)?\r?$", re.MULTILINE)
    if len(key_re.findall(text)) != 1 or re.search(
        r"^(?:---|\.\.\.)", text, re.MULTILINE
    ):
        return None
    key = key_re.search(text)
    assert key is not None
    start = text.find("\n", key.end())
    if start < 0:
        return None
    start += 1
    first = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE).search(text, start)
    if first is None:
        return None
    head = text[first.start() : first.start() + 200]
    indent = len(head) - len(head.lstrip(" "))
    if not re.match(r" *-(?:[ \t\r\n]|$)", head):
        return None
    end_at = re.compile(r"^[^\s#-]" if indent == 0 else r"^[^\s#]", re.MULTILINE)
    stop = end_at.search(text, first.start())
    end = stop.start() if stop else len(text)
    item = re.compile(rf"^ {{{indent}}}-(?=[ \t\r]|$)", re.MULTILINE)
    starts = [m.start() for m in item.finditer(text, first.start(), end)]
    if not starts or starts[0] != first.start():
        return None
    spans = []
    line_no = text.count("\n", 0, starts[0]) + 1
    for a, b in zip(starts, [*starts[1:], end], strict=True):
        spans.append((a, b, line_no))
        line_no += text.count("\n", a, b)
    blank = "\n" * text.count("\n", start, end)
    return text[:start] + blank + text[end:], spans


def _shape(parts: Parts | None) -> tuple[str, list[tuple[int, int, int]]] | None:
    return None if parts is None else (parts.skeleton, parts.spans)


@pytest.mark.parametrize("seed", range(40))
def test_the_cut_is_the_reference_cut(seed: int) -> None:
    rng = random.Random(seed)
    cut = 0
    for _ in range(250):
        lines = [rng.choice(_LINES) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.7:  # most texts have the list, to cut something
            at = rng.randint(0, len(lines))
            lines[at:at] = ["municipalities:", rng.choice(["- id: a", "  - id: a"])]
        text = "\n".join(lines) + rng.choice(["\n", "", "\r\n"])
        expected = _reference(text)
        assert _shape(split(text)) == expected, text
        cut += expected is not None
    assert cut > 20  # the cases exercise the cut, not only the refusals
