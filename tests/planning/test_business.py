"""The business case of a plan: running costs, savings, gains that follow the
schedule, financing; each example worked by hand, and the slip theorem
(when a plan that starts later cannot break even earlier) over many random
plans, with hand-worked counterexamples where it does not hold."""

from __future__ import annotations

import random
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


def _spent_while_losing(plan: PlanResult, k: int) -> Decimal | None:
    """The plan's own money (one-off + running + capital - package savings)
    over the k years up to its last year with a negative cumulative saving;
    None when the cumulative saving is never negative."""
    assert plan.projection is not None
    rows = plan.projection.years
    losing = [y.year for y in rows if y.cumulative < 0]
    if not losing:
        return None
    last = max(losing)
    return sum(
        (
            y.establishment + y.running + y.capital - y.savings
            for y in rows
            if last - k < y.year <= last
        ),
        Decimal(0),
    )


def test_a_slipped_plan_breaks_even_earlier_only_if_it_spends_while_losing() -> None:
    """The slip theorem (docs/planning.md), over many random plans with
    growth, running costs, package savings and financing (seeded): started
    k whole years later, a plan breaks even earlier (None, never, counts as
    the latest) only when the early plan spends money, net, in the k years
    up to its last losing year. Both sides occur, so the condition is
    needed and the test can fail."""
    rng = random.Random(15)
    held = earlier = 0
    for _ in range(300):
        packages, settings = _random_plan(rng)
        phase = rng.choice(["quarter", "half-year", "year"])
        start, k = rng.randint(2021, 2026), rng.randint(1, 3)
        loan = Financing(years=5, rate=Decimal("0.04")) if rng.random() < 0.3 else None
        early = _plan(packages, str(start), settings, loan, phase)
        late = _plan(packages, str(start + k), settings, loan, phase)
        assert early.projection is not None and late.projection is not None
        a, b = early.projection.break_even, late.projection.break_even
        spent = _spent_while_losing(early, k)
        if b is not None and (a is None or b < a):
            earlier += 1
            assert spent is not None and spent > 0, (packages, settings, a, b)
        if spent is not None and spent <= 0:
            held += 1  # the theorem speaks: a plan that loses for a while
    assert held >= 20 and earlier >= 1, (held, earlier)


def test_running_costs_above_the_first_gains_make_a_later_start_pay_back_sooner() -> (
    None
):
    """The counterexample of docs/planning.md, by hand. 10M in 2020 growing
    10 %; a manager hired for a year (1 500 000 a year once in service), 10 %
    gains from the first full year after. Hired in 2021: in service 2022,
    savings 1 210 000 - 1 500 000 = -290 000, then -169 000, -35 900,
    +110 510, +271 561, +448 717; cumulative -290 000, -459 000, -494 900,
    -384 390, -112 829, +335 888: break-even 2027. Hired in 2024: in service
    2025, when 10 % of 16 105 100 already beats 1 500 000: +110 510, never
    negative, break-even 2025. Two years earlier, and rightly so in nominal
    money: the three losing years are never lived."""
    manager = _p("manager", per_year=1_500_000)
    settings = {
        "base_year": 2020, "base_cost": "10M", "growth": "10%", "until": 2030,
        "efficiency": {"after": "manager", "gains": ["10%"]},
    }  # fmt: skip
    early = _plan([manager], "2021", settings, phase="year")
    late = _plan([manager], "2024", settings, phase="year")
    assert early.projection is not None and late.projection is not None
    assert [int(y.cumulative) for y in early.projection.years[2:8]] == [
        -290_000, -459_000, -494_900, -384_390, -112_829, 335_888,
    ]  # fmt: skip
    assert early.projection.break_even == 2027
    assert late.projection.years[5].saving == 110_510
    assert late.projection.break_even == 2025
    assert _spent_while_losing(early, 3) == 3 * 1_500_000


def test_one_off_costs_spread_over_the_losing_years_do_the_same() -> None:
    """No running costs at all: six 1 000 000 investments one a year after a
    free first package, 6 % gains from 2022 on a 10M budget growing 10 %.
    From 2021 the gains (726 000 in 2022, growing) stay below the yearly
    1 000 000 until 2026: cumulative -630 634 at worst, back above zero in
    2028. From 2024 the gains have grown to 966 306 in 2025 and beat the
    investment in 2026: break-even 2026. The plan spends 1 000 000 in each
    of its last three losing years (2025-2027)."""
    packages = [_p("p0")]
    for i in range(1, 7):
        packages.append(_p(f"p{i}", investment=1_000_000, depends_on=(f"p{i - 1}",)))
    settings = {
        "base_year": 2020, "base_cost": "10M", "growth": "10%", "until": 2040,
        "efficiency": {"after": "p0", "gains": ["6%"]},
    }  # fmt: skip
    early = _plan(packages, "2021", settings, phase="year")
    late = _plan(packages, "2024", settings, phase="year")
    assert early.projection is not None and late.projection is not None
    assert min(y.cumulative for y in early.projection.years) == -630_634
    assert (early.projection.break_even, late.projection.break_even) == (2028, 2026)
    assert _spent_while_losing(early, 3) == 3_000_000


def test_a_plan_that_spends_nothing_while_losing_never_pays_back_sooner() -> None:
    """The theorem's own side, by hand: one 5 000 000 investment, 20 % gains
    from its first full year in service on 10M growing 10 %. From 2021:
    -5 000 000, then gains 2 420 000 (2022) and 2 662 000 (2023):
    cumulative -2 580 000, +82 000, break-even 2023; the last losing year
    2022 spends nothing, so one year later cannot pay back sooner. From
    2022: -5 000 000, +2 662 000, +2 928 200: -2 338 000, +590 200,
    break-even 2024."""
    dc = _p("dc", investment=5_000_000)
    settings = {
        "base_year": 2020, "base_cost": "10M", "growth": "10%", "until": 2030,
        "efficiency": {"after": "dc", "gains": ["20%"]},
    }  # fmt: skip
    early = _plan([dc], "2021", settings, phase="year")
    late = _plan([dc], "2022", settings, phase="year")
    assert early.projection is not None and late.projection is not None
    assert _spent_while_losing(early, 1) == 0
    assert (early.projection.break_even, late.projection.break_even) == (2023, 2024)


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
