"""What the commands share: the format tables, settings read from text,
the analysis with its progress callback, and the CLI naming the option of
a setting the library names."""

from __future__ import annotations

import pytest

from planner.analyses.gaps import analyse, find_gaps
from planner.commands.gap import FORMATS as GAP_FORMATS
from planner.commands.shared import period_setting, render_as
from planner.errors import SettingError, UsageError
from planner.graph import build_graph
from planner.load import default_target, load_inputs, load_inventory
from planner.render.text.gaps import gaps_json, gaps_markdown, gaps_text
from planner.units import Period
from tests.conftest import MINI
from tests.test_cli import run


def test_the_format_table_gives_each_renderer_its_format() -> None:
    report = find_gaps(build_graph(load_inventory(MINI).model), default_target().model)
    assert render_as(GAP_FORMATS, report, "json") == gaps_json(report).encode()
    assert render_as(GAP_FORMATS, report, "markdown") == gaps_markdown(report)
    assert render_as(GAP_FORMATS, report, "text", 60) == gaps_text(report, width=60)
    assert gaps_text(report, width=60) != gaps_text(report, width=200)
    with pytest.raises(UsageError, match="format 'pdf': choose from text, json"):
        render_as(GAP_FORMATS, report, "pdf")


def test_a_period_setting_names_the_setting_and_the_cli_the_option() -> None:
    assert period_setting(None, "start") is None
    assert period_setting("2008H2", "start") == Period.parse("2008H2")
    with pytest.raises(SettingError) as caught:
        period_setting("soon", "start")
    assert str(caught.value).startswith("start: 'soon' is not a period")
    assert str(caught.value.for_option("--start")).startswith("--start: 'soon'")
    code, _, err = run("plan", MINI, "--start", "soon")
    assert code == 2 and err.startswith("error: --start: 'soon' is not a period")


def test_the_cost_key_parser_names_the_setting() -> None:
    from planner.planning.costkey import parse_key

    with pytest.raises(SettingError, match=r"^cost key: unknown criterion 'popul'"):
        parse_key("popul")
    code, _, err = run("costs", MINI, "--amount", "1M", "--key", "popul")
    assert code == 2 and err.startswith("error: --key: unknown criterion 'popul'")


def test_the_progress_callback_follows_the_n1_sweep() -> None:
    calls: list[tuple[int, int]] = []
    inv, tgt = load_inventory(MINI).model, default_target().model
    analysis = analyse(
        inv, tgt, failures="n-1", progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1][0] == calls[-1][1] > 0
    assert analysis.gaps == find_gaps(build_graph(inv), tgt, failures="n-1")


def test_load_inputs_loads_the_plan_only_when_named() -> None:
    inputs = load_inputs(MINI, None)
    assert inputs.plan is None
    assert inputs.inventory.model.region.id == load_inventory(MINI).model.region.id
    assert inputs.target.model.id == default_target().model.id
