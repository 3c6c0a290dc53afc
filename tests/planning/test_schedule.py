"""The scheduler on small hand-made package sets; every phase worked out by
hand in the docstrings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner.models.planresult import Frame, Package
from planner.planning.schedule import CycleError, phase_index, priority_order, schedule
from planner.units import Period


def pkg(id_: str, inv: int = 0, **kw: object) -> Package:
    return Package(
        id=id_,
        name=id_,
        kind="hand-written",
        reason="test",
        generated=False,
        investment=Decimal(inv),
        **kw,  # type: ignore[arg-type]
    )


def frame(**kw: object) -> Frame:
    kw.setdefault("start", Period.parse("2027H1"))
    return Frame(**kw)  # type: ignore[arg-type]


def starts(packages: list[Package], f: Frame) -> dict[str, str]:
    return {
        x.package.id: f"{x.start}-{x.end}" for x in schedule(packages, f).placements
    }


def test_dependencies_finish_in_an_earlier_phase() -> None:
    """a (2 phases: H1-H2 2027) -> b starts 2028H1; c has no dependency."""
    got = starts([pkg("a", duration=2), pkg("b", depends_on=("a",)), pkg("c")], frame())
    assert got == {"a": "2027H1-2027H2", "b": "2028H1-2028H1", "c": "2027H1-2027H1"}


def test_not_before_in_the_phase_that_contains_it() -> None:
    """Half-years: not_before 2028Q2 falls in 2028H1; 2026 (before the start)
    is no constraint."""
    got = starts(
        [
            pkg("a", not_before=Period.parse("2028Q2")),
            pkg("b", not_before=Period.parse("2026")),
        ],
        frame(),
    )
    assert got == {"a": "2028H1-2028H1", "b": "2027H1-2027H1"}


def test_budget_cap_moves_packages_to_later_phases() -> None:
    """Cap 1M: a (600k) and b (500k) cannot share a phase; c (400k) fits
    beside a: H1 = a + c = 1.0M, H2 = b."""
    f = frame(budget_investment=Decimal(1_000_000))
    got = starts([pkg("a", 600_000), pkg("b", 500_000), pkg("c", 400_000)], f)
    assert got == {"a": "2027H1-2027H1", "b": "2027H2-2027H2", "c": "2027H1-2027H1"}


def test_staff_cap_counts_effort_in_every_phase_of_the_duration() -> None:
    """Cap 2 FTE: a runs H1-H2 2027 with 1.5 FTE, so b (1 FTE) fits neither
    phase and starts 2028H1; c (0.5 FTE) fits beside a."""
    f = frame(staff=2.0)
    got = starts(
        [pkg("a", effort=1.5, duration=2), pkg("b", effort=1.0), pkg("c", effort=0.5)],
        f,
    )
    assert got == {"a": "2027H1-2027H2", "b": "2028H1-2028H1", "c": "2027H1-2027H1"}


def test_a_package_bigger_than_the_cap_goes_alone_with_a_warning() -> None:
    """Cap 1M: small (300k) takes 2027H1; huge (5M) needs a phase with no
    other investment: 2027H2; after (300k) cannot join huge's phase and
    goes back to 2027H1 (300k + 300k <= 1M). Never an endless search."""
    f = frame(budget_investment=Decimal(1_000_000))
    result = schedule(
        [pkg("small", 300_000), pkg("huge", 5_000_000), pkg("after", 300_000)], f
    )
    got = {x.package.id: str(x.start) for x in result.placements}
    assert got == {"small": "2027H1", "huge": "2027H2", "after": "2027H1"}
    assert result.warnings == (
        "work package huge is bigger than a phase allows on its own (investment "
        "5 000 000 > the cap of 1 000 000): scheduled alone in 2027H2",
    )


def test_zero_cost_packages_are_not_blocked_by_a_full_phase() -> None:
    f = frame(budget_investment=Decimal(100))
    got = starts([pkg("huge", 500), pkg("free", depends_on=())], f)
    assert got["free"] == "2027H1-2027H1"


def test_big_bang_ignores_caps_and_reports_the_overrun() -> None:
    """Cap 1M, 1.5M + 0.7M in 2027H1: 1.2M over; 3 FTE against 2: 1 over."""
    f = frame(strategy="big-bang", budget_investment=Decimal(1_000_000), staff=2.0)
    result = schedule(
        [pkg("a", 1_500_000, effort=2.0), pkg("b", 700_000, effort=1.0)], f
    )
    assert {str(x.start) for x in result.placements} == {"2027H1"}
    assert result.warnings == (
        "phase 2027H1: investment 2 200 000 is 1 200 000 over the cap of 1 000 000",
        "phase 2027H1: effort 3 FTE is 1 FTE over the staff cap of 2 FTE",
    )


def test_missed_deadline_is_a_warning() -> None:
    """b waits for a (2027H1-2028H1) and starts 2028H2, after its deadline
    2028H1; a quarter deadline inside the last phase is met."""
    result = schedule(
        [
            pkg("a", duration=3, deadline=Period.parse("2028Q2")),
            pkg("b", depends_on=("a",), deadline=Period.parse("V2028")),
        ],
        frame(),
    )
    assert result.warnings == (
        "work package b finishes in 2028H2, after its deadline 2028H1",
    )


def test_earliest_deadline_first_among_ready_packages() -> None:
    order = priority_order([pkg("a"), pkg("b", deadline=Period.parse("2027H1"))])
    assert [p.id for p in order] == ["b", "a"]


def test_cycle_is_an_error_naming_it() -> None:
    with pytest.raises(CycleError, match=r"dependency cycle: a -> b -> a"):
        schedule([pkg("a", depends_on=("b",)), pkg("b", depends_on=("a",))], frame())


@pytest.mark.parametrize(
    ("kind", "period", "index"),
    [
        ("quarter", "2009Q3", 2),
        ("quarter", "2010", 4),
        ("half-year", "2010Q3", 3),
        ("year", "2012H2", 3),
    ],
)
def test_phase_index(kind: str, period: str, index: int) -> None:
    f = Frame(start=Period.parse("2009").as_kind(kind), phase=kind)
    assert phase_index(Period.parse(period), f) == index


def test_thousands_of_packages_under_a_tight_cap_finish() -> None:
    """2,000 packages of 100k under a 1M cap: ten per phase, 200 phases."""
    packages = [pkg(f"p{i:04d}", 100_000) for i in range(2000)]
    result = schedule(packages, frame(budget_investment=Decimal(1_000_000)))
    assert result.phases == 200
    assert all(v == Decimal(1_000_000) for v in result.investment.values())


def _access_links_and_a_data_centre(**move: object) -> list[Package]:
    links = [pkg(f"access-{i}", 100_000) for i in range(10)]
    dc = pkg("datacenter", 900_000)
    return [*links, dc, pkg("move", 100_000, depends_on=("datacenter",), **move)]


def test_the_critical_path_to_a_deadline_comes_first() -> None:
    """Cap 1 000 000 per half-year from 2027H1. Ten access links of 100 000
    come first in the given order; the move (deadline 2027H2) waits for the
    900 000 data centre, which inherits the deadline: 2027H1 datacenter +
    access-0 (1 000 000); 2027H2 the move and access-1..9 (1 000 000). By
    the given order alone the links would fill 2027H1 and the move miss its
    deadline in 2028H1."""
    f = frame(budget_investment=Decimal(1_000_000))
    got = starts(_access_links_and_a_data_centre(deadline=Period.parse("2027H2")), f)
    assert got["datacenter"] == "2027H1-2027H1"
    assert got["access-0"] == "2027H1-2027H1"
    assert got["move"] == "2027H2-2027H2"
    assert {got[f"access-{i}"] for i in range(1, 10)} == {"2027H2-2027H2"}


def test_a_higher_priority_goes_first() -> None:
    """Without a deadline, priority 1 on the data centre puts it (and one
    link) in 2027H1; without it, the links fill 2027H1 and it waits."""
    f = frame(budget_investment=Decimal(1_000_000))
    plain = _access_links_and_a_data_centre()
    assert starts(plain, f)["datacenter"] == "2027H2-2027H2"
    first = [
        Package(**{**p.__dict__, "priority": 1}) if p.id == "datacenter" else p
        for p in plain
    ]
    assert starts(first, f)["datacenter"] == "2027H1-2027H1"
