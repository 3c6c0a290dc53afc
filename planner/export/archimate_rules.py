"""The ArchiMate 3.1 relationship table for the element types planner writes.

Source: The Open Group, *ArchiMate® 3.1 Specification* (C197, 2019),
Appendix B "Relationships (Normative)": for each source and target element
type the relationships the language allows (core and derivable ones). The
rows below are the 12 x 12 element types of :mod:`planner.export.archimate`,
transcribed from the machine-readable copy of that appendix that the Archi
modelling tool ships (``com.archimatetool.model/model/relationships.xml``,
``version="3.1"``, Archi commit 9ba0559c2 of 2019-09-22, the last before its
update to ArchiMate 3.2). Letters as in that file and the appendix:

===  ==============  ===  =============
a    Access          n    Influence
c    Composition     o    Association
f    Flow            r    Realization
g    Aggregation     s    Specialization
i    Assignment      t    Triggering
v    Serving
===  ==============  ===  =============

The exporter consults :func:`allowed` for every relationship it writes and
the tests check every relationship of an export against this table, so a
mapping the language forbids (e.g. Node -> ApplicationComponent as
Assignment; it is Realization or Serving) cannot slip in.
"""

from __future__ import annotations

from functools import cache

__all__ = ["LETTERS", "TABLE", "allowed"]

LETTERS = {
    "Access": "a",
    "Composition": "c",
    "Flow": "f",
    "Aggregation": "g",
    "Assignment": "i",
    "Influence": "n",
    "Association": "o",
    "Realization": "r",
    "Specialization": "s",
    "Triggering": "t",
    "Serving": "v",
}

TABLE: dict[tuple[str, str], str] = {
    ("ApplicationComponent", "ApplicationComponent"): "cfgorstv",
    ("ApplicationComponent", "ApplicationService"): "fiortv",
    ("ApplicationComponent", "BusinessActor"): "fotv",
    ("ApplicationComponent", "CommunicationNetwork"): "fotv",
    ("ApplicationComponent", "Deliverable"): "o",
    ("ApplicationComponent", "Device"): "fotv",
    ("ApplicationComponent", "Facility"): "fotv",
    ("ApplicationComponent", "Gap"): "o",
    ("ApplicationComponent", "Location"): "fotv",
    ("ApplicationComponent", "Node"): "fotv",
    ("ApplicationComponent", "Plateau"): "o",
    ("ApplicationComponent", "WorkPackage"): "o",
    ("ApplicationService", "ApplicationComponent"): "fotv",
    ("ApplicationService", "ApplicationService"): "cfgostv",
    ("ApplicationService", "BusinessActor"): "fotv",
    ("ApplicationService", "CommunicationNetwork"): "fotv",
    ("ApplicationService", "Deliverable"): "o",
    ("ApplicationService", "Device"): "fotv",
    ("ApplicationService", "Facility"): "fotv",
    ("ApplicationService", "Gap"): "o",
    ("ApplicationService", "Location"): "fotv",
    ("ApplicationService", "Node"): "fotv",
    ("ApplicationService", "Plateau"): "o",
    ("ApplicationService", "WorkPackage"): "o",
    ("BusinessActor", "ApplicationComponent"): "fotv",
    ("BusinessActor", "ApplicationService"): "fotv",
    ("BusinessActor", "BusinessActor"): "cfgostv",
    ("BusinessActor", "CommunicationNetwork"): "fotv",
    ("BusinessActor", "Deliverable"): "o",
    ("BusinessActor", "Device"): "fotv",
    ("BusinessActor", "Facility"): "fotv",
    ("BusinessActor", "Gap"): "o",
    ("BusinessActor", "Location"): "fotv",
    ("BusinessActor", "Node"): "fotv",
    ("BusinessActor", "Plateau"): "o",
    ("BusinessActor", "WorkPackage"): "io",
    ("CommunicationNetwork", "ApplicationComponent"): "fortv",
    ("CommunicationNetwork", "ApplicationService"): "fortv",
    ("CommunicationNetwork", "BusinessActor"): "fiortv",
    ("CommunicationNetwork", "CommunicationNetwork"): "cfgostv",
    ("CommunicationNetwork", "Deliverable"): "o",
    ("CommunicationNetwork", "Device"): "fgiortv",
    ("CommunicationNetwork", "Facility"): "fgiortv",
    ("CommunicationNetwork", "Gap"): "o",
    ("CommunicationNetwork", "Location"): "fotv",
    ("CommunicationNetwork", "Node"): "fgiortv",
    ("CommunicationNetwork", "Plateau"): "o",
    ("CommunicationNetwork", "WorkPackage"): "o",
    ("Deliverable", "ApplicationComponent"): "or",
    ("Deliverable", "ApplicationService"): "or",
    ("Deliverable", "BusinessActor"): "or",
    ("Deliverable", "CommunicationNetwork"): "or",
    ("Deliverable", "Deliverable"): "cgos",
    ("Deliverable", "Device"): "or",
    ("Deliverable", "Facility"): "or",
    ("Deliverable", "Gap"): "o",
    ("Deliverable", "Location"): "or",
    ("Deliverable", "Node"): "or",
    ("Deliverable", "Plateau"): "or",
    ("Deliverable", "WorkPackage"): "o",
    ("Device", "ApplicationComponent"): "fortv",
    ("Device", "ApplicationService"): "fortv",
    ("Device", "BusinessActor"): "fiortv",
    ("Device", "CommunicationNetwork"): "fotv",
    ("Device", "Deliverable"): "o",
    ("Device", "Device"): "cfgiorstv",
    ("Device", "Facility"): "cfgiorstv",
    ("Device", "Gap"): "o",
    ("Device", "Location"): "fotv",
    ("Device", "Node"): "cfgiorstv",
    ("Device", "Plateau"): "o",
    ("Device", "WorkPackage"): "o",
    ("Facility", "ApplicationComponent"): "fortv",
    ("Facility", "ApplicationService"): "fortv",
    ("Facility", "BusinessActor"): "fiortv",
    ("Facility", "CommunicationNetwork"): "fotv",
    ("Facility", "Deliverable"): "o",
    ("Facility", "Device"): "cfgiorstv",
    ("Facility", "Facility"): "cfgiorstv",
    ("Facility", "Gap"): "o",
    ("Facility", "Location"): "fotv",
    ("Facility", "Node"): "cfgiorstv",
    ("Facility", "Plateau"): "o",
    ("Facility", "WorkPackage"): "o",
    ("Gap", "ApplicationComponent"): "o",
    ("Gap", "ApplicationService"): "o",
    ("Gap", "BusinessActor"): "o",
    ("Gap", "CommunicationNetwork"): "o",
    ("Gap", "Deliverable"): "o",
    ("Gap", "Device"): "o",
    ("Gap", "Facility"): "o",
    ("Gap", "Gap"): "cgos",
    ("Gap", "Location"): "o",
    ("Gap", "Node"): "o",
    ("Gap", "Plateau"): "o",
    ("Gap", "WorkPackage"): "o",
    ("Location", "ApplicationComponent"): "cfgortv",
    ("Location", "ApplicationService"): "cfgiortv",
    ("Location", "BusinessActor"): "cfgiortv",
    ("Location", "CommunicationNetwork"): "cfgotv",
    ("Location", "Deliverable"): "cgo",
    ("Location", "Device"): "cfgiortv",
    ("Location", "Facility"): "cfgiortv",
    ("Location", "Gap"): "cgo",
    ("Location", "Location"): "cfgostv",
    ("Location", "Node"): "cfgiortv",
    ("Location", "Plateau"): "cgo",
    ("Location", "WorkPackage"): "cgo",
    ("Node", "ApplicationComponent"): "fortv",
    ("Node", "ApplicationService"): "fortv",
    ("Node", "BusinessActor"): "fiortv",
    ("Node", "CommunicationNetwork"): "fotv",
    ("Node", "Deliverable"): "o",
    ("Node", "Device"): "cfgiorstv",
    ("Node", "Facility"): "cfgiorstv",
    ("Node", "Gap"): "o",
    ("Node", "Location"): "fotv",
    ("Node", "Node"): "cfgiorstv",
    ("Node", "Plateau"): "o",
    ("Node", "WorkPackage"): "o",
    ("Plateau", "ApplicationComponent"): "cgor",
    ("Plateau", "ApplicationService"): "cgor",
    ("Plateau", "BusinessActor"): "cgor",
    ("Plateau", "CommunicationNetwork"): "cgor",
    ("Plateau", "Deliverable"): "ao",
    ("Plateau", "Device"): "cgor",
    ("Plateau", "Facility"): "cgor",
    ("Plateau", "Gap"): "o",
    ("Plateau", "Location"): "cgor",
    ("Plateau", "Node"): "cgor",
    ("Plateau", "Plateau"): "cfgost",
    ("Plateau", "WorkPackage"): "fot",
    ("WorkPackage", "ApplicationComponent"): "or",
    ("WorkPackage", "ApplicationService"): "or",
    ("WorkPackage", "BusinessActor"): "or",
    ("WorkPackage", "CommunicationNetwork"): "or",
    ("WorkPackage", "Deliverable"): "aor",
    ("WorkPackage", "Device"): "or",
    ("WorkPackage", "Facility"): "or",
    ("WorkPackage", "Gap"): "o",
    ("WorkPackage", "Location"): "or",
    ("WorkPackage", "Node"): "or",
    ("WorkPackage", "Plateau"): "fort",
    ("WorkPackage", "WorkPackage"): "cfgost",
}
"""(source type, target type) -> the letters of the allowed relationships."""


@cache
def allowed(relationship: str, source: str, target: str) -> bool:
    """Whether ArchiMate 3.1 allows ``relationship`` from an element of type
    ``source`` to one of type ``target`` (False for types not in the table)."""
    letter = LETTERS.get(relationship)
    return letter is not None and letter in TABLE.get((source, target), "")
