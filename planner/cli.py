"""The ``planner`` command line: option parsing and the one error boundary.

Commands parse options, call one library function from ``planner.commands``
and write its result. Exit codes: 0 ok, 1 ``--fail-on`` matched, 2 bad input
or usage (one line per problem, no traceback), 3 internal error.
"""

from __future__ import annotations

import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from planner import __version__
from planner.errors import PlannerError
from planner.models.results import GAP_KINDS

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
@click.option(
    "--plan",
    "-p",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also check this plan settings file.",
)
def validate(inventory: Path, target: Path | None, plan: Path | None) -> None:
    """Load and check the files; exit 0 when they are valid."""
    from planner.commands.validate import validate as run

    click.echo(run(inventory, target, plan), nl=False)


@cli.command()
@inventory_argument
@target_option
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
    fmt: str,
    output: Path | None,
    fail_on: set[str],
) -> None:
    """Gap analysis of INVENTORY against the target architecture."""
    from planner.commands.gap import failing, render_gaps
    from planner.commands.gap import gap as run
    from planner.output import emit

    report = run(inventory, target)
    emit(render_gaps(report, fmt, _width()), output, [inventory, target])
    if failing(report, fail_on):
        raise SystemExit(1)


@cli.command()
@inventory_argument
@target_option
@click.option(
    "--view",
    default="current",
    show_default=True,
    metavar="current|target|gaps|phase:N",
    help="What to draw: today, the target state, the gaps, or after phase N.",
)
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
@click.option(
    "--fold/--no-fold",
    default=None,
    help="One node per municipality (default: when there are over 150 sites).",
)
def render(
    inventory: Path,
    target: Path | None,
    view: str,
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

    refuse_overwrite(output, [inventory, target])
    data = run(inventory, target, view, format_for(output, fmt), lang=lang, fold=fold)
    write_atomic(output, data)


@cli.command()
@inventory_argument
@target_option
@click.option(
    "--plan",
    "-p",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Plan settings (cost key, start, strategy) to show among the assumptions.",
)
@lang_option
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write index.html and the diagrams into.",
)
@click.option(
    "--fold/--no-fold",
    default=None,
    help="One node per municipality in the maps (default: over 150 sites).",
)
def report(
    inventory: Path,
    target: Path | None,
    plan: Path | None,
    lang: str,
    output: Path,
    fold: bool | None,
) -> None:
    """Write a static HTML report of INVENTORY for a steering group: key
    figures, diagrams, gaps, plan, costs and assumptions."""
    from planner.commands.report import check_folder, write_report
    from planner.commands.report import report as run

    check_folder(output, [inventory, target, plan])
    files = run(inventory, target, plan, lang=lang, fold=fold)
    write_report(files, output, [inventory, target, plan])
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry)."""
    try:
        cli.main(args=argv, prog_name="planner", standalone_mode=True)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    return 0
