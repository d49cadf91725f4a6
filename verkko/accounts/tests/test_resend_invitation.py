"""POST /fi/oulu/people/invitations/<uuid>/resend/."""

import datetime

import pytest
from django.utils import timezone

from verkko.accounts.models import Invitation
from verkko.accounts.tests.conftest import NON_MANAGERS


def url(invitation):
    return f"/fi/oulu/people/invitations/{invitation.uuid}/resend/"


@pytest.mark.parametrize("actor", ["coordinator", "partner_editor"])
def test_managers_resend(request, as_user, invitation, mailoutbox, actor):
    request.getfixturevalue(actor)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    response = as_user(actor).post(url(invitation))
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/people/"
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now()
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("name", ["editor_b", *NON_MANAGERS])
def test_others_signed_in_are_refused(as_user, invitation, mailoutbox, name):
    assert as_user(name).post(url(invitation)).status_code == 403
    assert len(mailoutbox) == 1


def test_the_public_is_sent_to_sign_in(as_user, invitation, mailoutbox):
    assert as_user("public").post(url(invitation)).status_code == 302
    assert len(mailoutbox) == 1


def test_another_areas_invitation_is_not_found(
    as_user, coordinator, outsider_coordinator, other_organization, mailoutbox
):
    from verkko.accounts import actions

    other = actions.invite(outsider_coordinator, other_organization, "x@example.com", "member")
    assert as_user("coordinator").post(url(other)).status_code == 404
    assert len(mailoutbox) == 1


def test_a_cancelled_invitation_is_not_resent(as_user, coordinator, invitation, mailoutbox):
    Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=timezone.now())
    response = as_user("coordinator").post(url(invitation), follow=True)
    assert "Tämä kutsu ei ole enää voimassa." in response.content.decode()
    assert len(mailoutbox) == 1


def test_resend_refuses_get(as_user, coordinator, invitation, mailoutbox):
    assert as_user("coordinator").get(url(invitation)).status_code == 405
    assert len(mailoutbox) == 1
