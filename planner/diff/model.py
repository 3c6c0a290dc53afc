"""The result of ``planner diff``: changes keyed by id, gaps closed and opened."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal

from planner.models.frozen import frozen
from planner.models.results import Gap

__all__ = ["ACTIONS", "Change", "DiffResult", "GapChanges", "compare_records"]

Action = Literal["create", "update", "delete"]
ACTIONS: tuple[Action, ...] = ("create", "update", "delete")
Record = dict[str, Any]


@frozen
class Change:
    """One object created, updated or deleted; ``fields`` maps a field to
    its value before and after (None where it is absent)."""

    kind: str
    id: str
    action: Action
    fields: dict[str, tuple[Any, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "action": self.action,
            "fields": {
                k: {"before": b, "after": a} for k, (b, a) in self.fields.items()
            },
        }


@frozen
class GapChanges:
    """Gaps of the old state that are gone (closed) and new ones (opened)."""

    closed: tuple[Gap, ...]
    opened: tuple[Gap, ...]


@frozen
class DiffResult:
    """``subject`` is inventory or plan; ``old`` and ``new`` name the inputs."""

    subject: str
    old: str
    new: str
    changes: tuple[Change, ...]
    gaps: GapChanges | None = None
    totals: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def equal(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(ACTIONS, 0)
        for c in self.changes:
            out[c.action] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": "planner/diff/v1",
            "subject": self.subject,
            "old": self.old,
            "new": self.new,
            "equal": self.equal,
            "summary": self.counts(),
            "changes": [c.to_dict() for c in self.changes],
        }
        if self.gaps is not None:
            out["gaps"] = {
                "closed": [g.to_dict() for g in self.gaps.closed],
                "opened": [g.to_dict() for g in self.gaps.opened],
            }
        return out


def compare_records(
    kinds: tuple[str, ...],
    old: dict[tuple[str, str], Record],
    new: dict[tuple[str, str], Record],
) -> tuple[Change, ...]:
    """Changes between records keyed by (kind, id), in ``kinds`` order then
    by id; an update lists only the fields that differ."""
    out: list[Change] = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (kinds.index(k[0]), k[1])):
        before, after = old.get(key), new.get(key)
        if before is None and after is not None:
            fields = {k: (None, v) for k, v in after.items() if v is not None}
            out.append(Change(*key, "create", fields))
        elif after is None and before is not None:
            fields = {k: (v, None) for k, v in before.items() if v is not None}
            out.append(Change(*key, "delete", fields))
        elif before is not None and after is not None and before != after:
            names = [*before, *(k for k in after if k not in before)]
            fields = {
                k: (before.get(k), after.get(k))
                for k in names
                if before.get(k) != after.get(k)
            }
            out.append(Change(*key, "update", fields))
    return tuple(out)
