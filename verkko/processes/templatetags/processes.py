"""Template tags of the processes app.

``{% load processes %}{% processes_of goal %}`` (or a forum) shows, on pages of other apps, the
processes that serve the goal or that the forum owns, with the resources committed; so that
goals and the ecosystem never import this app.
"""

import datetime

from django import template
from django.utils import formats

from verkko.ecosystem.models import Forum
from verkko.goals.models import Goal
from verkko.processes import access, resources

register = template.Library()


@register.filter
def label(mapping, key):
    """The word for a code: {{ labels.level|label:forum.level }}."""
    return mapping.get(key, key) if hasattr(mapping, "get") else key


@register.filter
def iso_date(value):
    """An ISO date kept in a document (2026-03-31) as people read it (31.3.2026); "" stays empty."""
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "j.n.Y")
    except (TypeError, ValueError):
        return value or ""


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
