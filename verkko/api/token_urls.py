from django.urls import path

from verkko.api import token_views

app_name = "api_tokens"

urlpatterns = [
    path("new/", token_views.token_create, name="create"),
    path("<int:pk>/revoke/", token_views.token_revoke, name="revoke"),
]
