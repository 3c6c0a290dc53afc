"""The errors planner raises; each formats itself for the user.

The library raises, only the CLI prints (one error boundary in ``cli.py``).
A :class:`Problem` is one mistake in one file, already located; an
:class:`InputError` carries every problem found in one go, so a user fixes a
file in one round instead of one error per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Protocol

from planner.models.frozen import frozen

__all__ = [
    "CellProblem",
    "InputError",
    "Loc",
    "PlannerError",
    "Problem",
    "ProblemAt",
    "SettingError",
    "UsageError",
    "did_you_mean",
]

Loc = tuple[str | int, ...]
"""A path into a file's data, as pydantic reports it: keys and list indices
(``("municipalities", 2, "sites", 0, "id")``)."""


class PlannerError(Exception):
    """Base of every error planner reports to a user (exit code 2)."""

    exit_code = 2

    def lines(self) -> list[str]:
        """The lines to print on stderr, one per problem."""
        return [f"error: {self}"]


class UsageError(PlannerError):
    """A command-line mistake: wrong option value, output over an input."""


class SettingError(UsageError):
    """A value of a named setting that cannot be read (``cost key: ...``).

    The library names the setting, not the option: the same parser serves
    the command line, a script and a file. Only the CLI knows which option
    the value came from and names it (:meth:`for_option`).
    """

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(f"{setting}: {message}")
        self.setting = setting
        self.message = message

    def for_option(self, option: str) -> UsageError:
        """The same mistake, said of the command-line ``option``."""
        return UsageError(f"{option}: {self.message}")


@frozen(order=True)
class Problem:
    """One located mistake: ``path:line:col: message``."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"

    def where(self) -> str:
        """The location alone, as another message cites it ("first at ...")."""
        return f"{self.path}:{self.line}:{self.col}"

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, 0, self.line, self.col, self.message)


@frozen(order=True)
class CellProblem(Problem):
    """One mistake in a workbook cell: ``file.xlsx:Sheet!C7: message``.

    ``line`` and ``col`` are the cell's row and column (1-based; 0 when the
    problem is the whole sheet or file); ``rank`` orders sheets as the
    workbook does rather than by name."""

    sheet: str = ""
    rank: int = 0

    def where(self) -> str:
        if not self.sheet:
            return self.path
        if self.line < 1:
            return f"{self.path}:{self.sheet}"
        return f"{self.path}:{self.sheet}!{_column(self.col)}{self.line}"

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.rank, self.line, self.col, self.message)


def _column(index: int) -> str:
    """Spreadsheet column letters: 1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


class ProblemAt(Protocol):
    """Locates a message at a path of a file's data (``Sources.problem``):
    how checks report problems without knowing the files. ``at_key`` points
    at the key rather than its value (an unknown key is the key's fault)."""

    def __call__(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem: ...


class InputError(PlannerError):
    """One or more mistakes in the user's files."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: p.sort_key())
        super().__init__("\n".join(map(str, self.problems)))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix, or '' when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
