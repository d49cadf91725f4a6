from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from verkko import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("verkko.accounts.urls")),
    path("ecosystem/", include("verkko.ecosystem.urls")),
    # DESIGN.md's short address of a forum page.
    path("forums/<slug:slug>/", RedirectView.as_view(pattern_name="ecosystem:forum", permanent=True)),
    path("statistics/", include("verkko.stats.urls")),
    path("", include("verkko.goals.urls")),
    path("", include("verkko.situation.urls")),
    path("reports/", include("verkko.reports.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
