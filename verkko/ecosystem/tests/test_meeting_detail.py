"""The meeting page, and creating and editing meetings."""

import pytest

from verkko.areas import area_reverse
from verkko.ecosystem.tests.conftest import ROLES, by_role

NEW_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/meetings/new/"


def page(meeting):
    return f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/"


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


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_a_meeting_of_a_partner_forum_asks_the_public_to_sign_in(as_role, everyone, partner_meeting, role, status):
    assert as_role(role).get(page(partner_meeting)).status_code == status


def test_an_unknown_meeting_is_not_found(as_role, area):
    assert as_role("public").get("/fi/oulu/ecosystem/meetings/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_meeting_page_refuses_post(as_role, meeting):
    assert as_role("public").post(page(meeting)).status_code == 405


@pytest.mark.parametrize(("role", "offered"), by_role(True, True, False, False, False, False, False, False))
def test_the_meeting_page_offers_to_make_a_decision_an_action_in_the_goals_app(
    as_role, everyone, decision, role, offered
):
    content = as_role(role).get(f"/fi/oulu/ecosystem/meetings/{decision.meeting.uuid}/").content.decode()
    conversion = area_reverse(decision.meeting.forum.area, "goals:action_from_decision", args=[decision.uuid])
    assert (f'<form method="post" action="{conversion}">' in content) is offered
