from django.urls import path, register_converter

from verkko.reports import views
from verkko.stats.periods import PeriodConverter

app_name = "reports"
register_converter(PeriodConverter, "month")

urlpatterns = [
    path("", views.index, name="index"),
    path("monitoring/<month:period>/", views.monitoring_html, name="monitoring"),
    path("monitoring/<month:period>.pdf", views.monitoring_pdf, name="monitoring_pdf"),
    path("monitoring/<month:period>.xlsx", views.monitoring_xlsx, name="monitoring_xlsx"),
    path("monitoring/<month:period>/publish/", views.publish, name="publish"),
]
