"""How every figure reads: numbers, changes, quantities with units, percentages, dates, times and
periods, in the active language (fi and sv 12 345,6 and 1.12.2026; en 12,345.6 and 1 Dec 2026).

Pages, charts, PDF, XLSX, history and mail all call these, so that one figure reads the same
everywhere. XLSX cells keep numbers as numbers: `xlsx_number_format` gives their format.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, pgettext

MINUS = "\u2212"
# The unit of a rate; a change of a rate is in percentage points.
PERCENT = "%"
_DATE_FORMATS = {"fi": "j.n.Y", "sv": "j.n.Y", "en": "j M Y"}
_DATETIME_FORMATS = {"fi": "j.n.Y G.i", "sv": "j.n.Y G.i", "en": "j M Y H:i"}
_TIME_FORMATS = {"fi": "G.i", "sv": "G.i", "en": "H:i"}
XLSX_DATE_FORMAT = "d.m.yyyy"
XLSX_DATETIME_FORMAT = "d.m.yyyy h:mm"


def _language():
    return (get_language() or "fi")[:2]


def rounded(value, decimals=0):
    """The value as shown: an int for counts, a float with the measure's decimals for rates.

    Halves round up, as statistics are published (1,25 → 1,3), from the value's shortest repr.
    """
    if value is None:
        return None
    shown = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return float(shown) if decimals else int(shown)


def format_number(value, decimals=0):
    if value is None:
        return "–"
    text = number_format(abs(rounded(value, decimals)), decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return (MINUS + text) if rounded(value, decimals) < 0 else text


def format_signed(value, decimals=0):
    """A change with its sign: +1 234, −56,3, ±0."""
    if value is None:
        return "–"
    shown = rounded(value, decimals)
    text = number_format(abs(shown), decimal_pos=decimals, use_l10n=True, force_grouping=True)
    if shown > 0:
        return "+" + text
    if shown < 0:
        return MINUS + text
    return "±" + text


def _with_unit(text, unit):
    return f"{text} {unit}" if unit else text


def format_quantity(value, decimals=0, unit=""):
    """A figure with its unit: 12,7 %, 1 234 henkilöä; – when missing."""
    return "–" if value is None else _with_unit(format_number(value, decimals), unit)


def change_unit(unit):
    """The unit of a difference: a difference of rates in per cent is in percentage points."""
    if unit == PERCENT:
        return pgettext("unit", "pp")
    return unit


def format_change(value, decimals=0, unit=""):
    """A difference with its sign and unit: +0,8 %-yks., −120 henkilöä."""
    return "–" if value is None else _with_unit(format_signed(value, decimals), change_unit(unit))


def format_percent(value, decimals=0):
    """A share in per cent: 40 %, −12 %."""
    return "–" if value is None else f"{format_number(value, decimals)} {PERCENT}"


def format_date(day):
    """1.12.2026 in Finnish and Swedish, 1 Dec 2026 in English; a moment is shown as its local day."""
    if day is None:
        return "–"
    if isinstance(day, datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return date_format(day, _DATE_FORMATS.get(_language(), "j.n.Y"))


def format_datetime(moment):
    """1.12.2026 9.05 (local time; 1 Dec 2026 09:05 in English)."""
    if moment is None:
        return "–"
    if isinstance(moment, date) and not isinstance(moment, datetime):
        return format_date(moment)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, _DATETIME_FORMATS.get(_language(), "j.n.Y G.i"))


def format_time(moment):
    """9.05 (09:05 in English): the local time of a moment whose day is already said, as an event's end."""
    if moment is None:
        return "–"
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, _TIME_FORMATS.get(_language(), "G.i"))


def format_period(period, *, long=False):
    """A Period (verkko.stats.periods) as tables show it (11/2026) or, long, as text says it
    (marraskuu 2026)."""
    if period is None:
        return "–"
    return period.name if long else period.label


def decimals_of(text):
    """How many decimals a number written as text has: "3200.0" 0, "12.80" 1, "150.5" 1."""
    mantissa = str(text).lower().split("e")[0]
    if "." not in mantissa:
        return 0
    return len(mantissa.split(".")[1].rstrip("0"))


def xlsx_number_format(decimals=0):
    """The spreadsheet format of a figure with these decimals: #,##0 or #,##0.0 (the program shows
    its reader's own separators)."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")
