"""The ``planner`` command line: option parsing and the one error boundary.

Commands parse options, call one library function from ``planner.commands``
and write its result. Exit codes: 0 ok, 1 ``--fail-on`` matched, 2 bad input
or usage (one line per problem, no traceback), 3 internal error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planner import __version__
from planner.errors import PlannerError, SettingError, UsageError
from planner.models.results import GAP_KINDS

if TYPE_CHECKING:
    from planner.models.bandwidth import FailureMode

__all__ = ["cli", "main", "run"]

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("text", "json", "markdown")


def target_option(f: F) -> F:
    return click.option(
        "--target",
        "-t",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Target architecture file (default: the built-in target).",
    )(f)


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="Output format; json is the stable interface for scripts.",
    )(f)


def output_option(f: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Write to this file (atomically) instead of stdout.",
    )(f)


def lang_option(f: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["nb", "nn", "en"]),
        default="nb",
        show_default=True,
        help="Language of the words in diagrams and reports (bokmål, nynorsk or "
        "English).",
    )(f)


def fold_option(f: F) -> F:
    return click.option(
        "--fold/--no-fold",
        default=None,
        help="One node per municipality in the maps (default: when there are "
        "over 150 sites).",
    )(f)


def plan_option(help: str) -> Callable[[F], F]:
    return click.option(
        "--plan",
        "-p",
        "plan_file",
        type=click.Path(path_type=Path, dir_okay=False),
        help=help,
    )


def inventory_argument(f: F) -> F:
    return click.argument("inventory", type=click.Path(path_type=Path))(f)


def _kinds(ctx: click.Context, param: click.Parameter, value: str | None) -> set[str]:
    if not value:
        return set()
    kinds = {k.strip() for k in value.split(",") if k.strip()}
    if "any" in kinds:
        return set(GAP_KINDS)
    unknown = sorted(kinds - set(GAP_KINDS))
    if unknown:
        raise click.BadParameter(
            f"unknown gap kind '{unknown[0]}'; choose from {', '.join(GAP_KINDS)}, any"
        )
    return kinds


_NOT_IN_KEY = {"fmt", "output", "fail_on"}
"""Options that change how a result is shown, not the result itself."""

R = TypeVar("R")


def _cached(
    ctx: click.Context, kind: str, inputs: list[Path | None], compute: Any
) -> Any:
    """``compute()``, or its result from the cache when no input changed
    (planner.cache); every other option of the command is part of the key."""
    from planner.cache import Cache

    cache = Cache(enabled=not ctx.find_root().params.get("no_cache"))
    options = {k: v for k, v in ctx.params.items() if k not in _NOT_IN_KEY}
    return cache.get_or_compute(kind, inputs, options, compute)


def _shown(
    ctx: click.Context,
    kind: str,
    inputs: list[Path | None],
    compute: Callable[[], R],
    render: Callable[[R, str, int], str | bytes],
    flags: Callable[[R], frozenset[str]],
) -> tuple[str | bytes, frozenset[str]]:
    """What the command prints and the ``--fail-on`` kinds its result has,
    from the cache when no input changed. The output is kept as shown (the
    format and the width are in the key): a second run neither unpickles
    nor renders the result, and a first one pickles one text, not the
    objects of a national report (0.1 s)."""
    fmt, width = ctx.params["fmt"], _width()

    def make() -> tuple[str | bytes, frozenset[str]]:
        result = compute()
        return render(result, fmt, width), flags(result)

    shown: tuple[str | bytes, frozenset[str]] = _cached(
        ctx, f"{kind} {fmt} {width}", inputs, make
    )
    return shown


def _width() -> int:
    if sys.stdout.isatty():
        return max(60, shutil.get_terminal_size().columns)
    return 100


_OPTION_OF = {
    "cost key": "--key",
    "amount": "--amount",
    "start": "--start",
    "as of": "--as-of",
    "scenario": "--scenario",
    "view": "--view",
    "NetBox address": "--url",
    "tenant group": "--tenant-group",
}
"""The library names a setting in its errors; the CLI says which option."""


class PlannerGroup(click.Group):
    """The one error boundary: a :class:`PlannerError` is printed as its
    lines (exit 2), anything unexpected as an internal error (exit 3)."""

    def invoke(self, ctx: click.Context) -> Any:
        from planner.load.guard import forget

        forget()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except PlannerError as e:
            from planner.load.guard import printable

            shown = e
            if isinstance(e, SettingError):
                shown = e.for_option(_OPTION_OF.get(e.setting, e.setting))
            for line in shown.lines():
                click.echo(printable(line), err=True)
            ctx.exit(e.exit_code)
        except Exception as e:
            if isinstance(e, OSError) and e.filename is not None:
                # A path given on the command line the system refuses (too
                # long, a loop, no permission): the user's to change.
                click.echo(_os_error(e), err=True)
                ctx.exit(2)
            if ctx.params.get("debug"):
                import traceback  # only here: 5 ms of every run's start

                traceback.print_exc()
            else:
                click.echo(
                    "internal error: planner failed; please report it with the "
                    "command and files (--debug shows the traceback)",
                    err=True,
                )
            ctx.exit(3)


def _os_error(e: OSError) -> str:
    from planner.load.guard import printable

    name = printable(str(e.filename))
    if len(name) > 80:
        name = f"{name[:40]}...({len(name)} characters)"
    reason = (e.strerror or str(e)).lower()
    return f"error: {name}: {reason}; name another path"


@click.group(cls=PlannerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planner")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the cache of results (PLANNER_CACHE_DIR; "
    "also PLANNER_NO_CACHE=1).",
)
def cli(debug: bool, no_cache: bool) -> None:
    """Plan the harmonisation of municipal IT: inventories, gaps against a
    target architecture, bandwidth, phased plans, costs and diagrams."""


@cli.command()
@inventory_argument
@target_option
@plan_option("Also check this plan settings file.")
def validate(inventory: Path, target: Path | None, plan_file: Path | None) -> None:
    """Load and check the files; exit 0 when they are valid."""
    from planner.commands.validate import validate as run

    click.echo(run(inventory, target, plan_file), nl=False)


def failures_option(
    default: str = "none",
    help: str = "Also re-route every single link failure and every risk group "
    "(n-1); n-1+sites also every single site but the data centres.",
) -> Callable[[F], F]:
    return click.option(
        "--failures",
        type=click.Choice(["none", "n-1", "n-1+sites"]),
        default=default,
        show_default=True,
        callback=_failure_mode,
        help=help,
    )


def _failure_mode(
    ctx: click.Context, param: click.Parameter, value: str
) -> FailureMode:
    if value == "n-1+sites":
        return "n-1+sites"
    return "n-1" if value == "n-1" else "none"


@cli.command()
@inventory_argument
@target_option
@failures_option()
@format_option
@output_option
@click.option(
    "--fail-on",
    callback=_kinds,
    metavar="KINDS",
    help="Exit 1 when gaps of these kinds exist (comma-separated, or 'any').",
)
def gap(
    inventory: Path,
    target: Path | None,
    failures: FailureMode,
    fmt: str,
    output: Path | None,
    fail_on: set[str],
) -> None:
    """Gap analysis of INVENTORY against the target architecture."""
    from planner.commands.gap import found_kinds, render_gaps
    from planner.commands.gap import gap as run
    from planner.output import emit

    ctx = click.get_current_context()
    text, found = _shown(
        ctx,
        "gap",
        [inventory, target],
        lambda: run(inventory, target, failures),
        render_gaps,
        found_kinds,
    )
    emit(text, output, [inventory, target])
    if found & fail_on:
        raise SystemExit(1)


_BANDWIDTH_KINDS = ("utilisation", "reachability")


def _bandwidth_kinds(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> set[str]:
    kinds = _kinds(ctx, param, value)
    if kinds == set(GAP_KINDS):
        return set(_BANDWIDTH_KINDS)
    other = sorted(kinds - set(_BANDWIDTH_KINDS))
    if other:
        raise click.BadParameter(
            f"'{other[0]}' is not checked by bandwidth; choose from "
            f"{', '.join(_BANDWIDTH_KINDS)}, any"
        )
    return kinds


@cli.command()
@inventory_argument
@target_option
@failures_option()
@format_option
@output_option
@click.option(
    "--fail-on",
    callback=_bandwidth_kinds,
    metavar="KINDS",
    help="Exit 1 on: utilisation (a link over the limit), reachability (a site "
    "cut off), or any.",
)
def bandwidth(
    inventory: Path,
    target: Path | None,
    failures: FailureMode,
    fmt: str,
    output: Path | None,
    fail_on: set[str],
) -> None:
    """Demand, utilisation and upgrade needs of every link of the target
    network; with --failures n-1 the worst case under single link failures."""
    from planner.commands.bandwidth import bandwidth as run
    from planner.commands.bandwidth import found_kinds, render_bandwidth
    from planner.output import emit

    ctx = click.get_current_context()
    text, found = _shown(
        ctx,
        "bandwidth",
        [inventory, target],
        lambda: run(inventory, target, failures),
        render_bandwidth,
        found_kinds,
    )
    emit(text, output, [inventory, target])
    if found & fail_on:
        raise SystemExit(1)


@cli.command()
@click.argument("log", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--from",
    "start",
    required=True,
    metavar="DATE",
    help="Start of the period (ISO date, or date and time).",
)
@click.option(
    "--to",
    "end",
    required=True,
    metavar="DATE",
    help="End of the period; a date alone includes that whole day.",
)
@format_option
@output_option
def availability(
    log: Path, start: str, end: str, fmt: str, output: Path | None
) -> None:
    """Measured availability per service from an outage LOG (CSV with the
    columns service,start,end): outages, downtime and 1 - downtime/period."""
    from planner.commands.availability import availability as run
    from planner.commands.availability import render_availability
    from planner.output import emit

    emit(render_availability(run(log, start, end), fmt), output, [log])


@cli.command()
@inventory_argument
@target_option
@plan_option("Plan settings and hand-written work packages (plans/*.yaml).")
@click.option("--start", metavar="PERIOD", help="First phase, e.g. 2027H1 or 2009Q1.")
@click.option(
    "--phase",
    type=click.Choice(["quarter", "half-year", "year"]),
    help="Length of a phase (default: the plan file's, else half-year).",
)
@click.option(
    "--strategy",
    type=click.Choice(["evolution", "big-bang"]),
    help="evolution fits the caps phase by phase; big-bang reports overruns.",
)
@failures_option(
    "n-1",
    "Size link upgrades for the worst single link failure (n-1) or for "
    "normal operation only (none).",
)
@format_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write every output (plan.md, plan.json, plan.txt, plan.xlsx, "
    "gantt.svg) into this folder.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "nb", "nn"]),
    default="en",
    show_default=True,
    help="Language of the workbook's sheets, headers and values (with -o).",
)
def plan(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    start: str | None,
    phase: str | None,
    strategy: str | None,
    failures: FailureMode,
    fmt: str,
    output: Path | None,
    lang: str,
) -> None:
    """Phased migration plan of INVENTORY: work packages, phases, costs per
    year and each municipality's share."""
    from planner.commands.plan import plan as run
    from planner.commands.plan import render_plan, write_plan
    from planner.output import emit, is_stdout

    def compute() -> Any:
        return run(
            inventory,
            target,
            plan_file,
            start=start,
            phase=phase,
            strategy=strategy,
            failures=failures,
        )

    ctx = click.get_current_context()
    inputs = [inventory, target, plan_file]
    if output is None or is_stdout(output):
        shown, _ = _shown(ctx, "plan", inputs, compute, render_plan, _no_kinds)
        emit(shown, None)
    else:
        from planner.commands.plan import workbook_text

        result = _cached(ctx, "plan", inputs, compute)
        text = workbook_text(result, inventory, target, failures, lang)
        write_plan(result, output, inputs, lang, text)


def _no_kinds(_: object) -> frozenset[str]:
    return frozenset()


@cli.command()
@inventory_argument
@target_option
@click.option("--amount", required=True, metavar="MONEY", help="e.g. 12.4M or 600k.")
@click.option(
    "--key",
    required=True,
    metavar="KEY",
    help='e.g. "50% equal, 50% population", "30/70 equal/population" or '
    '"base 2M, 100% users".',
)
@click.option(
    "--decimals",
    type=click.Choice(["0", "2"]),
    default="0",
    show_default=True,
    help="Round shares to whole units (0) or to the øre (2).",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    default=None,
    help="Split with the populations of this year (populations given by year).",
)
@format_option
@output_option
def costs(
    inventory: Path,
    target: Path | None,
    amount: str,
    key: str,
    decimals: str,
    year: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Split an amount between the municipalities of INVENTORY by a cost key."""
    from planner.commands.costs import costs as run
    from planner.commands.costs import render_costs
    from planner.output import emit

    result = run(inventory, target, amount, key, int(decimals), year=year)
    emit(render_costs(result, fmt), output, [inventory, target])


@cli.command()
@inventory_argument
@target_option
@click.option(
    "--view",
    default="current",
    show_default=True,
    metavar="current|target|gaps|phase:N",
    help="What to draw: today, the target state, the gaps, or after phase N "
    "of the plan.",
)
@plan_option("Plan settings for phase:N (default: the generated plan's defaults).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["svg", "png", "pdf", "dot"]),
    help="Output format (default: from the suffix of -o, else svg).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The file to write (atomically).",
)
@lang_option
@fold_option
@failures_option(
    "n-1",
    "Colour and mark the links for the worst single link failure (n-1, as "
    "report and plan) or for normal operation only (none).",
)
@click.option(
    "--municipality",
    metavar="ID",
    help="Draw one municipality in detail: its access tree from the town hall "
    "through its hubs, left to right (Graphviz dot).",
)
def render(
    inventory: Path,
    target: Path | None,
    view: str,
    plan_file: Path | None,
    fmt: str | None,
    output: Path,
    lang: str,
    fold: bool | None,
    failures: FailureMode,
    municipality: str | None,
) -> None:
    """Draw a Graphviz diagram of INVENTORY: the network today, the target,
    the gaps or the state after a phase."""
    from planner.commands.render import format_for
    from planner.commands.render import render as run
    from planner.output import refuse_overwrite, write_atomic

    refuse_overwrite(output, [inventory, target, plan_file])
    data = run(
        inventory,
        target,
        view,
        format_for(output, fmt),
        plan=plan_file,
        lang=lang,
        fold=fold,
        failures=failures,
        municipality=municipality,
    )
    write_atomic(output, data)


@cli.command()
@inventory_argument
@target_option
@plan_option("Plan settings and hand-written work packages: the report shows the plan.")
@lang_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write index.html and the diagrams into.",
)
@fold_option
@failures_option(
    "n-1",
    "Find the gaps and size the links for the worst single link failure (n-1) "
    "or for normal operation only (none), as gap and plan do.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also print the report to report.pdf (A4, page numbers) with headless "
    "Chromium.",
)
@click.option(
    "--progress",
    "now",
    type=click.Path(path_type=Path),
    help="Also write progress.html: the plan followed up against this inventory "
    "as it is today (see planner progress).",
)
@click.option("--as-of", metavar="PERIOD", help="With --progress: the phase of today.")
@click.option(
    "--done", metavar="IDS", default="", help="With --progress: packages done."
)
@click.option(
    "--actuals",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --progress: budget against actuals (CSV item,year,budget,actual).",
)
@click.option(
    "--compare",
    "compare_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A scenario file (planner/scenarios/v1): add a section comparing its "
    "scenarios, as planner compare does.",
)
def report(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    lang: str,
    output: Path,
    fold: bool | None,
    failures: FailureMode,
    pdf: bool,
    now: Path | None,
    as_of: str | None,
    done: str,
    actuals: Path | None,
    compare_file: Path | None,
) -> None:
    """Write a static HTML report of INVENTORY for a steering group: key
    figures, diagrams, gaps, plan, costs and assumptions."""
    from planner.commands.report import (
        FollowUp,
        check_folder,
        write_pdf,
        write_staged,
    )
    from planner.commands.report import report_files as run
    from planner.output import is_stdout

    if is_stdout(output):
        raise UsageError("-o -: the report is a folder of files; name a folder")
    inputs = [inventory, target, plan_file, now, actuals, compare_file]
    check_folder(output, inputs)
    follow = None
    if now is not None:
        marked = tuple(x.strip() for x in done.split(",") if x.strip())
        follow = FollowUp(now, as_of, actuals, marked)
    elif as_of or done or actuals:
        raise UsageError("--as-of, --done and --actuals go with --progress NOW.yaml")
    files = run(
        inventory,
        target,
        plan_file,
        lang=lang,
        fold=fold,
        follow=follow,
        failures=failures,
        compare=compare_file,
    )
    written = write_staged(files, output, inputs)
    if pdf:
        write_pdf(output, inputs)
    more = written - 1 + pdf
    click.echo(f"wrote {output / 'index.html'} and {more} more files")


@cli.command()
@click.argument(
    "kind",
    type=click.Choice(["inventory", "municipality", "target", "plan", "scenarios"]),
)
@output_option
def schema(kind: str, output: Path | None) -> None:
    """Print the JSON Schema (draft-07) of a file format, for editors."""
    from planner.commands.schema import schema as run
    from planner.output import emit

    emit(run(kind), output)


@cli.command()
@inventory_argument
@target_option
@format_option
@output_option
def matrix(inventory: Path, target: Path | None, fmt: str, output: Path | None) -> None:
    """System overview of INVENTORY: for every service, the products each
    municipality runs (users, hosting, vendor, contract end), the standard
    and the odd ones out. -o NAME.xlsx writes an Excel workbook."""
    from planner.commands.matrix import matrix as run
    from planner.commands.matrix import matrix_workbook, render_matrix, wants_workbook
    from planner.output import emit, refuse_overwrite, write_atomic

    result = run(inventory, target)
    if output is not None and wants_workbook(output):
        refuse_overwrite(output, [inventory, target])
        write_atomic(output, matrix_workbook(result))
        return
    emit(render_matrix(result, fmt, _width()), output, [inventory, target])


@cli.command()
@click.argument("baseline", type=click.Path(path_type=Path))
@target_option
@click.option(
    "--plan",
    "-p",
    "plan_file",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The plan settings the plan was made with (plans/*.yaml).",
)
@click.option(
    "--now",
    type=click.Path(path_type=Path),
    help="The inventory as it is today: which work packages are done.",
)
@click.option(
    "--as-of",
    metavar="PERIOD",
    help="The phase of today, e.g. 2008H2 (default: --now's region.as_of).",
)
@click.option(
    "--actuals",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Budget against actuals: CSV item,year,budget,actual (',' or ';').",
)
@click.option(
    "--done",
    metavar="IDS",
    default="",
    help="Work packages done that no gap shows (e.g. organisation,datacenter).",
)
@format_option
@output_option
def progress(
    baseline: Path,
    target: Path | None,
    plan_file: Path,
    now: Path | None,
    as_of: str | None,
    actuals: Path | None,
    done: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Follow up the plan of BASELINE: each work package done, late, due or
    planned, the open ones re-forecast, and the budget against actuals."""
    from planner.commands.progress import progress as run
    from planner.commands.progress import render_progress
    from planner.output import emit

    marked = tuple(x.strip() for x in done.split(",") if x.strip())
    result = run(
        baseline,
        target,
        plan_file,
        now=now,
        as_of=as_of,
        actuals=actuals,
        done=marked,
    )
    emit(
        render_progress(result, fmt, _width()),
        output,
        [baseline, target, plan_file, now, actuals],
    )


@cli.command()
@inventory_argument
@target_option
@click.option(
    "--scenario",
    "options",
    multiple=True,
    metavar="NAME=PLAN",
    help="A scenario: its name and plan file (repeatable).",
)
@click.option(
    "--scenarios",
    "files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A scenario file (planner/scenarios/v1): plans, targets and members "
    "leaving, paths relative to it.",
)
@click.option(
    "--discount",
    metavar="RATE",
    help="Discount rate of the net present value (default: the scenario file's "
    "discount:, else 4%).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    help="Processes evaluating scenarios (default: the cores available).",
)
@format_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write every output (compare.json, compare.md, compare.txt and the "
    "chart compare.svg) into this folder.",
)
def compare(
    inventory: Path,
    target: Path | None,
    options: tuple[str, ...],
    files: tuple[Path, ...],
    discount: str | None,
    jobs: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Compare scenarios of INVENTORY side by side: money, phases,
    break-even, net present value, deadlines, the network, shares."""
    from planner.commands.compare import compare as run
    from planner.commands.compare import render_compare, write_compare
    from planner.output import emit

    result = run(inventory, target, options, files, discount=discount, jobs=jobs)
    if output is None:
        emit(render_compare(result, fmt, _width()), None)
    else:
        write_compare(result, output, [inventory, target, *files])


@cli.command()
@inventory_argument
@target_option
@click.option(
    "--count",
    type=click.Choice(["1", "2"]),
    default="1",
    show_default=True,
    help="One data centre, or a pair (primary and secondary).",
)
@click.option(
    "--exhaustive",
    is_flag=True,
    help="Evaluate every pair even above 500 pairs (default: there, the pairs "
    "of the --shortlist best single sites).",
)
@click.option(
    "--shortlist",
    type=click.IntRange(2),
    default=20,
    show_default=True,
    help="Above 500 pairs, pair only this many of the best single sites.",
)
@click.option(
    "--top",
    type=click.IntRange(1),
    help="Show the best N candidates (default: 20 in text and Markdown, all in JSON).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    help="Processes evaluating candidates (default: the cores available).",
)
@format_option
@output_option
def site(
    inventory: Path,
    target: Path | None,
    count: str,
    exhaustive: bool,
    shortlist: int,
    top: int | None,
    jobs: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Rank every town hall (or pair) of INVENTORY as the data centre(s) by
    the link upgrades the worst single failure needs, availability and
    distance."""
    from planner.commands.site import render_site
    from planner.commands.site import site as run
    from planner.output import emit

    result = run(
        inventory,
        target,
        count=int(count),
        jobs=jobs,
        exhaustive=exhaustive,
        shortlist=shortlist,
    )
    shown = top if top is not None or fmt == "json" else 20
    emit(render_site(result, fmt, shown, _width()), output, [inventory, target])


@cli.group("export")
def export_group() -> None:
    """Write an inventory in another format (xlsx: a workbook to edit)."""


@export_group.command("xlsx")
@inventory_argument
@target_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The .xlsx file to write (atomically).",
)
def export_xlsx(inventory: Path, target: Path | None, output: Path) -> None:
    """INVENTORY as a workbook: one sheet per kind, drop-downs, header notes."""
    from planner.commands.intake import export_xlsx as run
    from planner.output import refuse_overwrite, write_atomic

    refuse_overwrite(output, [inventory, target])
    write_atomic(output, run(inventory, target))


@cli.group("template")
def template_group() -> None:
    """Write an empty file for a municipality to fill in (xlsx)."""


@template_group.command("xlsx")
@target_option
@click.option("--municipality", metavar="ID", help="Pre-fill this municipality id.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The .xlsx file to write (atomically).",
)
def template_xlsx(target: Path | None, municipality: str | None, output: Path) -> None:
    """An empty inventory workbook with the target's drop-downs."""
    from planner.commands.intake import template_xlsx as run
    from planner.output import refuse_overwrite, write_atomic

    refuse_overwrite(output, [target])
    write_atomic(output, run(target, municipality))


@cli.group("import")
def import_group() -> None:
    """Read an inventory from another format (xlsx workbooks) into YAML."""


@import_group.command("xlsx")
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path))
@target_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write the region file and municipality files into.",
)
def import_xlsx(workbooks: tuple[Path, ...], target: Path | None, output: Path) -> None:
    """One or several workbooks (one per municipality, say) to a YAML
    inventory; every value checked, nothing written on an error."""
    from planner.commands.intake import import_xlsx as run
    from planner.output import write_atomic

    files = run(list(workbooks), target, output)
    for path, text in files.items():
        write_atomic(path, text)
    main_file = min(files, key=lambda p: (len(p.parts), str(p)))
    click.echo(f"wrote {main_file} and {len(files) - 1} more files")


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@target_option
@click.option(
    "--plan",
    "plans",
    is_flag=True,
    help="OLD and NEW are plans (planner plan --format json), not inventories.",
)
@format_option
@output_option
def diff(
    old: Path,
    new: Path,
    target: Path | None,
    plans: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """What changed from OLD to NEW (inventories, .yaml or .xlsx): objects
    created, updated field by field and deleted, keyed by id; with --target
    the gaps closed and opened. Exit 0 when equal, 1 when they differ."""
    from planner.commands.diff import diff as run
    from planner.commands.diff import render_diff
    from planner.output import emit

    result = run(old, new, target, plan=plans)
    emit(render_diff(result, fmt), output, [old, new, target])
    if not result.equal:
        raise SystemExit(1)


def _export_options(f: Any) -> Any:
    """The options both exports share: what to model and in which words."""
    decorators = [
        inventory_argument,
        target_option,
        plan_option(
            "Plan settings and hand-written work packages (default: the generated "
            "plan)."
        ),
        click.option(
            "--start", metavar="PERIOD", help="First phase, e.g. 2027H1 or 2009Q1."
        ),
        failures_option(
            "n-1",
            "Size link upgrades for the worst single link failure (n-1), as planner "
            "plan does, or for normal operation only (none, faster).",
        ),
        lang_option,
    ]
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


@export_group.command("archimate")
@_export_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The .xml file to write (atomically).",
)
@fold_option
def export_archimate(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    start: str | None,
    failures: FailureMode,
    lang: str,
    output: Path,
    fold: bool | None,
) -> None:
    """An ArchiMate 3.1 Model Exchange File of INVENTORY: the elements, the
    migration plan as plateaus, gaps and work packages, and two diagrams
    (Archi: File > Import > Open Exchange XML Model)."""
    from planner.commands.export import export_archimate as run
    from planner.output import emit

    text, summary = run(
        inventory,
        target,
        plan_file,
        failures=failures,
        lang=lang,
        fold=fold,
        start=start,
    )
    emit(text, output, [inventory, target, plan_file])
    click.echo(f"wrote {output}: {summary}")


@export_group.command("archi-csv")
@_export_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write elements.csv, relations.csv and properties.csv into.",
)
def export_archi_csv(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    start: str | None,
    failures: FailureMode,
    lang: str,
    output: Path,
) -> None:
    """Archi's CSV trio (elements, relations, properties) of the model
    `planner export archimate` writes, with the same ids: it updates a model
    imported from that file (Archi: File > Import > CSV Data Into Selected
    Model)."""
    from planner.commands.export import export_archi_csv as run
    from planner.output import emit

    files, summary = run(
        inventory, target, plan_file, failures=failures, lang=lang, start=start
    )
    for name, text in files.items():
        emit(text, output / name, [inventory, target, plan_file])
    click.echo(f"wrote {output}: {summary}")


@import_group.command("netbox")
@click.option(
    "--url", required=True, help="NetBox's address, e.g. https://netbox.example.no"
)
@click.option(
    "--token",
    required=True,
    envvar="NETBOX_TOKEN",
    help="An API token that may read (or set NETBOX_TOKEN).",
)
@click.option(
    "--tenant-group",
    metavar="SLUG",
    help="Import only this tenant group's tenants (the cooperation).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write inventory.yaml and municipalities/*.yaml into.",
)
def import_netbox(url: str, token: str, tenant_group: str | None, output: Path) -> None:
    """Read tenants, sites, devices, virtual machines, circuits and cables
    from NetBox into a planner inventory; what NetBox lacks (populations,
    users, systems) is left as TODO lines."""
    from planner.commands.import_netbox import import_netbox as run
    from planner.commands.import_netbox import write_files

    files, report = run(url, token, tenant_group)
    write_files(output, files)
    for line in report:
        click.echo(line, err=True)
    click.echo(f"wrote {output / 'inventory.yaml'} and {len(files) - 1} more files")


@cli.command()
@inventory_argument
@target_option
@format_option
@output_option
def design(inventory: Path, target: Path | None, fmt: str, output: Path | None) -> None:
    """The least-cost candidate links (the target's network.candidates) that
    give every town hall and site the redundancy the target requires, and the
    capacity each link then needs under the worst single failure."""
    from planner.commands.design import design as run
    from planner.commands.design import render_design
    from planner.output import emit

    emit(
        render_design(run(inventory, target), fmt, _width()),
        output,
        [inventory, target],
    )


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry)."""
    # A run builds millions of small objects that live until it ends; the
    # cyclic collector rescanning them cost over a third of a national-scale
    # run. A short-lived process needs no cycle collection.
    gc.disable()
    # A run stopped by SIGTERM unwinds (temporary files removed) like Ctrl-C.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        cli.main(args=argv, prog_name="planner", standalone_mode=True)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    return 0


def run() -> None:
    """The console script: :func:`main`, then exit at once, without tearing
    down the millions of objects of a national run (a second or so); every
    output file is closed by then and the standard streams are flushed."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe (planner gap | head)
            stream.flush()
    os._exit(code)
