"""The report's system overview: the ``planner/matrix/v1`` document as a
grid, services down and municipalities across (what ROR-IKT collected
from its five municipalities)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["matrix_section"]


def matrix_section(doc: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Header names and one row per service; each cell a list of
    ``(product, users, standard)``; None without a document."""
    if doc is None:
        return None
    munis = [m["id"] for m in doc["municipalities"]]
    rows = [
        {
            "name": s["name"],
            "standard": s["standard"],
            "cells": [
                {
                    "products": [
                        (c["product"], c["users"], c["standard"]) for c in s["cells"][m]
                    ],
                    "several": m in s["several_products"],
                }
                for m in munis
            ],
        }
        for s in doc["services"]
    ]
    return {"municipalities": [m["name"] for m in doc["municipalities"]], "rows": rows}
