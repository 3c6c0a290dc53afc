"""``planner site``: every town hall (or pair) as the data centre(s),
ranked by what the target would then cost.

The candidates are independent, so they are evaluated in a process pool
(the graph and target inherited by each worker, not sent per candidate);
results are sorted afterwards, so the output does not depend on the number
of processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import networkx as nx

from planner.analyses.siting import (
    candidate_sites,
    evaluate_site,
    has_candidate_links,
)
from planner.commands.shared import Formats, render_as
from planner.compare.evaluate import default_jobs
from planner.graph import build_graph
from planner.load import load_inputs
from planner.models.siting import Candidate, SiteResult
from planner.models.target import Target
from planner.render.text.progress import ProgressBar
from planner.render.text.siting import site_json, site_markdown, site_text

__all__ = ["render_site", "site"]

_STATE: dict[str, Any] = {}


EXHAUSTIVE_PAIRS = 500
"""Above this many pairs (33 town halls and more) pairs are formed among a
shortlist of the best single sites, unless asked to be exhaustive."""
SHORTLIST = 20


def site(
    inventory: Path,
    target: Path | None = None,
    *,
    count: int = 1,
    jobs: int | None = None,
    exhaustive: bool = False,
    shortlist: int = SHORTLIST,
) -> SiteResult:
    """Load the files and rank the candidates: every town hall, or every
    pair up to :data:`EXHAUSTIVE_PAIRS` (all of them with ``exhaustive``),
    else the pairs among the ``shortlist`` best town halls alone."""
    inputs = load_inputs(inventory, target)
    tgt, inv = inputs.target, inputs.inventory
    G = build_graph(inv.model)
    processes = jobs or default_jobs()
    design = has_candidate_links(G, tgt.model)
    pairs = list(candidate_sites(G, count))
    method = "exhaustive"
    if count == 2 and len(pairs) > EXHAUSTIVE_PAIRS and not exhaustive:
        with ProgressBar("single sites") as bar:
            singles = rank(
                G, tgt.model, list(candidate_sites(G, 1)), processes, bar, design
            )
        best = {c.primary for c in singles[:shortlist]}
        pairs = [p for p in pairs if p[0] in best and p[1] in best]
        method = f"shortlist: pairs of the {len(best)} best single sites"
    with ProgressBar(f"{len(pairs)} candidates") as bar:
        found = rank(G, tgt.model, pairs, processes, bar, design)
    return SiteResult(
        region=inv.model.region.id,
        target=tgt.model.id,
        currency=inv.model.region.currency,
        count=count,
        candidates=tuple(found),
        method=method,
        designed=design,
    )


def rank(
    G: nx.MultiGraph[Any],
    target: Target,
    pairs: Sequence[tuple[str, str | None]],
    processes: int = 1,
    progress: ProgressBar | None = None,
    design: bool = False,
) -> list[Candidate]:
    """Every candidate evaluated (with ``design``, the network design's
    optimum too), sorted by :meth:`Candidate.sort_key`."""
    out: list[Candidate] = []
    tick = progress or (lambda done, total: None)
    if processes <= 1 or len(pairs) <= 1:
        for a, b in pairs:
            out.append(evaluate_site(G, target, a, b, design=design))
            tick(len(out), len(pairs))
    else:
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        )
        chunk = max(1, len(pairs) // (processes * 8))
        with ProcessPoolExecutor(
            processes,
            mp_context=context,
            initializer=_init,
            initargs=(G, target, design),
        ) as pool:
            for c in pool.map(_evaluate, pairs, chunksize=chunk):
                out.append(c)
                tick(len(out), len(pairs))
    return sorted(out, key=Candidate.sort_key)


def _init(G: nx.MultiGraph[Any], target: Target, design: bool) -> None:
    _STATE["G"], _STATE["target"], _STATE["design"] = G, target, design


def _evaluate(pair: tuple[str, str | None]) -> Candidate:
    return evaluate_site(_STATE["G"], _STATE["target"], *pair, design=_STATE["design"])


def formats(top: int | None) -> Formats[SiteResult]:
    """The renderers of a ranking, each showing the ``top`` candidates."""
    return {
        "text": lambda r, width: site_text(r, top, width=width),
        "json": lambda r, _: site_json(r, top),
        "markdown": lambda r, _: site_markdown(r, top),
    }


def render_site(result: SiteResult, fmt: str, top: int | None, width: int = 100) -> str:
    return render_as(formats(top), result, fmt, width)
