"""The employment area of a request, resolved in one place.

Every page of an area lives under ``/<language>/<area slug>/``. ``AreaMiddleware`` reads the
slug from the address, sets ``request.area`` (``None`` on pages of no area) and gives the
request the URLconf of that area, in which the slug is fixed. So ``reverse()`` and ``{% url %}``
inside a request of an area give that area's addresses without being told, as i18n_patterns
does for the language; elsewhere (commands, e-mail, links to another area) ``use_area(area)``
says which area addresses belong to.
"""

import re
import types
from contextlib import contextmanager

from django.conf import settings
from django.urls import get_urlconf, reverse, set_urlconf
from django.utils import translation

_urlconfs = {}

# The address's language prefix and the segment after it, where an area's slug stands. Without
# the prefix (/oulu/situation/) the area is still known, so that LocaleMiddleware can redirect to
# /fi/oulu/situation/ as it does for the site's other addresses.
_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_AREA_PATH = re.compile(rf"^/(?:(?:{_LANGUAGE_CODES})/)?(?P<slug>[-a-z0-9]+)/")


def urlconf_for(slug):
    """The URLconf of one area (built once per slug): the site's pages plus the area's under its slug."""
    if slug not in _urlconfs:
        from verkko import urls

        module = types.ModuleType(f"verkko.urls.area.{slug}")
        module.urlpatterns = urls.build_urlpatterns(slug)
        _urlconfs[slug] = module
    return _urlconfs[slug]


def area_of_path(path):
    """The employment area an address belongs to, or None."""
    from verkko.ecosystem.models import EmploymentArea

    match = _AREA_PATH.match(path)
    if not match:
        return None
    return EmploymentArea.objects.select_related("host_municipality").filter(slug=match["slug"]).first()


class AreaMiddleware:
    """Sets ``request.area`` and the area's URLconf from the address; nothing else decides the area."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.area = area_of_path(request.path_info)
        if request.area is not None:
            request.urlconf = urlconf_for(request.area.slug)
        return self.get_response(request)


@contextmanager
def use_area(area):
    """Within the block, reverse() and {% url %} give the addresses of this area."""
    previous = get_urlconf()
    set_urlconf(urlconf_for(area.slug))
    try:
        yield
    finally:
        set_urlconf(previous)


def area_reverse(area, viewname, *args, **kwargs):
    """reverse() for the addresses of a given area, from anywhere."""
    with use_area(area):
        return reverse(viewname, *args, **kwargs)


def area_pages(viewname, area_ids=None, **url_kwargs):
    """The address of one page of each area (None: of every area), in every language."""
    from verkko.ecosystem.models import EmploymentArea

    areas = EmploymentArea.objects.order_by("pk")
    if area_ids is not None:
        areas = areas.filter(pk__in=area_ids)
    paths = []
    for area in areas:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths.append(area_reverse(area, viewname, kwargs=url_kwargs))
    return paths
