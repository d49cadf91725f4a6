"""POST /fi/oulu/people/invitations/<uuid>/cancel/."""

import pytest
from django.utils import timezone

from verkko.accounts.models import Invitation
from verkko.accounts.tests.conftest import NON_MANAGERS


def url(invitation):
    return f"/fi/oulu/people/invitations/{invitation.uuid}/cancel/"


def is_open(invitation):
    invitation.refresh_from_db()
    return invitation.is_open


@pytest.mark.parametrize("actor", ["coordinator", "partner_editor"])
def test_managers_cancel(request, as_user, invitation, actor):
    request.getfixturevalue(actor)
    response = as_user(actor).post(url(invitation))
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/people/"
    assert not is_open(invitation)
    assert "uusi@example.com" not in as_user(actor).get("/fi/oulu/people/").content.decode()


def test_partner_editor_may_not_cancel_a_coordinator_invitation(as_user, invite, partner_editor, organization_a):
    invitation = invite("k@example.com", organization_a, "coordinator")
    assert as_user("partner_editor").post(url(invitation)).status_code == 403
    assert is_open(invitation)


@pytest.mark.parametrize("name", ["editor_b", *NON_MANAGERS])
def test_others_signed_in_are_refused(as_user, invitation, name):
    assert as_user(name).post(url(invitation)).status_code == 403
    assert is_open(invitation)


def test_the_public_is_sent_to_sign_in(as_user, invitation):
    assert as_user("public").post(url(invitation)).status_code == 302
    assert is_open(invitation)


def test_an_accepted_invitation_is_not_cancelled(as_user, coordinator, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    response = as_user("coordinator").post(url(invitation), follow=True)
    assert "Tämä kutsu ei ole enää voimassa." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.cancelled_at is None


def test_cancel_refuses_get(as_user, coordinator, invitation):
    assert as_user("coordinator").get(url(invitation)).status_code == 405
    assert is_open(invitation)
