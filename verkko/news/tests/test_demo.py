"""The demo news and events: loaded with the rest of the demo, marked invented, twice is once."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.test import Client

from verkko.accounts.models import User
from verkko.news.models import Event, Follow, NewsItem, Reading, Registration

pytestmark = pytest.mark.django_db


def _load():
    call_command("load_demo", stdout=io.StringIO())


def _counts():
    return [model.objects.count() for model in (NewsItem, Event, Follow, Reading, Registration)]


@pytest.fixture(autouse=True)
def demo_password(monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")


def test_the_demo_loads_twice_without_duplicates_or_changes():
    _load()
    counts = _counts()
    history = LogEntry.objects.filter(content_type__app_label="news").count()
    _load()
    assert _counts() == counts
    assert LogEntry.objects.filter(content_type__app_label="news").count() == history
    assert NewsItem.objects.filter(area__slug="oulu").count() >= 5
    assert not NewsItem.objects.filter(is_demo=False).exists()
    assert not Event.objects.filter(is_demo=False).exists()
    assert Event.objects.filter(cancelled_at__isnull=False).exists()
    assert Event.objects.filter(signup_enabled=True, seat_limit__isnull=False).exists()
    for email in ("coordinator@example.com", "editor@example.com", "member@example.com"):
        assert Follow.objects.filter(user__email=email).count() >= 2


def test_demo_users_find_news_events_and_whats_new():
    _load()
    public = Client()
    news_page = public.get("/fi/oulu/news/").content.decode()
    assert "Rekrytointimessut tulevat Ouluhalliin" in news_page
    assert "keksitty esimerkki" in news_page
    assert "Ohjausryhmän terveiset" not in news_page  # for partners only
    assert "Työllisyyskatsaus ilmestyy" not in news_page  # scheduled
    events_page = public.get("/fi/oulu/events/").content.decode()
    assert "Nuorten työnhakupaja" in events_page
    assert "peruttu" in events_page

    editor = Client()
    editor.force_login(User.objects.get(email="editor@example.com"))
    whats_new = editor.get("/fi/oulu/whats-new/").content.decode()
    assert "Nuorten työllisyyden verkosto" in whats_new
    assert "TUVA-koulutuksen aloituspaikat keväälle" in whats_new
    start = editor.get("/fi/oulu/start/").content.decode()
    assert "Kumppaniaamupäivä" in start

    member = Client()
    member.force_login(User.objects.get(email="member@example.com"))
    assert "Ohjausryhmän terveiset" in member.get("/fi/oulu/news/").content.decode()
    assert "Oulun työllisyysalueen ohjausryhmä" in member.get("/fi/oulu/whats-new/").content.decode()
