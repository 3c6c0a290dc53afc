"""Cost keys: how the municipalities share a cost.

A key weighs criteria (``equal``, ``population``, ``workstations``,
``employees``, ``users``) by percentages (Melhus: 50 % equal, 50 % by
population; ROR-IKT: 30/70), optionally after a fixed ``base`` per
municipality (D-IKT: 2 MNOK each, the rest by users). Fractions are exact
rationals; amounts are split by largest remainder so the shares add up to
the amount exactly, to whole currency units by default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from planner.errors import Problem, ProblemAt, SettingError, UsageError, did_you_mean
from planner.models.inventory import Inventory, Municipality
from planner.models.plan import CRITERIA, CostKeyFile, Criterion, SplitKeyFile
from planner.models.planresult import CostKey
from planner.models.population import population_in
from planner.units import format_money, parse_money

KEY = "cost key"
"""The setting the errors of :func:`parse_key` name (the CLI: ``--key``)."""

__all__ = [
    "check_key",
    "key_fractions",
    "key_from_file",
    "parse_key",
    "split_amount",
]


def key_from_file(
    value: Mapping[Criterion, Decimal] | CostKeyFile | SplitKeyFile,
) -> CostKey:
    """The key of a plan file's ``cost_key`` (any form)."""
    if isinstance(value, SplitKeyFile):
        main = key_from_file(value.investment)
        return replace(main, operating=key_from_file(value.operating))
    if isinstance(value, CostKeyFile):
        fixed = tuple(sorted(value.fixed.items()))
        return CostKey(tuple(value.variable.items()), value.base, fixed=fixed)
    return CostKey(tuple(value.items()))


def criterion_value(
    m: Municipality, criterion: str, year: int | None = None
) -> int | None:
    """A municipality's figure for one criterion (None: not given); a
    population by year gives the latest figure at or before ``year``."""
    if criterion == "equal":
        return 1
    if criterion in ("users", "program-users"):
        return sum(sy.users for sy in m.systems)
    if criterion == "population":
        return population_in(m.population, year)
    value: int | None = getattr(m, criterion)
    return value


def check_key(
    inventory: Inventory, key: CostKey, problem_at: ProblemAt
) -> list[Problem]:
    """Problems that make ``key`` unusable for ``inventory``: a criterion a
    municipality does not give, or one that is zero everywhere."""
    out = []
    criteria = [c for c, _ in key.weights]
    if key.operating is not None:
        criteria += [c for c, _ in key.operating.weights if c not in criteria]
    for criterion in criteria:
        values = [criterion_value(m, criterion) for m in inventory.municipalities]
        for i, value in enumerate(values):
            if value is None:
                out.append(
                    problem_at(
                        ("municipalities", i, "id"),
                        f"municipality '{inventory.municipalities[i].id}' has no "
                        f"{criterion}: the cost key splits by {criterion}; add "
                        f"{criterion}: N",
                    )
                )
        if values and not any(values) and None not in values:
            out.append(
                problem_at(
                    ("municipalities",),
                    f"every municipality has 0 {criterion}: the cost key cannot "
                    f"split by {criterion}",
                )
            )
    return out


def key_fractions(
    inventory: Inventory,
    key: CostKey,
    total: Decimal = Decimal(0),
    year: int | None = None,
    programs: Mapping[str, Fraction] | None = None,
) -> dict[str, Fraction]:
    """Each municipality's exact fraction of ``total`` under ``key``.

    With a ``base``, each municipality pays the base and the rest
    (``total - n * base``) is split by the criteria, so the fraction depends
    on the total. ``year`` picks the populations (the latest without it).
    ``programs``: the ``program-users`` weights of this amount's packages
    (:mod:`planner.planning.programs`; without them, all users). With
    ``fixed`` payments (and a ``total``) the customers come first, each
    with its payment / total. Call :func:`check_key` first.
    """
    munis = inventory.municipalities
    weights: dict[str, Fraction] = {m.id: Fraction(0) for m in munis}
    for criterion, pct in key.weights:
        if criterion == "program-users" and programs is not None:
            values = {m.id: programs.get(m.id, Fraction(0)) for m in munis}
        else:
            values = {
                m.id: Fraction(criterion_value(m, criterion, year) or 0) for m in munis
            }
        whole = sum(values.values(), Fraction(0))
        for m_id, v in values.items():
            weights[m_id] += Fraction(pct) * v / whole
    fixed = {c: Fraction(v) for c, v in key.fixed} if total else {}
    paid = sum(fixed.values(), Fraction(0))
    if paid > Fraction(total):  # less than the payments: they shrink alike
        return {c: v / paid for c, v in fixed.items()} | dict.fromkeys(
            weights, Fraction(0)
        )
    owners = Fraction(total) - paid  # what the owners share
    if not key.base or not owners:
        return _after(weights, fixed, total)
    base, amount = Fraction(key.base), owners
    rest = amount - base * len(munis)
    if rest < 0:
        raise UsageError(
            f"the fixed base {format_money(key.base)} x {len(munis)} municipalities "
            f"is more than the amount {format_money(total)}"
        )
    owned = {m: (base + rest * w) / amount for m, w in weights.items()}
    return _after(owned, fixed, total)


def _after(
    owners: dict[str, Fraction], fixed: Mapping[str, Fraction], total: Decimal
) -> dict[str, Fraction]:
    """The owners' fractions of what is left after the ``fixed`` payments,
    and the customers' fractions of ``total``."""
    if not fixed:
        return owners
    whole = Fraction(total)
    left = (whole - sum(fixed.values(), Fraction(0))) / whole
    return {m: f * left for m, f in owners.items()} | {
        c: v / whole for c, v in fixed.items()
    }


def split_amount(
    amount: Decimal,
    fractions: Mapping[str, Fraction],
    unit: Decimal = Decimal(1),
) -> dict[str, Decimal]:
    """``amount`` split by ``fractions`` (adding up to 1) in multiples of
    ``unit``, by largest remainder: the shares add up to ``amount`` exactly.

    When ``amount`` itself has finer digits than ``unit`` (øre in a split to
    whole kroner), the unit shrinks to them, since whole units could not add
    up. Ties go to the larger fraction, then to the first id alphabetically.

    >>> from fractions import Fraction as F
    >>> split_amount(Decimal(100), {"a": F(1, 3), "b": F(1, 3), "c": F(1, 3)})
    {'a': Decimal('34'), 'b': Decimal('33'), 'c': Decimal('33')}
    """
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and amount != amount.to_integral_value():
        unit = min(unit, Decimal(1).scaleb(exponent))
    units = Fraction(amount) / Fraction(unit)
    raw = {m: units * f for m, f in fractions.items()}
    floors = {m: int(r) for m, r in raw.items()}  # raw >= 0: int() floors
    left = int(units) - sum(floors.values())
    order = sorted(raw, key=lambda m: (-(raw[m] - floors[m]), -fractions[m], m))
    for m in order[:left]:
        floors[m] += 1
    return {m: _money(unit * n) for m, n in floors.items()}


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


# The command-line spelling: "50% equal, 50% population",
# "30/70 equal/population", "base 2M, 100% users".
_TERM = re.compile(
    r"^(?:(?P<pct>[0-9.,]+)\s*%\s*(?P<name>[\w-]+)"
    r"|(?P<name2>[\w-]+)\s+(?P<pct2>[0-9.,]+)\s*%)$"
)
_SLASH = re.compile(
    r"^(?P<nums>[0-9.,]+(?:\s*/\s*[0-9.,]+)+)\s+(?P<names>[\w-]+(?:\s*/\s*[\w-]+)+)$"
)
_BASE = re.compile(r"^base\s+(?P<amount>.+)$|^(?P<amount2>.+?)\s+base$")


def parse_key(text: str) -> CostKey:
    """A key from the command line: ``"50% equal, 50% population"``,
    ``"30/70 equal/population"``, ``"population"`` (100 %), or with a D-IKT
    base: ``"base 2M, 100% users"``."""
    base = Decimal(0)
    weights: dict[str, Decimal] = {}
    for term in (t.strip() for t in re.split(r"[;+]|,(?!\d)", text)):
        if not term:
            continue
        if m := _BASE.match(term):
            base = _amount(m["amount"] or m["amount2"])
        elif m := _SLASH.match(term):
            _slash(m["nums"], m["names"], weights)
        elif m := _TERM.match(term):
            _add(weights, m["name"] or m["name2"], _pct(m["pct"] or m["pct2"]))
        elif re.fullmatch(r"[\w-]+", term):
            _add(weights, term, Decimal(1))
        else:
            raise SettingError(
                KEY,
                f"cannot read '{term}'; write e.g. \"50% equal, 50% "
                'population" or "30/70 equal/population"',
            )
    total = sum(weights.values(), Decimal(0))
    if not weights or total != 1:
        raise SettingError(
            KEY, f"the percentages add up to {(total * 100).normalize():f} %, not 100 %"
        )
    return CostKey(tuple(weights.items()), base)


def _slash(nums: str, names: str, weights: dict[str, Decimal]) -> None:
    values = [_pct(n.strip()) for n in nums.split("/")]
    criteria = [n.strip() for n in names.split("/")]
    if len(values) != len(criteria):
        raise SettingError(
            KEY,
            f"{len(values)} numbers for {len(criteria)} criteria in '{nums} {names}'",
        )
    for name, value in zip(criteria, values, strict=True):
        _add(weights, name, value)


def _add(weights: dict[str, Decimal], name: str, value: Decimal) -> None:
    if name == "program-users":
        raise SettingError(
            KEY,
            "program-users splits each work package by the users of its "
            "services, which only a plan knows; write users here",
        )
    if name not in CRITERIA:
        raise SettingError(
            KEY,
            f"unknown criterion '{name}'{did_you_mean(name, CRITERIA)}; "
            f"choose from {', '.join(CRITERIA)}",
        )
    if name in weights:
        raise SettingError(KEY, f"'{name}' is named twice")
    weights[name] = value


def _pct(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ".")) / 100
    except ArithmeticError:
        raise SettingError(KEY, f"'{text}' is not a percentage") from None


def _amount(text: str) -> Decimal:
    try:
        return parse_money(text.strip())
    except ValueError as e:
        raise SettingError(KEY, f"base: {e}") from None
