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

import functools
import hashlib

from django.core.cache import cache
from django.http import HttpResponse
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


# Whole answers for the public


_KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def _may_share(request):
    """An anonymous GET of the page itself (no query), with no message waiting to be shown."""
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not request.session.get("_messages")
    )


def public_response(kind, parts):
    """Cache a view's whole answer for the public: anonymous visitors get the same page, with no
    user menu, message or CSRF token, so the answer itself is shared until its data change.

    parts(request, *args, **kwargs) names the data the page shows, as for `cached`; the address is
    added. Signed-in readers, addresses with a query and answers that are not a plain 200 (or
    that asked for a CSRF token or set a cookie) go through the view as before. The middleware
    still adds each answer's own headers (request id, security headers).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _may_share(request):
                return view(request, *args, **kwargs)
            name = key(kind, (*parts(request, *args, **kwargs), request.path))
            found = cache.get(name)
            if found is not None:
                content, headers = found
                response = HttpResponse(content)
                for header, value in headers.items():
                    response[header] = value
                return response
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            ):
                headers = {header: response[header] for header in _KEPT_HEADERS if response.has_header(header)}
                cache.set(name, (response.content, headers), None)
            return response

        return wrapper

    return decorator
