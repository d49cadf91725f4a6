"""POST /fi/oulu/people/memberships/<pk>/role/."""

import pytest

from verkko.accounts.models import Membership
from verkko.accounts.tests.conftest import NON_MANAGERS
from verkko.ecosystem.tests.factories import member_of


def url(user):
    return f"/fi/oulu/people/memberships/{user.memberships.get().pk}/role/"


def role_of(user):
    return user.memberships.get().role


@pytest.mark.parametrize(("actor", "role"), [("coordinator", "coordinator"), ("partner_editor", "editor")])
def test_managers_change_a_role(as_user, coordinator, partner_editor, partner_member, actor, role):
    response = as_user(actor).post(url(partner_member), {"role": role})
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/people/"
    assert role_of(partner_member) == role
    assert "member@example.com" in as_user(actor).get("/fi/oulu/people/").content.decode()


def test_partner_editor_may_not_make_a_coordinator(as_user, partner_editor, partner_member):
    assert as_user("partner_editor").post(url(partner_member), {"role": "coordinator"}).status_code == 403
    assert role_of(partner_member) == Membership.Role.MEMBER


def test_partner_editor_may_not_change_another_organisations_people(as_user, partner_editor, editor_b):
    assert as_user("partner_editor").post(url(editor_b), {"role": "member"}).status_code == 403
    assert role_of(editor_b) == Membership.Role.EDITOR


@pytest.mark.parametrize("name", NON_MANAGERS)
def test_others_signed_in_are_refused(as_user, partner_editor, name):
    assert as_user(name).post(url(partner_editor), {"role": "member"}).status_code == 403
    assert role_of(partner_editor) == Membership.Role.EDITOR


def test_the_public_is_sent_to_sign_in(as_user, partner_editor):
    response = as_user("public").post(url(partner_editor), {"role": "member"})
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")
    assert role_of(partner_editor) == Membership.Role.EDITOR


def test_another_areas_membership_is_not_found(as_user, coordinator, outsider_member):
    assert as_user("coordinator").post(url(outsider_member), {"role": "editor"}).status_code == 404
    assert role_of(outsider_member) == Membership.Role.MEMBER


@pytest.mark.parametrize("role", ["", "owner"])
def test_a_bad_role_changes_nothing(as_user, coordinator, partner_member, role):
    client = as_user("coordinator")
    response = client.post(url(partner_member), {"role": role}, follow=True)
    assert "Valitse rooli." in response.content.decode()
    assert role_of(partner_member) == Membership.Role.MEMBER


def test_the_last_coordinator_keeps_the_role(as_user, coordinator):
    response = as_user("coordinator").post(url(coordinator), {"role": "editor"}, follow=True)
    assert "on alueen ainoa koordinaattori" in response.content.decode()
    assert role_of(coordinator) == Membership.Role.COORDINATOR


def test_a_coordinator_may_step_down_when_another_remains(as_user, coordinator, organization_b):
    member_of(organization_b, Membership.Role.COORDINATOR, email="toinen@example.com")
    as_user("coordinator").post(url(coordinator), {"role": "editor"})
    assert role_of(coordinator) == Membership.Role.EDITOR


def test_change_role_refuses_get(as_user, coordinator, partner_member):
    assert as_user("coordinator").get(url(partner_member)).status_code == 405
