"""Regenerate the golden DOT files of the mini region (``make golden``):
the text ``planner render --format dot`` writes, with today's utilisation
colouring the lines and, for ``phase:1``, the generated plan.

Run only when a change to the diagrams is intended; review the diff."""

from __future__ import annotations

from pathlib import Path

from planner.commands.render import render
from tests.conftest import MINI

GOLDEN = Path(__file__).parent / "golden"
VIEWS = ("current", "target", "gaps", "phase:1")


def golden_text(view: str) -> str:
    return render(MINI, None, view, "dot", lang="en").decode("utf-8")


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for view in VIEWS:
        path = GOLDEN / f"mini-{view.replace(':', '-')}.dot"
        path.write_text(golden_text(view), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
