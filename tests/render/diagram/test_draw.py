from __future__ import annotations

import graphviz
import pytest

from planner.render.diagram.draw import GraphvizError, draw
from tests.render.tools import mini_dot, requires_dot


@requires_dot
@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")],
)
def test_draw_formats(fmt: str, magic: bytes) -> None:
    assert draw(mini_dot("gaps"), fmt).startswith(magic)


@requires_dot
def test_pinned_positions_survive_drawing() -> None:
    svg = draw(mini_dot("current"), "svg").decode()
    assert svg == draw(mini_dot("current"), "svg").decode()
    assert "Alpha rådhus" in svg and 'id="l_alpha_beta"' in svg


@requires_dot
def test_folded_map_is_laid_out_by_neato() -> None:
    assert draw(mini_dot("current", fold=True), "svg").startswith(b"<?xml")


def test_dot_format_is_the_text() -> None:
    assert draw("graph {}\n", "dot") == b"graph {}\n"


def test_missing_graphviz_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_: object, **__: object) -> bytes:
        raise graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(graphviz, "pipe", missing)
    with pytest.raises(GraphvizError, match="apt-get install graphviz"):
        draw(mini_dot("current"), "svg")
