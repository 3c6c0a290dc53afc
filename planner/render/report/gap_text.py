"""Gaps described for a steering group: the description code lives in
``planner.language.gaps`` (below the analyses, which write each gap's English
``detail`` with it); the report reads it from here."""

from __future__ import annotations

from planner.language.gaps import Names, describe_gap

__all__ = ["Names", "describe_gap"]
