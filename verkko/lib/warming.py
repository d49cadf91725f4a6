"""Warming: after an import, the pages it invalidated are drawn at once, as the public sees them,
so that no visitor waits while figures are summed and charts drawn.

Each app registers the pages it wants warm (`register`); the jobs that change data call
`warm_pages` when they are done. The pages are requested through the whole stack, as a visitor
at SITE_URL would request them, so that they fill exactly the cache entries a visitor reads.
A page that fails to draw is logged and skipped: warming never fails an import.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.urls import get_urlconf, set_urlconf
from django.utils import translation

logger = logging.getLogger(__name__)

_pages = {}

STATISTICS = "statistics"  # pages that show statistics: warmed after a statistics import
CONTENT = "content"  # pages of the areas' own content (goals, reports): warmed after their imports too


def register(name, paths, *, kinds=(STATISTICS, CONTENT)):
    """paths(area_ids) gives the addresses of the pages to warm (area_ids None: of every area)."""
    _pages[name] = (paths, set(kinds))


def _host():
    """The host of SITE_URL when the site answers to it, else the first host it answers to."""
    address = urlsplit(settings.SITE_URL)
    host = address.netloc
    domain, _port = split_domain_port(host)
    if not validate_host(domain, settings.ALLOWED_HOSTS):
        host = next((name for name in settings.ALLOWED_HOSTS if name and not name.startswith((".", "*"))), "localhost")
    return host, address.scheme == "https"


def warm_pages(area_ids=None, *, kind=STATISTICS):
    """Request every registered page of this kind for the areas (None: all), in every language, as
    the public. Returns the number of pages drawn (none when the WARM_PAGES setting is off)."""
    if not settings.WARM_PAGES:
        return 0
    from django.test import Client  # a request through every middleware, without a server

    host, secure = _host()
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    drawn = 0
    # Called inside a request too (after an import from a page): its URLconf and language stay.
    urlconf, language = get_urlconf(), translation.get_language()
    try:
        for name, (paths, kinds) in _pages.items():
            if kind not in kinds:
                continue
            for path in paths(area_ids):
                response = client.get(path, secure=secure)
                if response.status_code == 200:
                    drawn += 1
                else:
                    logger.warning("warming %s: %s answered %s", name, path, response.status_code)
    finally:
        set_urlconf(urlconf)
        translation.activate(language) if language else translation.deactivate()
    return drawn
