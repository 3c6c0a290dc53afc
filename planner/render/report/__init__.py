"""The steering-group report: :func:`~planner.render.report.html.html.render_report`
turns results into index.html and the files beside it (``templates/``)."""

import planner.render.files  # noqa: F401  # first: openpyxl without numpy
