from django.urls import path

from verkko.ecosystem import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("who-does-what/", views.who_does_what, name="who_does_what"),
    path("responsibilities/", views.responsibility_matrix, name="responsibilities"),
    path("map/", views.ecosystem_map, name="map"),
    path("search/", views.search, name="search"),
    path("import/", views.import_upload, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("import/template/<str:kind>.<str:file_format>", views.import_template, name="import_template"),
    path("export/<str:kind>.<str:file_format>", views.export, name="export"),
    path("organisations/new/", views.organization_create, name="organization_create"),
    path("people/<uuid:uuid>/edit/", views.person_edit, name="person_edit"),
    path("people/<uuid:uuid>/erase/", views.person_erase, name="person_erase"),
    path("forums/new/", views.forum_create, name="forum_create"),
    path("forums/<slug:slug>/", views.forum_detail, name="forum"),
    path("forums/<slug:slug>/edit/", views.forum_edit, name="forum_edit"),
    path("forums/<slug:slug>/archive/", views.forum_archive, name="forum_archive"),
    path("forums/<slug:slug>/members/", views.forum_member_add, name="forum_member_add"),
    path("forums/<slug:slug>/members/remove/", views.forum_member_remove, name="forum_member_remove"),
    path("forums/<slug:slug>/responsibilities/", views.forum_responsibility, name="forum_responsibility"),
    path("forums/<slug:slug>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<uuid:uuid>/", views.meeting_detail, name="meeting"),
    path("meetings/<uuid:uuid>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<uuid:uuid>/attachments/", views.attachment_add, name="attachment_add"),
    path("meetings/<uuid:uuid>/decisions/", views.decision_add, name="decision_add"),
    path("attachments/<uuid:uuid>/", views.attachment_download, name="attachment"),
    path("attachments/<uuid:uuid>/remove/", views.attachment_remove, name="attachment_remove"),
    path("decisions/<uuid:uuid>/", views.decision_detail, name="decision"),
    path("decisions/<uuid:uuid>/edit/", views.decision_edit, name="decision_edit"),
    path("decisions/<uuid:uuid>/remove/", views.decision_remove, name="decision_remove"),
    # Organisation pages last: their slugs never take the names above (actions.RESERVED_SLUGS).
    path("<slug:slug>/", views.organization_detail, name="organization"),
    path("<slug:slug>/edit/", views.organization_edit, name="organization_edit"),
    path("<slug:slug>/remove/", views.organization_remove, name="organization_remove"),
    path("<slug:slug>/restore/", views.organization_restore, name="organization_restore"),
    path("<slug:slug>/role/", views.role_edit, name="role_edit"),
    path("<slug:slug>/people/new/", views.person_create, name="person_create"),
]
