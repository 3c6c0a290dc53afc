"""What every command does the same way: read a setting given as text,
analyse with a progress bar, and render a result in the format asked for.

A command module says only what is its own: which result, which table of
renderers (:data:`Formats`), which settings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from planner.errors import SettingError, UsageError
from planner.units import Period

if TYPE_CHECKING:
    from planner.analyses.gaps import Analysis
    from planner.graph import Release
    from planner.models.bandwidth import FailureMode
    from planner.models.inventory import Inventory
    from planner.models.target import Target

__all__ = ["ByteFormats", "Formats", "analysed", "period_setting", "render_as"]

R = TypeVar("R")

S = TypeVar("S", str, bytes, str | bytes)

Formats = Mapping[str, Callable[[R, int], str]]
"""Output format (``text``, ``json``, ``markdown``) -> ``render(result, width)``;
a renderer that does not wrap ignores the width."""

ByteFormats = Mapping[str, Callable[[R, int], str | bytes]]
""":data:`Formats` whose JSON comes as its UTF-8 bytes (``planner.output.emit``
writes either): ``gap`` and ``bandwidth``, whose national JSON is 15 MB."""


def render_as(
    formats: Mapping[str, Callable[[R, int], S]], result: R, fmt: str, width: int = 100
) -> S:
    """``result`` in ``fmt``, by the command's table of renderers."""
    render = formats.get(fmt)
    if render is None:
        raise UsageError(f"format '{fmt}': choose from {', '.join(formats)}")
    return render(result, width)


def period_setting(text: str | None, setting: str) -> Period | None:
    """A period written as text (``2008H2``), or None when not given; a
    mistake names ``setting`` (the CLI names its option)."""
    if text is None:
        return None
    try:
        return Period.parse(text)
    except ValueError as e:
        raise SettingError(setting, str(e)) from None


def analysed(
    inventory: Inventory,
    target: Target,
    *,
    failures: FailureMode = "n-1",
    release: Release = False,
) -> Analysis:
    """:func:`planner.analyses.gaps.analyse` with the n-1 sweep's progress
    bar on stderr (drawn only on a terminal); ``release``: the caller's last
    use of ``inventory`` (``planner.graph.build_graph``)."""
    from planner.analyses.gaps import analyse
    from planner.render.text.progress import ProgressBar

    with ProgressBar("n-1 failures") as bar:
        return analyse(
            inventory,
            target,
            failures=failures,
            progress=bar,
            release=release,
        )
