"""The follow-up page of the report: ``progress.html`` and its burn chart
``burn.svg`` beside ``index.html``, from a followed-up plan. Jinja2
escapes every value; the page fetches nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import jinja2

from planner import __version__
from planner.models.progress import PackageProgress, Progress, share
from planner.render.files.burn import burn_chart
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names
from planner.render.report.notice_text import say_notices
from planner.render.report.package_text import PackageWords
from planner.render.text.jsonout import to_json

__all__ = ["progress_files"]


def progress_files(
    p: Progress, region_name: str, names: dict[str, str], *, lang: str = "nb"
) -> dict[str, bytes]:
    """``progress.html``, ``burn.svg`` and ``progress.json`` by name;
    ``names`` gives work packages' names by id."""
    msg = Messages(lang)
    labels = {
        "title": msg("progress.burn"),
        "planned": msg("progress.planned"),
        "forecast": msg("progress.forecast"),
        "actual": msg("progress.actual"),
        "as_of": msg("progress.as_of_line"),
    }
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("planner.render.report.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["t"] = msg
    html = env.get_template("progress.html.j2").render(
        _context(p, region_name, names, msg)
    )
    return {
        "progress.html": html.encode("utf-8"),
        "burn.svg": burn_chart(p, labels).encode("utf-8"),
        "progress.json": to_json(p.to_dict()).encode("utf-8"),
    }


def _context(
    p: Progress, region: str, names: dict[str, str], msg: Messages
) -> dict[str, Any]:
    def money(v: Decimal) -> str:
        return msg.money(v, p.currency)

    return {
        "lang": msg.lang,
        "version": __version__,
        "title": msg("progress.title", region=region),
        "summary": _summary(p, msg),
        "packages": [_package(r, names, msg, money) for r in p.work_packages],
        "actuals": _actuals(p, msg, money),
        "warnings": say_notices(p.warnings, names, _NO_WORDS, msg, p.currency),
    }


# The follow-up's warnings name packages (by ``names``) and files, no sites.
_NO_WORDS = PackageWords(Names({}, {}, {}), {}, {}, {}, {}, (), ())


def _summary(p: Progress, msg: Messages) -> list[str]:
    out = []
    if p.as_of is not None:
        counts = msg(
            "progress.counts", **{k: msg.number(n) for k, n in p.counts().items()}
        )
        out.append(msg("progress.as_of", phase=msg.period(p.as_of), counts=counts))
        planned = msg.period(p.finish) if p.finish else "–"
        if p.forecast_finish is None:
            out.append(msg("progress.finished", planned=planned))
        else:
            slip = f"{p.slip:+d}" if p.slip is not None else "–"
            out.append(
                msg(
                    "progress.finish",
                    planned=planned,
                    forecast=msg.period(p.forecast_finish),
                    slip=slip,
                )
            )
        if p.break_even is not None or p.forecast_break_even is not None:
            none = msg("progress.none")
            out.append(
                msg(
                    "progress.break_even",
                    planned=p.break_even or none,
                    forecast=p.forecast_break_even or none,
                )
            )
    return out


def _package(
    r: PackageProgress, names: dict[str, str], msg: Messages, money: Any
) -> dict[str, str]:
    status = "–" if r.status is None else msg(f"progress.status.{r.status}")
    if r.inferred:
        status += " " + msg("progress.inferred")
    forecast = _span(msg, r.forecast_start, r.forecast_end) if r.forecast_start else "–"
    return {
        "name": names.get(r.id, r.id),
        "status": status,
        "planned": _span(msg, r.phase_start, r.phase_end),
        "forecast": forecast,
        "slip": "–" if r.slip is None else f"{r.slip:+d}",
        "cost": money(r.cost),
    }


def _span(msg: Messages, start: object, end: object) -> str:
    if end in (None, start):
        return msg.period(start)
    return f"{msg.period(start)} – {msg.period(end)}"


def _actuals(p: Progress, msg: Messages, money: Any) -> list[list[str]]:
    if p.actuals is None:
        return []

    def pct(over: Decimal, budget: Decimal) -> str:
        value = share(over, budget)
        return "–" if value is None else msg.percent(value, 1)

    rows = [
        [
            x.item
            + ("" if x.kind == "work_package" else " " + msg("progress.budget_line")),
            str(x.year),
            money(x.budget),
            money(x.actual),
            money(x.overrun),
            pct(x.overrun, x.budget),
        ]
        for x in p.actuals.lines
    ]
    a = p.actuals
    over = a.actual - a.budget
    rows.append(
        [
            msg("progress.total"),
            "",
            money(a.budget),
            money(a.actual),
            money(over),
            pct(over, a.budget),
        ]
    )
    return rows
