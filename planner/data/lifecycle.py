"""End of support of common server platforms: the default table of a
target's ``lifecycle.platforms``.

The date is the end of the vendor's last free support phase that still
brings security updates (Microsoft's extended support, Red Hat's
production phase, SUSE's general support, Debian's security support);
paid extensions (ESU, ELS, LTSS) are not counted. Keys are platform names
as inventories write them, normalised by :func:`platform_key`. Sources in
docs/followup.md. A target overrides or adds dates under
``lifecycle.platforms``.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["END_OF_SUPPORT", "platform_key"]


def platform_key(text: str) -> str:
    """``'Windows Server 2003'`` -> ``'windows-server-2003'``."""
    return re.sub(r"[\s_]+", "-", text.strip().casefold())


_D = dt.date
END_OF_SUPPORT: dict[str, dt.date] = {
    # Microsoft: end of extended support (Microsoft Lifecycle).
    "windows-nt-4.0-server": _D(2004, 12, 31),
    "windows-2000-server": _D(2010, 7, 13),
    "windows-server-2000": _D(2010, 7, 13),
    "windows-server-2003": _D(2015, 7, 14),
    "windows-server-2003-r2": _D(2015, 7, 14),
    "windows-server-2008": _D(2020, 1, 14),
    "windows-server-2008-r2": _D(2020, 1, 14),
    "windows-server-2012": _D(2023, 10, 10),
    "windows-server-2012-r2": _D(2023, 10, 10),
    "windows-server-2016": _D(2027, 1, 12),
    "windows-server-2019": _D(2029, 1, 9),
    # Red Hat: end of the production (maintenance) phase.
    "red-hat-enterprise-linux-4": _D(2012, 2, 29),
    "red-hat-enterprise-linux-5": _D(2017, 3, 31),
    "red-hat-enterprise-linux-6": _D(2020, 11, 30),
    "red-hat-enterprise-linux-7": _D(2024, 6, 30),
    # SUSE: end of general support.
    "suse-linux-enterprise-server-9": _D(2011, 8, 31),
    "suse-linux-enterprise-server-10": _D(2013, 7, 31),
    # Debian: end of the security team's support.
    "debian-3.1": _D(2008, 3, 31),
}
