import pytest
from django.conf import settings

from conftest import PASSWORD

LOGIN = "/fi/accounts/login/"


def test_sign_in_page_is_in_finnish(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Sähköpostiosoite" in response.content.decode()


def test_user_signs_in_with_email_and_password(client, partner_editor):
    response = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fi/"
    assert client.get("/fi/accounts/profile/").status_code == 200


def test_email_is_matched_without_regard_to_case(client, partner_editor):
    response = client.post(LOGIN, {"username": partner_editor.email.upper(), "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_shows_an_error_in_finnish_and_signs_nobody_in(client, partner_editor):
    response = client.post(LOGIN, {"username": partner_editor.email, "password": "väärin"})
    assert response.status_code == 200
    assert "Sähköpostiosoite tai salasana on väärin." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_malformed_email_is_a_form_error(client, db):
    response = client.post(LOGIN, {"username": "ei-osoite", "password": "x"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()


def test_repeated_failures_lock_the_sign_in_even_with_the_right_password(client, partner_editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": partner_editor.email, "password": "väärin"})
    response = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Liian monta epäonnistunutta kirjautumista" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_for_one_address_do_not_lock_another(client, partner_editor, editor_b):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": partner_editor.email, "password": "väärin"})
    response = client.post(LOGIN, {"username": editor_b.email, "password": PASSWORD})
    assert response.status_code == 302


def test_sign_out_needs_post(client_for, partner_member):
    client = client_for(partner_member)
    assert client.get("/fi/accounts/logout/").status_code == 405
    assert client.post("/fi/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("method", ["put", "delete"])
def test_sign_in_refuses_other_methods(client, db, method):
    assert getattr(client, method)(LOGIN).status_code == 405
