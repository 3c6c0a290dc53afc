"""openpyxl is imported by the renderers without numpy (a tenth of a second
of every workbook written), and numpy stays importable after."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import planner.render.report.workbook
import openpyxl
print("numpy" in sys.modules, openpyxl.NUMPY)
import numpy
print(numpy.__name__)
"""


def test_the_report_imports_openpyxl_without_numpy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["False", "False", "numpy"]
