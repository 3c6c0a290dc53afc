"""Plan warnings that also carry what they say as data.

A :class:`Notice` is the English warning text (``str``: terminals, scripts
and the plan document's ``warnings`` list stay as they were) with a
``kind`` and the ``fields`` it was written from beside it, so the report
can say the same thing in bokmål, nynorsk or English with names instead of
ids. A plain ``str`` warning is a notice with no kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["Notice", "notice_details"]


class Notice(str):
    """A warning's English text, its ``kind`` and its ``fields``."""

    kind: str
    fields: Mapping[str, Any]

    def __new__(cls, text: str, kind: str, **fields: Any) -> Notice:
        self = super().__new__(cls, text)
        self.kind = kind
        self.fields = fields
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Notices travel through the plan cache (pickle): keep kind and fields.
        return (_rebuild, (str(self), self.kind, dict(self.fields)))


def _rebuild(text: str, kind: str, fields: dict[str, Any]) -> Notice:
    return Notice(text, kind, **fields)


def notice_details(warnings: Iterable[str]) -> list[dict[str, Any]]:
    """``warning_details`` of the plan document: one entry per warning, in
    the same order, ``kind`` null for a warning with no structured form."""
    out: list[dict[str, Any]] = []
    for w in warnings:
        if isinstance(w, Notice):
            out.append({"kind": w.kind, "fields": dict(w.fields), "text": str(w)})
        else:
            out.append({"kind": None, "fields": {}, "text": str(w)})
    return out
