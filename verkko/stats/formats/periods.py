"""Time codes of statistical tables (2024M01, 2024Q1, 2024) as periods."""

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from .errors import FormatError

MONTHLY = "M"
QUARTERLY = "Q"
YEARLY = "Y"

_MONTH = re.compile(r"(\d{4})M(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})Q([1-4])")
_YEAR = re.compile(r"\d{4}")
# PX TIMEVAL forms: TLIST(M1) "202401", TLIST(Q1) "20241".
_PX_MONTH = re.compile(r"(\d{4})(\d{2})")
_PX_QUARTER = re.compile(r"(\d{4})([1-4])")


class Period(NamedTuple):
    code: str  # canonical: 2024M01, 2024Q1, 2024
    start: date  # first day of the period
    frequency: str  # M, Q or Y


@lru_cache(maxsize=4096)
def parse_period(code: str, hint: str | None = None) -> Period:
    """The period a time code stands for; ``hint`` is a PX TLIST letter (A, Q, M) if known.

    >>> parse_period("2024M01")
    Period(code='2024M01', start=datetime.date(2024, 1, 1), frequency='M')
    """
    text = code.strip()
    if match := _MONTH.fullmatch(text):
        return _month(match, code)
    if match := _QUARTER.fullmatch(text):
        return _quarter(match)
    if hint == "M" and (match := _PX_MONTH.fullmatch(text)):
        return _month(match, code)
    if hint == "Q" and (match := _PX_QUARTER.fullmatch(text)):
        return _quarter(match)
    if _YEAR.fullmatch(text):
        return Period(text, date(int(text), 1, 1), YEARLY)
    raise FormatError(f"time code {code!r} is not a month (2024M01), quarter (2024Q1) or year (2024)")


def _month(match: re.Match, code: str) -> Period:
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise FormatError(f"time code {code!r} names month {month}")
    return Period(f"{year:04d}M{month:02d}", date(year, month, 1), MONTHLY)


def _quarter(match: re.Match) -> Period:
    year, quarter = int(match[1]), int(match[2])
    return Period(f"{year:04d}Q{quarter}", date(year, 3 * quarter - 2, 1), QUARTERLY)
