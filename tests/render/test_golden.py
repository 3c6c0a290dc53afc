from __future__ import annotations

import pytest

from tests.render.make_golden import GOLDEN, VIEWS, golden_text


@pytest.mark.parametrize("view", VIEWS)
def test_mini_dot_matches_golden(view: str) -> None:
    expected = (GOLDEN / f"mini-{view.replace(':', '-')}.dot").read_text(
        encoding="utf-8"
    )
    assert golden_text(view) == expected, (
        f"the DOT of the {view} view changed; if intended, run 'make golden' "
        "and review the diff"
    )
