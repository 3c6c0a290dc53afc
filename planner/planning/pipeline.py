"""The plan of an analysed inventory: the one sequence ``planner plan``,
``planner render --view phase:N`` and ``planner report`` share.

Generate the work packages from the gaps (link upgrades sized by the
bandwidth analysis), merge the hand-written ones, check the references and
the cost key (each problem located in its file), then schedule and price.
Planning takes models and a :class:`planner.errors.ProblemAt` callback per
file (:func:`plan_models`); :func:`plan_analysed` unpacks loaded files for
the commands, without importing the loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from planner.analyses.gaps import Analysis
from planner.analyses.matrix import service_matrix
from planner.errors import InputError, Problem, ProblemAt, UsageError
from planner.models.bandwidth import BandwidthReport
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile
from planner.models.planresult import CostKey, Package, PlanResult
from planner.models.target import Target
from planner.planning.absorb import check_replace
from planner.planning.costkey import check_key, key_from_file
from planner.planning.merge import (
    check_extends,
    check_paid_by,
    check_projection,
    check_references,
    check_services,
)
from planner.planning.plan import make_frame, make_plan, merged_packages
from planner.planning.programs import check_fixed
from planner.planning.reinvestment import reinvestment_due
from planner.planning.scope import check_scope
from planner.units import Period

__all__ = [
    "FromFile",
    "Overrides",
    "Packages",
    "checked_models",
    "checked_packages",
    "plan_analysed",
    "plan_models",
    "recommendations",
]

M = TypeVar("M", covariant=True)


@frozen
class Overrides:
    """Command-line settings that override the plan file's."""

    start: Period | None = None
    phase: str | None = None
    strategy: str | None = None


@frozen
class Packages:
    """The work packages of a plan, checked, with the cost key."""

    packages: tuple[Package, ...]
    warnings: tuple[str, ...]
    key: CostKey


class FromFile(Protocol[M]):
    """A model with the sources its problems point into: what the loader's
    ``Loaded`` gives (planning does not import the loader)."""

    @property
    def model(self) -> M: ...

    @property
    def sources(self) -> _Locates: ...


class _Locates(Protocol):
    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem: ...


def checked_models(
    analysis: Analysis,
    inventory: Inventory,
    target: Target,
    settings: PlanFile | None,
    *,
    inventory_at: ProblemAt,
    plan_at: ProblemAt | None = None,
) -> Packages:
    """Generate and merge the packages, then check the references between
    them and the cost key (what ``planner validate --plan`` checks without
    scheduling); ``inventory_at`` and ``plan_at`` locate each problem in the
    inventory and in the plan file (``settings``; None: the defaults)."""
    given = settings is not None
    settings = settings if settings is not None else PlanFile()
    merged = merged_packages(
        analysis.G,
        analysis.gaps,
        target,
        settings,
        recommended=recommendations(analysis.bandwidth),
    )
    packages, warnings = merged.packages, merged.warnings
    key = key_from_file(settings.cost_key)
    problems: list[Problem] = check_key(inventory, key, inventory_at)
    if given:
        where = plan_at or _nowhere
        problems += check_replace(settings, merged.generated, where)
        problems += check_extends(settings, merged.generated, where)
        problems += check_references(settings, packages, where, also=merged.taken)
        problems += check_services(settings, target.services, where)
        problems += check_projection(settings, packages, where)
        munis = [m.id for m in inventory.municipalities]
        problems += check_paid_by(settings, munis, where)
        problems += check_fixed(settings, dict.fromkeys(munis), where)
        problems += check_scope(settings.scope, target.services, where)
    if problems:
        raise InputError(problems)
    return Packages(tuple(packages), tuple(warnings), key)


def plan_models(
    analysis: Analysis,
    inventory: Inventory,
    target: Target,
    settings: PlanFile | None,
    *,
    inventory_at: ProblemAt,
    plan_at: ProblemAt | None = None,
    overrides: Overrides = Overrides(),
) -> PlanResult:
    """The plan of an inventory already analysed (``planner report`` shares
    its graph, bandwidth and gaps): the checked packages, scheduled.
    ``settings`` None: the defaults of an empty plan file."""
    checked = checked_models(
        analysis,
        inventory,
        target,
        settings,
        inventory_at=inventory_at,
        plan_at=plan_at,
    )
    given = settings is not None
    settings = settings if settings is not None else PlanFile()
    frame = make_frame(
        settings,
        inventory.region.as_of,
        start=overrides.start,
        phase=overrides.phase,
        strategy=overrides.strategy,
    )
    try:
        result = make_plan(
            inventory,
            checked.packages,
            frame,
            checked.key,
            settings.projection,
            warnings=checked.warnings,
            financing=settings.financing,
            reinvestment=reinvestment_due(analysis.gaps, target),
        )
    except UsageError as e:
        if not given or "fixed base" not in str(e):
            raise
        # The base of the plan file's cost key: located there.
        where = plan_at or _nowhere
        raise InputError(
            [where(("cost_key", "base"), f"{e}; lower the base or leave it out")]
        ) from None
    return replace(result, matrix=service_matrix(analysis.G, target))


def checked_packages(
    analysis: Analysis,
    inv: FromFile[Inventory],
    target: Target,
    loaded: FromFile[PlanFile] | None,
) -> Packages:
    """:func:`checked_models` of loaded files, located in them."""
    return checked_models(
        analysis,
        inv.model,
        target,
        loaded.model if loaded else None,
        inventory_at=inv.sources.problem,
        plan_at=loaded.sources.problem if loaded else None,
    )


def plan_analysed(
    analysis: Analysis,
    inv: FromFile[Inventory],
    target: Target,
    loaded: FromFile[PlanFile] | None,
    overrides: Overrides = Overrides(),
) -> PlanResult:
    """:func:`plan_models` of loaded files (what the commands call)."""
    return plan_models(
        analysis,
        inv.model,
        target,
        loaded.model if loaded else None,
        inventory_at=inv.sources.problem,
        plan_at=loaded.sources.problem if loaded else None,
        overrides=overrides,
    )


def _nowhere(
    loc: Sequence[str | int], message: str, *, at_key: bool = False
) -> Problem:
    """Settings given without a file: a problem in them has no position."""
    return Problem("<plan settings>", 0, 0, message)


def recommendations(bandwidth: BandwidthReport) -> dict[str, float]:
    """Link id -> the capacity (Mbit/s) the bandwidth analysis recommends,
    for the links that need more than they have."""
    return {
        ln.id: ln.recommended_capacity_mbps
        for ln in bandwidth.links
        if ln.recommended_capacity_mbps is not None
        and ln.recommended_capacity_mbps > ln.capacity_mbps
    }
