import pytest

from verkko.ecosystem.tests.conftest import by_role


def data(**changes):
    return {"starts_at": "2027-01-15T09:00", "place": "Ohjaamo", "agenda": "1. Avaus", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_edit_meetings(as_role, everyone, meeting, role, status):
    url = f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/edit/"
    assert as_role(role).get(url).status_code == status
    as_role(role).post(url, data(minutes="Uusi pöytäkirja"))
    meeting.refresh_from_db()
    assert (meeting.minutes == "Uusi pöytäkirja") is (status == 200)


def test_editing_a_meeting_with_bad_input_changes_nothing(as_role, coordinator, meeting):
    response = as_role("coordinator").post(f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/edit/", data(starts_at=""))
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.agenda == "1. Avaus\n2. Tilannekatsaus"


def test_meeting_edit_refuses_delete(as_role, coordinator, meeting):
    assert as_role("coordinator").delete(f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/edit/").status_code == 405


def test_editing_a_meeting_of_a_partner_forum_asks_the_public_to_sign_in(as_role, partner_meeting):
    response = as_role("public").get(f"/fi/oulu/ecosystem/meetings/{partner_meeting.uuid}/edit/")
    assert response["Location"].startswith("/fi/accounts/login/?next=")
