"""The values of the plan workbook's cells in the workbook's language.

In English (the default) every value is the planner's own (the bytes of
``plan -o DIR`` do not change). In bokmål or nynorsk the kinds, yes/no,
periods (``1. halvår 2007``), the frame, the cost key, the overruns, the
warnings and, with :class:`PackageText` from the analysis, the generated
packages' names and reasons are the report's words; amounts stay numbers,
shown with a ``kr`` number format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from decimal import Decimal

from planner.models.frozen import frozen
from planner.models.planresult import PlanResult
from planner.render.i18n import Messages
from planner.render.text.plan import frame_line

__all__ = ["CellText", "PackageText", "cell_text"]

MONEY = "#,##0"
KRONER = '#,##0\\ "kr"'


@frozen
class PackageText:
    """Names and reasons by package id, and the warnings, in the language
    (made by the report's words: ``planner.render.report``)."""

    names: Mapping[str, str] = field(default_factory=dict)
    reasons: Mapping[str, str] = field(default_factory=dict)
    warnings: Sequence[str] | None = None


class CellText:
    """The workbook's values: English as the planner writes them."""

    money_format = MONEY

    def __init__(self, plan: PlanResult) -> None:
        self.plan = plan

    def kind(self, kind: str) -> str:
        return kind

    def yes(self, value: bool) -> str:
        return "yes" if value else "no"

    def period(self, period: object) -> str:
        return str(period)

    def year(self, year: int) -> int | str:
        return str(year)

    def name(self, pid: str, name: str) -> str:
        return name

    def municipality(self, mid: str) -> str:
        return mid

    def reason(self, pid: str, reason: str) -> str:
        return reason

    def packages(self, ids: Sequence[str]) -> str:
        return ", ".join(ids)

    def overrun(self, over: Mapping[str, object]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(over.items()))

    def frame(self) -> str:
        return frame_line(self.plan)

    def key(self) -> str:
        return self.plan.key.describe()

    def warnings(self) -> list[str]:
        return [str(w) for w in self.plan.warnings]

    def no_break_even(self) -> str:
        return "not within the years projected"

    def word(self, word: str) -> str:
        return word


class _Translated(CellText):
    def __init__(self, plan: PlanResult, lang: str, text: PackageText) -> None:
        super().__init__(plan)
        self.msg, self.text = Messages(lang), text
        if plan.currency == "NOK":
            self.money_format = KRONER

    def kind(self, kind: str) -> str:
        return self.msg(f"kind.wp.{kind}")

    def yes(self, value: bool) -> str:
        return self.msg("xlsx.yes" if value else "xlsx.no")

    def period(self, period: object) -> str:
        return self.msg.period(period)

    def year(self, year: int) -> int | str:
        return year

    def name(self, pid: str, name: str) -> str:
        return self.text.names.get(pid, name)

    def municipality(self, mid: str) -> str:
        names = {s.municipality: s.name for s in self.plan.shares}
        return names.get(mid, mid)

    def reason(self, pid: str, reason: str) -> str:
        return self.text.reasons.get(pid, reason)

    def packages(self, ids: Sequence[str]) -> str:
        names = {x.package.id: x.package.name for x in self.plan.placements}
        return ", ".join(self.text.names.get(i, names.get(i, i)) for i in ids)

    def overrun(self, over: Mapping[str, object]) -> str:
        def amount(cap: str, value: object) -> str:
            if cap == "staff":
                return self.msg("notice.fte", n=self.msg.number(float(str(value)), 2))
            return self.msg.money(Decimal(str(value)), self.plan.currency)

        return ", ".join(
            f"{self.msg(f'notice.what.{k}')} {amount(k, v)}"
            for k, v in sorted(over.items())
        )

    def frame(self) -> str:
        f = self.plan.frame
        parts = [
            f"{self.msg('assumptions.plan_start')} {self.msg.period(f.start)}",
            f"{self.msg('assumptions.plan_phase')} {self.msg(f'phase.{f.phase}')}",
            f"{self.msg('assumptions.plan_strategy')} "
            f"{self.msg(f'strategy.{f.strategy}')}",
        ]
        if f.uncertainty:
            parts.append(
                f"{self.msg('assumptions.uncertainty')} "
                f"{self.msg.percent(f.uncertainty)}"
            )
        return "; ".join(parts)

    def key(self) -> str:
        key = self.plan.key
        text = ", ".join(
            f"{self.msg.percent(share)} {self.msg(f'criterion.{criterion}')}"
            if self.msg.has(f"criterion.{criterion}")
            else f"{self.msg.percent(share)} {criterion}"
            for criterion, share in key.weights
        )
        if key.base:
            base = self.msg.money(key.base, self.plan.currency)
            text = self.msg("assumptions.cost_key_base", base=base, rest=text)
        return text

    def warnings(self) -> list[str]:
        if self.text.warnings is not None:
            return list(self.text.warnings)
        from planner.render.report.gap_text import Names
        from planner.render.report.notice_text import say_notices
        from planner.render.report.package_text import PackageWords

        words = PackageWords(Names({}, {}, {}), {}, {}, {}, {}, (), ())
        labels = {x.package.id: x.package.name for x in self.plan.placements}
        labels.update(self.text.names)
        return say_notices(
            self.plan.warnings, labels, words, self.msg, self.plan.currency
        )

    def no_break_even(self) -> str:
        return self.msg("xlsx.no_break_even")

    def word(self, word: str) -> str:
        return self.msg(f"xlsx.{word}")


def cell_text(
    plan: PlanResult, lang: str, text: PackageText | None = None, named: bool = False
) -> CellText:
    """The values of ``plan``'s workbook in ``lang`` (``en``, ``nb``, ``nn``);
    ``named``: in English too the report's words (names, periods in words),
    not the planner's."""
    if lang == "en" and not named:
        return CellText(plan)
    return _Translated(plan, lang, text or PackageText())
