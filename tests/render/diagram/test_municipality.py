"""One municipality in detail, as an access tree drawn by dot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.errors import UsageError
from planner.render.diagram.municipality import municipality_dot
from planner.render.diagram.views import select_view
from tests.conftest import ROOT
from tests.render.tools import mini, requires_dot


def test_only_its_sites_and_the_ends_of_its_links() -> None:
    G, report = mini()
    dot = municipality_dot(G, select_view(report, "gaps"), "beta", lang="en")
    assert 'rankdir="LR"' in dot and 'layout="dot"' in dot
    assert "// render with: dot -Tsvg" in dot.splitlines()[1]
    nodes = set(re.findall(r"^  (s_\w+) \[", dot, re.M))
    assert {"s_beta_radhus", "s_beta_omsorg"} <= nodes
    assert "s_alpha_skole" not in nodes  # Alpha's own school is not Beta's
    # The far ends of Beta's links, named with their municipality.
    assert "Alpha rådhus\\n(data centre)\\n(Alpha)" in dot
    assert "Gamma kommunehus\\n(Gamma)" in dot
    assert "{ rank=min; s_beta_radhus; }" in dot  # the tree starts at the town hall


def test_an_unknown_municipality_is_a_usage_error() -> None:
    G, report = mini()
    with pytest.raises(UsageError, match="did you mean 'beta'"):
        municipality_dot(G, select_view(report, "current"), "betta")


@requires_dot
def test_render_municipality_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "tinn.svg"
    args = [
        "render",
        ROOT / "inventories/kongsberg.yaml",
        "-t",
        ROOT / "topologies/kongsberg-target.yaml",
        "--view",
        "gaps",
        "--municipality",
        "tinn",
        "-o",
        out,
    ]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert "Rjukan barneskole" in svg and "Kongsberg bibliotek" not in svg
    bad = CliRunner().invoke(
        cli, [str(a) for a in args[:-3]] + ["--municipality", "x", "-o", str(out)]
    )
    assert bad.exit_code == 2
