"""``planner report``: the steering-group report, a folder with index.html."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from planner.commands.pipeline import analyse_and_plan
from planner.commands.staging import Staged
from planner.errors import UsageError
from planner.load import load_inputs
from planner.models.bandwidth import FailureMode
from planner.models.frozen import frozen
from planner.output import refuse_overwrite, write_atomic
from planner.render.report.build import MAX_PHASE_DIAGRAMS
from planner.render.report.build import report_files as report_files_of
from planner.render.report.html import DIAGRAMS

__all__ = [
    "MAX_PHASE_DIAGRAMS",
    "FollowUp",
    "check_folder",
    "report",
    "report_files",
    "write_pdf",
    "write_report",
    "write_staged",
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


@frozen
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
    (:func:`report_files`), by name."""
    files = report_files(
        inventory,
        target,
        plan,
        lang=lang,
        fold=fold,
        failures=failures,
        follow=follow,
        compare=compare,
    )
    return dict(sorted(files))


def report_files(
    inventory: Path,
    target: Path | None,
    plan: Path | None,
    *,
    lang: str = "nb",
    fold: bool | None = None,
    failures: FailureMode = "n-1",
    follow: FollowUp | None = None,
    compare: Path | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Load, analyse, plan and build the report's files
    (:func:`~planner.render.report.build.report_files`), one by one.

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
        # Imported only when asked for: the comparison's and the follow-up's
        # modules are a tenth of a second of every report otherwise.
        from planner.commands.compare import compare as compare_scenarios

        compared = compare_scenarios(inventory, target, files=[compare])
    run = analyse_and_plan(inputs, failures=failures, planned=plan is not None)
    result, loaded = run.plan, inputs.plan
    if follow is not None and (result is None or loaded is None):
        raise UsageError("--progress needs --plan (the plan to follow up)")
    inv, tgt = inputs.inventory, inputs.target
    yield from report_files_of(
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
        from planner.commands.progress import follow_plan
        from planner.planning.reinvestment import reinvestment_due
        from planner.render.report.gantt import package_labels
        from planner.render.report.progress_page import progress_files

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
        yield from progress_files(
            followed, inv.model.region.name, names, lang=lang
        ).items()


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


def write_staged(
    files: Iterable[tuple[str, bytes]],
    folder: Path,
    inputs: Iterable[Path | None],
) -> int:
    """:func:`write_report` of files made one by one (:func:`report_files`),
    each set aside as it is made (:class:`~planner.commands.staging.Staged`)
    so a national report holds one of its big files at a time; no file is
    replaced until all are made. Returns how many files were written."""
    given = list(inputs)
    check_folder(folder, given)
    with Staged(folder) as staged:
        for name, data in files:
            refuse_overwrite(folder / name, given)
            staged.add(name, data)
            del data
        count = len(staged)
        staged.write()
    return count


def write_pdf(folder: Path, inputs: Iterable[Path | None]) -> None:
    """Print the written report (``folder``/index.html) to report.pdf
    beside it, atomically."""
    from planner.render.report.pdf import print_pdf

    refuse_overwrite(folder / "report.pdf", list(inputs))
    write_atomic(folder / "report.pdf", print_pdf(folder / "index.html"))
