"""Results of the analyses: plain frozen dataclasses, built by the analyses
and read by the renderers. ``to_dict`` gives the JSON contract of
docs/cli.md (keys as users wrote the ids, lists sorted)."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from planner.models.frozen import frozen
from planner.models.gapdata import GapData

__all__ = ["GAP_KINDS", "SEVERITIES", "Gap", "GapReport"]

D = TypeVar("D", bound=GapData)

GAP_KINDS = (
    "coverage",
    "harmonisation",
    "hosting",
    "capacity",
    "redundancy",
    "utilisation",
    "availability",
    "reachability",
    "lifecycle",
    "duplication",
)
SEVERITIES = ("high", "medium", "low")
Severity = Literal["high", "medium", "low"]


@frozen
class Gap:
    """One difference between today and the target.

    ``subject`` is the service, link or site the gap is about; ``data`` holds
    the figures behind ``detail``, typed per kind (``planner.models.gapdata``);
    its ``to_dict`` is the JSON ``data`` object scripts read. ``detail`` is
    the gap's English sentence, written from ``data`` by
    ``planner.analyses.gaps.find_gaps`` (``planner.language.english``); the
    single analyses leave it empty: they return data only.
    """

    kind: str
    subject: str
    municipalities: tuple[str, ...]
    detail: str
    severity: Severity
    data: GapData

    def data_as(self, payload: type[D]) -> D:
        """``data`` as the payload type the caller expects of this kind; a
        gap of another kind is a programming error, never read as empty."""
        if not isinstance(self.data, payload):
            raise TypeError(
                f"{self.kind} gap {self.subject} carries "
                f"{type(self.data).__name__}, not {payload.__name__}"
            )
        return self.data

    def sort_key(self) -> tuple[int, int, str, tuple[str, ...]]:
        return (
            GAP_KINDS.index(self.kind),
            SEVERITIES.index(self.severity),
            self.subject,
            self.municipalities,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "municipalities": list(self.municipalities),
            "detail": self.detail,
            "severity": self.severity,
            "data": self.data.to_dict(),
        }


@frozen
class GapReport:
    """All gaps of one inventory against one target."""

    region: str
    target: str
    datacenters: tuple[str, ...]
    gaps: tuple[Gap, ...]

    @property
    def summary(self) -> dict[str, int]:
        """Number of gaps per kind, every kind present (zero included)."""
        counts = dict.fromkeys(GAP_KINDS, 0)
        for g in self.gaps:
            counts[g.kind] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/gap/v1",
            "region": self.region,
            "target": self.target,
            "datacenters": list(self.datacenters),
            "summary": self.summary,
            "gaps": [g.to_dict() for g in self.gaps],
        }
