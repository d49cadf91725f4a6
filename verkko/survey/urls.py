from django.urls import path

from verkko.survey import views

app_name = "survey"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.round_create, name="round_create"),
    path("health/", views.collaboration_health, name="health"),
    path("rounds/<uuid:round_uuid>/", views.round_detail, name="round"),
    path("rounds/<uuid:round_uuid>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<uuid:round_uuid>/invite/", views.send_invitations, name="send_invitations"),
    path("rounds/<uuid:round_uuid>/results/", views.round_results, name="results"),
    path("rounds/<uuid:round_uuid>/export/<str:kind>.<str:file_format>", views.export, name="export"),
    path("rounds/<uuid:round_uuid>/answer/<slug:slug>/", views.answer, name="answer"),
    path("rounds/<uuid:round_uuid>/answer/<slug:slug>/partners/", views.answer_partners, name="answer_partners"),
    path("link/<str:token>/", views.link_answer, name="link"),
    path("link/<str:token>/partners/", views.link_partners, name="link_partners"),
]
