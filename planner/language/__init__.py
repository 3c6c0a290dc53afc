"""The words a person reads about an analysis, below the analyses so they can
use them: the gap sentences in three languages (``gaps_en``, ``gaps_nb``,
``gaps_nn``), their description code (``gaps.describe_gap``) and the
catalogue look-ups with each language's numbers (``messages.Messages``).

``planner.render.i18n`` adds the diagrams' and the report's words to the
same catalogues; the English sentence of a gap is its ``detail`` in the CLI
and JSON (:func:`english`), so each gap is described once.
"""

from __future__ import annotations

from planner.language.gaps import Names, describe_gap
from planner.language.gaps_en import GAPS_EN
from planner.language.messages import Messages
from planner.models.results import Gap
from planner.units import NumberStyle

__all__ = ["Messages", "Names", "describe_gap", "english"]

_EN = Messages("en", GAPS_EN, NumberStyle(group=" "))
"""The CLI's and JSON's English: the report's sentences with plain spaces,
thousands grouped as ``planner.units.format_money`` groups them
(``1 745 users``, ``80 000``, ``1 Gbit/s``)."""


def english(gap: Gap, names: Names) -> str:
    """``gap`` in English with ``names``: its ``detail``."""
    return describe_gap(gap, _EN, names)
