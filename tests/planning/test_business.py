"""The business case of a plan: running costs, savings, gains that follow the
schedule, financing; each example worked by hand, and the slip invariant
over many random plans."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from planner.load import load_inventory
from planner.models.inventory import Budget, Inventory, ItStaff
from planner.models.plan import Financing, PlanFile, ProjectionFile
from planner.models.planresult import Package, PlanResult
from planner.models.population import Population
from planner.planning.costkey import parse_key
from planner.planning.plan import make_frame, make_plan
from planner.units import Period
from tests.conftest import MINI


def _inv() -> Inventory:
    return load_inventory(MINI).model


def _p(id_: str, **kw: Any) -> Package:
    fields: dict[str, Any] = {
        k: Decimal(v) if k in _MONEY else v for k, v in kw.items()
    }
    return Package(
        id=id_, name=id_, kind="hand-written", reason="t", generated=False, **fields
    )  # fmt: skip


_MONEY = ("investment", "operating", "per_year", "saving_per_year")


def _plan(
    packages: list[Package],
    start: str,
    projection: dict[str, Any] | None = None,
    financing: Financing | None = None,
    phase: str = "quarter",
) -> PlanResult:
    frame = make_frame(PlanFile(start=Period.parse(start), phase=phase), None)
    settings = ProjectionFile.model_validate(projection) if projection else None
    return make_plan(
        _inv(), packages, frame, parse_key("equal"), settings, financing=financing
    )


# A manager hired in 2030Q1 (480 000 a year, no other cost) is in service
# from 2030Q2; a link (100 000, 120 000 a year) waits for it: 2030Q2-Q3, in
# service from 2030Q4.
MANAGER = _p("manager", per_year=480_000)
LINK = _p("link", investment=100_000, per_year=120_000, duration=2,
          depends_on=("manager",))  # fmt: skip


def test_running_costs_by_year_and_in_the_shares() -> None:
    """2030: 3/4 x 480 000 + 1/4 x 120 000 = 360 000 + 30 000 = 390 000;
    2031: 600 000 (the first full year, so by_year reaches it); 990 000 in
    all, 330 000 per municipality under an equal key; 200 000 a year each
    once everything is in service."""
    plan = _plan([MANAGER, LINK], "2030Q1")
    by_year = {
        y: (int(t.investment), int(t.running)) for y, t in plan.totals.by_year.items()
    }
    assert by_year == {2030: (100_000, 390_000), 2031: (0, 600_000)}
    assert plan.totals.running == 990_000
    assert plan.totals.by_year[2030].total == 490_000
    assert [s.amounts["running"] for s in plan.shares] == [330_000] * 3
    assert [s.amounts["per_year"] for s in plan.shares] == [200_000] * 3
    assert plan.to_dict()["totals"]["by_year"]["2030"]["running"] == 390_000


PROJECTION = {
    "base_year": 2029,
    "base_cost": "10M",
    "efficiency": {"after": "link", "gains": ["0%", "10%"]},
}


def test_gains_follow_the_package_and_running_costs_count() -> None:
    """The link is in service from 2030Q4: its first full year 2031 gains
    0 %, 2032 and after 10 %. With cooperation: 2030 10M + 100 000 +
    390 000 = 10 490 000; 2031 10M + 600 000; 2032 9M + 600 000 =
    9 600 000. Cumulative -490 000, -1 090 000, -690 000, then +400 000 a
    year: -290 000 (2033), +110 000 (2034): break-even 2034."""
    plan = _plan([MANAGER, LINK], "2030Q1", {**PROJECTION, "until": 2035})
    assert plan.projection is not None
    rows = {y.year: y for y in plan.projection.years}
    assert rows[2030].efficiency is None and rows[2031].efficiency == 0
    assert [rows[y].cooperation for y in (2030, 2031, 2032)] == [
        10_490_000,
        10_600_000,
        9_600_000,
    ]
    assert rows[2030].running == 390_000 and rows[2030].establishment == 100_000
    assert [rows[y].cumulative for y in range(2030, 2036)] == [
        -490_000,
        -1_090_000,
        -690_000,
        -290_000,
        110_000,
        510_000,
    ]
    assert plan.projection.break_even == 2034


def test_a_plan_that_slips_a_year_breaks_even_a_year_later() -> None:
    """The same plan from 2031Q1: every figure one year later (growth 0)."""
    plan = _plan([MANAGER, LINK], "2031Q1", {**PROJECTION, "until": 2036})
    assert plan.projection is not None
    assert plan.projection.break_even == 2035


def test_savings_start_when_the_package_is_in_service() -> None:
    """Closing a server room in 2030H1 saves 200 000 a year from 2030H2:
    100 000 in 2030, 200 000 in 2031; with cooperation 10M - 100 000 and
    10M - 200 000 (no gains given)."""
    close = _p("close", operating=50_000, saving_per_year=200_000)
    settings = {"base_year": 2030, "base_cost": "10M", "until": 2031}
    plan = _plan([close], "2030H1", settings, phase="half-year")
    assert plan.projection is not None
    assert [y.cooperation for y in plan.projection.years] == [9_950_000, 9_800_000]
    assert plan.totals.by_year[2031].savings == 200_000


def test_financing_carries_annuities_instead_of_the_lump_investment() -> None:
    """1 000 000 invested in 2030, financed over 5 years at 5 %: 230 975 a
    year 2031-2035 (see test_series); the projection carries no investment
    in 2030 (only the 20 000 from operations) and the annuities after."""
    dc = _p("dc", investment=1_000_000, operating=20_000)
    settings = {"base_year": 2030, "base_cost": "10M"}
    plan = _plan([dc], "2030H1", settings, Financing(years=5, rate=Decimal("0.05")))
    assert plan.projection is not None
    rows = {y.year: y for y in plan.projection.years}
    assert sorted(rows) == list(range(2030, 2036))
    assert rows[2030].cooperation == 10_020_000
    assert [rows[y].capital for y in range(2031, 2036)] == [230_975] * 5
    assert rows[2033].cooperation == 10_230_975
    assert plan.totals.capital == 5 * 230_975
    assert plan.totals.by_year[2035].capital == 230_975


def test_until_that_cuts_off_costs_warns() -> None:
    dc = _p("dc", investment=1_000_000)
    settings = {"base_year": 2030, "base_cost": "10M", "until": 2032}
    plan = _plan([dc], "2030H1", settings, Financing(years=5, rate=Decimal(0)))
    assert plan.warnings == (
        "projection: until 2032 leaves out capital costs of 600 000 in 2033, "
        "2034, 2035; set until: 2035 or later to count them",
    )


def _random_plan(rng: random.Random) -> tuple[list[Package], dict[str, Any]]:
    packages: list[Package] = []
    for i in range(rng.randint(1, 6)):
        deps = tuple(p.id for p in packages if rng.random() < 0.4)
        packages.append(
            _p(
                f"p{i}",
                investment=rng.choice([0, 100_000, 1_000_000, 5_000_000]),
                operating=rng.choice([0, 50_000, 400_000]),
                per_year=rng.choice([0, 0, 120_000, 600_000]),
                saving_per_year=rng.choice([0, 0, 200_000]),
                duration=rng.randint(1, 4),
                depends_on=deps,
            )
        )
    gains = sorted(Decimal(rng.randint(0, 20)) / 100 for _ in range(rng.randint(1, 4)))
    settings = {
        "base_year": 2020,
        "base_cost": Decimal(rng.choice([5, 20, 50])) * 10**6,
        "growth": Decimal(rng.randint(0, 13)) / 100,
        "efficiency": {"after": rng.choice(packages).id, "gains": gains},
        "until": 2045,
    }
    return packages, settings


def _break_evens(
    rng: random.Random, packages: list[Package], settings: dict[str, Any]
) -> tuple[int | None, int | None, int]:
    phase = rng.choice(["quarter", "half-year", "year"])
    start = rng.randint(2021, 2026)
    shift = rng.randint(1, 3)
    loan = Financing(years=5, rate=Decimal("0.04")) if rng.random() < 0.3 else None
    early = _plan(packages, str(start), settings, loan, phase)
    late = _plan(packages, str(start + shift), settings, loan, phase)
    assert early.projection is not None and late.projection is not None
    return early.projection.break_even, late.projection.break_even, shift


def test_without_growth_a_plan_that_slips_breaks_even_as_much_later() -> None:
    """Over many random plans (seeded): without growth, every figure of a
    plan started whole years later moves by those years, and so does the
    break-even (or it falls after ``until``: None)."""
    rng = random.Random(15)
    for _ in range(200):
        packages, settings = _random_plan(rng)
        a, b, shift = _break_evens(rng, packages, {**settings, "growth": 0})
        if a is None or a + shift > 2045:
            assert b is None, (packages, settings)
        else:
            assert b == a + shift, (packages, settings, a, b)


def test_shifting_a_plan_later_never_breaks_even_earlier() -> None:
    """With growth and rising gains after a package, over many random plans
    (seeded): starting 1-3 years later never gives an earlier break-even
    (None, never, counts as the latest). Running costs are left out here:
    with growth, a plan whose running costs exceed its gains at first loses
    less by starting later, when the 0-alternative has grown (a real
    effect of nominal figures, see docs/planning.md)."""
    rng = random.Random(15)
    for _ in range(200):
        packages, settings = _random_plan(rng)
        packages = [replace(p, per_year=Decimal(0)) for p in packages]
        a, b, _ = _break_evens(rng, packages, settings)
        assert b is None or (a is not None and b >= a), (packages, settings, a, b)


def test_a_unit_cost_goes_to_the_municipality_that_pays_it() -> None:
    """Mini, equal key, half-years from 2030H1: a common 900 000 and beta's
    own 300 000 (with 60 000 a year, in service from 2030H2: 30 000 in
    2030, 60 000 in 2031). alpha and gamma pay 300 000 each; beta 300 000
    + 300 000 = 600 000 and all 90 000 of running costs; 1 200 000 in all."""
    common = _p("common", investment=900_000)
    own = _p("beta-own", investment=300_000, per_year=60_000, paid_by="beta")
    plan = _plan([common, own], "2030H1", phase="half-year")
    shares = {s.municipality: s.amounts for s in plan.shares}
    assert [shares[m]["investment"] for m in ("alpha", "beta", "gamma")] == [
        300_000,
        600_000,
        300_000,
    ]
    assert [shares[m]["running"] for m in ("alpha", "beta", "gamma")] == [0, 90_000, 0]
    assert shares["beta"]["per_year"] == 60_000
    assert sum(s["investment"] for s in shares.values()) == plan.totals.investment


def test_a_population_change_splits_each_year_with_its_figures() -> None:
    """alpha 6 000 in 2030 and 7 000 from 2031, beta 3 000, gamma 1 000, 100 %
    population: 2030's 1 000 000 splits 0.6 / 0.3 / 0.1; 2031's 1 100 000
    splits 7/11, 3/11, 1/11 = 700 000 / 300 000 / 100 000. alpha 1 300 000,
    beta 600 000, gamma 200 000; the fraction shown is 2031's."""
    inv = _inv()
    alpha = inv.municipalities[0]
    inv.municipalities[0] = alpha.model_copy(
        update={"population": Population({2030: 6000, 2031: 7000})}
    )
    frame = make_frame(PlanFile(start=Period.parse("2030Q4"), phase="quarter"), None)
    a = _p("a", investment=1_000_000)
    b = _p("b", investment=1_100_000, depends_on=("a",))
    plan = make_plan(inv, [a, b], frame, parse_key("population"))
    shares = {s.municipality: s for s in plan.shares}
    assert [shares[m].amounts["investment"] for m in ("alpha", "beta", "gamma")] == [
        1_300_000,
        600_000,
        200_000,
    ]
    assert shares["alpha"].fraction == Fraction(7, 11)


def test_each_municipality_without_and_with_cooperation() -> None:
    """Mini, equal key, half-years from 2030H1; budgets alpha 1 000 000 and
    beta 2 000 000 (gamma none), growing 10 %, gain 10 % from 2031. A common
    300 000 and beta's own 30 000 (12 000 a year from 2030H2).
    2030: the plan's common 300 000 -> 100 000 each; beta's unit costs
    30 000 + 6 000. alpha 1 000 000 -> 1 100 000; beta 2 000 000 ->
    2 136 000; gamma - -> 100 000.
    2031: budgets 1 100 000 and 2 200 000, less 10 %: 990 000 and
    1 980 000 + beta's 12 000 = 1 992 000; gamma 0."""
    inv = _inv()
    for i, amount in ((0, 1_000_000), (1, 2_000_000)):
        m = inv.municipalities[i]
        budget = Budget(operations=Decimal(amount))
        inv.municipalities[i] = m.model_copy(update={"budget": budget})
    inv.municipalities[2] = inv.municipalities[2].model_copy(update={"budget": None})
    frame = make_frame(PlanFile(start=Period.parse("2030H1")), None)
    settings = ProjectionFile.model_validate(
        {"base_year": 2030, "base_cost": "3M", "growth": "10%",
         "efficiency": {2031: "10%"}}
    )  # fmt: skip
    packages = [
        _p("a", investment=300_000),
        _p("b", investment=30_000, per_year=12_000, paid_by="beta"),
    ]
    plan = make_plan(inv, packages, frame, parse_key("equal"), settings)
    got = {(r.municipality, r.year): (r.without, r.with_) for r in plan.by_municipality}
    assert got == {
        ("alpha", 2030): (1_000_000, 1_100_000),
        ("beta", 2030): (2_000_000, 2_136_000),
        ("gamma", 2030): (None, 100_000),
        ("alpha", 2031): (1_100_000, 990_000),
        ("beta", 2031): (2_200_000, 1_992_000),
        ("gamma", 2031): (None, 0),
    }
    doc = plan.to_dict()["by_municipality"][0]
    assert doc["years"][0] == {
        "year": 2030,
        "without": 1_000_000,
        "with": 1_100_000,
        "saving": -100_000,
    }


def test_staff_without_cooperation_grows_from_the_inventory() -> None:
    """Mini gives no it_staff: none. With alpha 2.0 + 1.0 and beta 1.5 FTE
    (4.5 in all) growing 10 % a year from 2030: 4.5, 4.95 -> 5.0 (to 0.1),
    5.445 -> 5.4; the cooperation's 4 FTE from its first gain (2031)."""
    inv = _inv()
    assert project_staff(inv, {}) == [None, None, None]
    inv.municipalities[0] = inv.municipalities[0].model_copy(
        update={"it_staff": ItStaff(strategic=2.0, operations=1.0)}
    )
    inv.municipalities[1] = inv.municipalities[1].model_copy(
        update={"it_staff": ItStaff(operations=1.5)}
    )
    assert project_staff(inv, {}) == [4.5, 5.0, 5.4]
    assert project_staff(inv, {"staff": 4}, "with") == [4.5, 4.0, 4.0]


def project_staff(
    inv: Inventory, extra: dict[str, Any], which: str = "without"
) -> list[float | None]:
    settings = ProjectionFile.model_validate(
        {"base_year": 2030, "base_cost": "1M", "staff_growth": "10%",
         "efficiency": {2031: "1%"}, "until": 2032, **extra}
    )  # fmt: skip
    frame = make_frame(PlanFile(start=Period.parse("2030H1")), None)
    plan = make_plan(inv, [], frame, parse_key("equal"), settings)
    assert plan.projection is not None
    return [getattr(y, f"staff_{which}") for y in plan.projection.years]
