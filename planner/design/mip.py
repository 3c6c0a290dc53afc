"""The covering MIP the cut loop re-solves, with HiGHS (``highspy``).

    minimise   sum cost_i x_i
    subject to sum_{i in C} x_i >= need_C   for every cut C found so far
               x_i in {0, 1}

Solved to a zero relative gap (HiGHS's default would stop 0.01 % short),
single-threaded with a fixed seed so the same input gives the same answer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import highspy
import numpy as np

from planner.models.frozen import frozen

__all__ = ["Solution", "solve_cover"]


@frozen
class Solution:
    """The chosen variables; ``optimal`` False when the time limit stopped
    the solver (``bound`` is then the best proven lower bound)."""

    chosen: frozenset[int]
    objective: float
    bound: float
    optimal: bool


_quiet: list[bool] = []


def _highs() -> highspy.Highs:
    """A solver. HiGHS prints its banner to the process's standard output
    when the first one is made, whatever the options: that would corrupt
    ``planner design --format json``, so the first is made with fd 1 shut."""
    if _quiet:
        return highspy.Highs()  # type: ignore[no-untyped-call]
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with Path(os.devnull).open("wb") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()  # type: ignore[no-untyped-call]
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _quiet.append(True)
    return h


def solve_cover(
    costs: Sequence[float],
    cuts: Sequence[tuple[Sequence[int], int]],
    *,
    time_limit: float = 60.0,
) -> Solution:
    """Solve the covering MIP over variables ``0..len(costs)-1``."""
    h = _highs()
    for name, value in (
        ("output_flag", False),
        ("threads", 1),
        ("random_seed", 0),
        ("mip_rel_gap", 0.0),
        ("mip_abs_gap", 1e-6),
        ("time_limit", float(max(time_limit, 0.01))),
    ):
        h.setOptionValue(name, value)
    n = len(costs)
    inf = highspy.kHighsInf
    h.addVars(n, np.zeros(n), np.ones(n))
    idx = np.arange(n, dtype=np.int32)
    h.changeColsCost(n, idx, np.asarray(costs, dtype=np.float64))
    h.changeColsIntegrality(
        n, idx, np.full(n, highspy.HighsVarType.kInteger, dtype=np.uint8)
    )
    starts: list[int] = []
    index: list[int] = []
    lower: list[float] = []
    for members, need in cuts:
        starts.append(len(index))
        index.extend(sorted(members))
        lower.append(float(need))
    m = len(lower)
    if m:
        h.addRows(
            m,
            np.asarray(lower, dtype=np.float64),
            np.full(m, inf),
            len(index),
            np.asarray(starts, dtype=np.int32),
            np.asarray(index, dtype=np.int32),
            np.ones(len(index)),
        )
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    if status == highspy.HighsModelStatus.kInfeasible:
        raise ValueError("the covering model is infeasible")
    values = h.getSolution().col_value
    chosen = frozenset(i for i in range(n) if values[i] > 0.5)
    objective = float(sum(costs[i] for i in chosen))
    optimal = status == highspy.HighsModelStatus.kOptimal
    bound = objective if optimal else float(info.mip_dual_bound)
    return Solution(chosen, objective, bound, optimal)
