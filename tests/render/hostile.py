"""An inventory whose names are full of markup and DOT syntax."""

from __future__ import annotations

from pathlib import Path

import yaml

NAME = '"><script>alert(1)</script>{ } \\" \\\\ <b>x</b> &amp; \\N \\l\nline two'


def write_hostile(folder: Path) -> Path:
    """Write the inventory (names: :data:`NAME` plus a suffix) and return it."""
    data = {
        "region": {"id": "h", "name": "R " + NAME},
        "municipalities": [
            {
                "id": "m",
                "name": "M " + NAME,
                "population": 100,
                "sites": [
                    {
                        "id": "th",
                        "name": "TH " + NAME,
                        "role": "town-hall",
                        "server_room": True,
                    },
                    {"id": "s", "name": "S " + NAME, "role": "school"},
                ],
                "servers": [{"id": "srv", "site": "th", "role": "file"}],
                "systems": [
                    {
                        "id": "sy",
                        "service": "email",
                        "product": "P " + NAME,
                        "hosting": "local",
                        "server": "srv",
                        "users": 5,
                    },
                ],
                "links": [{"id": "l", "a": "th", "b": "s", "capacity": "2 Mbit/s"}],
            },
            {
                "id": "n",
                "name": "N " + NAME,
                "population": 50,
                "sites": [{"id": "nth", "name": "NTH " + NAME, "role": "town-hall"}],
                "systems": [
                    {
                        "id": "sy2",
                        "service": "email",
                        "product": "Q " + NAME,
                        "hosting": "saas",
                        "users": 5,
                    },
                ],
            },
        ],
        "links": [{"id": "mn", "a": "th", "b": "nth", "capacity": "10 Mbit/s"}],
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
