"""The system overview (``planner matrix``): service x municipality ->
products, the shape ROR-IKT used to show its five municipalities where their
systems are alike and where they differ. ``to_dict`` gives
``planner/matrix/v1``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.models.frozen import frozen

__all__ = ["Cell", "Matrix", "MatrixRow"]


@frozen
class Cell:
    """One product one municipality runs for one service (its systems of
    that product folded into one: users added, the earliest contract end)."""

    product: str
    users: int
    hosting: tuple[str, ...]
    vendor: str | None
    contract_end: dt.date | None
    systems: tuple[str, ...]
    standard: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "users": self.users,
            "hosting": list(self.hosting),
            "vendor": self.vendor,
            "contract_end": None
            if self.contract_end is None
            else str(self.contract_end),
            "systems": list(self.systems),
            "standard": self.standard,
        }


@frozen
class MatrixRow:
    """One service: the standard product (the target's, else the one with
    most users), each municipality's products, and the odd ones out (the
    municipalities running a product other than the standard)."""

    service: str
    name: str
    harmonise: bool
    standard: str | None
    standard_source: str | None
    cells: dict[str, tuple[Cell, ...]]
    odd_ones_out: tuple[str, ...]
    complements: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "name": self.name,
            "harmonise": self.harmonise,
            "standard": self.standard,
            "standard_source": self.standard_source,
            "cells": {m: [c.to_dict() for c in cs] for m, cs in self.cells.items()},
            "odd_ones_out": list(self.odd_ones_out),
            "several_products": list(self.complements),
        }


@frozen
class Matrix:
    region: str
    target: str
    municipalities: tuple[tuple[str, str], ...]  # (id, name), inventory order
    services: tuple[MatrixRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/matrix/v1",
            "region": self.region,
            "target": self.target,
            "municipalities": [{"id": i, "name": n} for i, n in self.municipalities],
            "services": [r.to_dict() for r in self.services],
        }
