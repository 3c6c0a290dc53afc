"""Scenarios side by side: ``planner compare`` (see docs/scenarios.md)."""
