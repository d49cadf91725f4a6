"""Events: who sees them, writing and cancelling them, sign-up with a seat limit; the calendar page."""

import datetime

import pytest
from django.utils import timezone

from verkko.news.models import Event, Registration
from verkko.news.tests.conftest import MARKER, PARTNERS, ROLES, by_role, event

CALENDAR = "/fi/oulu/events/"


def page(item):
    return f"/fi/oulu/events/{item.uuid}/"


@pytest.mark.parametrize("role", ROLES)
def test_the_calendar_shows_events_and_meetings_each_role_may_see(
    as_role, everyone, role, public_event, partner_event, upcoming_meeting, partner_meeting, other_area_event
):
    response = as_role(role).get(CALENDAR)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Rekrytointimessut" in text
    assert "Nuorten verkosto" in text  # the public forum's meeting
    assert "Rannikon tilaisuus" not in text
    assert ("kumppanitilaisuus" in text) == (role in PARTNERS)
    assert ("Rekrytointitiimi" in text) == (role in PARTNERS)
    if role not in PARTNERS:
        assert MARKER not in text
    assert '<link rel="alternate" type="text/calendar"' in text


@pytest.mark.parametrize(("role", "expected"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_partner_events_ask_the_public_to_sign_in_not_found_for_outsiders(
    as_role, everyone, role, expected, partner_event
):
    assert as_role(role).get(page(partner_event)).status_code == expected


def test_another_areas_event_is_not_found_here(as_role, other_area_event):
    assert as_role("public").get(page(other_area_event)).status_code == 404
    assert as_role("public").get(f"/fi/rannikko/events/{other_area_event.uuid}/").status_code == 200


def test_the_calendar_and_event_pages_refuse_post(as_role, public_event):
    assert as_role("public").post(CALENDAR).status_code == 405
    assert as_role("public").post(page(public_event)).status_code == 405


def _form(**overrides):
    starts = timezone.localtime() + datetime.timedelta(days=5)
    data = {
        "title": "Työnhakupaja",
        "description": "Tule *mukaan*.",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Ohjaamo",
        "audience": "public",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 302, 302, 403, 403, 403))
def test_coordinators_and_editors_create_events(as_role, everyone, role, expected, organization_a, organization_b):
    organizer = {"partner_editor": organization_a.pk, "editor_b": organization_b.pk}.get(role, "")
    response = as_role(role).post("/fi/oulu/events/new/", _form(organizer=organizer))
    assert response.status_code == expected
    created = role in ("coordinator", "partner_editor", "editor_b")
    assert Event.objects.exists() == created
    if created:
        assert response["Location"] == page(Event.objects.get())


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"place": ""},  # neither a place nor an online link
        {"ends_at": (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},  # ends first
        {"registration_url": "https://example.com/ilmo", "signup_enabled": "on"},
        {"seat_limit": "10"},  # a seat limit without sign-up
        {"signup_enabled": "on", "seat_limit": "0"},
        {"online_url": "javascript:alert(1)"},
    ],
)
def test_bad_events_are_refused(as_role, coordinator, bad):
    response = as_role("coordinator").post("/fi/oulu/events/new/", _form(**bad))
    assert response.status_code == 400
    assert not Event.objects.exists()


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_the_organiser_and_coordinators_edit_an_event(as_role, everyone, role, expected, public_event):
    response = as_role(role).post(
        f"/fi/oulu/events/{public_event.uuid}/edit/",
        _form(title="Muutettu", organizer=public_event.organizer_id, signup_enabled="on", seat_limit="2"),
    )
    assert response.status_code == expected
    public_event.refresh_from_db()
    assert (public_event.title == "Muutettu") == (role in ("coordinator", "partner_editor"))


def test_a_bad_edit_changes_nothing(as_role, coordinator, public_event):
    response = as_role("coordinator").post(f"/fi/oulu/events/{public_event.uuid}/edit/", _form(title=""))
    assert response.status_code == 400
    public_event.refresh_from_db()
    assert public_event.title == "Rekrytointimessut"


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_cancelling_an_event(as_role, everyone, role, expected, public_event):
    response = as_role(role).post(f"/fi/oulu/events/{public_event.uuid}/cancel/")
    assert response.status_code == expected
    public_event.refresh_from_db()
    assert public_event.is_cancelled == (role in ("coordinator", "partner_editor"))


def test_a_cancelled_event_shows_as_cancelled_and_takes_no_sign_ups(as_role, coordinator, partner_member, public_event):
    as_role("coordinator").post(f"/fi/oulu/events/{public_event.uuid}/cancel/")
    assert "peruttu" in as_role("public").get(page(public_event)).content.decode().lower()
    assert "peruttu" in as_role("public").get(CALENDAR).content.decode().lower()
    as_role("partner_member").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    assert not Registration.objects.exists()
    assert as_role("coordinator").get(f"/fi/oulu/events/{public_event.uuid}/cancel/").status_code == 405


def test_signing_up_until_the_event_is_full(as_role, everyone, partner_member, editor_b, outsider_member, public_event):
    for role in ("partner_member", "editor_b"):
        response = as_role(role).post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
        assert response.status_code == 302
    assert public_event.registrations.count() == 2
    refused = as_role("outsider_member").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/", follow=True)
    assert public_event.registrations.count() == 2
    assert "täynnä" in refused.content.decode()
    assert not Registration.objects.filter(user=outsider_member).exists()


def test_signing_up_twice_keeps_one_sign_up(as_role, partner_member, public_event):
    client = as_role("partner_member")
    client.post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    client.post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    assert public_event.registrations.count() == 1


def test_cancelling_ones_own_sign_up(as_role, partner_member, editor_b, public_event):
    as_role("partner_member").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    as_role("editor_b").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    response = as_role("partner_member").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/cancel/")
    assert response.status_code == 302
    assert list(public_event.registrations.values_list("user__email", flat=True)) == [editor_b.email]


def test_sign_up_needs_signing_in_and_post(as_role, public_event):
    response = as_role("public").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()
    assert as_role("public").get(f"/fi/oulu/events/{public_event.uuid}/sign-up/").status_code == 405


def test_no_sign_up_for_events_with_a_registration_link(as_role, area, partner_member):
    elsewhere = event(area, "Ulkoinen", registration_url="https://example.com/ilmo")
    as_role("partner_member").post(f"/fi/oulu/events/{elsewhere.uuid}/sign-up/")
    assert not Registration.objects.exists()
    assert "https://example.com/ilmo" in as_role("public").get(page(elsewhere)).content.decode()


def test_outsiders_cannot_sign_up_for_partner_events(as_role, outsider_coordinator, area):
    hidden = event(area, "Kumppaneille", audience="partners", signup_enabled=True)
    assert as_role("outsider_coordinator").post(f"/fi/oulu/events/{hidden.uuid}/sign-up/").status_code == 404
    assert not Registration.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_and_the_organiser_see_who_signed_up(as_role, everyone, role, partner_member, public_event):
    as_role("partner_member").post(f"/fi/oulu/events/{public_event.uuid}/sign-up/")
    text = as_role(role).get(page(public_event)).content.decode()
    assert (f"<td>{partner_member.email}</td>" in text) == (role in ("coordinator", "partner_editor"))
