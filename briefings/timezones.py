"""Timezone names as people type them: one rule for the settings and for `subscribe`."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

__all__ = ["ZONE_EXAMPLES", "iana_timezone", "known_timezone"]

ZONE_EXAMPLES = "an IANA name such as Asia/Seoul, Europe/London or America/New_York"


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def known_timezone(name: str) -> str | None:
    """The tz database name `name` spells, whatever its case (``asia/seoul`` -> ``Asia/Seoul``); None if unknown."""
    return _zones_by_lower_name().get(name.strip().lower())


def iana_timezone(name: str) -> str | None:
    """The IANA timezone `name` spells, whatever its case; None for an unknown name or an abbreviation.

    Abbreviations (EST, CET, MST7MDT) are in the tz database too, but as fixed offsets or legacy
    rules that do not follow a place's daylight-saving changes, so they are refused; UTC is kept.
    """
    found = known_timezone(name)
    if found is None or ("/" not in found and found != "UTC"):
        return None
    return found
