"""Evaluating scenarios: each the same sequence as ``planner plan``, one
process per scenario at a time.

A scenario's evaluation loads its target, the inventory (checked against
that target) with its overlay, and its plan file, analyses the network
(links sized for every single failure, as ``planner plan`` does by default)
and plans with :func:`planner.planning.pipeline.plan_analysed`; the figures
are then read from that plan. Evaluations are independent, so they run in
a process pool; results come back in the order given, so the output does
not depend on the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from planner.analyses.gaps import analyse
from planner.compare.npv import cash_flows, npv
from planner.compare.overlay import without
from planner.errors import InputError, PlannerError, Problem, UsageError
from planner.load.inputs import load_inputs
from planner.load.scenarios import Scenario
from planner.models.bandwidth import BandwidthReport
from planner.models.compare import MissedDeadline, ScenarioResult
from planner.models.frozen import frozen
from planner.models.planresult import PlanResult
from planner.planning.pipeline import plan_analysed

__all__ = ["Job", "Outcome", "default_jobs", "evaluate", "evaluate_all"]

Progress = Callable[[int, int], None]


@frozen
class Job:
    """One scenario to evaluate, with the comparison's common settings."""

    inventory: Path
    target: Path | None
    scenario: Scenario
    discount: Decimal


@frozen
class Outcome:
    """A result, or the problems that stopped it (exceptions do not cross
    process boundaries intact, so they travel as data)."""

    result: ScenarioResult | None
    problems: tuple[Problem, ...] = ()
    messages: tuple[str, ...] = ()


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def evaluate(job: Job) -> Outcome:
    """One scenario, every user error caught and returned."""
    try:
        return Outcome(_evaluate(job))
    except InputError as e:
        return Outcome(None, tuple(e.problems))
    except PlannerError as e:
        return Outcome(None, (), (f"scenario {job.scenario.name}: {e}",))


def _evaluate(job: Job) -> ScenarioResult:
    s = job.scenario
    inputs = load_inputs(job.inventory, s.target or job.target, s.plan)
    tgt, loaded = inputs.target, inputs.plan
    assert loaded is not None  # a scenario always names its plan
    inv = without(inputs.inventory, s.without, tgt.model)
    analysis = analyse(inv.model, tgt.model)
    result = plan_analysed(analysis, inv, tgt.model, loaded)
    return summarise(s, result, analysis.bandwidth, job.discount)


def summarise(
    s: Scenario, plan: PlanResult, bandwidth: BandwidthReport, discount: Decimal
) -> ScenarioResult:
    """The figures of one scenario, read from its plan and bandwidth."""
    basis, flows = cash_flows(plan)
    loads = [
        (ln.worst_utilisation, ln.id)
        for ln in bandwidth.links
        if ln.worst_utilisation is not None
    ]
    worst = max(loads, key=lambda x: (x[0], _desc(x[1])), default=None)
    return ScenarioResult(
        name=s.name,
        plan_file=s.plan_label,
        target_file=s.target_label,
        without=tuple(x.municipality for x in s.without),
        plan=plan,
        npv=npv(flows, discount),
        npv_basis=basis,
        npv_from=min(flows, default=None),
        missed_deadlines=_missed(plan),
        worst_utilisation=None if worst is None else worst[0],
        worst_link=None if worst is None else worst[1],
        cut_off=tuple(sorted({u.site for u in bandwidth.unreachable if u.failed_link})),
    )


def _desc(text: str) -> tuple[int, ...]:
    """Sorts ids in reverse, so that ``max`` takes the first of equal loads."""
    return tuple(-ord(c) for c in text)


def _missed(plan: PlanResult) -> tuple[MissedDeadline, ...]:
    return tuple(
        MissedDeadline(x.package.id, x.end, x.package.deadline)
        for x in plan.placements
        if x.package.deadline and x.end.end_month > x.package.deadline.end_month
    )


def evaluate_all(
    jobs: Sequence[Job], processes: int = 1, progress: Progress | None = None
) -> list[ScenarioResult]:
    """Every job, in a pool of ``processes`` (1: in this process); the
    results in the order of ``jobs``. Raises every problem found at once."""
    outcomes: list[Outcome] = []
    report = progress or (lambda done, total: None)
    report(0, len(jobs))
    if processes <= 1 or len(jobs) <= 1:
        for job in jobs:
            outcomes.append(evaluate(job))
            report(len(outcomes), len(jobs))
    else:
        with ProcessPoolExecutor(max_workers=min(processes, len(jobs))) as pool:
            for outcome in pool.map(evaluate, jobs):
                outcomes.append(outcome)
                report(len(outcomes), len(jobs))
    problems = [p for o in outcomes for p in o.problems]
    if problems:
        raise InputError(problems)
    messages = [m for o in outcomes for m in o.messages]
    if messages:
        raise UsageError("; ".join(messages))
    return [o.result for o in outcomes if o.result is not None]
