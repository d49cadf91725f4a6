"""Periods of monthly, quarterly and yearly figures: their codes (2026M10, 2026Q4, 2026), the labels
people read (10/2026, Q4/2026, 2026) and their dates.

A period is stored as the date of its first day, as the statistics store does. Forms accept the code,
the label and a month by its name in Finnish, Swedish or English ("joulukuu 2024", "december 2024").
"""

import re
from dataclasses import dataclass
from datetime import date

from verkko.lib.validation import year_in_range
from verkko.stats.models import Frequency

# Each gives the year and the month or quarter as named groups; tried on the text in upper case
# with its spaces removed.
_PATTERNS = {
    Frequency.MONTHLY: [
        re.compile(r"^(?P<year>\d{4})M(?P<part>\d{1,2})$"),
        re.compile(r"^(?P<part>\d{1,2})[/.](?P<year>\d{4})$"),
        re.compile(r"^(?P<year>\d{4})-(?P<part>\d{1,2})$"),
    ],
    Frequency.QUARTERLY: [
        re.compile(r"^(?P<year>\d{4})/?Q(?P<part>[1-4])$"),
        re.compile(r"^Q(?P<part>[1-4])/?(?P<year>\d{4})$"),
    ],
    Frequency.YEARLY: [re.compile(r"^(?P<year>\d{4})$")],
}
EXAMPLES = {Frequency.MONTHLY: "2026M10", Frequency.QUARTERLY: "2026Q4", Frequency.YEARLY: "2026"}

# Month names in Finnish, Swedish and English, whatever the page's language: a Swedish-speaking user
# of a Finnish page writes "december 2024". Finnish also in the genitive ("joulukuun 2024").
_FINNISH_MONTHS = [
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
]
_SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(_ENGLISH_MONTHS, start=1)},
    **{name: number for number, name in enumerate(_SWEDISH_MONTHS, start=1)},
    **{name: number for number, name in enumerate(_FINNISH_MONTHS, start=1)},
    **{f"{name}n": number for number, name in enumerate(_FINNISH_MONTHS, start=1)},
}
_NAMED_MONTH = re.compile(r"^(?P<name>[^\W\d_]+)\.?\s*(?P<year>\d{4})$")


def read(text):
    """(first day, frequency) of the period a text names in any form a form accepts, or None.

    A year alone is a year, Q4/2024 or 2024Q4 a quarter, and 2024M12, 12/2024, 12.2024, 2024-12 or a
    month by its name ("joulukuu 2024", "december 2024", "December 2024") a month. A year outside
    verkko.lib.validation's MIN_YEAR…MAX_YEAR (such as 0000 or 0001) or a month 13 is no period.
    """
    text = " ".join((text or "").split())
    named = _NAMED_MONTH.match(text.lower())
    if named:
        month = _MONTH_NUMBERS.get(named["name"])
        year = int(named["year"])
        return (date(year, month, 1), Frequency.MONTHLY) if month and year_in_range(year) else None
    compact = text.upper().replace(" ", "")
    for frequency, patterns in _PATTERNS.items():
        match = next(filter(None, (pattern.match(compact) for pattern in patterns)), None)
        if not match:
            continue
        year = int(match["year"])
        if not year_in_range(year):
            return None
        if frequency == Frequency.MONTHLY:
            month = int(match["part"])
            return (date(year, month, 1), frequency) if 1 <= month <= 12 else None
        if frequency == Frequency.QUARTERLY:
            return date(year, 3 * int(match["part"]) - 2, 1), frequency
        return date(year, 1, 1), frequency
    return None


def parse(code, frequency):
    """The first day of the period a text names (see read), or None when it names no period of this
    frequency."""
    found = read(code)
    return found[0] if found and found[1] == frequency else None


def code(period, frequency):
    if frequency == Frequency.MONTHLY:
        return f"{period.year}M{period.month:02d}"
    if frequency == Frequency.QUARTERLY:
        return f"{period.year}Q{(period.month - 1) // 3 + 1}"
    return str(period.year)


def label(period, frequency):
    """The period as people read it: 10/2026, Q4/2026 or 2026."""
    if frequency == Frequency.MONTHLY:
        return f"{period.month}/{period.year}"
    if frequency == Frequency.QUARTERLY:
        return f"Q{(period.month - 1) // 3 + 1}/{period.year}"
    return str(period.year)


def containing(day, frequency):
    """The first day of the period of this frequency that contains the day."""
    if frequency == Frequency.MONTHLY:
        return date(day.year, day.month, 1)
    if frequency == Frequency.QUARTERLY:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def shift_months(period, months):
    index = period.year * 12 + period.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def end_of(period, frequency):
    """The last day of the period."""
    length = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}[frequency]
    return date.fromordinal(shift_months(period, length).toordinal() - 1)


def _month_names():
    """Month names as they stand in running text (lower case in Finnish and Swedish: "marraskuu",
    "november"; capitalised in English). Django's MONTHS are capitalised in every language."""
    from django.utils.dates import MONTHS
    from django.utils.translation import get_language

    names = [str(MONTHS[number]) for number in range(1, 13)]
    if (get_language() or "fi")[:2] in ("fi", "sv"):
        names = [name.lower() for name in names]
    return names


@dataclass(frozen=True, order=True)
class Period:
    """One period of a monthly, quarterly or yearly figure: parsed once where it enters (an address,
    a form, a file) and passed on as such.

    first_day is what the statistics store keeps; code is the StatFin code (2026M11), label what
    tables, axes and files show (11/2026), name what running text says (marraskuu 2026).
    """

    first_day: date
    frequency: str = Frequency.MONTHLY

    @classmethod
    def parse(cls, text, frequency=Frequency.MONTHLY):
        """The period a code or label names, or None when the text does not fit the frequency."""
        first = parse(text, frequency)
        return cls(first, frequency) if first else None

    @classmethod
    def read(cls, text):
        """The period a text names, of the frequency its form says (see the module's read), or None."""
        found = read(text)
        return cls(*found) if found else None

    @classmethod
    def of(cls, day, frequency=Frequency.MONTHLY):
        """The period of this frequency that contains the day."""
        return cls(containing(day, frequency), frequency)

    @property
    def code(self):
        return code(self.first_day, self.frequency)

    @property
    def label(self):
        return label(self.first_day, self.frequency)

    @property
    def name(self):
        """In running text: "marraskuu 2026", "Q4/2026" or "2026"."""
        if self.frequency == Frequency.MONTHLY:
            return f"{_month_names()[self.first_day.month - 1]} {self.first_day.year}"
        return self.label

    @property
    def last_day(self):
        return end_of(self.first_day, self.frequency)

    @property
    def file_part(self):
        """The period in a file name, sorting by time: 2026-11, 2026-Q4, 2026."""
        if self.frequency == Frequency.MONTHLY:
            return f"{self.first_day:%Y-%m}"
        if self.frequency == Frequency.QUARTERLY:
            return f"{self.first_day.year}-Q{(self.first_day.month - 1) // 3 + 1}"
        return str(self.first_day.year)

    def shifted(self, steps):
        """The period `steps` periods later (earlier when negative)."""
        months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}[self.frequency]
        return Period(shift_months(self.first_day, steps * months), self.frequency)

    def __str__(self):
        return self.label


class PeriodConverter:
    """A monthly period in an address (2026M11): the view receives a Period."""

    regex = r"\d{4}M\d{2}"

    def to_python(self, value):
        period = Period.parse(value, Frequency.MONTHLY)
        if period is None:
            raise ValueError(value)
        return period

    def to_url(self, value):
        return value.code if isinstance(value, Period) else str(value)
