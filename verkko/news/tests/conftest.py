"""News fixtures on top of the root ones: forums, news items and events of every audience, and their
twins in the other area (same titles), so that a view that forgets the area shows it."""

import datetime

import pytest
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.ecosystem.models import ForumMember, Visibility
from verkko.ecosystem.tests.factories import ForumFactory, MeetingFactory
from verkko.news.models import Audience, Event, NewsItem

PARTNERS = ["coordinator", "partner_editor", "partner_member", "editor_b"]
ROLES = [*PARTNERS, "public", *OUTSIDERS]
MARKER = "SALAINEN"


def by_role(*expected):
    """(role, expected) pairs in ROLES order: the area's four roles, the public, the three outsiders."""
    return list(zip(ROLES, expected, strict=True))


@pytest.fixture
def as_role(request, client_for):
    def make(role):
        return client_for(None if role == "public" else request.getfixturevalue(role))

    return make


@pytest.fixture
def everyone(
    coordinator, partner_editor, partner_member, editor_b, outsider_member, outsider_editor, outsider_coordinator
):
    """Creates every named user."""


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


@pytest.fixture
def forum(area, organization_a):
    forum = ForumFactory(area=area, name="Nuorten verkosto", slug="nuorten-verkosto")
    ForumMember.objects.create(forum=forum, organization=organization_a)
    return forum


@pytest.fixture
def partner_forum(area, organization_a):
    forum = ForumFactory(area=area, name="Rekrytointitiimi", slug="rekrytointitiimi", visibility=Visibility.PARTNERS)
    ForumMember.objects.create(forum=forum, organization=organization_a)
    return forum


@pytest.fixture
def forum_of_b(area, organization_b):
    forum = ForumFactory(area=area, name="B:n foorumi", slug="b-foorumi", visibility=Visibility.PARTNERS)
    ForumMember.objects.create(forum=forum, organization=organization_b)
    return forum


def news(area, title, *, audience=Audience.PUBLIC, forums=(), publish_at=None, author=None, body="Tekstiä."):
    item = NewsItem.objects.create(
        area=area,
        title=title,
        body=body,
        audience=audience,
        author_organization=author,
        publish_at=publish_at or hours(-2),
    )
    item.forums.set(forums)
    return item


@pytest.fixture
def public_news(area, organization_a):
    return news(area, "Julkinen uutinen", author=organization_a, body="**Rekrytointimessut** ovat *tulossa*.")


@pytest.fixture
def partner_news(area):
    return news(area, f"{MARKER} kumppaniuutinen", audience=Audience.PARTNERS)


@pytest.fixture
def forum_news(area, forum_of_b):
    """For the members of organisation B's forum only (and the coordinators)."""
    return news(area, f"{MARKER} foorumiuutinen", audience=Audience.FORUMS, forums=[forum_of_b])


@pytest.fixture
def scheduled_news(area, organization_a):
    return news(area, f"{MARKER} ajastettu uutinen", publish_at=hours(48), author=organization_a)


@pytest.fixture
def other_area_news(other_area, other_organization):
    return news(other_area, "Rannikon uutinen", author=other_organization)


def event(area, title, *, audience=Audience.PUBLIC, starts=48, **fields):
    values = {"place": "Ohjaamo, Oulu", "starts_at": hours(starts), "ends_at": hours(starts + 2), **fields}
    return Event.objects.create(area=area, title=title, audience=audience, **values)


@pytest.fixture
def public_event(area, organization_a, forum):
    return event(area, "Rekrytointimessut", organizer=organization_a, forum=forum, signup_enabled=True, seat_limit=2)


@pytest.fixture
def partner_event(area):
    return event(
        area, f"{MARKER} kumppanitilaisuus", audience=Audience.PARTNERS, online_url="https://meet.example.com/x"
    )


@pytest.fixture
def other_area_event(other_area):
    return event(other_area, "Rannikon tilaisuus")


@pytest.fixture
def upcoming_meeting(forum):
    return MeetingFactory(forum=forum, starts_at=hours(72), place="Kokoushuone Merikoski")


@pytest.fixture
def partner_meeting(partner_forum):
    return MeetingFactory(forum=partner_forum, starts_at=hours(96), place=f"{MARKER} huone")
