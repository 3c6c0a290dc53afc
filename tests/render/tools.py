"""Shared by the render tests: the mini region's diagrams and markers for
tests that need Graphviz or Chromium installed (``make test`` installs both)."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.models.results import GapReport
from planner.render.diagram.diagrams import diagram_dot
from planner.render.diagram.views import select_view
from tests.conftest import MINI

requires_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz is not installed (make graphviz)"
)


def mini() -> tuple[Any, GapReport]:
    G = build_graph(load_inventory(MINI).model)
    return G, find_gaps(G, default_target().model)


def mini_dot(view: str, **options: Any) -> str:
    G, report = mini()
    return diagram_dot(G, select_view(report, view), **options)


def statement(dot: str, node: str) -> str:
    """The line of ``dot`` that declares node (or edge id) ``node``."""
    pattern = rf"^\s*{re.escape(node)} \[.*$|^.*id=\"{re.escape(node)}\".*$"
    found = re.search(pattern, dot, re.MULTILINE)
    assert found, f"{node} not in the DOT text"
    return found.group(0)


def positions(dot: str) -> dict[str, str]:
    return dict(re.findall(r"^\s*(\w+) \[.*pos=\"([\d.,]+)\"", dot, re.MULTILINE))


def _chromium() -> str | None:
    from tests.render.chromium import find_chromium

    return find_chromium()


CHROMIUM = _chromium()
requires_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (make chromium)"
)
