from django.urls import path

from verkko.news import views

app_name = "news"

urlpatterns = [
    # --- Digest e-mail (news-mail) ---
    path("digest/", views.digest_settings, name="digest_settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
