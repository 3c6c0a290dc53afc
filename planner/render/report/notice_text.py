"""Plan warnings in the report's language.

Each of the planner's warnings is its English text with its kind and
fields beside it (a :class:`~planner.models.notice.Notice`; the plan
document's ``warning_details``). The report rebuilds the sentence from the
kind and the fields: work packages by their names, links by their ends,
periods, money and effort as the language writes them. A warning with no
kind, or of a kind this module does not know, keeps the planner's text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from planner.models.notice import notice_details
from planner.render.i18n import Messages
from planner.render.report.package_text import PackageWords

__all__ = ["say_notices"]


def say_notices(
    warnings: Sequence[str],
    labels: Mapping[str, str],
    words: PackageWords,
    msg: Messages,
    currency: str,
) -> list[str]:
    """Warnings as the planner made them (:class:`Notice` or plain text)
    in ``msg``'s language: ``planner progress``'s, the workbook's."""
    render = _Render(labels, words, msg, currency)
    details = notice_details(warnings)
    return [render(d, str(w)) for d, w in zip(details, warnings, strict=True)]


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
            said = build(self, fields)
        except (KeyError, TypeError, ValueError, IndexError):
            return text  # a field this version does not read: the planner's words
        return (
            self.msg("notice.forecast", text=said) if fields.get("forecast") else said
        )

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

    def kept(self, kept: Any) -> str:
        """``investering 200 000 kr; avhengigheter Extranett``: what an
        overriding package keeps of the generated one."""
        return "; ".join(
            f"{self.msg('notice.field.' + str(k['field']))} "
            f"{self.value(str(k['field']), k['value'])}"
            for k in kept
        )

    def value(self, field: str, value: Any) -> str:
        if field == "depends_on":
            return ", ".join(self.package(p) for p in value)
        if field in ("investment", "operating", "per_year", "saving_per_year"):
            return self.msg.money(value, self.currency)
        if field == "effort":
            return self.amount("staff", value)
        if field == "duration":
            return self.msg.count("notice.phases", int(value))
        return self.msg.period(value)

    def override(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.override_keeps",
            package=self.package(f["package"]),
            kept=self.kept(f["kept"]),
        )

    def extends(self, f: Mapping[str, Any]) -> str:
        said = [self.msg(f"notice.field.{n}") for n in f["said"]]
        parts = [
            self.msg("notice.extends.sets", fields=", ".join(said))
            if said
            else self.msg("notice.extends.nothing")
        ]
        if f["kept"]:
            parts.append(self.msg("notice.extends.keeps", kept=self.kept(f["kept"])))
        if f["closes"]:
            parts.append(self.msg("notice.extends.closes"))
        return self.msg(
            "notice.package_extends",
            package=self.package(f["package"]),
            generated=self.package(f["generated"]),
            parts="; ".join(parts),
        )

    def left_out(self, f: Mapping[str, Any]) -> str:
        years = [str(y) for y in f["years"]]
        return self.msg(
            "notice.projection_leaves_out",
            until=f["until"],
            what=self.msg(f"notice.left.{f['what']}"),
            amount=self.msg.money(f["amount"], self.currency),
            years=", ".join(years),
            last=max(years),
        )

    def unpriced(self, f: Mapping[str, Any]) -> str:
        return self.msg.count("notice.reinvestment_unpriced", int(f["servers"]))

    def candidate(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.candidate_left_out",
            candidate=f["candidate"],
            site=self.words.names.site(str(f["site"])),
        )

    def unresolved(self, f: Mapping[str, Any]) -> str:
        why = f["why"]
        kind, detail = why["kind"], why["fields"]
        towards = self.msg(f"notice.towards.{f['network']}")
        if kind == "unconnected":
            said = self.msg("notice.why.unconnected", towards=towards)
        elif kind == "bottleneck":
            links = ", ".join(self.words.link(str(x)) for x in detail["links"])
            said = self.msg("notice.why.bottleneck", towards=towards, links=links)
        elif kind == "too_few_paths":
            n = self.msg.number(int(detail["paths"]))
            said = self.msg("notice.why.too_few_paths", towards=towards, n=n)
        else:
            raise KeyError(kind)
        return self.msg(
            "notice.design_unresolved",
            site=self.words.names.site(str(f["site"])),
            network=self.msg(f"notice.network.{f['network']}"),
            why=said,
        )

    def not_optimal(self, f: Mapping[str, Any]) -> str:
        amount = self.msg.money(f["bound"], self.currency)
        return self.msg("notice.design_not_optimal", amount=amount)

    def not_a_package(self, f: Mapping[str, Any]) -> str:
        said = self.msg(
            "notice.actuals_not_a_package", where=f["where"], item=f["item"]
        )
        if f.get("like"):
            said += "; " + self.msg("notice.did_you_mean", like=self.package(f["like"]))
        return said

    def year_outside(self, f: Mapping[str, Any]) -> str:
        return self.msg(
            "notice.actuals_year_outside",
            where=f["where"],
            year=f["year"],
            first=f["first"],
            last=f["last"],
        )


_KINDS: dict[str, Callable[[_Render, Mapping[str, Any]], str]] = {
    "override_keeps": _Render.override,
    "package_extends": _Render.extends,
    "projection_leaves_out": _Render.left_out,
    "reinvestment_unpriced": _Render.unpriced,
    "candidate_left_out": _Render.candidate,
    "design_unresolved": _Render.unresolved,
    "design_not_optimal": _Render.not_optimal,
    "actuals_not_a_package": _Render.not_a_package,
    "actuals_year_outside": _Render.year_outside,
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
