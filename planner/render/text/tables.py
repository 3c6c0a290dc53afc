"""Plain-text and Markdown tables, shared by every command's output."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["markdown_table", "text_table", "wrap"]


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Greedy word wrap with the same result as textwrap for plain prose, but
    several times faster on the thousands of gap details of a national run.
    A word longer than the line stands alone on its line."""
    lines: list[str] = []
    words: list[str] = []
    used = len(indent)
    for word in text.split():
        if words and used + 1 + len(word) > width:
            lines.append(indent + " ".join(words))
            words, used = [], len(indent)
        used += len(word) + (1 if words else 0)
        words.append(word)
    if words:
        lines.append(indent + " ".join(words))
    return lines


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int = 100,
    indent: str = "  ",
    align: str = "",
) -> list[str]:
    """Aligned columns; the last column wraps to fit ``width``.

    ``align`` has one letter per column, ``l`` or ``r`` (default left).
    """
    cols = len(headers)
    align = align.ljust(cols, "l")
    widths = [max([len(headers[i])] + [len(r[i]) for r in rows]) for i in range(cols)]
    fixed = sum(widths[:-1]) + 2 * (cols - 1) + len(indent)
    last = max(20, width - fixed)

    def line(cells: Sequence[str]) -> list[str]:
        head = [
            c.rjust(widths[i]) if align[i] == "r" else c.ljust(widths[i])
            for i, c in enumerate(cells[:-1])
        ]
        wrapped = wrap(cells[-1], last) or [""]
        if align[-1] == "r" and len(wrapped) == 1:
            wrapped = [wrapped[0].rjust(min(widths[-1], last))]
        pad = " " * (fixed - len(indent))
        out = [indent + "  ".join([*head, wrapped[0]]) if head else indent + wrapped[0]]
        out += [indent + pad + w for w in wrapped[1:]]
        return [x.rstrip() for x in out]

    result = line(list(headers))
    result.append(
        indent + "  ".join("-" * w for w in [*widths[:-1], min(widths[-1], last)])
    )
    for r in rows:
        result += line(list(r))
    return result


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, align: str = ""
) -> list[str]:
    """A GitHub-flavoured Markdown table (cells escaped)."""
    align = align.ljust(len(headers), "l")
    rule = ["---:" if a == "r" else "---" for a in align]
    return [
        "| " + " | ".join(map(_md_cell, headers)) + " |",
        "| " + " | ".join(rule) + " |",
        *("| " + " | ".join(map(_md_cell, r)) + " |" for r in rows),
    ]
