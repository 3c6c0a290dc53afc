"""The scheduler: work packages into quarters, half-years or years.

Packages are taken in priority order (a topological order; among the ready
ones the highest ``priority``, then the earliest deadline, counting the
deadlines of the packages that wait for them, then the order they were
given in) and each is
put in the earliest phase that its dependencies (finished in an earlier
phase) and ``not_before`` allow, and under ``evolution`` also the caps: the
investment (and operating) budget counts a package's money in the phase it
starts in, the staff cap its effort in every phase it runs. A package too
big for a cap on its own is put alone in the first phase that is free in
that respect, with a warning; the search always ends, because past the last
occupied phase every phase is free. ``big-bang`` ignores the caps and
reports the overrun per phase.
"""

from __future__ import annotations

import functools
import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import field
from decimal import Decimal

from planner.errors import PlannerError
from planner.graph import find_cycle
from planner.models.frozen import frozen
from planner.models.notice import Notice
from planner.models.planresult import Frame, Package, Placement
from planner.units import Period, format_money

__all__ = ["CycleError", "Schedule", "phase_index", "schedule"]

_MONTHS = {"quarter": 3, "half-year": 6, "year": 12}
_EPS = 1e-9
ZERO = Decimal(0)


class CycleError(PlannerError):
    """The work packages depend on each other in a circle."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__(f"dependency cycle: {' -> '.join(cycle)}")


@frozen
class Schedule:
    """Placements (by start phase, then id), the number of phases, the
    money and effort per phase index, and the warnings."""

    placements: tuple[Placement, ...]
    phases: int
    investment: dict[int, Decimal]
    operating: dict[int, Decimal]
    effort: dict[int, float]
    warnings: tuple[str, ...] = field(default=())


def phase_index(period: Period, frame: Frame) -> int:
    """The index of the phase containing ``period``'s start (may be < 0)."""
    months = _MONTHS[frame.phase]
    return (period.as_kind(frame.phase).start_month - frame.start.start_month) // months


def priority_order(packages: Sequence[Package]) -> list[Package]:
    """A topological order; among ready packages the highest ``priority``
    first, then the earliest deadline (a package's own, or the earliest of
    any package waiting for it, so the critical path to each deadline comes
    first), then the given order. Raises :class:`CycleError` naming a
    cycle."""
    return [packages[i] for i in _order(packages, _known_deps(packages))]


def _known_deps(packages: Sequence[Package]) -> list[tuple[int, ...]]:
    """Each package's dependencies among ``packages``, as their positions,
    each once (a dependency on anything else is checked elsewhere, not
    waited for). Tuples: a national plan's 200,000 dependencies held as sets
    were 16 MB at the peak of its memory, as tuples a quarter of that."""
    position = {p.id: i for i, p in enumerate(packages)}.get
    return [
        tuple(i for i in set(map(position, p.depends_on)) if i is not None)
        for p in packages  # None: not among packages
    ]


def _order(packages: Sequence[Package], deps: list[tuple[int, ...]]) -> list[int]:
    """:func:`priority_order` as positions in ``packages``. A national plan
    has 200,000 dependencies (each move waits for thousands of link
    upgrades): they are counted down by position, not by id."""
    due = _deadlines(packages)
    waiting = [len(d) for d in deps]
    needed_by: list[list[int]] = [[] for _ in packages]
    for i, ds in enumerate(deps):
        for d in ds:
            needed_by[d].append(i)
    # Positions are unique, so the key alone orders the heap.
    keys = [(-p.priority, due.get(p.id, 1 << 30), i) for i, p in enumerate(packages)]
    heap = [keys[i] for i, n in enumerate(waiting) if not n]
    heapq.heapify(heap)
    order = []
    while heap:
        i = heapq.heappop(heap)[2]
        order.append(i)
        for nxt in needed_by[i]:
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heapq.heappush(heap, keys[nxt])
    if len(order) < len(packages):
        cycle = find_cycle({p.id: p.depends_on for p in packages})
        left = sorted(packages[i].id for i, n in enumerate(waiting) if n)
        raise CycleError(cycle or left)
    return order


def _deadlines(packages: Sequence[Package]) -> dict[str, int]:
    """Each package's earliest deadline (end month) among itself and every
    package that waits for it, directly or not (cycles: see the caller)."""
    by_id = {p.id: p for p in packages}
    due = {p.id: p.deadline.end_month for p in packages if p.deadline}
    stack = list(due)
    while stack:
        pid = stack.pop()
        for d in by_id[pid].depends_on:
            if d in by_id and due[pid] < due.get(d, 1 << 30):
                due[d] = due[pid]
                stack.append(d)
    return due


class _Load:
    """Money and effort placed so far, per phase index."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.investment: dict[int, Decimal] = defaultdict(Decimal)
        self.operating: dict[int, Decimal] = defaultdict(Decimal)
        self.effort: dict[int, float] = defaultdict(float)

    def add(self, p: Package, at: int) -> None:
        self.investment[at] += p.investment
        self.operating[at] += p.operating
        for q in range(at, at + p.duration):
            self.effort[q] += p.effort

    def oversize(self, p: Package) -> list[str]:
        """The caps ``p`` exceeds on its own."""
        f = self.frame
        out = []
        if f.budget_investment is not None and p.investment > f.budget_investment:
            out.append("investment")
        if f.budget_operating is not None and p.operating > f.budget_operating:
            out.append("operating")
        if f.staff is not None and p.effort > f.staff + _EPS:
            out.append("staff")
        return out

    def fits(self, p: Package, at: int, alone: list[str]) -> bool:
        f = self.frame
        return (
            _money_fits(
                self.investment[at],
                p.investment,
                f.budget_investment,
                "investment" in alone,
            )
            and _money_fits(
                self.operating[at],
                p.operating,
                f.budget_operating,
                "operating" in alone,
            )
            and all(
                _staff_fits(self.effort[q], p.effort, f.staff, "staff" in alone)
                for q in range(at, at + p.duration)
            )
        )


def _money_fits(
    used: Decimal, amount: Decimal, cap: Decimal | None, alone: bool
) -> bool:
    if cap is None or not amount:
        return True
    return not used if alone else used + amount <= cap


def _staff_fits(used: float, effort: float, cap: float | None, alone: bool) -> bool:
    if cap is None or not effort:
        return True
    return used <= _EPS if alone else used + effort <= cap + _EPS


def schedule(packages: Sequence[Package], frame: Frame) -> Schedule:
    """Place every package in phases (see the module docstring)."""
    load = _Load(frame)
    start = [0] * len(packages)
    end = [0] * len(packages)
    warnings: list[str] = []
    deps = _known_deps(packages)
    # Without a cap every package fits where its dependencies allow.
    capped = frame.strategy == "evolution" and (
        frame.budget_investment is not None
        or frame.budget_operating is not None
        or frame.staff is not None
    )
    for i in _order(packages, deps):
        p = packages[i]
        # Every dependency is placed already (a topological order).
        earliest = max(map(end.__getitem__, deps[i]), default=-1) + 1
        if p.not_before:
            earliest = max(earliest, phase_index(p.not_before, frame))
        at = earliest
        if capped:
            alone = load.oversize(p)
            while not load.fits(p, at, alone):
                at += 1
            if alone:
                warnings.append(_alone_warning(p, alone, frame, at))
        load.add(p, at)
        start[i], end[i] = at, at + p.duration - 1
    period = _periods(frame)
    placements = tuple(
        Placement(packages[i], period(start[i]), period(end[i]))
        for i in sorted(range(len(packages)), key=lambda i: (start[i], packages[i].id))
    )
    warnings += _deadline_warnings(placements)
    phases = max(end, default=-1) + 1
    if frame.strategy == "big-bang":
        warnings += _overrun_warnings(load, frame, phases)
    return Schedule(
        placements,
        phases,
        dict(load.investment),
        dict(load.operating),
        dict(load.effort),
        tuple(warnings),
    )


def _periods(frame: Frame) -> Callable[[int], Period]:
    """Phase index -> its period, one object per phase (thousands of
    placements share a few dozen)."""
    return functools.cache(frame.start.shift)


def _alone_warning(p: Package, alone: list[str], frame: Frame, at: int) -> str:
    what = []
    caps: list[dict[str, object]] = []
    for cap in alone:
        if cap == "staff":
            what.append(
                f"effort {p.effort:g} FTE > the staff cap of {frame.staff:g} FTE"
            )
            caps.append({"cap": "staff", "amount": p.effort, "limit": frame.staff})
        else:
            amount = getattr(p, cap)
            limit = getattr(frame, f"budget_{cap}")
            what.append(
                f"{cap} {format_money(amount)} > the cap of {format_money(limit)}"
            )
            caps.append({"cap": cap, "amount": amount, "limit": limit})
    period = frame.start.shift(at)
    return Notice(
        f"work package {p.id} is bigger than a phase allows on its own "
        f"({'; '.join(what)}): scheduled alone in {period}",
        "package_alone",
        package=p.id,
        caps=caps,
        period=str(period),
    )


def _deadline_warnings(placements: Sequence[Placement]) -> list[str]:
    return [
        Notice(
            f"work package {x.package.id} finishes in {x.end}, after its deadline "
            f"{x.package.deadline}",
            "deadline_missed",
            package=x.package.id,
            period=str(x.end),
            deadline=str(x.package.deadline),
        )
        for x in placements
        if x.package.deadline and x.end.end_month > x.package.deadline.end_month
    ]


def _overrun_warnings(load: _Load, frame: Frame, phases: int) -> list[str]:
    out: list[str] = []
    for q in range(phases):
        period = frame.start.shift(q)
        for kind, cap, used in (
            ("investment", frame.budget_investment, load.investment.get(q, ZERO)),
            ("operating", frame.budget_operating, load.operating.get(q, ZERO)),
        ):
            if cap is not None and used > cap:
                out.append(
                    Notice(
                        f"phase {period}: {kind} {format_money(used)} is "
                        f"{format_money(used - cap)} over the cap of "
                        f"{format_money(cap)}",
                        "phase_over_cap",
                        period=str(period),
                        cap=kind,
                        amount=used,
                        over=used - cap,
                        limit=cap,
                    )
                )
        effort = load.effort.get(q, 0.0)
        if frame.staff is not None and effort > frame.staff + _EPS:
            out.append(
                Notice(
                    f"phase {period}: effort {effort:g} FTE is "
                    f"{effort - frame.staff:g} FTE over the staff cap of "
                    f"{frame.staff:g} FTE",
                    "phase_over_cap",
                    period=str(period),
                    cap="staff",
                    amount=effort,
                    over=round(effort - frame.staff, 9),
                    limit=frame.staff,
                )
            )
    return out
