"""``planner site``: each candidate's figures are what ``planner bandwidth``
gives with a target naming that pair; availability and distance checked
independently; the ranking is sorted and exhaustive."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from planner.analyses.availability import estimate_availability
from planner.analyses.bandwidth import site_demands
from planner.cli import cli
from planner.graph import build_graph, network
from planner.load import load_inventory, load_target
from tests.conftest import MINI, ROOT

KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"
TARGET = ROOT / "topologies" / "kongsberg-target.yaml"
DESIGN = ROOT / "topologies" / "kongsberg-design.yaml"


def _json(*args: object) -> Any:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def pairs() -> Any:
    return _json("site", KONGSBERG, "-t", TARGET, "--count", "2", "--format", "json")


def _target_naming(
    tmp: Path, primary: str, secondary: str | None, base: Path = TARGET
) -> Path:
    text = base.read_text(encoding="utf-8")
    dcs = f"datacenters:\n  primary: {primary}\n"
    if secondary:
        dcs += f"  secondary: {secondary}\n"
    text, n = re.subn(r"datacenters:\n  primary: .*\n  secondary: .*\n", dcs, text)
    assert n == 1
    path = tmp / f"{primary}-{secondary}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_pair_once_sorted_by_total(pairs: Any) -> None:
    cands = pairs["candidates"]
    assert pairs["schema"] == "planner/site/v1" and len(cands) == 21  # 7 choose 2
    assert len({frozenset((c["primary"], c["secondary"])) for c in cands}) == 21
    totals = [c["total"] for c in cands]
    assert totals == sorted(totals)
    assert all(c["design_investment"] is None for c in cands)
    assert all(c["total"] == c["upgrade_investment"] for c in cands)
    # The target's own choice (Kongsberg with Notodden) ranks first.
    assert (cands[0]["primary"], cands[0]["secondary"]) == (
        "kongsberg-radhus",
        "notodden-radhus",
    )


@pytest.mark.parametrize("rank", [0, 7, 20])
def test_figures_are_what_bandwidth_gives(
    pairs: Any, rank: int, tmp_path: Path
) -> None:
    c = pairs["candidates"][rank]
    target = _target_naming(tmp_path, c["primary"], c["secondary"])
    bw = _json(
        "bandwidth", KONGSBERG, "-t", target, "--failures", "n-1", "--format", "json"
    )
    assert c["upgrade_investment"] == bw["upgrades"]["investment"]
    assert c["per_year"] == bw["upgrades"]["per_year"] == c["upgrade_per_year"]
    assert c["upgrades"] == bw["upgrades"]["links"]
    assert c["unpriced"] == bw["upgrades"]["unpriced"]
    assert c["above_largest_tier"] == bw["upgrades"]["above_largest_tier"]
    cut = {u["site"] for u in bw["unreachable"] if u["failed_link"]}
    assert c["cut_off_by_one_failure"] == len(cut)
    tgt = load_target(target)
    G = build_graph(load_inventory(KONGSBERG, tgt).model)
    estimates = estimate_availability(G, tgt.model)
    assert c["min_availability"] == round(min(e.availability for e in estimates), 9)


def test_single_sites_match_bandwidth(tmp_path: Path) -> None:
    doc = _json("site", KONGSBERG, "-t", TARGET, "--format", "json")
    assert len(doc["candidates"]) == 7
    last = doc["candidates"][-1]
    target = _target_naming(tmp_path, last["primary"], None)
    bw = _json(
        "bandwidth", KONGSBERG, "-t", target, "--failures", "n-1", "--format", "json"
    )
    assert last["upgrade_investment"] == bw["upgrades"]["investment"]
    assert last["secondary"] is None


def test_distance_by_hand_on_mini() -> None:
    doc = _json("site", MINI, "--format", "json")
    tgt = load_target(None)
    G = build_graph(load_inventory(MINI).model)
    demand = site_demands(G, tgt.model)
    H = network(G, planned=True)
    simple: nx.Graph[Any] = nx.Graph()
    for u, v, d in H.edges(data=True):
        if u in demand and v in demand:
            simple.add_edge(u, v, weight=d["metric"])
    for c in doc["candidates"]:
        dist = nx.single_source_dijkstra_path_length(simple, c["primary"])
        reach = {n: w for n, w in demand.items() if n in dist}
        expected = sum(w * dist[n] for n, w in reach.items()) / sum(reach.values())
        assert c["demand_weighted_distance"] == pytest.approx(expected, abs=1e-6)


def test_one_process_or_two_give_the_same_bytes() -> None:
    args = [
        "site",
        str(KONGSBERG),
        "-t",
        str(TARGET),
        "--count",
        "2",
        "--format",
        "json",
    ]
    one = CliRunner().invoke(cli, [*args, "-j", "1"]).stdout
    two = CliRunner().invoke(cli, [*args, "-j", "2"]).stdout
    assert one == two and one


def test_text_shows_the_top_and_the_note() -> None:
    result = CliRunner().invoke(
        cli, ["site", str(KONGSBERG), "-t", str(TARGET), "--count", "2", "--top", "3"]
    )
    assert result.exit_code == 0
    assert "and 18 more" in result.stdout
    assert "design_investment is null" in result.stdout


def test_above_the_limit_pairs_come_from_a_shortlist(
    monkeypatch: pytest.MonkeyPatch, pairs: Any
) -> None:
    from planner.commands import site as command

    monkeypatch.setattr(command, "EXHAUSTIVE_PAIRS", 5)
    singles = command.site(KONGSBERG, TARGET, count=1, jobs=1)
    best = {c.primary for c in singles.candidates[:3]}
    short = command.site(KONGSBERG, TARGET, count=2, jobs=1, shortlist=3)
    assert not short.to_dict()["exact"]
    assert {frozenset((c.primary, c.secondary)) for c in short.candidates} == {
        frozenset((a, b)) for a in best for b in best if a < b
    }
    # Each shortlisted pair has the figures of the exhaustive run.
    full = {(c["primary"], c["secondary"]): c for c in pairs["candidates"]}
    for c in short.candidates:
        assert c.to_dict() == full[(c.primary, c.secondary)]
    everything = command.site(KONGSBERG, TARGET, count=2, jobs=1, exhaustive=True)
    assert len(everything.candidates) == 21 and everything.to_dict()["exact"]


@pytest.fixture(scope="module")
def designed() -> Any:
    return _json("site", KONGSBERG, "-t", DESIGN, "--count", "2", "--format", "json")


def test_with_candidates_total_adds_the_design(designed: Any) -> None:
    assert "network design's optimum" in designed["note"]
    cands = designed["candidates"]
    assert len(cands) == 21 and all(c["design_investment"] >= 0 for c in cands)
    totals = [c["total"] for c in cands]
    assert totals == sorted(totals)
    for c in cands:
        assert c["total"] == c["design_investment"] + c["upgrade_investment"]
        assert c["per_year"] == c["design_per_year"] + c["upgrade_per_year"]
    # Some pair needs no new link at all (or a cheaper one) than another: the
    # design changes the ranking's figures, not a constant added to all.
    assert len({c["design_investment"] for c in cands}) > 1


@pytest.mark.parametrize("rank", [0, 2, 10, 20])
def test_design_figures_are_what_design_gives(
    designed: Any, rank: int, tmp_path: Path
) -> None:
    c = designed["candidates"][rank]
    target = _target_naming(tmp_path, c["primary"], c["secondary"], DESIGN)
    d = _json("design", KONGSBERG, "-t", target, "--format", "json")
    assert c["design_investment"] == d["investment"]
    assert c["design_per_year"] == d["per_year"]
    assert c["design_links"] == len(d["links"])
    assert c["design_unresolved"] == len(d["unresolved"])
    bw = _json(
        "bandwidth", KONGSBERG, "-t", target, "--failures", "n-1", "--format", "json"
    )
    assert c["upgrade_investment"] == bw["upgrades"]["investment"]
    assert c["upgrade_per_year"] == bw["upgrades"]["per_year"]


def test_text_shows_the_new_links(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["site", str(KONGSBERG), "-t", str(DESIGN), "--count", "2", "--top", "3"]
    )
    assert result.exit_code == 0, result.stderr
    assert "new links" in result.stdout and "design_investment is the" in result.stdout
