import pytest

from verkko.ecosystem import responsibilities
from verkko.ecosystem.models import ForumMember
from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/"
PARTNER_URL = "/fi/oulu/ecosystem/forums/rekrytointitiimi/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_public_forum_with_its_members_and_meetings(
    as_role, everyone, forum, meeting, upcoming_meeting, role
):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nuorten palvelut yhteen." in content
    assert "Julkinen Henkilö" in content
    assert "Tulevat kokoukset" in content
    assert "Menneet kokoukset" in content
    assert str(meeting.uuid) in content
    assert str(upcoming_meeting.uuid) in content


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_a_partner_only_forum_asks_the_public_to_sign_in_and_is_not_found_for_outsiders(
    as_role, everyone, partner_forum, role, status
):
    response = as_role(role).get(PARTNER_URL)
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == f"/fi/accounts/login/?next={PARTNER_URL}"


def test_members_are_listed_chair_first_then_secretary_then_members(as_role, forum, organization_b):
    ForumMember.objects.create(forum=forum, organization=organization_b, role="member")
    members = as_role("public").get(URL).context["members"]
    assert [member.get_role_display() for member, _card in members] == ["puheenjohtaja", "sihteeri", "jäsen"]


def test_the_forums_responsibilities_are_listed(as_role, coordinator, forum, organization_b):
    responsibilities.set_responsibility(coordinator, organization_b, forum, "A")
    content = as_role("public").get(URL).content.decode()
    assert "tilivelvollinen" in content
    assert "Organisaatio B" in content


@pytest.mark.parametrize(("role", "edits"), by_role(True, False, False, False, False, False, False, False))
def test_only_coordinators_get_the_forum_editing_forms(as_role, everyone, forum, role, edits):
    assert ("Tallenna jäsen" in as_role(role).get(URL).content.decode()) is edits


def test_what_changed_in_the_forum_is_for_partners(as_role, partner_member, forum):
    partner = as_role("partner_member").get(URL).content.decode()
    assert "Kuka muutti mitä ja milloin" in partner
    public = as_role("public").get(URL).content.decode()
    assert "history-summary" in public  # the public sees that and when something changed
    assert "Kuka muutti mitä ja milloin" not in public


def test_an_unknown_forum_is_not_found(as_role, area):
    assert as_role("public").get("/fi/oulu/ecosystem/forums/ei-ole/").status_code == 404


def test_forum_page_refuses_post(as_role, forum):
    assert as_role("public").post(URL).status_code == 405
