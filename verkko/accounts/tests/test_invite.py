"""POST /fi/oulu/people/invite/: the invitation form."""

import pytest

from verkko.accounts.models import Invitation, Membership
from verkko.accounts.tests.conftest import NON_MANAGERS, link_path

INVITE = "/fi/oulu/people/invite/"


def data(organization, email="uusi@example.com", role="member"):
    return {"email": email, "organization": organization.pk, "role": role}


def test_coordinator_invites_with_any_role(as_user, coordinator, organization_b, mailoutbox):
    response = as_user("coordinator").post(INVITE, data(organization_b, role="coordinator"))
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/people/"
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organization, invitation.role) == (
        "uusi@example.com",
        organization_b,
        "coordinator",
    )
    assert len(mailoutbox) == 1
    assert link_path(mailoutbox[0]).startswith("/fi/accounts/invitations/")
    page = as_user("coordinator").get("/fi/oulu/people/").content.decode()
    assert "uusi@example.com" in page


def test_the_mail_is_in_the_language_of_the_page(as_user, coordinator, organization_b, mailoutbox):
    as_user("coordinator").post("/sv/oulu/people/invite/", data(organization_b))
    assert "/sv/accounts/invitations/" in mailoutbox[0].body


def test_partner_editor_invites_to_their_own_organisation(as_user, partner_editor, organization_a, mailoutbox):
    response = as_user("partner_editor").post(INVITE, data(organization_a, role="editor"))
    assert response.status_code == 302
    assert Invitation.objects.get().role == Membership.Role.EDITOR


@pytest.mark.parametrize(("organization", "role"), [("organization_a", "coordinator"), ("organization_b", "member")])
def test_partner_editor_is_refused_other_organisations_and_the_coordinator_role(
    request, as_user, partner_editor, organization_b, mailoutbox, organization, role
):
    response = as_user("partner_editor").post(INVITE, data(request.getfixturevalue(organization), role=role))
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("name", NON_MANAGERS)
def test_others_signed_in_are_refused(as_user, organization_a, mailoutbox, name):
    assert as_user(name).post(INVITE, data(organization_a)).status_code == 403
    assert not Invitation.objects.exists()


def test_the_public_is_sent_to_sign_in(as_user, organization_a, mailoutbox):
    response = as_user("public").post(INVITE, data(organization_a))
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")
    assert not Invitation.objects.exists()


def test_another_areas_organisation_is_not_offered(as_user, coordinator, other_organization, mailoutbox):
    response = as_user("coordinator").post(INVITE, data(other_organization))
    assert response.status_code == 400
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ei-osoite", "Anna kelvollinen sähköpostiosoite."),
        ("member@example.com", "member@example.com kuuluu jo organisaatioon Organisaatio A."),
        ("uusi@example.com", "Osoitteella uusi@example.com on jo avoin kutsu organisaatioon Organisaatio A."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(
    as_user, coordinator, partner_member, invitation, organization_a, mailoutbox, email, message
):
    response = as_user("coordinator").post(INVITE, data(organization_a, email=email))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 1


def test_invite_refuses_get(as_user, coordinator):
    assert as_user("coordinator").get(INVITE).status_code == 405
