"""The ``planner`` command line: option parsing and the one error boundary.

Commands parse options, call one library function from ``planner.commands``
and write its result. Exit codes: 0 ok, 1 ``--fail-on`` matched, 2 bad input
or usage (one line per problem, no traceback), 3 internal error.
"""

from __future__ import annotations

import gc
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planner import __version__
from planner.errors import PlannerError
from planner.models.results import GAP_KINDS

if TYPE_CHECKING:
    from planner.models.bandwidth import FailureMode

__all__ = ["cli", "main"]

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
        type=click.Choice(["nb", "en"]),
        default="nb",
        show_default=True,
        help="Language of the words in diagrams and reports (bokmål or English).",
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


def _width() -> int:
    if sys.stdout.isatty():
        return max(60, shutil.get_terminal_size().columns)
    return 100


class PlannerGroup(click.Group):
    """The one error boundary: a :class:`PlannerError` is printed as its
    lines (exit 2), anything unexpected as an internal error (exit 3)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except PlannerError as e:
            for line in e.lines():
                click.echo(line, err=True)
            ctx.exit(e.exit_code)
        except Exception:
            if ctx.params.get("debug"):
                traceback.print_exc()
            else:
                click.echo(
                    "internal error: planner failed; please report it with the "
                    "command and files (--debug shows the traceback)",
                    err=True,
                )
            ctx.exit(3)


@click.group(cls=PlannerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planner")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def cli(debug: bool) -> None:
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
    default: str = "none", help: str = "Also re-route every single link failure (n-1)."
) -> Callable[[F], F]:
    return click.option(
        "--failures",
        type=click.Choice(["none", "n-1"]),
        default=default,
        show_default=True,
        callback=_failure_mode,
        help=help,
    )


def _failure_mode(
    ctx: click.Context, param: click.Parameter, value: str
) -> FailureMode:
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
    from planner.commands.gap import failing, render_gaps
    from planner.commands.gap import gap as run
    from planner.output import emit

    report = run(inventory, target, failures)
    emit(render_gaps(report, fmt, _width()), output, [inventory, target])
    if failing(report, fail_on):
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
    from planner.commands.bandwidth import failing, render_bandwidth
    from planner.output import emit

    report = run(inventory, target, failures)
    emit(render_bandwidth(report, fmt, _width()), output, [inventory, target])
    if failing(report, fail_on):
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
) -> None:
    """Phased migration plan of INVENTORY: work packages, phases, costs per
    year and each municipality's share."""
    from planner.commands.plan import plan as run
    from planner.commands.plan import render_plan, write_plan
    from planner.output import emit

    result = run(
        inventory,
        target,
        plan_file,
        start=start,
        phase=phase,
        strategy=strategy,
        failures=failures,
    )
    if output is None:
        emit(render_plan(result, fmt, _width()), None)
    else:
        write_plan(result, output, [inventory, target, plan_file])


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
@format_option
@output_option
def costs(
    inventory: Path,
    target: Path | None,
    amount: str,
    key: str,
    decimals: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Split an amount between the municipalities of INVENTORY by a cost key."""
    from planner.commands.costs import costs as run
    from planner.commands.costs import render_costs
    from planner.output import emit

    result = run(inventory, target, amount, key, int(decimals))
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
def render(
    inventory: Path,
    target: Path | None,
    view: str,
    plan_file: Path | None,
    fmt: str | None,
    output: Path,
    lang: str,
    fold: bool | None,
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
def report(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    lang: str,
    output: Path,
    fold: bool | None,
) -> None:
    """Write a static HTML report of INVENTORY for a steering group: key
    figures, diagrams, gaps, plan, costs and assumptions."""
    from planner.commands.report import check_folder, write_report
    from planner.commands.report import report as run

    check_folder(output, [inventory, target, plan_file])
    files = run(inventory, target, plan_file, lang=lang, fold=fold)
    write_report(files, output, [inventory, target, plan_file])
    click.echo(f"wrote {output / 'index.html'} and {len(files) - 1} more files")


@cli.command()
@click.argument(
    "kind", type=click.Choice(["inventory", "municipality", "target", "plan"])
)
@output_option
def schema(kind: str, output: Path | None) -> None:
    """Print the JSON Schema (draft-07) of a file format, for editors."""
    from planner.commands.schema import schema as run
    from planner.output import emit

    emit(run(kind), output)


@cli.group()
def export() -> None:
    """Write the inventory in the format of another tool."""


@export.command("archimate")
@inventory_argument
@target_option
@plan_option(
    "Plan settings and hand-written work packages (default: the generated plan)."
)
@click.option("--start", metavar="PERIOD", help="First phase, e.g. 2027H1 or 2009Q1.")
@failures_option(
    "n-1",
    "Size link upgrades for the worst single link failure (n-1), as planner "
    "plan does, or for normal operation only (none, faster).",
)
@lang_option
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


@cli.group("import")
def import_() -> None:
    """Make an inventory from another tool's data."""


@import_.command("netbox")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry)."""
    # A run builds millions of small objects that live until it ends; the
    # cyclic collector rescanning them cost over a third of a national-scale
    # run. A short-lived process needs no cycle collection.
    gc.disable()
    try:
        cli.main(args=argv, prog_name="planner", standalone_mode=True)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    return 0
