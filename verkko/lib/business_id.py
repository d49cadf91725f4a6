"""The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_FORMAT = re.compile(r"^([0-9]{7})-([0-9])$")


def business_id_check_digit(first_seven):
    remainder = sum(int(digit) * weight for digit, weight in zip(first_seven, _WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None  # no valid business ID has remainder 1
    return 0 if remainder == 0 else 11 - remainder


def is_valid_business_id(value):
    match = _FORMAT.match(value or "")
    if not match:
        return False
    return business_id_check_digit(match.group(1)) == int(match.group(2))


def validate_business_id(value):
    if not _FORMAT.match(value or ""):
        raise ValidationError(
            _("Enter a business ID as seven digits, a hyphen and a check digit, e.g. 0187690-1."), code="format"
        )
    if not is_valid_business_id(value):
        raise ValidationError(_("The check digit of this business ID does not match."), code="check_digit")
