"""An imported inventory as YAML files a person goes on editing.

``inventory.yaml`` holds the region, the links between municipalities and
one ``file:`` include per municipality (``municipalities/<id>.yaml``), each
in the block-and-flow style of the examples, with what NetBox lacks as
``TODO`` lines: a population of 0, users of 0, an empty system list with a
commented example.
"""

from __future__ import annotations

import json
import re
from typing import Any

from planner.importers.netbox_map import Imported

__all__ = ["inventory_files"]

_HEADER = (
    "# Imported from NetBox by `planner import netbox`. NetBox has no\n"
    "# populations, users or systems: fill in the lines marked TODO, then\n"
    "# run `planner validate` on this file.\n"
)


_PLAIN = re.compile(r"\w[\w.\-/]*( [\w.\-/]+)*")
_NUMBER = re.compile(r"[-+.\d_eE]+|0[xXoObB][\da-fA-F_]+")
_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "inf", "nan"}


def _scalar(value: Any) -> str:
    """A YAML scalar: plain when it cannot be read as anything but this
    string, else double-quoted (JSON's escapes are YAML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and not _NUMBER.fullmatch(text)
        and text.lower() not in _WORDS
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(record: dict[str, Any]) -> str:
    parts = []
    ordered = sorted(record.items(), key=lambda kv: kv[0] == "custom")  # custom last
    for key, value in ordered:
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items())
            parts.append(f"{key}: {{{inner}}}")
        else:
            parts.append(f"{key}: {_scalar(value)}")
    return "{" + ", ".join(parts) + "}"


def _municipality(m: dict[str, Any]) -> str:
    lines = [
        _HEADER.rstrip("\n"),
        f"id: {_scalar(m['id'])}",
        f"name: {_scalar(m['name'])}",
        "population: 0  # TODO: inhabitants (SSB table 07459)",
        "sites:  # TODO: users at each site",
        *(f"  - {_flow(s)}" for s in m["sites"]),
    ]
    if m["servers"]:
        lines += ["servers:", *(f"  - {_flow(s)}" for s in m["servers"])]
    lines += [
        "systems: []  # TODO: the municipality's systems, for example",
        "#  - {id: "
        + m["id"]
        + "-mail, service: email, product: Exchange, users: 100, hosting: local}",
    ]
    if m["links"]:
        lines += ["links:", *(f"  - {_flow(x)}" for x in m["links"])]
    return "\n".join(lines) + "\n"


def inventory_files(imported: Imported) -> dict[str, str]:
    """Relative path -> text, the region file first."""
    files: dict[str, str] = {}
    region = imported.region
    main = [
        _HEADER.rstrip("\n"),
        "schema: planner/inventory/v1",
        f"region: {_flow(region)}",
        "municipalities:",
        *(f"  - file: municipalities/{m['id']}.yaml" for m in imported.municipalities),
    ]
    if imported.links:
        main += ["links:", *(f"  - {_flow(x)}" for x in imported.links)]
    files["inventory.yaml"] = "\n".join(main) + "\n"
    for m in imported.municipalities:
        files[f"municipalities/{m['id']}.yaml"] = _municipality(m)
    return files
