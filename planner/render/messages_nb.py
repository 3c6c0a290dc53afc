"""Norsk bokmål: the report's first language (its readers are rådmenn)."""

from __future__ import annotations

NB: dict[str, str] = {
    # Diagrams
    "view.current": "nettet i dag",
    "view.target": "målbildet",
    "view.gaps": "avvik fra målbildet",
    "view.phase": "etter fase {n}",
    "datacenter": "datasenter",
    "internet": "Internett",
    "sites": "{n} lokasjoner",
    "legend.datacenter": "datasenter",
    "legend.server_room": "serverrom",
    "legend.site": "lokasjon",
    "legend.gap_site": "avvik (serverrom som legges ned, uten forbindelse)",
    "legend.new": "ny eller oppgradert",
    "legend.gap_link": "avvik: for lav kapasitet eller enkeltpunkt for feil",
    "legend.util_low": "under {limit}",
    "legend.util_busy": "travel",
    "legend.util_over": "over grensen på {limit}",
    "legend.util_full": "overbelastet",
}
