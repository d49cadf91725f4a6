"""The times sources give for when a table was updated, in whatever form they write them.

Real files carry ISO 8601 (``2026-01-27T06:00:00Z``), PX's ``20260127 08:00``, and the forms
.NET writes in its invariant culture (``08/08/2014 16:39:07``, month first) or in European
ones (``27.01.2026 08:00``). A reader keeps the text as the source gave it and hands on the
moment when the text can be read; a time it cannot read never makes it reject a file.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# Statistics Finland states naive times in Finnish local time; other offices' naive times are
# taken the same way, which is at most a few hours off for a date of publication.
SOURCE_TIMEZONE = ZoneInfo("Europe/Helsinki")

_CLOCK = r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?\s*(?P<ampm>[AaPp][Mm])?)?"
_PX = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})" + _CLOCK)
_SLASHED = re.compile(r"(?P<first>\d{1,2})/(?P<second_part>\d{1,2})/(?P<year>\d{4})" + _CLOCK)
_DOTTED = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})" + _CLOCK)


def parse_source_time(text) -> datetime | None:
    """The moment ``text`` names, as an aware UTC datetime, or None when it cannot be read.

    Naive times are Finnish local time. Slashed dates are month first as .NET's invariant
    culture writes them (PxWeb is a .NET program), unless the first number cannot be a month.
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    moment = _iso(text) or _numeric(text)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SOURCE_TIMEZONE)
    return moment.astimezone(UTC)


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def _numeric(text: str) -> datetime | None:
    if (match := _PX.fullmatch(text)) or (match := _DOTTED.fullmatch(text)):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    elif match := _SLASHED.fullmatch(text):
        first, second = int(match["first"]), int(match["second_part"])
        year, month, day = (int(match["year"]), second, first) if first > 12 else (int(match["year"]), first, second)
    else:
        return None
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    second_of_minute = int(match["second"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower() == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second_of_minute)
    except ValueError:
        return None
