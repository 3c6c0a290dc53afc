"""Archi's CSV trio of an ArchiMate model: ``elements.csv``,
``relations.csv`` and ``properties.csv``.

Archi (*File > Import > CSV Data Into Selected Model*) reads them into an
existing model and updates every concept whose ID it already has, so a
model first made from the exchange file (:mod:`planner.export.archimate`)
is refreshed in place: the ids here are the exchange file's. The format is
the one Archi exports (its user guide, "Exporting and Importing the Model
in CSV Format"): every field quoted, ``"`` doubled, comma-separated,
CRLF line ends, UTF-8; elements ``"ID","Type","Name","Documentation",
"Specialization"`` with the model itself as the first row (type
``ArchimateModel``); relations ``"ID","Type","Name","Documentation",
"Source","Target","Specialization"`` with Archi's relation class names
(``ServingRelationship``); properties ``"ID","Key","Value"`` keyed by the
property's name, as Archi names the properties of an imported exchange
file. The views are not in the trio (Archi's CSV has no place for them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.export.archimodel import PROPERTIES, ArchiModel

__all__ = ["ELEMENTS", "PROPERTIES_HEADER", "RELATIONS", "archi_csv"]

ELEMENTS = ("ID", "Type", "Name", "Documentation", "Specialization")
RELATIONS = (
    "ID",
    "Type",
    "Name",
    "Documentation",
    "Source",
    "Target",
    "Specialization",
)
PROPERTIES_HEADER = ("ID", "Key", "Value")
# what Archi cannot keep in its model file (XML 1.0)
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _row(fields: Iterable[str]) -> str:
    return ",".join('"' + _INVALID.sub("", f).replace('"', '""') + '"' for f in fields)


def _lines(rows: Iterable[Iterable[str]]) -> str:
    return "".join(_row(r) + "\r\n" for r in rows)


def archi_csv(model: ArchiModel) -> dict[str, str]:
    """File name -> text of the three files."""
    names = {key: name for key, name, _ in PROPERTIES}
    documentation = f"Exported by planner from the inventory of {model.name}."
    elements = [
        ELEMENTS,
        (model.id, "ArchimateModel", model.name, documentation, ""),
        *(
            (e.id, e.type, e.name, e.documentation or "", "")
            for e in model.elements.values()
        ),
    ]
    relations = [
        RELATIONS,
        *(
            (r.id, f"{r.type}Relationship", r.name or "", "", r.source, r.target, "")
            for r in model.relationships.values()
        ),
    ]
    properties = [
        PROPERTIES_HEADER,
        *(
            (e.id, names[key], value)
            for e in model.elements.values()
            for key, value in e.props
        ),
    ]
    return {
        "elements.csv": _lines(elements),
        "relations.csv": _lines(relations),
        "properties.csv": _lines(properties),
    }
