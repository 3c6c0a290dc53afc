"""The servers' reinvestment in the projection, worked out by hand.

The region of tests/data/lifecycle/ (as of 2009-06-01; server_years 6, 40 000
a machine):

- ``a-dc``: 1 machine bought 2003 in the data centre (a's town hall, the
  most populous municipality): due 2009, kept (it is the data centre);
- ``b-old``: 2 machines bought 2001 in b's server room, running email (a
  central service): due 2007, retired by consolidation;
- ``b-sak``: 1 machine bought 2002, running case-archive, which this
  target keeps local: due 2008, kept;
- ``b-new``: bought 2008, not due.

Without cooperation: 80 000 in 2007, 40 000 in 2008, 40 000 in 2009. With
cooperation (from 2007, 0 % gain until 2010's 10 %): only the kept ones,
40 000 in 2008 and 2009. On 10 MNOK a year without growth:

| year | without | with | saving | cumulative |
|---|---|---|---|---|
| 2007 | 10 080 000 | 10 000 000 | 80 000 | 80 000 |
| 2008 | 10 040 000 | 10 040 000 | 0 | 80 000 |
| 2009 | 10 040 000 | 10 040 000 | 0 | 80 000 |
| 2010 | 10 000 000 | 9 000 000 | 1 000 000 | 1 080 000 |

Break-even 2007 (the first year with a saving; never negative); without
the lifecycle section the savings of 2007-2009 are 0 and it is 2010.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from planner.cli import cli
from planner.models.plan import ProjectionFile
from planner.planning.projection import project
from planner.planning.reinvestment import Due, Reinvestment

DATA = Path(__file__).parent.parent / "data" / "lifecycle"
INVENTORY = (DATA / "inventory.yaml").read_text(encoding="utf-8")
FULL = (DATA / "target.yaml").read_text(encoding="utf-8")
LIFECYCLE = FULL[FULL.index("lifecycle:") :]
TARGET = FULL[: FULL.index("lifecycle:")]
PLAN = (DATA / "plan.yaml").read_text(encoding="utf-8")
Write = Callable[[str, str], Path]


def _plan(write: Write, target: str, plan: str = PLAN) -> dict[str, Any]:
    args = [
        "plan",
        str(write("r.yaml", INVENTORY)),
        "-t",
        str(write("t.yaml", target)),
        "-p",
        str(write("p.yaml", plan)),
        "--format",
        "json",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _columns(doc: dict[str, Any], *names: str) -> list[tuple[Any, ...]]:
    return [tuple(y[n] for n in names) for y in doc["projection"]["years"]]


def test_the_zero_alternative_carries_the_reinvestment(write: Write) -> None:
    doc = _plan(write, TARGET + LIFECYCLE)
    names = ("year", "reinvestment", "reinvestment_with", "baseline", "cooperation")
    assert _columns(doc, *names) == [
        (2007, 80_000, 0, 10_080_000, 10_000_000),
        (2008, 40_000, 40_000, 10_040_000, 10_040_000),
        (2009, 40_000, 40_000, 10_040_000, 10_040_000),
        (2010, 0, 0, 10_000_000, 9_000_000),
    ]
    assert _columns(doc, "saving", "cumulative") == [
        (80_000, 80_000),
        (0, 80_000),
        (0, 80_000),
        (1_000_000, 1_080_000),
    ]
    assert doc["projection"]["break_even"] == 2007


def test_without_a_lifecycle_section_the_projection_is_as_before(
    write: Write,
) -> None:
    doc = _plan(write, TARGET)
    assert "reinvestment" not in doc["projection"]["years"][0]
    assert _columns(doc, "baseline", "cooperation") == [
        (10_000_000, 10_000_000),
        (10_000_000, 10_000_000),
        (10_000_000, 10_000_000),
        (10_000_000, 9_000_000),
    ]
    assert doc["projection"]["break_even"] == 2010


def test_overdue_servers_in_the_first_year_and_until_leaves_out(
    write: Write,
) -> None:
    """From 2008: b-old (due 2007) is replaced in 2008 with b-sak (120 000,
    of which cooperation pays b-sak's 40 000); until 2008 leaves a-dc's
    2009 out, with a warning."""
    plan = PLAN.replace("base_year: 2007", "base_year: 2008").replace(
        "until: 2010", "until: 2008"
    )
    doc = _plan(write, TARGET + LIFECYCLE, plan)
    names = ("year", "reinvestment", "reinvestment_with", "saving")
    assert _columns(doc, *names) == [(2008, 120_000, 40_000, 80_000)]
    assert (
        "projection: until 2008 leaves out the reinvestment of 40 000 in 2009; "
        "set until: 2009 or later to count it"
    ) in doc["warnings"]


def test_no_cost_no_reinvestment_and_a_warning(write: Write) -> None:
    doc = _plan(
        write, TARGET + LIFECYCLE.replace("  server_replacement_cost: 40k\n", "")
    )
    assert {y["reinvestment"] for y in doc["projection"]["years"]} == {0}
    assert any("4 servers due for replacement" in w for w in doc["warnings"])


def test_text_and_markdown_show_both_columns(write: Write) -> None:
    paths = [
        str(write("r.yaml", INVENTORY)),
        "-t",
        str(write("t.yaml", TARGET + LIFECYCLE)),
        "-p",
        str(write("p.yaml", PLAN)),
    ]
    for fmt in ("text", "markdown"):
        out = CliRunner().invoke(cli, ["plan", *paths, "--format", fmt]).stdout
        header = next(line for line in out.splitlines() if "reinvestment" in line)
        assert header.index("without cooperation") < header.index("reinvestment")
        assert header.index("running") < header.index("reinvestment with")
        assert "10 080 000" in out and "+ reinvestment with" in out


def test_no_cooperation_yet_replaces_every_server() -> None:
    """Before the first gain there is no cooperation: its series replaces
    the retired servers too (both 80 000), and the saving is 0."""
    settings = ProjectionFile.model_validate(
        {"base_year": 2007, "base_cost": "1M", "efficiency": {2008: "0%"}}
    )
    servers = (
        Due("x", "m", 2, 2006, retired=True),
        Due("y", "m", 1, 2008, retired=True),
    )
    p = project(settings, {}, reinvestment=Reinvestment(Decimal(40_000), servers))
    rows = [(y.year, y.reinvestment, y.reinvestment_with, y.saving) for y in p.years]
    d = Decimal
    assert rows == [
        (2007, d(80_000), d(80_000), d(0)),
        (2008, d(40_000), d(0), d(40_000)),
    ]


def test_the_forecast_break_even_counts_it_too(write: Write) -> None:
    """``planner progress`` re-forecasts with the same reinvestment: 2007
    as the plan (2010 without the lifecycle section)."""
    for target, expected in ((TARGET + LIFECYCLE, 2007), (TARGET, 2010)):
        inv = str(write("r.yaml", INVENTORY))
        args = ["progress", inv, "--plan", str(write("p.yaml", PLAN)), "--now", inv]
        args += ["-t", str(write("t.yaml", target)), "--format", "json"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        assert (doc["break_even"], doc["forecast_break_even"]) == (expected, expected)
