import re

from django.core import mail

from conftest import PASSWORD

RESET = "/fi/accounts/password-reset/"


def _reset_link(message):
    return re.search(r"https?://[^/]+(/fi/accounts/password-reset/\S+/)", message.body).group(1)


def test_reset_sends_a_link_in_finnish(client, partner_editor):
    response = client.post(RESET, {"email": partner_editor.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [partner_editor.email]
    assert "Valitse uusi salasana" in message.body
    assert _reset_link(message)


def test_reset_for_an_unknown_address_sends_nothing_and_tells_nothing(client, db):
    response = client.post(RESET, {"email": "ei-ole@example.com"}, follow=True)
    assert response.status_code == 200
    assert "Tarkista sähköpostisi" in response.content.decode()
    assert mail.outbox == []


def test_reset_with_a_malformed_address_shows_the_error(client, db):
    response = client.post(RESET, {"email": "ei-osoite"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert mail.outbox == []


def test_the_link_sets_a_new_password(client, partner_editor):
    client.post(RESET, {"email": partner_editor.email})
    link = _reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    new_password = "Uusi-vahva-salasana-2026"
    response = client.post(set_password_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    partner_editor.refresh_from_db()
    assert partner_editor.check_password(new_password)


def test_mismatched_new_passwords_change_nothing(client, partner_editor):
    client.post(RESET, {"email": partner_editor.email})
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "Eka-salasana-123", "new_password2": "Toka-salasana-123"}
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    partner_editor.refresh_from_db()
    assert partner_editor.check_password(PASSWORD)


def test_a_forged_link_is_refused(client, partner_editor):
    response = client.get("/fi/accounts/password-reset/MQ/forged-token/", follow=True)
    assert "Linkki on virheellinen" in response.content.decode()


def test_reset_refuses_put(client, db):
    assert client.put(RESET).status_code == 405
