"""Files for project leads: the plan workbook
(:func:`~planner.render.files.workbook.plan_workbook`) and the Gantt chart
(:func:`~planner.render.files.gantt.plan_gantt`)."""
