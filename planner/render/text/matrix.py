"""The system overview as text, Markdown and JSON.

Text lists each service with one line per municipality (a grid of seven
columns does not fit a terminal); Markdown is the grid itself, services
down and municipalities across, for a wiki or a steering-group paper. A
product other than the standard is marked ``≠``.
"""

from __future__ import annotations

import re

from planner.models.matrix import Cell, Matrix, MatrixRow
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, wrap

__all__ = ["matrix_json", "matrix_markdown", "matrix_text"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LEGEND = (
    "≠ marks a product other than the standard (an odd one out); "
    "'several products' marks a municipality running more than one product "
    "for the service: complements (a PDF tool beside the office suite) "
    "rather than competitors, worth a service of their own in the target."
)


def _plain(text: str) -> str:
    """Inventory text safe for a terminal: control characters (escape
    sequences, newlines) shown as '?'."""
    return _CONTROL.sub("?", text)


def _cell_text(c: Cell, *, details: bool) -> str:
    mark = "" if c.standard else "≠ "
    if not details:
        return f"{mark}{c.product} ({c.users})"
    facts = [f"{c.users} users", "/".join(c.hosting)]
    if c.vendor:
        facts.append(c.vendor)
    if c.contract_end:
        facts.append(f"contract ends {c.contract_end}")
    return f"{mark}{c.product} ({', '.join(facts)})"


def _heading(r: MatrixRow) -> str:
    what = "harmonised" if r.harmonise else "not harmonised"
    std = f"standard {r.standard} ({r.standard_source})" if r.standard else "no system"
    return f"{r.service}: {r.name} ({what}; {std})"


def matrix_text(m: Matrix, *, width: int = 100) -> str:
    """Each service, one line per municipality."""
    names = dict(m.municipalities)
    pad = max((len(n) for n in names.values()), default=0)
    lines = [
        f"System overview of {m.region} against {m.target}: "
        f"{len(m.services)} services, {len(m.municipalities)} municipalities",
        *wrap(_LEGEND, width),
    ]
    for r in m.services:
        lines += ["", _plain(_heading(r))]
        for muni, cells in r.cells.items():
            text = "; ".join(_cell_text(c, details=True) for c in cells) or "-"
            if muni in r.complements:
                text += " [several products]"
            head = f"  {_plain(names[muni]):<{pad}}  "
            body = wrap(_plain(text), width, " " * len(head))
            lines.append(head + body[0].lstrip())
            lines += body[1:]
        if r.odd_ones_out:
            odd = ", ".join(names[x] for x in r.odd_ones_out)
            lines.append(_plain(f"  odd ones out: {odd}"))
    return "\n".join(lines) + "\n"


def matrix_markdown(m: Matrix) -> str:
    """The grid: services down, municipalities across."""
    headers = ["service", "standard", *(n for _, n in m.municipalities)]
    rows = []
    for r in m.services:
        row = [f"{r.name} ({r.service})", r.standard or "-"]
        for muni, cells in r.cells.items():
            text = "; ".join(_cell_text(c, details=False) for c in cells) or "-"
            row.append(text + (" (several)" if muni in r.complements else ""))
        rows.append(row)
    return (
        "\n".join(
            [
                f"# System overview: {m.region}",
                "",
                f"Target: {m.target}. Users in brackets. {_LEGEND}",
                "",
                *markdown_table(headers, rows),
            ]
        )
        + "\n"
    )


def matrix_json(m: Matrix) -> str:
    """The ``planner/matrix/v1`` document."""
    return to_json(m.to_dict())
