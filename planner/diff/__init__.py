"""What changed between two states: two inventories (``inventory``) or two
plans (``plan``), as changes keyed by id (``planner diff``)."""
