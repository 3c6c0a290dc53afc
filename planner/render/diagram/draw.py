"""DOT text -> SVG, PNG or PDF by the Graphviz binaries: the one place
planner runs them, so a missing installation is reported once, clearly."""

from __future__ import annotations

import graphviz

from planner.errors import PlannerError
from planner.render.diagram.diagrams import PINNED

__all__ = ["FORMATS", "GraphvizError", "draw"]

FORMATS = ("svg", "png", "pdf", "dot")


class GraphvizError(PlannerError):
    """Graphviz is missing or failed."""


_MISSING = (
    "Graphviz's 'dot' program was not found: install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "or run 'make graphviz' as root), or write the DOT text with -f dot"
)


def draw(dot: str, fmt: str) -> bytes:
    """The diagram ``dot`` in format ``fmt`` (``dot`` returns the text).

    A DOT text from :func:`planner.render.diagram.diagrams.diagram_dot` says in its
    header whether its positions are pinned (drawn by ``neato -n2``) or
    left to the layout engine it names.
    """
    if fmt == "dot":
        return dot.encode("utf-8")
    if fmt not in FORMATS:
        raise PlannerError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")
    pinned = PINNED in dot.split("\n", 2)[1] if "\n" in dot else False
    try:
        return bytes(
            graphviz.pipe(
                "neato" if pinned else "dot",
                fmt,
                dot.encode("utf-8"),
                neato_no_op=2 if pinned else None,
                quiet=True,
            )
        )
    except graphviz.ExecutableNotFound:
        raise GraphvizError(_MISSING) from None
    except graphviz.CalledProcessError as e:
        stderr = e.stderr.decode("utf-8", "replace").strip() if e.stderr else ""
        raise GraphvizError(f"Graphviz failed to draw the diagram: {stderr}") from None
