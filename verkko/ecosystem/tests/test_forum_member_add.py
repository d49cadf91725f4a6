import pytest

from verkko.ecosystem.tests.conftest import by_role

ADD_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/members/"
REMOVE_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/members/remove/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_add_members(as_role, everyone, forum, organization_b, role, status):
    response = as_role(role).post(ADD_URL, {"organization": organization_b.pk, "role": "member"})
    assert response.status_code == status
    assert forum.members.filter(organization=organization_b).exists() is (status == 302)


def test_adding_a_member_again_changes_its_role(as_role, coordinator, forum, backbone_organization):
    as_role("coordinator").post(ADD_URL, {"organization": backbone_organization.pk, "role": "vice_chair"})
    assert forum.members.get(organization=backbone_organization, person=None).role == "vice_chair"
    assert forum.members.filter(organization=backbone_organization).count() == 1


def test_a_person_of_another_organisation_is_refused(as_role, coordinator, forum, organization_b, public_person):
    response = as_role("coordinator").post(
        ADD_URL, {"organization": organization_b.pk, "person": public_person.pk, "role": "member"}
    )
    assert response.status_code == 400
    assert "Henkilö ei kuulu tähän organisaatioon." in response.content.decode()
    assert not forum.members.filter(organization=organization_b).exists()


def test_adding_members_refuses_get(as_role, coordinator, forum):
    assert as_role("coordinator").get(ADD_URL).status_code == 405


def test_members_of_a_partner_forum_are_not_found_for_the_public(as_role, partner_forum, organization_b):
    url = "/fi/oulu/ecosystem/forums/rekrytointitiimi/members/"
    assert as_role("public").post(url, {"organization": organization_b.pk, "role": "member"}).status_code == 404
