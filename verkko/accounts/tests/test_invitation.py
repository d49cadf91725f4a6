"""/fi/accounts/invitations/<token>/: accepting an invitation, and every link that must not work."""

import datetime

import pytest
from django.utils import timezone

from verkko.accounts import actions
from verkko.accounts.models import Invitation, Membership, User
from verkko.accounts.tests.conftest import link_path
from verkko.ecosystem.tests.factories import UserFactory

NEW_PERSON = {
    "first_name": "Uusi",
    "last_name": "Ihminen",
    "password1": "pitkä-ja-hyvä-salasana-42",
    "password2": "pitkä-ja-hyvä-salasana-42",
}


@pytest.fixture
def link(invitation, mailoutbox):
    return link_path(mailoutbox[0])


def nothing_changed(invitation):
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not Membership.objects.filter(organization=invitation.organization, user__email=invitation.email).exists()


def test_a_new_person_sees_the_sign_up_form(client, link):
    response = client.get(link)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Organisaatio A" in content
    assert "uusi@example.com" in content
    assert 'name="password1"' in content


def test_a_new_person_creates_the_account_and_joins(client, link, invitation, area):
    response = client.post(link, NEW_PERSON)
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/"
    user = User.objects.get(email="uusi@example.com")
    assert user.get_full_name() == "Uusi Ihminen"
    assert user.check_password(NEW_PERSON["password1"])
    assert user.language == "fi"
    assert user.memberships.get().role == Membership.Role.MEMBER
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    page = client.get("/fi/oulu/")
    assert "Roolisi organisaatiossa Organisaatio A: kumppanin jäsen." in page.content.decode()
    assert page.context["is_partner"]


def test_the_swedish_link_gives_a_swedish_account(client, coordinator, organization_a, mailoutbox):
    actions.invite(coordinator, organization_a, "svensk@example.com", "editor", language="sv")
    link = link_path(mailoutbox[0])
    assert link.startswith("/sv/")
    client.post(link, NEW_PERSON)
    assert User.objects.get(email="svensk@example.com").language == "sv"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password1": "lyhyt", "password2": "lyhyt"}, "Salasana on liian lyhyt"),
        ({"password2": "eri-salasana-kuin-eka"}, "Salasanat eivät täsmää."),
        ({"password1": "1234567890123", "password2": "1234567890123"}, "kokonaan numeerinen"),
        ({"first_name": ""}, "Tämä kenttä vaaditaan."),
    ],
)
def test_bad_sign_up_input_changes_nothing(client, link, invitation, change, message):
    response = client.post(link, {**NEW_PERSON, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(email="uusi@example.com").exists()
    nothing_changed(invitation)


def test_an_existing_account_is_asked_to_sign_in(client, link, invitation):
    UserFactory(email="uusi@example.com")
    for response in [client.get(link), client.post(link, NEW_PERSON)]:
        assert response.status_code == 200
        assert f'href="/fi/accounts/login/?next={link}"' in response.content.decode().replace("%3A", ":").replace(
            "%2F", "/"
        )
    nothing_changed(invitation)


def test_the_invited_user_signed_in_confirms(client_for, link, invitation, area):
    user = UserFactory(email="uusi@example.com")
    client = client_for(user)
    page = client.get(link)
    assert page.status_code == 200
    assert "Hyväksy kutsu" in page.content.decode()
    nothing_changed(invitation)
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/"
    assert user.memberships.get().organization == invitation.organization


@pytest.mark.parametrize("name", ["partner_member", "outsider_coordinator"])
def test_a_forwarded_link_is_refused_to_another_signed_in_user(request, client_for, link, invitation, name):
    client = client_for(request.getfixturevalue(name))
    for response in [client.get(link), client.post(link)]:
        assert response.status_code == 403
        assert "Tämä kutsu lähetettiin toiseen sähköpostiosoitteeseen." in response.content.decode()
    nothing_changed(invitation)


def test_an_expired_link_is_refused(client, link, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    for response in [client.get(link), client.post(link, NEW_PERSON)]:
        assert response.status_code == 410
        assert "Tämä kutsu on vanhentunut." in response.content.decode()
    assert not User.objects.filter(email="uusi@example.com").exists()
    nothing_changed(invitation)


def test_a_cancelled_link_is_refused(client, coordinator, link, invitation):
    actions.cancel_invitation(coordinator, invitation)
    response = client.post(link, NEW_PERSON)
    assert response.status_code == 410
    assert "Tämä kutsu on peruttu." in response.content.decode()
    assert not User.objects.filter(email="uusi@example.com").exists()


def test_a_used_link_is_refused(client, client_for, link, invitation):
    client.post(link, NEW_PERSON)
    for again in [client_for(None), client_for(User.objects.get(email="uusi@example.com"))]:
        response = again.post(link, {**NEW_PERSON, "first_name": "Toinen"})
        assert response.status_code == 410
        assert "Tämä kutsu on jo käytetty." in response.content.decode()
    assert User.objects.get(email="uusi@example.com").first_name == "Uusi"
    assert Membership.objects.filter(user__email="uusi@example.com").count() == 1


@pytest.mark.parametrize("tamper", [lambda link: link[:-3] + "x/", lambda link: "/fi/accounts/invitations/abc/"])
def test_a_broken_link_is_refused(client, link, invitation, tamper):
    response = client.post(tamper(link), NEW_PERSON)
    assert response.status_code == 400
    assert "Kutsulinkki on rikki." in response.content.decode()
    nothing_changed(invitation)


def test_the_link_of_the_uuid_alone_is_refused(client, invitation):
    assert client.get(f"/fi/accounts/invitations/{invitation.uuid}/").status_code == 400


def test_the_invitation_page_refuses_put(client, link, invitation):
    assert client.put(link).status_code == 405
    nothing_changed(invitation)
