"""/fi/accounts/profile/: name, language, memberships in every area, and the way to change the password."""

import pytest

from verkko.accounts.models import Membership
from verkko.accounts.tests.conftest import OUTSIDERS_AND_PARTNERS

PROFILE = "/fi/accounts/profile/"


def test_profile_lists_the_users_memberships_by_area_with_links(client_for, partner_editor, other_organization):
    Membership.objects.create(user=partner_editor, organization=other_organization, role=Membership.Role.MEMBER)
    response = client_for(partner_editor).get(PROFILE)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<a href="/fi/oulu/">Oulun työllisyysalue</a>' in content
    assert '<a href="/fi/rannikko/">Rannikon työllisyysalue</a>' in content
    assert "Organisaatio A – kumppanin ylläpitäjä" in content
    assert "Rannikon kehitys – kumppanin jäsen" in content
    assert 'href="/fi/accounts/profile/password/"' in content


@pytest.mark.parametrize("name", OUTSIDERS_AND_PARTNERS)
def test_everyone_signed_in_sees_only_their_own_profile(request, client_for, name):
    user = request.getfixturevalue(name)
    content = client_for(user).get(PROFILE).content.decode()
    assert f"Kirjaudut sisään osoitteella {user.email}." in content


def test_the_header_links_to_the_profile(client_for, partner_member):
    assert f'href="{PROFILE}"' in client_for(partner_member).get("/fi/oulu/").content.decode()


def test_name_and_language_are_saved(client_for, partner_member):
    client = client_for(partner_member)
    response = client.post(PROFILE, {"first_name": " Maija ", "last_name": "Meikäläinen", "language": "sv"})
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    partner_member.refresh_from_db()
    assert (partner_member.first_name, partner_member.last_name, partner_member.language) == (
        "Maija",
        "Meikäläinen",
        "sv",
    )
    assert "Tietosi tallennettiin." in client.get(PROFILE).content.decode()


def test_a_bad_language_changes_nothing(client_for, partner_member):
    response = client_for(partner_member).post(PROFILE, {"first_name": "X", "last_name": "Y", "language": "de"})
    assert response.status_code == 400
    partner_member.refresh_from_db()
    assert (partner_member.first_name, partner_member.language) == ("", "fi")


def test_profile_sends_the_public_to_sign_in(client_for, db):
    response = client_for(None).get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/login/?next=/fi/accounts/profile/"
    assert client_for(None).post(PROFILE, {"first_name": "X", "last_name": "Y", "language": "fi"}).status_code == 302


def test_profile_refuses_put(client_for, partner_member):
    assert client_for(partner_member).put(PROFILE).status_code == 405
