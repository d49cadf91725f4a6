"""Template tags of the processes app.

``{% load processes %}{% processes_of goal %}`` (or a forum) shows, on pages of other apps, the
processes that serve the goal or that the forum owns, with the resources committed; so that
goals and the ecosystem never import this app.
"""

import datetime
from decimal import Decimal

from django import template

from verkko.ecosystem.models import Forum
from verkko.goals.models import Goal
from verkko.lib.formatting import decimals_of, format_date, format_number, format_period
from verkko.processes import access, resources
from verkko.stats.periods import Period

register = template.Library()


@register.filter
def label(mapping, key):
    """The word for a code: {{ labels.level|label:forum.level }}."""
    return mapping.get(key, key) if hasattr(mapping, "get") else key


def _day_of(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def iso_date(value):
    """An ISO date kept in a document (2026-03-31) as people read it (31.3.2026); "" stays empty."""
    day = _day_of(value)
    return format_date(day) if day else (value or "")


@register.filter
def iso_month(value):
    """The month of an ISO date kept in a document (2026-11-01) as text says it (marraskuu 2026)."""
    day = _day_of(value)
    return format_period(Period.of(day), long=True) if day else (value or "")


@register.filter
def iso_range(value):
    """An ISO range kept in a document (2026-01-01/2026-12-31) as people read it (1.1.2026–31.12.2026).

    Text that is no such range (a version compiled before ranges were kept so) is shown as it is.
    """
    start, _, end = str(value or "").partition("/")
    if _day_of(start) and _day_of(end):
        return f"{iso_date(start)}–{iso_date(end)}"
    return value or ""


@register.filter
def iso_amount(value):
    """An amount kept in a document as plain decimal text ("12.5") in the reader's format (12,5)."""
    try:
        return format_number(Decimal(value), decimals_of(value))
    except (TypeError, ValueError, ArithmeticError):
        return value or "–"


@register.inclusion_tag("processes/_related.html", takes_context=True)
def processes_of(context, subject):
    request = context["request"]
    user, area = request.user, request.area
    processes = access.visible_processes(user, area)
    found = {"subject": subject, "area": area, "sums": None, "without_resources": None}
    if isinstance(subject, Goal):
        found["processes"] = processes.filter(goals=subject).order_by("name")
        found["sums"] = resources.goal_sums(user, area, subject)
        found["without_resources"] = resources.actions_without_resources(user, area, goal=subject)
        found["is_goal"] = True
    elif isinstance(subject, Forum):
        found["processes"] = processes.filter(forums=subject).order_by("name")
        found["agreements"] = access.visible_agreements(user, area).filter(forum=subject).order_by("title")
        found["sums"] = resources.forum_sums(user, area, subject)
    else:
        found["processes"] = processes.none()
    return found
