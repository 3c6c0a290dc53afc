"""The report's Gantt chart: in the report's language, with the names the
report gives its work packages, whole (``gantt.svg``) and cut into pages
that print at a readable size (``gantt-1.svg`` ...)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.models.bandwidth import BandwidthReport
from planner.models.inventory import Inventory
from planner.models.planresult import PlanResult
from planner.models.results import GapReport
from planner.models.target import Target
from planner.render.files.gantt import gantt_pages, plan_gantt
from planner.render.files.workbook_text import PackageText
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names
from planner.render.report.notice_text import say_notices
from planner.render.report.package_text import PackageWords, package_words

__all__ = ["dependency_names", "package_labels", "report_gantt", "workbook_text"]


def report_gantt(
    plan: PlanResult,
    inventory: Inventory,
    target: Target,
    gaps: GapReport,
    bandwidth: BandwidthReport | None,
    lang: str,
) -> tuple[str, tuple[str, ...]]:
    """``(whole chart, pages)`` as SVG texts."""
    msg = Messages(lang)
    words_of, munis = _words_of(plan, inventory, target, gaps, bandwidth, msg)
    labels = {k: v[0] for k, v in words_of.items()}
    reasons = {
        x.package.id: _with_dependencies(
            words_of[x.package.id][1], x.package.depends_on, labels, msg
        )
        for x in plan.placements
    }
    whole = plan_gantt(plan, msg, labels, munis, reasons)
    return whole, tuple(gantt_pages(plan, msg, labels, munis, reasons))


def package_labels(
    plan: PlanResult,
    inventory: Inventory,
    target: Target,
    gaps: GapReport,
    bandwidth: BandwidthReport | None,
    lang: str,
) -> dict[str, str]:
    """Each work package's name in the report's language, by id."""
    words_of, _ = _words_of(plan, inventory, target, gaps, bandwidth, Messages(lang))
    return {k: v[0] for k, v in words_of.items()}


def workbook_text(
    plan: PlanResult,
    inventory: Inventory,
    target: Target,
    gaps: GapReport,
    bandwidth: BandwidthReport | None,
    lang: str,
) -> PackageText:
    """The packages' names and reasons and the plan's warnings in ``lang``,
    for the plan workbook (``planner plan -o DIR --lang nb``)."""
    msg = Messages(lang)
    words_of, _ = _words_of(plan, inventory, target, gaps, bandwidth, msg)
    labels = {k: v[0] for k, v in words_of.items()}
    words = PackageWords.build(
        inventory, target, gaps, _names(inventory, target), bandwidth
    )
    return PackageText(
        names=labels,
        reasons={k: v[1] for k, v in words_of.items()},
        warnings=say_notices(plan.warnings, labels, words, msg, plan.currency),
    )


def _names(inventory: Inventory, target: Target) -> Names:
    return Names(
        municipalities={m.id: m.name for m in inventory.municipalities},
        sites={s.id: s.name for m in inventory.municipalities for s in m.sites},
        services={s.id: s.name for s in target.services.values()},
    )


def _words_of(
    plan: PlanResult,
    inventory: Inventory,
    target: Target,
    gaps: GapReport,
    bandwidth: BandwidthReport | None,
    msg: Messages,
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    names = _names(inventory, target)
    words = PackageWords.build(inventory, target, gaps, names, bandwidth)
    words_of = {
        x.package.id: package_words(x.package, words, msg) for x in plan.placements
    }
    return words_of, dict(names.municipalities)


def _with_dependencies(
    reason: str, depends_on: Sequence[str], labels: Mapping[str, str], msg: Messages
) -> str:
    """The reason, then (on a line of its own in the tooltip) the packages
    this one waits for, by name."""
    if not depends_on:
        return reason
    deps = msg("wp.depends_on", packages=dependency_names(depends_on, labels))
    return f"{reason}\n{deps}" if reason else deps


def dependency_names(depends_on: Sequence[str], labels: Mapping[str, str]) -> str:
    """``Extranett mellom kommunene, Felles driftssenter``: the names of the
    packages waited for, in the plan's order."""
    return ", ".join(labels.get(d, d) for d in depends_on)
