"""The ``program-users`` criterion: each work package's cost split by the
users of its services per municipality (D-IKT's variable part "by users per
program").

A package's users are those of the inventory's systems of the services in
``Package.services``; a package without services, or whose services have no
users, counts all users. The shares split a year's common amount as one sum
(so they add up to it to the krone); the criterion's weight of a
municipality in that sum is the packages' user fractions weighted by what
each package costs in it: ``sum_p cost_p / total x users_p,m / users_p``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from planner.errors import Problem, ProblemAt
from planner.models.inventory import Inventory
from planner.models.plan import CostKeyFile, PlanFile, SplitKeyFile
from planner.models.planresult import Package

__all__ = ["check_fixed", "mix_weights", "package_users"]


def package_users(inventory: Inventory, package: Package) -> dict[str, Fraction]:
    """Each municipality's fraction of the users of ``package``'s services
    (all users when it has none)."""
    services = set(package.services)
    counts = {
        m.id: sum(s.users for s in m.systems if s.service in services)
        for m in inventory.municipalities
    }
    if not any(counts.values()):
        counts = {
            m.id: sum(s.users for s in m.systems) for m in inventory.municipalities
        }
    whole = sum(counts.values())
    if not whole:
        return {m: Fraction(1, len(counts)) for m in counts}
    return {m: Fraction(n, whole) for m, n in counts.items()}


def mix_weights(
    inventory: Inventory,
    costs: Iterable[tuple[Package, Decimal]],
) -> dict[str, Fraction] | None:
    """The ``program-users`` weights of an amount made of ``costs`` (a
    package and what it costs in the amount); None when it is nothing."""
    cache: dict[str, dict[str, Fraction]] = {}
    out: dict[str, Fraction] = defaultdict(Fraction)
    whole = Fraction(0)
    for package, cost in costs:
        if not cost:
            continue
        users = cache.get(package.id)
        if users is None:
            users = cache[package.id] = package_users(inventory, package)
        whole += Fraction(cost)
        for m, f in users.items():
            out[m] += Fraction(cost) * f
    if not whole:
        return None
    return {m: v / whole for m, v in out.items()}


def check_fixed(
    plan: PlanFile, municipalities: Mapping[str, object], problem_at: ProblemAt
) -> list[Problem]:
    """``fixed`` payments are for customers that are not owners: naming a
    municipality of the inventory is a mistake."""
    key = plan.cost_key
    keys = (
        [
            (("cost_key", "investment"), key.investment),
            (("cost_key", "operating"), key.operating),
        ]
        if isinstance(key, SplitKeyFile)
        else [(("cost_key",), key)]
    )
    out = []
    for loc, one in keys:
        if not isinstance(one, CostKeyFile):
            continue
        for name in one.fixed:
            if name in municipalities:
                out.append(
                    problem_at(
                        (*loc, "fixed", name),
                        f"'{name}' is an owner municipality, which pays by the key; "
                        "fixed: names customers that are not in the inventory "
                        "(municipal companies, IKS)",
                    )
                )
    return out
