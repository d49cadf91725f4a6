"""The people and roles of one area: /<lang>/<area>/people/ (included in verkko.urls.area_patterns)."""

from django.urls import path

from verkko.accounts import views

app_name = "people"

urlpatterns = [
    path("", views.people, name="list"),
    path("invite/", views.invite, name="invite"),
    path("memberships/<int:pk>/role/", views.change_role, name="change_role"),
    path("memberships/<int:pk>/remove/", views.remove_membership, name="remove_membership"),
    path("invitations/<uuid:uuid>/resend/", views.resend_invitation, name="resend_invitation"),
    path("invitations/<uuid:uuid>/cancel/", views.cancel_invitation, name="cancel_invitation"),
]
