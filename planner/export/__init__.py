"""Exports to the formats of other tools (ArchiMate exchange files)."""
