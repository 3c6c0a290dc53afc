"""Evaluating scenarios: order, progress and errors, serial or in a pool."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planner.compare.evaluate import Job, evaluate_all
from planner.errors import InputError
from planner.load.scenarios import Leaving, Scenario
from tests.conftest import MINI


def _jobs(write: Any, *names: str) -> list[Job]:
    plan = write("p.yaml", "schema: planner/plan/v1\nstart: 2024H1\n")
    return [
        Job(MINI, None, Scenario(n, Path(plan), "p.yaml"), Decimal("0.04"))
        for n in names
    ]


@pytest.mark.parametrize("processes", [1, 2])
def test_results_keep_the_order_and_progress_counts(write: Any, processes: int) -> None:
    calls: list[tuple[int, int]] = []
    results = evaluate_all(
        _jobs(write, "c", "a", "b"), processes, lambda d, t: calls.append((d, t))
    )
    assert [r.name for r in results] == ["c", "a", "b"]
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_pool_and_serial_give_equal_results(write: Any) -> None:
    jobs = _jobs(write, "x", "y")
    serial = [r.to_dict() for r in evaluate_all(jobs, 1)]
    pooled = [r.to_dict() for r in evaluate_all(jobs, 2)]
    assert serial == pooled


def test_problems_of_every_scenario_come_back_together(write: Any) -> None:
    (job,) = _jobs(write, "x")
    bad = Scenario(
        "y", job.scenario.plan, "p.yaml", without=(Leaving("zeta", "s.yaml", 3, 5),)
    )
    with pytest.raises(InputError) as e:
        evaluate_all([job, Job(MINI, None, bad, job.discount)], 2)
    assert [str(p) for p in e.value.problems] == [
        "s.yaml:3:5: unknown municipality 'zeta'; did you mean 'beta'? (without: "
        "names municipality ids of the inventory)"
    ]
