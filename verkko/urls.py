"""Addresses: the site's own pages under the language, and every area's pages under its slug.

``/fi/`` leads to the area (or lists them); ``/fi/<area>/situation/`` and the rest belong to one
area (verkko.areas resolves it). The addresses used before areas were explicit
(``/fi/situation/`` …) redirect permanently to the first area's.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from verkko import views
from verkko.news import views as news_views

# The first segments of the addresses before areas were explicit; no area may take them as its slug.
LEGACY_SECTIONS = (
    "ecosystem",
    "forums",
    "statistics",
    "goals",
    "indicators",
    "actions",
    "my-actions",
    "situation",
    "signals",
    "reports",
)
# The first segments of the processes app's pages (verkko/processes/urls.py).
PROCESSES_SECTIONS = ("processes", "services", "agreements", "commitments", "collaboration-model")
RESERVED_AREA_SLUGS = frozenset(
    {
        *LEGACY_SECTIONS,
        "accounts",
        "admin",
        "areas",
        "invitations",
        "healthz",
        "static",
        "calendar",
        "api",
        *PROCESSES_SECTIONS,
    }
)

area_patterns = [
    path("", views.area_home, name="area_home"),
    path("ecosystem/", include("verkko.ecosystem.urls")),
    # DESIGN.md's short address of a forum page.
    path("forums/<slug:slug>/", RedirectView.as_view(pattern_name="ecosystem:forum", permanent=True)),
    path("statistics/", include("verkko.stats.urls")),
    path("", include("verkko.goals.urls")),
    path("", include("verkko.situation.urls")),
    path("survey/", include("verkko.survey.urls")),
    path("", include("verkko.processes.urls")),
    path("reports/", include("verkko.reports.urls")),
    path("", include("verkko.news.urls")),
    path("people/", include("verkko.accounts.area_urls")),
]

site_patterns = [
    path("", views.home, name="home"),
    path("areas/new/", views.area_create, name="area_create"),
    path("accounts/tokens/", include("verkko.api.token_urls")),
    path("accounts/", include("verkko.accounts.urls")),
    path("admin/", admin.site.urls),
    # A user's private calendar holds all their areas, so its address names none.
    path("calendar/<str:token>.ics", news_views.private_calendar, name="private_calendar"),
    re_path(rf"^(?P<rest>(?:{'|'.join(LEGACY_SECTIONS)})/.*)$", views.legacy_redirect, name="legacy"),
]


def build_urlpatterns(area_slug=None):
    """The site's patterns, and the area's under its slug when one is given (see verkko.areas)."""
    localized = list(site_patterns)
    if area_slug is not None:
        localized.append(path(f"{area_slug}/", include(area_patterns)))
    # No route serves MEDIA_ROOT, not even with DEBUG on: attachments are partner-only, and only the
    # views that check access send them.
    return [
        path("healthz", views.healthz, name="healthz"),
        # The open API: not under the language (Accept-Language chooses it); the area is in its path.
        path("api/v1/", include("verkko.api.urls")),
        *i18n_patterns(*localized),
    ]


urlpatterns = build_urlpatterns()
