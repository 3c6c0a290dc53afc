"""Shared fixtures: the hand-checkable mini region and a file writer."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.graph import build_graph
from planner.inputguard import forget
from planner.load import default_target, load_inventory

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
MINI = DATA / "mini.yaml"


@pytest.fixture(autouse=True)
def _fresh_run() -> None:
    """Each test is a new run: no input file read yet (planner.output
    refuses to write over any file read in the run)."""
    forget()


@pytest.fixture
def mini_graph() -> Any:
    return build_graph(load_inventory(MINI).model)


@pytest.fixture
def target() -> Any:
    return default_target().model


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to tmp_path/name and return the path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write
