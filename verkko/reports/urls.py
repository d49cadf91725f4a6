from django.urls import path

from verkko.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("monitoring/<str:period>/", views.monitoring_html, name="monitoring"),
    path("monitoring/<str:period>.pdf", views.monitoring_pdf, name="monitoring_pdf"),
    path("monitoring/<str:period>.xlsx", views.monitoring_xlsx, name="monitoring_xlsx"),
]
