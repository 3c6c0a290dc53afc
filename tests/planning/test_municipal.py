"""The servers' reinvestment in each municipality's figures, by hand.

The region of tests/data/lifecycle/ (tests/planning/test_reinvestment.py:
as of 2009-06-01, server_years 6, 40 000 a machine) with budgets A 6M and
B 4M (budgets.yaml), no growth, a population key (A 2000, B 1000: 2/3 and
1/3; plan-population.yaml):

- ``a-dc`` (A, in the data centre, due 2009): kept, shared: without, A
  replaces it (40 000 in A's 2009); with, the key splits it: 26 666.67 and
  13 333.33, largest remainder -> A 26 667, B 13 333;
- ``b-old`` (B, 2 machines, due 2007): retired: 80 000 in B's 2007 without,
  nothing with;
- ``b-sak`` (B, case-archive kept local, due 2008): B's own in both series,
  40 000 in 2008.

| municipality | year | without | with | saving |
|---|---|---|---|---|
| A | 2007 | 6 000 000 | 6 000 000 | 0 |
| A | 2008 | 6 000 000 | 6 000 000 | 0 |
| A | 2009 | 6 040 000 | 6 026 667 | 13 333 |
| A | 2010 | 6 000 000 | 5 400 000 (10 % gain) | 600 000 |
| B | 2007 | 4 080 000 | 4 000 000 | 80 000 |
| B | 2008 | 4 040 000 | 4 040 000 | 0 |
| B | 2009 | 4 000 000 | 4 013 333 | -13 333 |
| B | 2010 | 4 000 000 | 3 600 000 | 400 000 |
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from planner.cli import cli

DATA = Path(__file__).parent.parent / "data" / "lifecycle"
Write = Callable[[str, str], Path]

HAND = {
    ("a", 2007): (6_000_000, 6_000_000, 0, 0),
    ("a", 2008): (6_000_000, 6_000_000, 0, 0),
    ("a", 2009): (6_040_000, 6_026_667, 40_000, 26_667),
    ("a", 2010): (6_000_000, 5_400_000, 0, 0),
    ("b", 2007): (4_080_000, 4_000_000, 80_000, 0),
    ("b", 2008): (4_040_000, 4_040_000, 40_000, 40_000),
    ("b", 2009): (4_000_000, 4_013_333, 0, 13_333),
    ("b", 2010): (4_000_000, 3_600_000, 0, 0),
}


def inventory() -> str:
    return (DATA / "budgets.yaml").read_text(encoding="utf-8")


def plan_file(extra: str = "") -> str:
    """plan-population.yaml, ``extra`` lines replacing its cost key."""
    text = (DATA / "plan-population.yaml").read_text(encoding="utf-8")
    if extra:
        text = text.replace("cost_key: {population: 100%}\n", extra)
    return text


def files(write: Write, plan: str, target: str | None = None) -> list[str]:
    full = (DATA / "target.yaml").read_text(encoding="utf-8")
    return [
        str(write("r.yaml", inventory())),
        "-t",
        str(write("t.yaml", full if target is None else target)),
        "-p",
        str(write("p.yaml", plan)),
    ]


def _json(write: Write, plan: str, target: str | None = None) -> dict[str, Any]:
    args = ["plan", *files(write, plan, target), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _rows(doc: dict[str, Any]) -> dict[tuple[str, int], tuple[Any, ...]]:
    return {
        (m["municipality"], y["year"]): (
            y["without"],
            y["with"],
            y["reinvestment"],
            y["reinvestment_with"],
        )
        for m in doc["by_municipality"]
        for y in m["years"]
    }


def test_each_municipality_carries_its_part_of_the_reinvestment(
    write: Write,
) -> None:
    doc = _json(write, plan_file())
    assert _rows(doc) == HAND
    for m in doc["by_municipality"]:
        for y in m["years"]:
            assert y["saving"] == y["without"] - y["with"]


def test_the_parts_add_up_to_the_projection_exactly(write: Write) -> None:
    doc = _json(write, plan_file())
    rows = _rows(doc)
    for y in doc["projection"]["years"]:
        parts = [v for (_, year), v in rows.items() if year == y["year"]]
        assert sum(p[2] for p in parts) == y["reinvestment"]
        assert sum(p[3] for p in parts) == y["reinvestment_with"]


def test_before_cooperation_each_replaces_its_own(write: Write) -> None:
    """Gains from 2008: in 2007 there is no cooperation yet, so B replaces
    b-old itself (80 000 in both series, saving 0), as the projection does."""
    plan = plan_file().replace("{2007: 0%, 2010: 10%}", "{2008: 0%, 2010: 10%}")
    rows = _rows(_json(write, plan))
    assert rows[("b", 2007)] == (4_080_000, 4_080_000, 80_000, 80_000)
    assert rows[("a", 2007)] == (6_000_000, 6_000_000, 0, 0)
    assert rows[("a", 2009)] == HAND[("a", 2009)]


def test_a_shared_renewal_follows_the_investment_key(write: Write) -> None:
    """Two keys: a-dc's 40 000 is an investment, split equally (20 000 each)
    although operating costs go by population."""
    key = "cost_key: {investment: {equal: 100%}, operating: {population: 100%}}\n"
    rows = _rows(_json(write, plan_file(key)))
    assert rows[("a", 2009)] == (6_040_000, 6_020_000, 40_000, 20_000)
    assert rows[("b", 2009)] == (4_000_000, 4_020_000, 0, 20_000)


def test_without_a_lifecycle_no_reinvestment_keys(write: Write) -> None:
    full = (DATA / "target.yaml").read_text(encoding="utf-8")
    doc = _json(write, plan_file(), full[: full.index("lifecycle:")])
    years = doc["by_municipality"][0]["years"]
    assert "reinvestment" not in years[0]
    assert [y["without"] for y in years] == [6_000_000] * 4


def test_text_shows_the_parts(write: Write) -> None:
    out = CliRunner().invoke(cli, ["plan", *files(write, plan_file())]).stdout
    table = out[out.index("Per municipality") :]
    header = table.splitlines()[1]
    names = [h.strip() for h in header.split("  ") if h.strip()]
    assert names == [
        "municipality",
        "year",
        "without cooperation",
        "reinvestment",
        "reinvestment with",
        "with cooperation",
        "saving",
    ]
    assert "a             2009            6 040 000        40 000" in table
