"""openpyxl is imported by the renderers without numpy (a tenth of a second
of every workbook written), and numpy stays importable after; openpyxl
writes its own XML (not lxml's), as the workbooks' bytes were made with."""

from __future__ import annotations

import os
import subprocess
import sys

_PROBE = """
import sys
import planner.render.report.workbook
import openpyxl
import openpyxl.xml
print("numpy" in sys.modules, openpyxl.NUMPY, openpyxl.xml.LXML, "lxml" in sys.modules)
import numpy
print(numpy.__name__)
"""


def test_the_report_imports_openpyxl_without_numpy() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    assert out.split() == ["False", "False", "False", "False", "numpy"]
