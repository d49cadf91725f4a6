"""Checks every form shares, so that no input reaches the database or a page that cannot show it:
numbers must be finite (no NaN, no infinity, no 1e400) and years must lie where dates, periods and
their arithmetic stay valid (a period of year 0000, or a meeting on 1.1.0001 in Helsinki time that
is 31.12.0000 in UTC, is a date Python cannot hold).
"""

import math
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The years a date or a period may have. Periods are shifted by years (forecasts, a year earlier),
# so the upper bound leaves room below Python's year 9999.
MIN_YEAR = 1000
MAX_YEAR = 9899


def year_in_range(year):
    return MIN_YEAR <= year <= MAX_YEAR


def validate_finite(value):
    """A validator: the number is a real, finite number."""
    if value is not None and isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(_("Enter a finite number."), code="not_finite")


def validate_year(value):
    """A validator for a date or date and time: its year is between MIN_YEAR and MAX_YEAR."""
    if isinstance(value, (date, datetime)) and not year_in_range(value.year):
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s."),
            code="year_out_of_range",
            params={"first": MIN_YEAR, "last": MAX_YEAR},
        )
