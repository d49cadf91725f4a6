import pytest

from verkko.ecosystem.models import ForumMember
from verkko.ecosystem.tests.conftest import by_role

REMOVE_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/members/remove/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_remove_members(as_role, everyone, forum, backbone_organization, role, status):
    member = forum.members.get(organization=backbone_organization)
    assert as_role(role).post(REMOVE_URL, {"member": member.pk}).status_code == status
    assert ForumMember.objects.filter(pk=member.pk).exists() is (status != 302)


def test_removing_a_member_of_another_forum_does_nothing(as_role, coordinator, forum, partner_forum):
    other = partner_forum.members.get()
    as_role("coordinator").post(REMOVE_URL, {"member": other.pk})
    assert ForumMember.objects.filter(pk=other.pk).exists()


def test_removing_members_refuses_get(as_role, coordinator, forum):
    assert as_role("coordinator").get(REMOVE_URL).status_code == 405


def test_removing_nothing_shows_an_error(as_role, coordinator, forum):
    response = as_role("coordinator").post(REMOVE_URL, {"member": ""}, follow=True)
    assert "Valitse poistettava jäsen." in response.content.decode()
    assert forum.members.count() == 2
