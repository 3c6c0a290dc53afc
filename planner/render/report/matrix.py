"""The report's system overview: the :class:`Matrix` of ``planner matrix``
as a grid, services down and municipalities across (what ROR-IKT collected
from its five municipalities)."""

from __future__ import annotations

from typing import Any

from planner.models.matrix import Matrix

__all__ = ["matrix_section"]


def matrix_section(matrix: Matrix | None) -> dict[str, Any] | None:
    """Header names and one row per service; each cell a list of
    ``(product, users, standard)``; None without a matrix."""
    if matrix is None:
        return None
    rows = [
        {
            "name": s.name,
            "standard": s.standard,
            "cells": [
                {
                    "products": [(c.product, c.users, c.standard) for c in s.cells[m]],
                    "several": m in s.complements,
                }
                for m, _ in matrix.municipalities
            ],
        }
        for s in matrix.services
    ]
    return {"municipalities": [n for _, n in matrix.municipalities], "rows": rows}
