"""``planner diff`` as text (Terraform's ``+ ~ -``), Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from planner.diff.model import Change, DiffResult
from planner.models.results import Gap
from planner.render.text.jsonout import to_json

__all__ = ["diff_json", "diff_markdown", "diff_text"]

_SIGN = {"create": "+", "update": "~", "delete": "-"}


def _show(value: Any) -> str:
    """A value as JSON text: strings quoted, control characters escaped
    (nothing from a file reaches the terminal raw)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _summary(result: DiffResult) -> str:
    if result.equal:
        return (
            f"No changes: {result.old} and {result.new} are the same {result.subject}."
        )
    c = result.counts()
    n = len(result.changes)
    return (
        f"{n} change{'s' if n != 1 else ''}: {c['create']} to create, "
        f"{c['update']} to update, {c['delete']} to delete."
    )


def diff_text(result: DiffResult) -> str:
    lines = [f"--- {result.old}", f"+++ {result.new}", ""]
    for change in result.changes:
        lines += _text_change(change)
    if result.changes:
        lines.append("")
    lines.append(_summary(result))
    if result.gaps is not None:
        lines += _text_gaps("closed", result.gaps.closed)
        lines += _text_gaps("opened", result.gaps.opened)
    return "\n".join(lines) + "\n"


def _text_change(change: Change) -> list[str]:
    sign = _SIGN[change.action]
    out = [f"{sign} {change.kind} {_show(change.id)}"]
    for name, (before, after) in change.fields.items():
        if change.action == "update":
            out.append(f"    ~ {name}: {_show(before)} -> {_show(after)}")
        else:
            out.append(f"    {sign} {name}: {_show(after if sign == '+' else before)}")
    return out


def _text_gaps(what: str, gaps: tuple[Gap, ...]) -> list[str]:
    out = ["", f"Gaps {what}: {len(gaps)}"]
    sign = "-" if what == "closed" else "+"
    out += [f"  {sign} {_gap(g)}" for g in gaps]
    return out


def _gap(g: Gap) -> str:
    where = f" ({', '.join(g.municipalities)})" if g.municipalities else ""
    return f"{g.kind} {_show(g.subject)}{where}: {_show(g.detail)}"


def _md(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ")
    )


def diff_markdown(result: DiffResult) -> str:
    lines = [f"# Changes: {_md(result.old)} → {_md(result.new)}", "", _summary(result)]
    if result.changes:
        lines += [
            "",
            "| | kind | id | field | before | after |",
            "|---|---|---|---|---|---|",
        ]
        for c in result.changes:
            sign = _SIGN[c.action]
            for name, (before, after) in c.fields.items() or {"": (None, None)}.items():
                lines.append(
                    f"| {sign} | {c.kind} | {_md(c.id)} | {_md(name)} | "
                    f"{_md('' if before is None else _show(before))} | "
                    f"{_md('' if after is None else _show(after))} |"
                )
    if result.gaps is not None:
        for what, gaps in (
            ("closed", result.gaps.closed),
            ("opened", result.gaps.opened),
        ):
            lines += ["", f"## Gaps {what} ({len(gaps)})", ""]
            lines += [f"- {_md(_gap(g))}" for g in gaps] or ["None."]
    return "\n".join(lines) + "\n"


def diff_json(result: DiffResult) -> str:
    return to_json(result.to_dict())
