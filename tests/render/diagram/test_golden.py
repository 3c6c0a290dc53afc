"""The DOT text of each view of the mini region, against its golden file
(``pytest --update-golden`` rewrites them; review the diff)."""

from __future__ import annotations

import pytest

from tests.conftest import Golden
from tests.render.make_golden import GOLDEN, VIEWS, golden_text


@pytest.mark.parametrize("view", VIEWS)
def test_mini_dot_matches_golden(view: str, golden: Golden) -> None:
    golden.check(
        GOLDEN / f"mini-{view.replace(':', '-')}.dot",
        golden_text(view),
        f" (the DOT of the {view} view)",
    )
