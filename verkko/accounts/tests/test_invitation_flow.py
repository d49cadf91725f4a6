"""The whole way in: a coordinator invites a new person on the people page, the e-mail's link works once."""

import datetime

from django.utils import timezone

from verkko.accounts.models import Invitation, Membership, User
from verkko.accounts.tests.conftest import link_path

PASSWORD = "uusi-kumppani-salasana-7"


def test_a_coordinator_brings_a_new_partner_editor_in_by_e_mail(
    client_for, coordinator, organization_a, other_area, mailoutbox
):
    coordinator_client = client_for(coordinator)
    invite = {"email": "Kumppani@Example.com", "organization": organization_a.pk, "role": "editor"}
    response = coordinator_client.post("/fi/oulu/people/invite/", invite, follow=True)
    assert "Kutsu lähetettiin osoitteeseen kumppani@example.com" in response.content.decode()

    # A second invitation to the same person and organisation is refused.
    again = coordinator_client.post("/fi/oulu/people/invite/", invite)
    assert again.status_code == 400
    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 1

    message = mailoutbox[0]
    assert message.to == ["kumppani@example.com"]
    link = link_path(message)

    # A forwarded link opened by someone else signed in changes nothing.
    assert client_for(coordinator).post(link).status_code == 403

    invitee = client_for(None)
    form = invitee.get(link)
    assert form.status_code == 200
    response = invitee.post(
        link, {"first_name": "Kaisa", "last_name": "Kumppani", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/"

    home = invitee.get("/fi/oulu/")
    assert home.context["user"].email == "kumppani@example.com"
    assert home.context["is_partner"]
    assert home.context["edits_an_organization"]
    assert "kumppanin ylläpitäjä" in home.content.decode()
    assert not invitee.get("/fi/rannikko/").context["is_partner"]
    assert invitee.get("/fi/oulu/people/").status_code == 200

    # The link worked once: reused, it is refused and nothing changes.
    assert client_for(None).post(link, {"first_name": "X"}).status_code == 410
    assert Membership.objects.filter(user__email="kumppani@example.com").count() == 1

    # The new person signs in with the password they chose.
    signed_in = client_for(None).post(
        "/fi/accounts/login/", {"username": "kumppani@example.com", "password": PASSWORD, "next": "/fi/oulu/"}
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/fi/oulu/"


def test_expired_and_cancelled_links_change_nothing(client_for, coordinator, organization_a, mailoutbox):
    coordinator_client = client_for(coordinator)
    for email in ["vanha@example.com", "peruttu@example.com"]:
        coordinator_client.post(
            "/fi/oulu/people/invite/", {"email": email, "organization": organization_a.pk, "role": "member"}
        )
    expired, cancelled = (link_path(message) for message in mailoutbox)
    Invitation.objects.filter(email="vanha@example.com").update(expires_at=timezone.now() - datetime.timedelta(days=1))
    uuid = Invitation.objects.get(email="peruttu@example.com").uuid
    coordinator_client.post(f"/fi/oulu/people/invitations/{uuid}/cancel/")
    details = {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD}
    assert client_for(None).post(expired, details).status_code == 410
    assert client_for(None).post(cancelled, details).status_code == 410
    assert not User.objects.filter(email__in=["vanha@example.com", "peruttu@example.com"]).exists()
    assert not Invitation.objects.filter(accepted_at__isnull=False).exists()
