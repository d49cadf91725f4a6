from django.urls import path, re_path

from verkko.situation import views

app_name = "situation"

urlpatterns = [
    path("situation/", views.area_page, name="area"),
    path("situation/municipalities/", views.municipality_table, name="municipalities"),
    re_path(
        r"^situation/download/(?P<kind>trend|seasonal|municipalities|areas)\.(?P<file_format>csv|xlsx)$",
        views.download,
        name="download",
    ),
    re_path(
        r"^situation/business/download/(?P<topic>population|enterprises|bankruptcies)\.(?P<file_format>csv|xlsx)$",
        views.business_download,
        name="business_download",
    ),
    path("situation/skills/", views.skills_page, name="skills"),
    re_path(r"^situation/skills/download\.(?P<file_format>csv|xlsx)$", views.skills_download, name="skills_download"),
    path("situation/reviews/", views.review_list, name="reviews"),
    path("situation/reviews/new/", views.review_create, name="review_create"),
    path("situation/reviews/<uuid:review_uuid>/", views.review_detail, name="review_detail"),
    path("situation/reviews/<uuid:review_uuid>/edit/", views.review_edit, name="review_edit"),
    path("situation/reviews/<uuid:review_uuid>/publish/", views.review_publish, name="review_publish"),
    re_path(r"^situation/(?P<code>[0-9]{3})/$", views.municipality_page, name="municipality"),
    path("signals/", views.signal_list, name="signals"),
    re_path(r"^signals/download\.(?P<file_format>csv|xlsx)$", views.signal_download, name="signal_download"),
    path("signals/new/", views.signal_create, name="signal_create"),
    path("signals/queue/", views.signal_queue, name="signal_queue"),
    path("signals/<uuid:signal_uuid>/", views.signal_detail, name="signal_detail"),
    path("signals/<uuid:signal_uuid>/check/", views.signal_check, name="signal_check"),
]
