"""/fi/oulu/people/: coordinators see the area's people and invitations, partner editors their own organisation's."""

import pytest

from verkko.accounts.models import Membership
from verkko.accounts.tests.conftest import NON_MANAGERS
from verkko.ecosystem.tests.factories import member_of

PEOPLE = "/fi/oulu/people/"


@pytest.fixture
def everyone(
    coordinator, partner_editor, partner_member, editor_b, outsider_member, invite, organization_b, mailoutbox
):
    invite("kutsuttu-b@example.com", organization_b)


def test_coordinator_sees_every_membership_and_invitation_of_the_area(as_user, everyone):
    response = as_user("coordinator").get(PEOPLE)
    assert response.status_code == 200
    content = response.content.decode()
    for email in ["coordinator@example.com", "editor@example.com", "member@example.com", "editor-b@example.com"]:
        assert email in content
    assert "kutsuttu-b@example.com" in content
    assert "outsider-member@example.com" not in content  # another area's people are not this area's
    assert 'value="coordinator"' in content
    assert "Kutsu henkilö" in content


def test_partner_editor_sees_their_own_organisations_members_and_editors_only(as_user, everyone, organization_a):
    member_of(organization_a, Membership.Role.COORDINATOR, email="coordinator-a@example.com")
    content = as_user("partner_editor").get(PEOPLE).content.decode()
    assert "editor@example.com" in content
    assert "member@example.com" in content
    for hidden in ["coordinator@example.com", "coordinator-a@example.com", "editor-b@example.com", "kutsuttu-b@"]:
        assert hidden not in content
    assert 'value="coordinator"' not in content
    assert "Organisaatio B" not in content


@pytest.mark.parametrize("name", NON_MANAGERS)
def test_others_signed_in_are_refused(as_user, everyone, name):
    response = as_user(name).get(PEOPLE)
    assert response.status_code == 403
    assert "Organisaatio A" not in response.content.decode()


def test_the_public_is_sent_to_sign_in(as_user, everyone):
    response = as_user("public").get(PEOPLE)
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/login/?next=/fi/oulu/people/"


def test_the_other_areas_coordinator_manages_only_their_own_area(as_user, everyone, other_area):
    response = as_user("outsider_coordinator").get("/fi/rannikko/people/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "outsider-member@example.com" in content
    assert "Organisaatio A" not in content
    assert "kutsuttu-b@example.com" not in content


def test_people_refuses_post(as_user, coordinator):
    assert as_user("coordinator").post(PEOPLE).status_code == 405


def test_the_nav_links_to_people_for_coordinators_and_editors_only(
    as_user, coordinator, partner_editor, partner_member
):
    link = '<a href="/fi/oulu/people/">Ihmiset ja roolit</a>'
    assert link in as_user("coordinator").get("/fi/oulu/").content.decode()
    assert link in as_user("partner_editor").get("/fi/oulu/").content.decode()
    assert link not in as_user("partner_member").get("/fi/oulu/").content.decode()
    assert link not in as_user("public").get("/fi/oulu/").content.decode()


def test_the_page_reads_a_constant_number_of_queries(as_user, everyone, django_assert_max_num_queries):
    client = as_user("coordinator")
    # 13: the page, and the header's count of what waits for the coordinator (news.start).
    with django_assert_max_num_queries(13):
        client.get(PEOPLE)
