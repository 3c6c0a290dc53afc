"""The state of the network after each phase of a plan, for the diagrams.

A gap counts as closed after phase N when every work package working on it
(``Package.closes``) has finished by the end of phase N. A planned link is
in service once a work package ``link-<id>`` has finished: the generated
upgrade of that link, or a hand-written package of that name that builds
it (a planned link no package builds stays out of the phase diagrams; the
``target`` view shows every planned link).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection

from planner.errors import SettingError, UsageError
from planner.models.planresult import PlanResult

__all__ = ["phase_resolver", "phase_state"]

GapKey = tuple[str, str]


def phase_state(plan: PlanResult, n: int) -> tuple[set[GapKey], set[str]]:
    """``(gaps closed, planned links built)`` by the end of phase ``n``
    (1 = the plan's first phase)."""
    if not plan.phases:
        raise SettingError(
            "view",
            "the plan has no phases: no gap calls for a work package and the plan "
            "file adds none; choose current, target or gaps",
        )
    if not 1 <= n <= len(plan.phases):
        raise UsageError(
            f"the plan has {len(plan.phases)} phases "
            f"({_span(plan)}): choose phase:1 to phase:{len(plan.phases)}"
        )
    end = plan.phases[n - 1].period
    done = {x.package.id for x in plan.placements if x.end <= end}
    workers: dict[GapKey, set[str]] = defaultdict(set)
    for x in plan.placements:
        for key in x.package.closes:
            workers[key].add(x.package.id)
    closed = {key for key, ids in workers.items() if ids <= done}
    built = {pid.removeprefix("link-") for pid in done if pid.startswith("link-")}
    return closed, built


def phase_resolver(
    plan: PlanResult,
) -> Callable[[int], tuple[Collection[GapKey], Collection[str]]]:
    """The ``phases`` argument of ``planner.render.diagram.views.select_view``."""
    return lambda n: phase_state(plan, n)


def _span(plan: PlanResult) -> str:
    return f"{plan.phases[0].period} to {plan.phases[-1].period}"
