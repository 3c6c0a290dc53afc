"""Duplicate projects, worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.analyses.gaps import gap_names
from planner.analyses.projects import duplication_gaps
from planner.graph import build_graph
from planner.language import english
from planner.load import load_inventory

REGION = """\
region: {id: r, name: R}
municipalities:
  - id: a
    name: A
    population: 100
    sites: [{id: a-th, name: A, role: town-hall}]
    projects:
      - {name: Ny lønn, service: payroll, cost: 400k, period: 2007H1}
      - {name: Nytt nettsted, service: web, cost: 100k}
      - {name: Nettsted for skolene, service: web, cost: 50k}
  - id: b
    name: B
    population: 100
    sites: [{id: b-th, name: B, role: town-hall}]
    projects:
      - {name: Lønnsbytte, service: payroll, cost: 250k}
  - id: c
    name: C
    population: 100
    sites: [{id: c-th, name: C, role: town-hall}]
    projects:
      - {name: Lønn i skyen, service: payroll}
"""


def test_duplication_money_at_stake(
    write: Callable[[str, str], Path], target: Any
) -> None:
    G = build_graph(load_inventory(write("r.yaml", REGION), None).model)
    # web: two projects, but both in A: no gap.
    (gap,) = duplication_gaps(G, target)
    assert (gap.kind, gap.subject, gap.municipalities) == (
        "duplication",
        "payroll",
        ("a", "b", "c"),
    )
    # 400 000 + 250 000 + 0 = 650 000; one joint project at the cost of the
    # dearest (400 000) saves 250 000.
    assert (gap.data.to_dict()["total"], gap.data.to_dict()["at_stake"]) == (
        Decimal(650_000),
        Decimal(250_000),
    )
    assert gap.data.to_dict()["projects"][0] == {
        "municipality": "a",
        "name": "Ny lønn",
        "cost": Decimal(400_000),
        "period": "2007H1",
    }
    assert gap.severity == "medium"
    assert english(gap, gap_names(G, target)) == (
        "3 projects on Lønn: A: Ny lønn 400 000 (2007 H1); B: Lønnsbytte 250 000; "
        "C: Lønn i skyen. One joint project puts 250 000 of 650 000 at stake."
    )
