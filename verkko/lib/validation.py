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


# The largest key a database integer column holds (PostgreSQL's bigint, SQLite's INTEGER).
MAX_KEY = 2**63 - 1
_INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def guard_multiple_choice_keys():
    """A multiple choice of model objects refuses a key beyond the database's integers.

    Django's ModelMultipleChoiceField asks the database for `pk__in=[…]` with whatever was posted;
    99999999999999999999 there is an OverflowError on SQLite and a DataError on PostgreSQL (a
    server error), where a single choice already answers "not one of the choices".
    """
    from django.forms.models import ModelMultipleChoiceField

    check_values = ModelMultipleChoiceField._check_values

    def _check_values(field, value):
        key = field.to_field_name or "pk"
        options = field.queryset.model._meta
        model_field = options.pk if key == "pk" else options.get_field(key)
        if model_field.get_internal_type() in _INTEGER_KEYS and isinstance(value, (list, tuple)):
            for item in value:
                text = str(item).strip()
                if text.lstrip("+-").isdigit() and abs(int(text)) > MAX_KEY:
                    raise ValidationError(
                        field.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                    )
        return check_values(field, value)

    ModelMultipleChoiceField._check_values = _check_values
