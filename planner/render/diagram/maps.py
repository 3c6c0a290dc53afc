"""From an analysis (and a plan) to the maps: the one sequence ``planner
render`` and ``planner report`` share.

The views come from the gap report (``phase:N`` from the plan's phases and
the network gaps the links built by then close), the DOT text from the
graph with the planned load and the target's limit, the pictures from
Graphviz, several at once (each ``dot``/``neato`` is a process of its own,
so threads run them side by side).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from planner.analyses.gaps import Analysis
from planner.models.planresult import PlanResult
from planner.models.target import Target
from planner.planning.phases import phase_resolver
from planner.render.diagram.diagrams import diagram_dots
from planner.render.diagram.draw import draw
from planner.render.diagram.municipality import (
    Tree,
    municipality_dot,
    municipality_tree,
)
from planner.render.diagram.phase_network import with_network_gaps
from planner.render.diagram.views import PhaseResolver, ViewState, select_view

__all__ = ["Maps", "draw_all"]


class Maps:
    """The maps of one analysed inventory against ``target``, with the
    phases of ``plan`` when there is one."""

    def __init__(
        self, analysis: Analysis, target: Target, plan: PlanResult | None = None
    ) -> None:
        self.analysis = analysis
        self.target = target
        self.phases: PhaseResolver | None = None
        if plan is not None:
            self.phases = with_network_gaps(
                analysis.G, target, analysis.gaps, phase_resolver(plan)
            )

    def view(self, text: str) -> ViewState:
        """``current``, ``target``, ``gaps`` or ``phase:N``."""
        return select_view(self.analysis.gaps, text, self.phases)

    def dots(
        self, views: Sequence[ViewState], *, lang: str, fold: bool | None
    ) -> list[str]:
        """The region map of each view, laid out once."""
        return diagram_dots(
            self.analysis.G,
            views,
            lang=lang,
            utilisation=self.analysis.bandwidth.utilisation(),
            max_utilisation=self.target.network.max_utilisation,
            fold=fold,
        )

    def municipality(self, view: ViewState, municipality: str, *, lang: str) -> str:
        """One municipality's access tree in ``view`` (drawn by ``dot``)."""
        return municipality_dot(
            self.analysis.G,
            view,
            municipality,
            lang=lang,
            utilisation=self.analysis.bandwidth.utilisation(),
            max_utilisation=self.target.network.max_utilisation,
        )

    def tree(self, view: ViewState, municipality: str, *, lang: str) -> Tree:
        """What :meth:`municipality` draws, as a tree to cut in pieces."""
        return municipality_tree(
            self.analysis.G,
            view,
            municipality,
            lang=lang,
            utilisation=self.analysis.bandwidth.utilisation(),
            max_utilisation=self.target.network.max_utilisation,
        )


def draw_all(texts: Sequence[str], fmt: str = "svg") -> list[bytes]:
    """Each DOT text drawn in ``fmt``, in order, Graphviz runs side by side."""
    if not texts:
        return []
    workers = min(len(texts), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:  # Graphviz runs apart
        return list(pool.map(lambda text: draw(text, fmt), texts))
