"""The employment area of an API request: the first segment after /api/v1/, resolved here only.

The API's addresses are not under the language prefix, so the area middleware does not see an
area in them; this mixin looks the slug up, sets ``request.area`` as the middleware does for the
pages (so the apps' access helpers and get_absolute_url work the same) and 404s an unknown slug.
"""

from django.urls import set_urlconf
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from verkko.areas import urlconf_for
from verkko.ecosystem.models import EmploymentArea


def area_by_slug(slug):
    area = EmploymentArea.objects.select_related("host_municipality").filter(slug=slug).first()
    if area is None:
        raise NotFound(_("There is no employment area with this address."))
    return area


class AreaMixin:
    """For API views under /api/v1/<area>/: ``request.area`` is that area."""

    def initial(self, request, *args, **kwargs):
        area = area_by_slug(kwargs.get("area", ""))
        request.area = area
        request._request.area = area
        # reverse() in this request gives the area's page addresses, as on its pages.
        request._request.urlconf = urlconf_for(area.slug)
        set_urlconf(request._request.urlconf)
        super().initial(request, *args, **kwargs)

    @property
    def area(self):
        return self.request.area
