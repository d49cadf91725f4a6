"""The area's Atom feed of public news, its iCalendar feed of public events and meetings, and each
user's private calendar behind a secret token; parsed as feed and calendar readers parse them."""

import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from verkko.news import actions
from verkko.news.models import CalendarToken
from verkko.news.tests.conftest import MARKER, event

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def _components(content, name="VEVENT"):
    calendar = icalendar.Calendar.from_ical(content)
    return calendar, [component for component in calendar.walk() if component.name == name]


def test_the_atom_feed_holds_public_published_news_only(
    client, public_news, partner_news, forum_news, scheduled_news, other_area_news
):
    response = client.get("/fi/oulu/news/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Julkinen uutinen"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver/fi/oulu/news/{public_news.uuid}/"
    assert "<strong>Rekrytointimessut</strong>" in entry.summary
    assert entry.author == "Organisaatio A"
    assert MARKER not in response.content.decode()


def test_the_atom_feed_refuses_post(client, area):
    assert client.post("/fi/oulu/news/feed.atom").status_code == 405


def test_the_public_calendar_holds_public_events_and_public_forums_meetings(
    client, public_event, partner_event, upcoming_meeting, partner_meeting, other_area_event
):
    response = client.get("/fi/oulu/events/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = _components(response.content)
    assert sorted(str(component["SUMMARY"]) for component in events) == [
        "Kokous: Nuorten verkosto",
        "Rekrytointimessut",
    ]
    assert MARKER not in response.content.decode()
    timezones = [component for component in calendar.walk() if component.name == "VTIMEZONE"]
    assert [str(component["TZID"]) for component in timezones] == ["Europe/Helsinki"]
    messut = next(component for component in events if str(component["SUMMARY"]) == "Rekrytointimessut")
    assert messut.decoded("DTSTART") == public_event.starts_at.astimezone(HELSINKI).replace(microsecond=0)
    assert messut["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert str(messut["STATUS"]) == "CONFIRMED"
    assert str(messut["URL"]) == f"http://testserver/fi/oulu/events/{public_event.uuid}/"
    assert str(messut["LOCATION"]) == "Ohjaamo, Oulu"


def test_a_cancelled_event_is_cancelled_in_the_calendar(client, coordinator, public_event):
    actions.cancel_event(coordinator, public_event)
    _calendar, events = _components(client.get("/fi/oulu/events/calendar.ics").content)
    assert [str(component["STATUS"]) for component in events] == ["CANCELLED"]


def test_the_events_page_links_the_calendar(client, area):
    text = client.get("/fi/oulu/events/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in text
    assert 'href="/fi/oulu/events/calendar.ics"' in text


def test_the_calendar_is_in_the_pages_language(client, upcoming_meeting):
    _calendar, events = _components(client.get("/sv/oulu/events/calendar.ics").content)
    assert [str(component["SUMMARY"]) for component in events] == ["Möte: Nuorten verkosto"]


# The private calendar


def _address(client):
    page = client.get("/fi/oulu/events/my-calendar/")
    assert page.status_code == 200
    token = CalendarToken.objects.get(user=page.wsgi_request.user).token
    assert f"/fi/calendar/{token}.ics" in page.content.decode()
    return f"/fi/calendar/{token}.ics"


def test_the_private_calendar_holds_what_the_user_may_see(
    client_for, partner_member, public_event, partner_event, partner_meeting, other_area_event
):
    address = _address(client_for(partner_member))
    response = client_for(None).get(address)  # calendar programs do not sign in
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    _calendar, events = _components(response.content)
    assert sorted(str(component["SUMMARY"]) for component in events) == [
        "Kokous: Rekrytointitiimi",
        "Rekrytointimessut",
        f"{MARKER} kumppanitilaisuus",
    ]


def test_an_outsiders_private_calendar_holds_their_own_area_only(
    client_for, outsider_editor, partner_event, other_area_event
):
    address = _address(client_for(outsider_editor))
    _calendar, events = _components(client_for(None).get(address).content)
    assert [str(component["SUMMARY"]) for component in events] == ["Rannikon tilaisuus"]


def test_an_event_signed_up_for_in_another_area_is_in_the_private_calendar(
    client_for, outsider_member, public_event, partner_event
):
    actions.sign_up(outsider_member, public_event)
    address = _address(client_for(outsider_member))
    _calendar, events = _components(client_for(None).get(address).content)
    assert [str(component["SUMMARY"]) for component in events] == ["Rekrytointimessut"]


def test_renewing_the_address_closes_the_old_one(client_for, partner_member, public_event):
    client = client_for(partner_member)
    old = _address(client)
    response = client.post("/fi/oulu/events/my-calendar/")
    assert response.status_code == 302
    new = _address(client)
    assert new != old
    assert client_for(None).get(old).status_code == 404
    assert client_for(None).get(new).status_code == 200


def test_the_calendar_address_page_needs_signing_in(client, area):
    response = client.get("/fi/oulu/events/my-calendar/")
    assert response.status_code == 302
    assert client.post("/fi/oulu/events/my-calendar/").status_code == 302
    assert not CalendarToken.objects.exists()


def test_an_unknown_token_is_not_found(client, area):
    assert client.get("/fi/calendar/arvattu.ics").status_code == 404


def test_the_private_calendar_refuses_post(client_for, partner_member):
    address = _address(client_for(partner_member))
    assert client_for(None).post(address).status_code == 405


def test_a_deactivated_users_calendar_is_not_found(client_for, partner_member):
    address = _address(client_for(partner_member))
    partner_member.is_active = False
    partner_member.save()
    assert client_for(None).get(address).status_code == 404


@pytest.mark.parametrize("hour", [0, 23])
def test_event_times_stay_in_helsinki_time_across_midnight(client, area, hour):
    starts = datetime.datetime(2026, 12, 1, hour, 30, tzinfo=HELSINKI)
    event(area, "Yötilaisuus", starts_at=starts, ends_at=starts + datetime.timedelta(minutes=20))
    _calendar, events = _components(client.get("/fi/oulu/events/calendar.ics").content)
    assert events[0].decoded("DTSTART") == starts
    assert events[0]["DTSTART"].to_ical().decode() == f"20261201T{hour:02d}3000"
