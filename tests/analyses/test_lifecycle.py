"""Lifecycle gaps, worked out by hand: tests/data/mini.yaml (as of
2024-01-01; alpha-srv is 2 machines on windows-server-2003, whose support
ended 2015-07-14) and a small region as of 2006-09-01."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.analyses.gaps import find_gaps, gap_names
from planner.analyses.lifecycle import lifecycle_gaps
from planner.data.lifecycle import END_OF_SUPPORT, platform_key
from planner.graph import build_graph
from planner.language import english
from planner.load import load_inventory, load_target

TARGET = """\
schema: planner/target/v1
extends: default
lifecycle:
  server_years: 6
  server_replacement_cost: 40k
"""
OLD = """\
region: {id: r, name: R, as_of: 2006-09-01}
municipalities:
  - id: a
    name: A
    population: 100
    sites: [{id: a-th, name: A, role: town-hall}]
    servers:
      - {id: a-2000, site: a-th, role: file, purchased: 2000}
      - {id: a-2001, site: a-th, role: file, purchased: 2001, count: 3}
      - {id: a-w2k, site: a-th, role: file, platform: Windows 2000 Server}
"""


def _target(write: Callable[[str, str], Path], extra: str = "") -> Any:
    return load_target(write("t.yaml", TARGET + extra)).model


def test_mini_platform_past_end_of_support(
    mini_graph: Any, write: Callable[[str, str], Path]
) -> None:
    target = _target(write)
    (gap,) = lifecycle_gaps(mini_graph, target)
    assert (gap.subject, gap.municipalities, gap.severity) == (
        "alpha",
        ("alpha",),
        "high",
    )
    assert gap.data.to_dict() == {
        "servers": [
            {
                "server": "alpha-srv",
                "count": 2,
                "platform": "windows-server-2003",
                "purchased": None,
                "end_of_support": "2015-07-14",
            }
        ],
        "servers_due": 2,
        "reinvestment": Decimal(80_000),  # 2 x 40 000
    }
    assert english(gap, gap_names(mini_graph, target)) == (
        "2 servers due for replacement: alpha-srv (windows-server-2003, –, "
        "out of support since 2015-07-14). Reinvestment without consolidation: "
        "80 000."
    )


def test_no_lifecycle_section_no_gaps(mini_graph: Any, target: Any) -> None:
    assert target.lifecycle is None
    assert lifecycle_gaps(mini_graph, target) == []
    assert find_gaps(mini_graph, target).summary["lifecycle"] == 0


def test_age_counts_whole_years_and_platforms_override(
    write: Callable[[str, str], Path],
) -> None:
    G = build_graph(load_inventory(write("r.yaml", OLD), None).model)
    # 2006 - 2000 = 6 >= 6: due; 2006 - 2001 = 5: not yet; Windows 2000
    # Server's support ends 2010-07-13: not yet.
    (gap,) = lifecycle_gaps(G, _target(write))
    assert [s["server"] for s in gap.data.to_dict()["servers"]] == ["a-2000"]
    assert gap.data.to_dict()["servers"][0]["age"] == 6 and gap.severity == "medium"
    # The target moves Windows 2000 Server's date before as_of (any spelling).
    tgt = _target(write, "  platforms: {WINDOWS 2000 server: 2005-06-30}\n")
    (gap,) = lifecycle_gaps(G, tgt)
    assert [s["server"] for s in gap.data.to_dict()["servers"]] == ["a-2000", "a-w2k"]
    assert english(gap, gap_names(G, tgt)) == (
        "2 servers due for replacement: a-2000 (–, 2000, 6 years old), "
        "a-w2k (Windows 2000 Server, –, out of support since 2005-06-30). "
        "Reinvestment without consolidation: 80 000."
    )


def test_no_as_of_no_gaps(write: Callable[[str, str], Path]) -> None:
    text = OLD.replace(", as_of: 2006-09-01", "")
    G = build_graph(load_inventory(write("r.yaml", text), None).model)
    assert lifecycle_gaps(G, _target(write)) == []


def test_default_table() -> None:
    assert platform_key(" Windows  Server_2003 ") == "windows-server-2003"
    assert END_OF_SUPPORT["windows-server-2008"] == dt.date(2020, 1, 14)
    assert all(k == platform_key(k) for k in END_OF_SUPPORT)
