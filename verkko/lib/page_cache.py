"""Pages cached until their data change, per audience.

A cached part is named by everything it is drawn from: the area and its content version (raised
by every write of the area's content, verkko.ecosystem.content_versions), the statistics'
version where figures show (verkko.stats.versions), the language and the audience (what a role
level changes on the page: public, partner, coordinator), plus the page's own choices. Nothing
is ever deleted: a change makes a new name, and the old entries are never read again.

Only what is the same for everyone in the audience is cached: a rendered fragment of the page,
a built context or a file's bytes; never a response carrying a user's CSRF token, messages or
user menu.
"""

import hashlib

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

PREFIX = "page:"


def key(kind, parts):
    """The cache key of one kind of cached part (a name such as "goals-monitoring") and its parts."""
    return PREFIX + kind + ":" + hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()


def area_parts(area, audience):
    """What every cached part of an area's page depends on: the area, its content, the language, the audience."""
    return (area.pk, area.content_version, get_language(), audience)


def cached(kind, parts, build):
    """The value cached under kind and parts, built and kept when missing."""
    name = key(kind, parts)
    value = cache.get(name)
    if value is None:
        value = build()
        cache.set(name, value, None)
    return value


def cached_html(kind, parts, build):
    """A rendered fragment, safe to put in a page: our own template's output, escaped when it was rendered."""
    return mark_safe(cached(kind, parts, lambda: str(build())))  # noqa: S308


def is_cached(kind, parts):
    return cache.get(key(kind, parts)) is not None
