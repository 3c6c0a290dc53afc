"""English: the report's second language."""

from __future__ import annotations

EN: dict[str, str] = {
    # Diagrams
    "view.current": "the network today",
    "view.target": "the target",
    "view.gaps": "gaps against the target",
    "view.phase": "after phase {n}",
    "datacenter": "data centre",
    "internet": "Internet",
    "sites": "{n} sites",
    "legend.datacenter": "data centre",
    "legend.server_room": "server room",
    "legend.site": "site",
    "legend.gap_site": "gap (server room to close, unreachable)",
    "legend.new": "new or upgraded",
    "legend.gap_link": "gap: capacity too low or single point of failure",
    "legend.util_low": "below {limit}",
    "legend.util_busy": "busy",
    "legend.util_over": "over the limit of {limit}",
    "legend.util_full": "overloaded",
}
