"""/fi/accounts/profile/password/: Django's password change, answering GET and POST only."""

from conftest import PASSWORD

URL = "/fi/accounts/profile/password/"
NEW = "uusi-hyvä-salasana-99"


def test_the_password_is_changed_and_the_user_stays_signed_in(client_for, partner_member):
    client = client_for(partner_member)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/profile/"
    partner_member.refresh_from_db()
    assert partner_member.check_password(NEW)
    assert "Salasanasi vaihdettiin." in client.get("/fi/accounts/profile/").content.decode()


def test_a_wrong_old_password_or_a_weak_new_one_changes_nothing(client_for, partner_member):
    client = client_for(partner_member)
    for data in [
        {"old_password": "väärä", "new_password1": NEW, "new_password2": NEW},
        {"old_password": PASSWORD, "new_password1": "lyhyt", "new_password2": "lyhyt"},
    ]:
        assert client.post(URL, data).status_code == 200
    partner_member.refresh_from_db()
    assert partner_member.check_password(PASSWORD)
    content = client.post(URL, {"old_password": PASSWORD, "new_password1": "lyhyt", "new_password2": "lyhyt"})
    assert "Salasana on liian lyhyt" in content.content.decode()


def test_the_public_is_sent_to_sign_in(client_for, db):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")


def test_password_change_refuses_put(client_for, partner_member):
    assert client_for(partner_member).put(URL).status_code == 405
