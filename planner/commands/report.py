"""``planner report``: the steering-group report, a folder with index.html."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from planner.commands.compare import compare as compare_scenarios
from planner.commands.pipeline import analyse_and_plan
from planner.commands.progress import follow_plan
from planner.errors import UsageError
from planner.load import load_inputs
from planner.models.bandwidth import FailureMode
from planner.output import refuse_overwrite, write_atomic
from planner.planning.reinvestment import reinvestment_due
from planner.render.report.build import MAX_PHASE_DIAGRAMS, build_report
from planner.render.report.gantt import package_labels
from planner.render.report.html import DIAGRAMS
from planner.render.report.pdf import print_pdf
from planner.render.report.progress_page import progress_files

__all__ = [
    "MAX_PHASE_DIAGRAMS",
    "FollowUp",
    "check_folder",
    "report",
    "write_pdf",
    "write_report",
]

_NAMES = (
    "index.html",
    "gaps.json",
    "bandwidth.json",
    "plan.json",
    "plan.xlsx",
    "gantt.svg",
    "money.svg",
    "compare.json",
    "compare.svg",
    "report.pdf",
    *(f"{v}.svg" for v in DIAGRAMS),
)


@dataclass(frozen=True)
class FollowUp:
    """``planner report --progress``: today's inventory and the options of
    ``planner progress``."""

    now: Path
    as_of: str | None = None
    actuals: Path | None = None
    done: tuple[str, ...] = ()


def report(
    inventory: Path,
    target: Path | None,
    plan: Path | None,
    *,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    follow: FollowUp | None = None,
    compare: Path | None = None,
) -> dict[str, bytes]:
    """Load, analyse, plan and build the report's files
    (:func:`~planner.render.report.build.build_report`).

    The bandwidth analysis covers every single link failure by default
    (``failures``: a steering group decides on the worst case), as ``gap``
    and ``plan`` do with the same option; the plan section, its Gantt chart
    and the phase maps come with ``plan``; a comparison section,
    ``compare.json`` and ``compare.svg`` with a ``compare`` scenario file;
    ``progress.html`` with ``follow``.
    """
    inputs = load_inputs(inventory, target, plan)
    compared = None  # first: a mistake in a scenario file stops before the work
    if compare is not None:
        compared = compare_scenarios(inventory, target, files=[compare])
    run = analyse_and_plan(inputs, failures=failures, planned=plan is not None)
    result, loaded = run.plan, inputs.plan
    if follow is not None and (result is None or loaded is None):
        raise UsageError("--progress needs --plan (the plan to follow up)")
    inv, tgt = inputs.inventory, inputs.target
    files = build_report(
        run.analysis,
        inv.model,
        tgt.model,
        result,
        settings=None if loaded is None else loaded.model,
        lang=lang,
        fold=fold,
        failures=failures,
        compared=compared,
        progress_link=follow is not None,
    )
    if follow is not None and result is not None and loaded is not None:
        followed = follow_plan(
            result,
            loaded.model,
            tgt,
            now=follow.now,
            as_of=follow.as_of,
            actuals=follow.actuals,
            done=follow.done,
            reinvestment=reinvestment_due(run.analysis.gaps, tgt.model),
        )
        bw = run.analysis.bandwidth
        gaps = run.analysis.gaps
        names = package_labels(result, inv.model, tgt.model, gaps, bw, lang)
        files.update(progress_files(followed, inv.model.region.name, names, lang=lang))
    return dict(sorted(files.items()))


def check_folder(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse, before any work, a folder that is a file or where a report
    file would replace an input."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {folder} is a file; the report needs a folder")
    given = list(inputs)
    for name in _NAMES:
        refuse_overwrite(folder / name, given)


def write_report(
    files: Mapping[str, bytes], folder: Path, inputs: Iterable[Path | None]
) -> None:
    """Write each file into ``folder`` atomically, after checking that none
    of them would replace an input."""
    given = list(inputs)
    check_folder(folder, given)
    for name in files:
        refuse_overwrite(folder / name, given)
    for name, data in files.items():
        write_atomic(folder / name, data)


def write_pdf(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Print the written report (``folder``/index.html) to report.pdf
    beside it, atomically."""
    refuse_overwrite(folder / "report.pdf", list(inputs))
    write_atomic(folder / "report.pdf", print_pdf(folder / "index.html"))
