"""Files for project leads: the plan workbook
(:func:`~planner.render.files.workbook.plan_workbook`) and the Gantt chart
(:func:`~planner.render.files.gantt.plan_gantt`).

openpyxl imports numpy when it is installed, only to accept numpy's number
types as cell values, which planner never writes: a tenth of a second of
every ``plan -o DIR`` and ``report``. The workbooks are written below this
package (and the report's, whose package imports this one first), so
openpyxl is imported here with numpy hidden; numpy stays importable for
whoever needs it later (the design's solver). lxml, which openpyxl
imports only to read its version when planner has asked for openpyxl's own
XML writer (``OPENPYXL_LXML=False``, set in :mod:`planner`), is hidden the
same way.
"""

from __future__ import annotations

import os
import sys


def _openpyxl_without_numpy() -> None:
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    hidden = ["numpy"]
    if os.environ.get("OPENPYXL_LXML") == "False" and "lxml" not in sys.modules:
        hidden.append("lxml")  # imported only to read its version, then unused
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import: ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_openpyxl_without_numpy()
