"""The D-IKT key as D-IKT applies it: the variable part by the users of each
package's services (program-users) and non-owner customers' fixed yearly
payments deducted before the split; each example worked by hand on the mini
region (email users alpha 100, beta 60, gamma 20; case-archive 80, 40, 15;
all users 315, 175, 64)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from planner.errors import UsageError
from planner.load import load_inventory
from planner.models.inventory import Budget
from planner.models.plan import CostKeyFile, PlanFile, ProjectionFile
from planner.models.planresult import Package, PlanResult
from planner.planning.costkey import key_from_file, parse_key
from planner.planning.plan import make_frame, make_plan
from planner.planning.programs import package_users
from planner.units import Period
from tests.conftest import MINI


def _p(id_: str, investment: int, **kw: Any) -> Package:
    return Package(
        id=id_, name=id_, kind="hand-written", reason="t", generated=False,
        investment=Decimal(investment), **kw,
    )  # fmt: skip


def _plan(packages: list[Package], key: dict[str, Any]) -> PlanResult:
    frame = make_frame(PlanFile(start=Period.parse("2030Q1"), phase="quarter"), None)
    cost_key = key_from_file(CostKeyFile.model_validate(key))
    return make_plan(load_inventory(MINI).model, packages, frame, cost_key, None)


def _investment(plan: PlanResult) -> dict[str, Decimal]:
    return {s.municipality: s.amounts["investment"] for s in plan.shares}


# mail (email) 360 000 in 2030; archive (case-archive) 270 000 in 2031.
MAIL = _p("mail", 360_000, services=("email",), duration=4)
ARCHIVE = _p("archive", 270_000, services=("case-archive",), depends_on=("mail",))


def test_each_package_splits_by_the_users_of_its_services() -> None:
    """mail: 360 000 x 100/180, 60/180, 20/180 = 200 000, 120 000, 40 000;
    archive: 270 000 x 80/135, 40/135, 15/135 = 160 000, 80 000, 30 000."""
    plan = _plan([MAIL, ARCHIVE], {"variable": "program-users"})
    assert _investment(plan) == {"alpha": 360_000, "beta": 200_000, "gamma": 70_000}
    by_users = _plan([MAIL, ARCHIVE], {"variable": {"users": "100%"}})
    assert _investment(by_users) != _investment(plan)  # 315/175/64 of 554


def test_packages_in_one_year_and_one_without_services() -> None:
    """mail and archive in the same year split as above; training (no
    services) 55 400 by all users: 315, 175, 64 x 100 = 31 500, 17 500, 6 400."""
    archive = _p("archive", 270_000, services=("case-archive",))
    training = _p("training", 55_400)
    plan = _plan([MAIL, archive, training], {"variable": {"program-users": "100%"}})
    assert plan.totals.by_year[2030].investment == 685_400
    assert _investment(plan) == {"alpha": 391_500, "beta": 217_500, "gamma": 76_400}


def test_the_base_per_year_then_program_users_exact_to_the_krone() -> None:
    """Base 100 000 each, then mail's 660 000 - 300 000 = 360 000 by email
    users: 300 000, 220 000, 140 000. Then 100 000 alone in 2031 (less
    than the bases: equal, 33 334 / 33 333 / 33 333)."""
    mail = _p("mail", 660_000, services=("email",), duration=4)
    small = _p("small", 100_000, services=("email",), depends_on=("mail",))
    plan = _plan([mail, small], {"base": "100k", "variable": "program-users"})
    assert _investment(plan) == {"alpha": 333_334, "beta": 253_333, "gamma": 173_333}


def test_rounding_by_largest_remainder() -> None:
    """100 000 by 100/60/20: 55 555.56, 33 333.33, 11 111.11; the krone
    left goes to alpha (largest remainder)."""
    plan = _plan(
        [_p("mail", 100_000, services=("email",))], {"variable": "program-users"}
    )
    assert _investment(plan) == {"alpha": 55_556, "beta": 33_333, "gamma": 11_111}


def test_a_customers_fixed_payment_comes_off_before_the_split() -> None:
    """vestviken-iks pays 100 000 a year: 2030's 400 000 leaves 300 000,
    100 000 each; 2031's 130 000 leaves 30 000, 10 000 each; 2032's 40 000
    is less than the payment, which shrinks to it. IKS 240 000, each owner
    110 000: 570 000 in all."""
    a = _p("a", 400_000, duration=4)
    b = _p("b", 130_000, duration=4, depends_on=("a",))
    c = _p("c", 40_000, depends_on=("b",))
    key = {"variable": {"equal": "100%"}, "fixed": {"vestviken-iks": "100k"}}
    plan = _plan([a, b, c], key)
    assert _investment(plan) == {
        "alpha": 110_000,
        "beta": 110_000,
        "gamma": 110_000,
        "vestviken-iks": 240_000,
    }
    assert sum(_investment(plan).values()) == plan.totals.investment
    assert "after the fixed yearly vestviken-iks 100 000" in plan.key.describe()


def test_fixed_then_the_base_then_program_users() -> None:
    """860 000 in 2030: the IKS 200 000, the bases 300 000, the 360 000 left by
    email users: 300 000, 220 000, 140 000."""
    mail = _p("mail", 860_000, services=("email",))
    key = {"base": "100k", "variable": "program-users", "fixed": {"iks": "200k"}}
    assert _investment(_plan([mail], key)) == {
        "alpha": 300_000,
        "beta": 220_000,
        "gamma": 140_000,
        "iks": 200_000,
    }


def test_a_package_whose_services_nobody_uses_counts_all_users() -> None:
    inv = load_inventory(MINI).model
    users = package_users(inv, _p("x", 1, services=("no-such",)))
    assert users == package_users(inv, _p("y", 1))
    assert users["alpha"] * 554 == 315


def test_program_users_is_for_plans_not_the_command_line() -> None:
    with pytest.raises(UsageError, match="write users here"):
        parse_key("100% program-users")


def test_each_municipality_with_cooperation_after_the_fixed_payment() -> None:
    """400 000 in 2030, equal key, the IKS pays 100 000: each owner's
    "with cooperation" is its budget 1 000 000 + 100 000."""
    inv = load_inventory(MINI).model
    inv.municipalities[:] = [
        m.model_copy(update={"budget": Budget(operations=Decimal(1_000_000))})
        for m in inv.municipalities
    ]

    frame = make_frame(PlanFile(start=Period.parse("2030Q1"), phase="quarter"), None)
    key = {"variable": {"equal": "100%"}, "fixed": {"iks": "100k"}}
    settings = ProjectionFile.model_validate(
        {"base_year": 2030, "base_cost": "1M", "until": 2030}
    )
    plan = make_plan(
        inv,
        [_p("a", 400_000)],
        frame,
        key_from_file(CostKeyFile.model_validate(key)),
        settings,
    )
    with_ = {r.municipality: r.with_ for r in plan.by_municipality if r.year == 2030}
    assert with_ == {"alpha": 1_100_000, "beta": 1_100_000, "gamma": 1_100_000}
