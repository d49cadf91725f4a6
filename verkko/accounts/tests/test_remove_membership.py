"""/fi/oulu/people/memberships/<pk>/remove/: a confirmation page, then POST removes."""

import pytest

from verkko.accounts.models import Membership
from verkko.accounts.tests.conftest import NON_MANAGERS
from verkko.ecosystem.tests.factories import member_of


def url(user):
    return f"/fi/oulu/people/memberships/{user.memberships.get().pk}/remove/"


@pytest.mark.parametrize("actor", ["coordinator", "partner_editor"])
def test_managers_see_the_confirmation_and_remove(as_user, coordinator, partner_editor, partner_member, actor):
    client = as_user(actor)
    page = client.get(url(partner_member))
    assert page.status_code == 200
    assert "Organisaatio A" in page.content.decode()
    assert Membership.objects.filter(user=partner_member).exists()
    response = client.post(url(partner_member))
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/people/"
    assert not Membership.objects.filter(user=partner_member).exists()


@pytest.mark.parametrize("target", ["editor_b", "coordinator"])
def test_partner_editor_may_not_remove_others(request, as_user, partner_editor, target):
    user = request.getfixturevalue(target)
    assert as_user("partner_editor").get(url(user)).status_code == 403
    assert as_user("partner_editor").post(url(user)).status_code == 403
    assert Membership.objects.filter(user=user).exists()


def test_partner_editor_may_not_remove_a_coordinator_of_their_own_organisation(as_user, partner_editor, organization_a):
    coordinator_a = member_of(organization_a, Membership.Role.COORDINATOR, email="coordinator-a@example.com")
    assert as_user("partner_editor").post(url(coordinator_a)).status_code == 403
    assert Membership.objects.filter(user=coordinator_a).exists()


@pytest.mark.parametrize("name", NON_MANAGERS)
def test_others_signed_in_are_refused(as_user, partner_editor, name):
    assert as_user(name).post(url(partner_editor)).status_code == 403
    assert Membership.objects.filter(user=partner_editor).exists()


def test_the_public_is_sent_to_sign_in(as_user, partner_editor):
    response = as_user("public").post(url(partner_editor))
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")
    assert Membership.objects.filter(user=partner_editor).exists()


def test_another_areas_membership_is_not_found(as_user, coordinator, outsider_member):
    assert as_user("coordinator").post(url(outsider_member)).status_code == 404
    assert Membership.objects.filter(user=outsider_member).exists()


def test_the_last_coordinator_is_not_removed(as_user, coordinator):
    response = as_user("coordinator").post(url(coordinator), follow=True)
    assert "on alueen ainoa koordinaattori" in response.content.decode()
    assert Membership.objects.filter(user=coordinator).exists()


def test_remove_refuses_put(as_user, coordinator, partner_member):
    assert as_user("coordinator").put(url(partner_member)).status_code == 405
    assert Membership.objects.filter(user=partner_member).exists()
