"""planner: an infrastructure harmonisation planner for inter-municipal IT
cooperations.

Data flows one way: YAML (``load``) -> validated models (``models``) -> graph
(``graph``) -> analyses (``analyses``) -> plan -> renderers (``render``) -> CLI
(``cli``, ``commands``).
"""

import os

# openpyxl writes workbooks through lxml when lxml is installed, and then a
# workbook's bytes depend on what ran before in the process (the golden
# plan.xlsx differed after planner matrix's workbook). Its own writer keeps
# planner's .xlsx files byte-identical whether or not lxml is there (the
# ArchiMate tests install it). A user's explicit OPENPYXL_LXML wins.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
