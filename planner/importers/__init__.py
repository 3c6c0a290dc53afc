"""Importers from the tools that hold an inventory already (NetBox)."""
