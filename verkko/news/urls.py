from django.urls import path
from django.views.decorators.http import require_safe

from verkko.news import feeds, views

app_name = "news"

urlpatterns = [
    path("start/", views.start_page, name="start"),
    path("whats-new/", views.whats_new_page, name="whats_new"),
    path("follow/<str:kind>/<slug:key>/", views.follow, name="follow"),
    path("news/", views.news_list, name="list"),
    path("news/feed.atom", require_safe(feeds.PublicNewsFeed()), name="feed"),
    path("news/new/", views.news_create, name="create"),
    path("news/<uuid:uuid>/", views.news_detail, name="detail"),
    path("news/<uuid:uuid>/edit/", views.news_edit, name="edit"),
    path("news/<uuid:uuid>/delete/", views.news_delete, name="delete"),
    path("news/<uuid:uuid>/attachments/", views.attachment_add, name="attachment_add"),
    path("news/attachments/<uuid:uuid>/", views.attachment_download, name="attachment"),
    path("news/attachments/<uuid:uuid>/remove/", views.attachment_remove, name="attachment_remove"),
    path("events/", views.event_list, name="events"),
    path("events/calendar.ics", views.public_calendar, name="events_ics"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/my-calendar/", views.calendar_address, name="calendar"),
    path("events/<uuid:uuid>/", views.event_detail, name="event"),
    path("events/<uuid:uuid>/edit/", views.event_edit, name="event_edit"),
    path("events/<uuid:uuid>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<uuid:uuid>/sign-up/", views.event_sign_up, name="event_sign_up"),
    path("events/<uuid:uuid>/sign-up/cancel/", views.event_sign_up_cancel, name="event_sign_up_cancel"),
    path("news/digest/", views.digest_settings, name="digest_settings"),
    path("news/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
