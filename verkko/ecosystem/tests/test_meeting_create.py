import pytest

from verkko.ecosystem.models import Meeting
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.factories import ForumFactory

NEW_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/meetings/new/"


def page(meeting):
    return f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/"


def data(**changes):
    return {"starts_at": "2027-01-15T09:00", "place": "Ohjaamo", "agenda": "1. Avaus", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_add_meetings(as_role, everyone, forum, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, data())
    assert Meeting.objects.filter(place="Ohjaamo").exists() is (status == 200)


def test_the_secretary_organisations_editor_keeps_the_forums_meetings(as_role, partner_editor, area, organization_a):
    ForumFactory(area=area, name="Sihteeritiimi", slug="sihteeritiimi", secretary=organization_a)
    response = as_role("partner_editor").post("/fi/oulu/ecosystem/forums/sihteeritiimi/meetings/new/", data())
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


def test_meeting_creation_refuses_delete(as_role, coordinator, forum):
    assert as_role("coordinator").delete(NEW_URL).status_code == 405


def test_meetings_of_a_partner_forum_cannot_be_added_by_the_public(as_role, partner_forum):
    response = as_role("public").get("/fi/oulu/ecosystem/forums/rekrytointitiimi/meetings/new/")
    assert response["Location"].startswith("/fi/accounts/login/?next=")
    assert as_role("public").post("/fi/oulu/ecosystem/forums/rekrytointitiimi/meetings/new/").status_code == 404
