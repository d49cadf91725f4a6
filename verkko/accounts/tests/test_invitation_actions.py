"""The invitation actions: who may invite whom with what role, the refusals, the e-mail, the history."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from verkko.accounts import actions
from verkko.accounts.models import Invitation, Membership
from verkko.accounts.tests.conftest import link_path
from verkko.ecosystem.tests.factories import UserFactory

ROLES = Membership.Role


def test_coordinator_invites_anyone_to_any_organisation_with_any_role(
    coordinator, organization_b, mailoutbox, settings
):
    settings.INVITATION_DAYS = 7
    invitation = actions.invite(coordinator, organization_b, " Uusi.Ihminen@Example.com ", ROLES.COORDINATOR)
    assert invitation.email == "uusi.ihminen@example.com"
    assert invitation.role == ROLES.COORDINATOR
    assert invitation.invited_by == coordinator
    assert invitation.sent_at is not None
    expected = timezone.now() + datetime.timedelta(days=7)
    assert abs(invitation.expires_at - expected) < datetime.timedelta(minutes=1)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["uusi.ihminen@example.com"]
    assert "Organisaatio B" in message.subject
    assert link_path(message).startswith("/fi/accounts/invitations/")
    assert message.body.count("http://127.0.0.1:8000/fi/accounts/invitations/") == 1
    assert 'href="http://127.0.0.1:8000/fi/accounts/invitations/' in message.alternatives[0][0]


def test_the_link_uses_site_url_and_the_days_setting(coordinator, organization_a, mailoutbox, settings):
    settings.SITE_URL = "https://verkko.example.fi"
    settings.INVITATION_DAYS = 3
    invitation = actions.invite(coordinator, organization_a, "a@example.com", ROLES.MEMBER)
    assert "https://verkko.example.fi/fi/accounts/invitations/" in mailoutbox[0].body
    assert invitation.expires_at - timezone.now() < datetime.timedelta(days=3, minutes=1)
    assert "3 päivää" in mailoutbox[0].body


def test_the_mail_is_in_the_inviters_language(coordinator, organization_a, mailoutbox):
    actions.invite(coordinator, organization_a, "a@example.com", ROLES.EDITOR, language="sv")
    assert "/sv/accounts/invitations/" in mailoutbox[0].body
    assert "Inbjudan" in mailoutbox[0].subject


def test_the_mail_is_in_an_existing_users_language(coordinator, organization_b, mailoutbox):
    UserFactory(email="svensk@example.com", language="sv")
    actions.invite(coordinator, organization_b, "svensk@example.com", ROLES.MEMBER, language="fi")
    assert "/sv/accounts/invitations/" in mailoutbox[0].body


def test_partner_editor_invites_members_and_editors_of_their_own_organisation(
    partner_editor, organization_a, mailoutbox
):
    actions.invite(partner_editor, organization_a, "jasen@example.com", ROLES.MEMBER)
    actions.invite(partner_editor, organization_a, "editori@example.com", ROLES.EDITOR)
    assert Invitation.objects.filter(organization=organization_a).count() == 2


@pytest.mark.parametrize(
    ("inviter", "organization", "role"),
    [
        ("partner_editor", "organization_a", ROLES.COORDINATOR),
        ("partner_editor", "organization_b", ROLES.MEMBER),
        ("partner_member", "organization_a", ROLES.MEMBER),
        ("outsider_coordinator", "organization_a", ROLES.MEMBER),
        ("outsider_editor", "organization_a", ROLES.MEMBER),
        ("outsider_member", "organization_a", ROLES.MEMBER),
    ],
)
def test_others_may_not_invite(request, inviter, organization, role, mailoutbox):
    with pytest.raises(PermissionDenied):
        actions.invite(request.getfixturevalue(inviter), request.getfixturevalue(organization), "x@example.com", role)
    assert not Invitation.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["", "ei-osoite", "a@", "@example.com", "a b@example.com"])
def test_a_malformed_address_is_refused(coordinator, organization_a, mailoutbox, email):
    with pytest.raises(ValidationError, match="kelvollinen sähköpostiosoite"):
        actions.invite(coordinator, organization_a, email, ROLES.MEMBER)
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_a_member_of_the_organisation_is_refused(coordinator, partner_member, organization_a, mailoutbox):
    with pytest.raises(ValidationError, match="kuuluu jo"):
        actions.invite(coordinator, organization_a, "MEMBER@example.com", ROLES.EDITOR)
    assert not Invitation.objects.exists()


def test_a_member_of_another_organisation_may_be_invited(coordinator, partner_member, organization_b, mailoutbox):
    actions.invite(coordinator, organization_b, partner_member.email, ROLES.MEMBER)
    assert len(mailoutbox) == 1


def test_a_second_open_invitation_is_refused(coordinator, invitation, organization_a, mailoutbox):
    with pytest.raises(ValidationError, match="avoin kutsu"):
        actions.invite(coordinator, organization_a, "UUSI@example.com", ROLES.EDITOR)
    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 1


def test_an_expired_invitation_is_replaced_by_a_new_one(coordinator, invitation, organization_a, mailoutbox):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    new = actions.invite(coordinator, organization_a, invitation.email, ROLES.EDITOR)
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert new.is_open
    assert new.role == ROLES.EDITOR


def test_resend_sends_the_link_again_and_extends_it(coordinator, invitation, mailoutbox):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    invitation.refresh_from_db()
    actions.resend_invitation(coordinator, invitation)
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=6)
    assert len(mailoutbox) == 2
    assert link_path(mailoutbox[0]) == link_path(mailoutbox[1])


def test_cancel_closes_the_invitation(partner_editor, invitation):
    actions.cancel_invitation(partner_editor, invitation)
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert not invitation.is_open


@pytest.mark.parametrize("action", [actions.resend_invitation, actions.cancel_invitation])
@pytest.mark.parametrize("who", ["editor_b", "partner_member", "outsider_coordinator"])
def test_others_may_not_resend_or_cancel(request, invitation, mailoutbox, action, who):
    with pytest.raises(PermissionDenied):
        action(request.getfixturevalue(who), invitation)
    invitation.refresh_from_db()
    assert invitation.is_open
    assert len(mailoutbox) == 1


def test_partner_editor_may_not_cancel_a_coordinator_invitation(invite, partner_editor, organization_a):
    invitation = invite("koordinaattori@example.com", organization_a, ROLES.COORDINATOR)
    with pytest.raises(PermissionDenied):
        actions.cancel_invitation(partner_editor, invitation)


def test_a_closed_invitation_is_not_resent(coordinator, invitation, mailoutbox):
    actions.cancel_invitation(coordinator, invitation)
    with pytest.raises(ValidationError):
        actions.resend_invitation(coordinator, invitation)
    assert len(mailoutbox) == 1


def test_accepting_creates_the_membership_once(invitation, organization_a):
    user = UserFactory(email="uusi@example.com")
    membership = actions.accept_invitation(user, invitation)
    assert membership.role == ROLES.MEMBER
    assert membership.organization == organization_a
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None
    with pytest.raises(actions.InvalidInvitation):
        actions.accept_invitation(user, invitation)
    assert Membership.objects.filter(user=user).count() == 1


def test_another_address_may_not_accept(invitation, partner_member):
    with pytest.raises(PermissionDenied):
        actions.accept_invitation(partner_member, invitation)
    invitation.refresh_from_db()
    assert invitation.is_open


def test_an_expired_or_cancelled_invitation_is_not_accepted(coordinator, invitation):
    user = UserFactory(email="uusi@example.com")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    with pytest.raises(actions.InvalidInvitation) as problem:
        actions.accept_invitation(user, invitation)
    assert problem.value.status == 410
    assert not Membership.objects.filter(user=user).exists()


def test_tokens_are_signed(invitation):
    token = actions.invitation_token(invitation)
    assert actions.usable_invitation(token) == invitation
    for broken in [token[:-2] + "xx", "abc", str(invitation.uuid)]:
        with pytest.raises(actions.InvalidInvitation) as problem:
            actions.usable_invitation(broken)
        assert problem.value.status == 400


def test_every_invitation_change_is_in_the_history(coordinator, invitation):
    actions.cancel_invitation(coordinator, invitation)
    entries = LogEntry.objects.get_for_object(invitation)
    assert entries.count() >= 2
    assert all(entry.actor == coordinator for entry in entries)
