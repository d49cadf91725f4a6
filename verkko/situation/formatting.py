"""Numbers in the active language's format: fi and sv 12 345,6; en 12,345.6."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

MINUS = "\u2212"


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
