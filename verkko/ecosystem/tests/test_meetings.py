"""The meeting page, and creating and editing meetings."""

import pytest

from verkko.ecosystem.models import Meeting
from verkko.ecosystem.tests.conftest import ROLES, by_role
from verkko.ecosystem.tests.factories import ForumFactory

NEW_URL = "/fi/ecosystem/forums/nuorten-verkosto/meetings/new/"


def page(meeting):
    return f"/fi/ecosystem/meetings/{meeting.uuid}/"


def data(**changes):
    return {"starts_at": "2027-01-15T09:00", "place": "Ohjaamo", "agenda": "1. Avaus", **changes}


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_meeting_of_a_public_forum(as_role, everyone, meeting, decision, role):
    response = as_role(role).get(page(meeting))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Esityslista" in content
    assert "Keskusteltiin nuorten tilanteesta." in content
    assert "Laaditaan nuorten palvelupolku." in content
    assert "31.3.2027" in content
    assert f'id="decision-{decision.uuid}"' in content


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 404))
def test_a_meeting_of_a_partner_forum_is_not_found_for_the_public(as_role, everyone, partner_meeting, role, status):
    assert as_role(role).get(page(partner_meeting)).status_code == status


def test_an_unknown_meeting_is_not_found(as_role, area):
    assert as_role("public").get("/fi/ecosystem/meetings/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_meeting_page_refuses_post(as_role, meeting):
    assert as_role("public").post(page(meeting)).status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403))
def test_coordinators_add_meetings(as_role, everyone, forum, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, data())
    assert Meeting.objects.filter(place="Ohjaamo").exists() is (status == 200)


def test_the_secretary_organisations_editor_keeps_the_forums_meetings(as_role, partner_editor, area, organization_a):
    ForumFactory(area=area, name="Sihteeritiimi", slug="sihteeritiimi", secretary=organization_a)
    response = as_role("partner_editor").post("/fi/ecosystem/forums/sihteeritiimi/meetings/new/", data())
    meeting = Meeting.objects.get(forum__slug="sihteeritiimi")
    assert response["Location"] == page(meeting)
    assert "Muokkaa kokousta" in as_role("partner_editor").get(page(meeting)).content.decode()


@pytest.mark.parametrize("bad", [{"starts_at": "ei päivä"}, {"place": "", "online_url": ""}, {"online_url": "x y"}])
def test_a_meeting_with_bad_input_is_not_added(as_role, coordinator, forum, bad):
    response = as_role("coordinator").post(NEW_URL, data(**bad))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Meeting.objects.exists()


def test_an_online_meeting_needs_no_place(as_role, coordinator, forum, organization_a):
    as_role("coordinator").post(
        NEW_URL, data(place="", online_url="https://meet.example.org/x", attendees=[organization_a.pk])
    )
    meeting = Meeting.objects.get()
    assert list(meeting.attendees.all()) == [organization_a]


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403))
def test_coordinators_edit_meetings(as_role, everyone, meeting, role, status):
    url = f"/fi/ecosystem/meetings/{meeting.uuid}/edit/"
    assert as_role(role).get(url).status_code == status
    as_role(role).post(url, data(minutes="Uusi pöytäkirja"))
    meeting.refresh_from_db()
    assert (meeting.minutes == "Uusi pöytäkirja") is (status == 200)


def test_editing_a_meeting_with_bad_input_changes_nothing(as_role, coordinator, meeting):
    response = as_role("coordinator").post(f"/fi/ecosystem/meetings/{meeting.uuid}/edit/", data(starts_at=""))
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.agenda == "1. Avaus\n2. Tilannekatsaus"


def test_meeting_forms_refuse_delete(as_role, coordinator, meeting):
    assert as_role("coordinator").delete(NEW_URL).status_code == 405
    assert as_role("coordinator").delete(f"/fi/ecosystem/meetings/{meeting.uuid}/edit/").status_code == 405
