from django import template

from verkko.situation.formatting import format_number, format_signed

register = template.Library()


@register.filter
def number(value, decimals=0):
    """{{ value|number:1 }} → 12 345,6 in Finnish."""
    return format_number(value, int(decimals))


@register.filter
def signed(value, decimals=0):
    """{{ change|signed:1 }} → +1,2 or −345."""
    return format_signed(value, int(decimals))
