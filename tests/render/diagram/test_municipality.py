"""One municipality in detail, as an access tree drawn by dot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.analyses.gaps import find_gaps
from planner.cli import cli
from planner.errors import UsageError
from planner.graph import build_graph
from planner.load import default_target, load_inventory
from planner.render.diagram.municipality import municipality_dot
from planner.render.diagram.views import select_view
from tests.conftest import ROOT
from tests.render.diagram.region import HUBS, write_region
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


def _plain(dot: str) -> dict[str, float]:
    """Node -> x (points) in ``dot -Tplain``: Graphviz's own layout."""
    out = subprocess.run(
        ["dot", "-Tplain"], input=dot.encode(), capture_output=True, check=True
    ).stdout.decode()
    return {
        f[1]: float(f[2])
        for f in (ln.split() for ln in out.splitlines())
        if f[0] == "node"
    }


@requires_dot
def test_the_access_tree_ranks_hops_from_the_town_hall(tmp_path: Path) -> None:
    """Every hub one column right of the town hall, every site one column
    right of the site it hangs on, though the hubs are linked in a ring
    (which used to push each hub a rank further than the last)."""
    inventory = load_inventory(write_region(tmp_path / "r.yaml")).model
    G = build_graph(inventory)
    report = find_gaps(G, default_target().model)
    x = _plain(municipality_dot(G, select_view(report, "gaps"), "drammen"))
    hubs = {x[f"s_drammen_hub{h}"] for h in range(HUBS)}
    assert len(hubs) == 1 and hubs.pop() > x["s_drammen_th"]
    schools = [ln for ln in inventory.all_links() if ln.a.startswith("drammen-s")]
    assert len(schools) == 193
    for ln in schools:  # a: the school, b: the site it hangs on
        assert x[slug(ln.a)] > x[slug(ln.b)], ln.id


def slug(site: str) -> str:
    return "s_" + site.replace("-", "_")
