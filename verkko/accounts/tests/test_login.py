import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher

from conftest import PASSWORD
from verkko.accounts.throttling import client_address

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


def _fail(client, email, address="10.0.0.1"):
    return client.post(LOGIN, {"username": email, "password": "väärin"}, REMOTE_ADDR=address)


def test_many_accounts_tried_from_one_address_lock_that_address(client, partner_editor, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    for number in range(8):
        _fail(client, f"kokeilu{number}@example.org")
    response = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    elsewhere = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert elsewhere.status_code == 302


def test_fewer_failures_than_the_address_limit_lock_nobody_else(client, partner_editor, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    for number in range(7):
        _fail(client, f"kokeilu{number}@example.org")
    response = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302


def test_signing_in_to_ones_own_account_does_not_reset_the_address_count(client, partner_editor, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    for number in range(7):
        _fail(client, f"kokeilu{number}@example.org")
    assert client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    client.logout()
    _fail(client, "kokeilu7@example.org")
    response = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429


def _page_without(response, *variable):
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    for value in variable:
        text = text.replace(value, "ADDRESS")
    return text


def test_a_known_and_an_unknown_address_get_the_same_answer(client, partner_editor):
    known = _fail(client, partner_editor.email)
    unknown = _fail(client, "ei-ole@example.com")
    assert known.status_code == unknown.status_code == 200
    assert _page_without(known, partner_editor.email) == _page_without(unknown, "ei-ole@example.com")


def test_an_inactive_account_gets_the_same_answer_as_an_unknown_address(client, partner_editor):
    partner_editor.is_active = False
    partner_editor.save()
    inactive = client.post(LOGIN, {"username": partner_editor.email, "password": PASSWORD})
    unknown = client.post(LOGIN, {"username": "ei-ole@example.com", "password": PASSWORD})
    assert _page_without(inactive, partner_editor.email) == _page_without(unknown, "ei-ole@example.com")


def test_the_password_is_hashed_for_an_unknown_address_too(client, partner_editor):
    """The password hasher's time is spent either way, so the answer's timing tells nothing."""
    with mock.patch.object(MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode) as spy:
        _fail(client, partner_editor.email)
        known = spy.call_count
        _fail(client, "ei-ole@example.com")
        unknown = spy.call_count - known
    assert known == unknown == 1


def test_behind_a_trusted_proxy_the_address_the_proxy_saw_counts(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7", REMOTE_ADDR="10.0.0.9")
    assert client_address(request) == "192.0.2.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.9"
