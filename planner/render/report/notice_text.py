"""Plan warnings in the report's language.

The plan document carries each warning twice: the planner's English text
(``warnings``) and its kind and fields (``warning_details``, see
``planner.models.notice``). The report rebuilds the sentence from the
kind and the fields: work packages by their names, links by their ends,
periods, money and effort as the language writes them. A warning with no
kind, or of a kind this module does not know, keeps the planner's text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from planner.render.i18n import Messages
from planner.render.report.package_text import PackageWords

__all__ = ["notice_texts"]


def notice_texts(
    doc: Mapping[str, Any],
    labels: Mapping[str, str],
    words: PackageWords,
    msg: Messages,
) -> list[str]:
    """The plan's warnings, one sentence each, in order."""
    details = doc.get("warning_details")
    texts = [str(w) for w in doc.get("warnings", [])]
    if not isinstance(details, list) or len(details) != len(texts):
        return texts  # a plan document from before warning_details
    render = _Render(labels, words, msg, str(doc.get("currency", "NOK")))
    return [render(d, text) for d, text in zip(details, texts, strict=True)]


class _Render:
    def __init__(
        self,
        labels: Mapping[str, str],
        words: PackageWords,
        msg: Messages,
        currency: str,
    ) -> None:
        self.labels, self.words, self.msg, self.currency = (
            labels,
            words,
            msg,
            currency,
        )

    def __call__(self, detail: Any, text: str) -> str:
        kind = detail.get("kind") if isinstance(detail, dict) else None
        fields = detail.get("fields") if isinstance(detail, dict) else None
        build = _KINDS.get(str(kind))
        if build is None or not isinstance(fields, dict):
            return text
        try:
            return build(self, fields)
        except (KeyError, TypeError, ValueError):
            return text  # a field this version does not read: the planner's words

    def package(self, pid: Any) -> str:
        return self.labels.get(str(pid), str(pid))

    def amount(self, cap: str, value: Any) -> str:
        if cap == "staff":
            return self.msg(
                "notice.fte",
                n=self.msg.number(float(value), 2).rstrip("0").rstrip(",."),
            )
        return self.msg.money(value, self.currency)

    def alone(self, f: Mapping[str, Any]) -> str:
        caps = "; ".join(
            self.msg(
                "notice.alone_cap",
                what=self.msg(f"notice.what.{c['cap']}"),
                amount=self.amount(c["cap"], c["amount"]),
                limit=self.amount(c["cap"], c["limit"]),
            )
            for c in f["caps"]
        )
        return self.msg(
            "notice.package_alone",
            package=self.package(f["package"]),
            caps=caps,
            period=self.msg.period(f["period"]),
        )

    def deadline(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.deadline_missed",
            package=self.package(f["package"]),
            period=self.msg.period(f["period"]),
            deadline=self.msg.period(f["deadline"]),
        )

    def over(self, f: Mapping[str, Any]) -> str:
        cap = str(f["cap"])
        return self.msg(
            "notice.phase_over_cap",
            period=self.msg.period(f["period"]),
            what=self.msg(f"notice.what.{cap}"),
            amount=self.amount(cap, f["amount"]),
            over=self.amount(cap, f["over"]),
            limit=self.amount(cap, f["limit"]),
        )

    def link(self, key: str) -> Callable[[Mapping[str, Any]], str]:
        def build(f: Mapping[str, Any]) -> str:
            return self.msg(
                key,
                link=self.words.link(str(f["link"])),
                bandwidth=self.msg.bandwidth(float(f["bandwidth"])),
            )

        return build

    def coverage(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.coverage_no_package",
            service=self.words.names.service(str(f["service"])),
            municipality=self.words.names.municipality(str(f["municipality"])),
        )

    def takes_over(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.package_takes_over",
            package=self.package(f["package"]),
            packages=", ".join(self.package(p) for p in f["packages"]),
            amount=self.msg.money(f["amount"], self.currency),
        )


_KINDS: dict[str, Callable[[_Render, Mapping[str, Any]], str]] = {
    "package_alone": _Render.alone,
    "deadline_missed": _Render.deadline,
    "phase_over_cap": _Render.over,
    "link_no_tier": lambda r, f: r.link("notice.link_no_tier")(f),
    "link_no_cost": lambda r, f: r.link("notice.link_no_cost")(f),
    "coverage_no_package": _Render.coverage,
    "package_takes_over": _Render.takes_over,
}


def _fte(msg: Messages, value: float) -> str:
    """Effort with as few decimals as it needs (``1,5``, ``3``, ``0,25``)."""
    return msg.number(value, 2 if round(value, 1) != value else 1 if value % 1 else 0)
