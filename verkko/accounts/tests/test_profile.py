PROFILE = "/fi/accounts/profile/"


def test_profile_lists_the_users_organisations_and_roles(client_for, partner_editor, organization_a):
    response = client_for(partner_editor).get(PROFILE)
    assert response.status_code == 200
    content = response.content.decode()
    assert organization_a.name in content
    assert "kumppanin ylläpitäjä" in content


def test_profile_sends_the_public_to_sign_in(client_for, db):
    response = client_for(None).get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")


def test_profile_refuses_post(client_for, partner_member):
    assert client_for(partner_member).post(PROFILE).status_code == 405
