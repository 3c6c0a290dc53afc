"""``planner compare``: scenarios side by side.

Collects the scenarios (``--scenario NAME=PLAN`` options, then the
scenario files' entries), checks them (names, files, the discount rate),
evaluates each as ``planner plan`` would in a process pool, and renders the
comparison. ``-o DIR`` writes every output; all are rendered before the
first file is written, so a failure leaves the folder as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from planner.commands.shared import Formats, render_as
from planner.compare.evaluate import Job, default_jobs, evaluate_all
from planner.errors import UsageError
from planner.load import load_scenarios
from planner.load.inputs import load_each
from planner.load.scenarios import Scenario, from_file, from_option, merge
from planner.models.compare import CompareResult
from planner.output import refuse_overwrite, write_atomic
from planner.render.files.compare_chart import compare_chart
from planner.render.text.compare import compare_json, compare_markdown, compare_text
from planner.render.text.progress import ProgressBar
from planner.units import parse_percentage

__all__ = ["OUTPUTS", "compare", "render_compare", "write_compare"]

OUTPUTS = ("compare.json", "compare.md", "compare.txt", "compare.svg")
DEFAULT_DISCOUNT = "4%"


def compare(
    inventory: Path,
    target: Path | None = None,
    options: Sequence[str] = (),
    files: Sequence[Path] = (),
    *,
    discount: str | None = None,
    jobs: int | None = None,
) -> CompareResult:
    """Evaluate every scenario; ``discount`` (e.g. ``"4%"``) overrides the
    scenario files' ``discount:`` (default 4 %)."""
    if not options and not files:
        raise UsageError(
            "no scenarios: give --scenario NAME=PLAN (repeatable) or "
            "--scenarios FILE.yaml"
        )
    groups: list[list[Scenario]] = [[from_option(o) for o in options]]
    rates = []
    for f, loaded in zip(files, load_each(load_scenarios, files), strict=True):
        scenarios, rate = from_file(loaded.model, f, loaded.sources.problem)
        groups.append(scenarios)
        if rate is not None:
            rates.append(rate)
    scenarios = merge(groups)
    rate = _discount(discount) if discount is not None else _file_rate(rates, files)
    todo = [Job(inventory, target, s, rate) for s in scenarios]
    with ProgressBar("scenarios") as bar:
        results = evaluate_all(todo, jobs or default_jobs(), bar)
    first = results[0].plan
    return CompareResult(
        first.region, first.region_name, first.currency, rate, tuple(results)
    )


def _discount(text: str) -> Decimal:
    try:
        return parse_percentage(text)
    except ValueError as e:
        raise UsageError(f"--discount: {e}; write e.g. --discount 4%") from None


def _file_rate(rates: list[Decimal], files: Sequence[Path]) -> Decimal:
    if len(set(rates)) > 1:
        raise UsageError(
            "the scenario files give different discount: rates; give --discount"
        )
    return rates[0] if rates else parse_percentage(DEFAULT_DISCOUNT)


FORMATS: Formats[CompareResult] = {
    "text": lambda r, width: compare_text(r, width=width),
    "json": lambda r, _: compare_json(r),
    "markdown": lambda r, _: compare_markdown(r),
}


def render_compare(result: CompareResult, fmt: str, width: int = 100) -> str:
    return render_as(FORMATS, result, fmt, width)


def render_all(result: CompareResult) -> dict[str, bytes]:
    """Every output file of ``-o DIR``, by name."""
    return {
        "compare.json": compare_json(result).encode(),
        "compare.md": compare_markdown(result).encode(),
        "compare.txt": compare_text(result).encode(),
        "compare.svg": compare_chart(result).encode(),
    }


def write_compare(
    result: CompareResult, folder: Path, inputs: Sequence[Path | None]
) -> None:
    """Write every output into ``folder``, each file atomically."""
    files = render_all(result)
    for name in files:
        refuse_overwrite(folder / name, inputs)
    for name, data in files.items():
        write_atomic(folder / name, data)
