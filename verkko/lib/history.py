"""Every write records who changed what, when, and the old and new values (django-auditlog)."""

import functools

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import transaction


def recorded_action(function):
    """Make an action atomic and record its changes in the history in the name of its user.

    Every action takes the acting user as its first argument.
    """

    @functools.wraps(function)
    def wrapper(user, *args, **kwargs):
        actor = user if user is not None and user.is_authenticated else None
        with transaction.atomic(), set_actor(actor):
            return function(user, *args, **kwargs)

    return wrapper


def history_of(obj, limit=50):
    """The newest changes of one object, with their actors."""
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:limit]
