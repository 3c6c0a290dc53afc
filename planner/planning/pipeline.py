"""The plan of an analysed inventory: the one sequence ``planner plan``,
``planner render --view phase:N`` and ``planner report`` share.

Generate the work packages from the gaps (link upgrades sized by the
bandwidth analysis), merge the hand-written ones, check the references and
the cost key (each problem located in its file), then schedule and price.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.analyses.gaps import Analysis
from planner.analyses.matrix import service_matrix
from planner.errors import InputError, Problem, UsageError
from planner.load import Loaded
from planner.models.bandwidth import BandwidthReport
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
    "Overrides",
    "Packages",
    "checked_packages",
    "plan_analysed",
    "recommendations",
]


@dataclass(frozen=True)
class Overrides:
    """Command-line settings that override the plan file's."""

    start: Period | None = None
    phase: str | None = None
    strategy: str | None = None


@dataclass(frozen=True)
class Packages:
    """The work packages of a plan, checked, with the cost key."""

    packages: tuple[Package, ...]
    warnings: tuple[str, ...]
    key: CostKey


def checked_packages(
    analysis: Analysis,
    inv: Loaded[Inventory],
    target: Target,
    loaded: Loaded[PlanFile] | None,
) -> Packages:
    """Generate and merge the packages, then check the references between
    them and the cost key, every problem located in its file (what
    ``planner validate --plan`` checks without scheduling)."""
    settings = loaded.model if loaded else PlanFile()
    merged = merged_packages(
        analysis.G,
        analysis.gaps,
        target,
        settings,
        recommended=recommendations(analysis.bandwidth),
    )
    packages, warnings = merged.packages, merged.warnings
    key = key_from_file(settings.cost_key)
    problems: list[Problem] = check_key(inv.model, key, inv.sources.problem)
    if loaded is not None:
        where = loaded.sources.problem
        problems += check_replace(settings, merged.generated, where)
        problems += check_extends(settings, merged.generated, where)
        problems += check_references(settings, packages, where, also=merged.taken)
        problems += check_services(settings, target.services, loaded.sources.problem)
        problems += check_projection(settings, packages, loaded.sources.problem)
        munis = [m.id for m in inv.model.municipalities]
        problems += check_paid_by(settings, munis, loaded.sources.problem)
        problems += check_fixed(settings, dict.fromkeys(munis), where)
        problems += check_scope(settings.scope, target.services, loaded.sources.problem)
    if problems:
        raise InputError(problems)
    return Packages(tuple(packages), tuple(warnings), key)


def plan_analysed(
    analysis: Analysis,
    inv: Loaded[Inventory],
    target: Target,
    loaded: Loaded[PlanFile] | None,
    overrides: Overrides = Overrides(),
) -> PlanResult:
    """The plan of an inventory already analysed (``planner report`` shares
    its graph, bandwidth and gaps): the checked packages, scheduled."""
    settings = loaded.model if loaded else PlanFile()
    checked = checked_packages(analysis, inv, target, loaded)
    frame = make_frame(
        settings,
        inv.model.region.as_of,
        start=overrides.start,
        phase=overrides.phase,
        strategy=overrides.strategy,
    )
    try:
        result = make_plan(
            inv.model,
            checked.packages,
            frame,
            checked.key,
            settings.projection,
            warnings=checked.warnings,
            financing=settings.financing,
            reinvestment=reinvestment_due(analysis.gaps, target),
        )
    except UsageError as e:
        if loaded is None or "fixed base" not in str(e):
            raise
        # The base of the plan file's cost key: located there.
        raise InputError(
            [
                loaded.sources.problem(
                    ("cost_key", "base"), f"{e}; lower the base or leave it out"
                )
            ]
        ) from None
    return replace(result, matrix=service_matrix(analysis.G, target))


def recommendations(bandwidth: BandwidthReport) -> dict[str, float]:
    """Link id -> the capacity (Mbit/s) the bandwidth analysis recommends,
    for the links that need more than they have."""
    return {
        ln.id: ln.recommended_capacity_mbps
        for ln in bandwidth.links
        if ln.recommended_capacity_mbps is not None
        and ln.recommended_capacity_mbps > ln.capacity_mbps
    }
