"""Regenerate the golden DOT files of the mini region (``make golden``).

Run only when a change to the diagrams is intended; review the diff."""

from __future__ import annotations

from pathlib import Path

from tests.render.tools import mini_dot

GOLDEN = Path(__file__).parent / "golden"
VIEWS = ("current", "target", "gaps")


def golden_text(view: str) -> str:
    return mini_dot(view, lang="en")


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for view in VIEWS:
        path = GOLDEN / f"mini-{view}.dot"
        path.write_text(golden_text(view), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
