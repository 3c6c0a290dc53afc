"""``planner render`` through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.commands.render import format_for
from planner.errors import UsageError
from tests.conftest import MINI
from tests.render.make_golden import GOLDEN
from tests.render.tools import requires_dot


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stderr


def test_format_for() -> None:
    assert format_for(Path("x.png"), None) == "png"
    assert format_for(Path("x.PDF"), None) == "pdf"
    assert format_for(Path("x.gv"), None) == "dot"
    assert format_for(Path("x"), None) == "svg"
    assert format_for(Path("x.jpg"), "png") == "png"
    with pytest.raises(UsageError, match=r"not \.jpg"):
        format_for(Path("x.jpg"), None)
    assert format_for(Path("x.png"), "dot") == "dot"


def test_render_dot_is_the_golden_text(tmp_path: Path) -> None:
    out = tmp_path / "gaps.dot"
    assert run("render", MINI, "--view", "gaps", "--lang", "en", "-o", out) == (0, "")
    assert out.read_text(encoding="utf-8") == (GOLDEN / "mini-gaps.dot").read_text(
        encoding="utf-8"
    )


@requires_dot
def test_render_svg_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    assert run("render", MINI, "--view", "target", "-o", out)[0] == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_render_phase_draws_the_state_after_that_phase(tmp_path: Path) -> None:
    """mini's plan: phase 1 upgrades both links, phase 3 closes beta's room
    (tests/planning/test_phases.py has the figures)."""
    dots = {}
    for view in ("gaps", "phase:1", "phase:3", "target"):
        out = tmp_path / f"{view.replace(':', '-')}.dot"
        assert run("render", MINI, "--view", view, "-o", out) == (0, "")
        dots[view] = out.read_text(encoding="utf-8")
    assert len(set(dots.values())) == 4
    assert "etter fase 1" in dots["phase:1"]
    code, err = run("render", MINI, "--view", "phase:4", "-o", tmp_path / "p.svg")
    assert (code, err) == (
        2,
        "error: the plan has 3 phases (2024H2 to 2025H2): choose phase:1 to phase:3\n",
    )
    assert not (tmp_path / "p.svg").exists()


def test_render_unknown_view(tmp_path: Path) -> None:
    code, err = run("render", MINI, "--view", "today", "-o", tmp_path / "x.svg")
    assert (code, err) == (
        2,
        "error: unknown view 'today'; choose from current, target, gaps or phase:N "
        "(N = 1, 2, ...)\n",
    )


def test_render_never_overwrites_the_inventory() -> None:
    before = MINI.read_bytes()
    code, err = run("render", MINI, "-f", "dot", "-o", MINI)
    assert code == 2 and "would overwrite the input" in err
    assert MINI.read_bytes() == before
