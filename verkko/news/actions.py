"""Every write of news, events, sign-ups, follows and readings: atomic, in the name of the acting user,
recorded in the history. Views check access and validate first; actions take plain values."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.lib.history import recorded_action
from verkko.news.models import (
    CalendarToken,
    Event,
    Follow,
    NewsAttachment,
    NewsItem,
    Reading,
    Registration,
    new_feed_token,
)

NEWS_FIELDS = ("title", "body", "audience", "author_organization", "publish_at")
EVENT_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "forum",
    "audience",
    "organizer",
    "registration_url",
    "signup_enabled",
    "seat_limit",
)


class EventFull(Exception):
    """Every seat of the event is taken."""


class SignUpClosed(Exception):
    """The event takes no sign-ups (cancelled, or registration elsewhere)."""


def _set_fields(instance, names, data):
    for name in names:
        if name in data:
            setattr(instance, name, data[name])


# News


@recorded_action
def create_news_item(user, area, *, forums=(), **fields):
    item = NewsItem(area=area, created_by=user)
    _set_fields(item, NEWS_FIELDS, fields)
    item.save()
    item.forums.set(forums)
    return item


@recorded_action
def update_news_item(user, item, *, forums=(), **fields):
    _set_fields(item, NEWS_FIELDS, fields)
    item.save()
    item.forums.set(forums)
    return item


@recorded_action
def delete_news_item(user, item):
    """Deletes the item and its files; the history keeps what it said."""
    for attachment in item.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    item.delete()


@recorded_action
def add_news_attachment(user, item, *, title, file):
    return NewsAttachment.objects.create(news_item=item, title=title, file=file)


@recorded_action
def remove_news_attachment(user, attachment):
    attachment.file.delete(save=False)
    attachment.delete()


# Events and sign-ups


@recorded_action
def create_event(user, area, *, forums=(), **fields):
    event = Event(area=area, created_by=user)
    _set_fields(event, EVENT_FIELDS, fields)
    event.save()
    event.forums.set(forums)
    return event


@recorded_action
def update_event(user, event, *, forums=(), **fields):
    _set_fields(event, EVENT_FIELDS, fields)
    event.save()
    event.forums.set(forums)
    return event


@recorded_action
def cancel_event(user, event):
    if event.cancelled_at is None:
        event.cancelled_at = timezone.now()
        event.save(update_fields=["cancelled_at", "updated_at"])
    return event


@recorded_action
def sign_up(user, event):
    """Signs the user up; EventFull when every seat is taken (counted under a lock), SignUpClosed when
    the event takes no sign-ups. Signing up twice keeps the one registration."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not locked.signup_enabled or locked.cancelled_at is not None:
        raise SignUpClosed
    existing = Registration.objects.filter(event=locked, user=user).first()
    if existing:
        return existing
    if locked.seat_limit is not None and locked.registrations.count() >= locked.seat_limit:
        raise EventFull
    return Registration.objects.create(event=locked, user=user)


@recorded_action
def cancel_sign_up(user, event):
    for registration in Registration.objects.filter(event=event, user=user):
        registration.delete()


# Follows and what's new


@recorded_action
def follow(user, area, subject):
    found, _created = Follow.objects.get_or_create(
        user=user,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        defaults={"area": area},
    )
    return found


@recorded_action
def unfollow(user, subject):
    for found in Follow.objects.filter(
        user=user, subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ):
        found.delete()


def mark_whats_new_read(user, area, at=None):
    """Remembers when the user last read the area's "what's new" (not history: it is not a change of content)."""
    reading, _created = Reading.objects.get_or_create(user=user, area=area)
    reading.last_seen_at = at or timezone.now()
    reading.save(update_fields=["last_seen_at"])
    return reading


# The private calendar feed


def calendar_token_of(user):
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@recorded_action
def renew_calendar_token(user):
    """A new secret for the user's private calendar address; the old address stops working at once."""
    token = calendar_token_of(user)
    token.token = new_feed_token()
    token.save()
    return token


@recorded_action
def set_digest_frequency(user, area, frequency):
    """The user's choice of digest for the area: weekly, monthly or never."""
    if frequency not in Reading.Frequency.values:
        raise ValueError(frequency)
    reading, _created = Reading.objects.update_or_create(user=user, area=area, defaults={"digest_frequency": frequency})
    return reading
