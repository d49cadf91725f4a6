"""Personal tokens on the profile page: created, named, seen once, stored hashed, revoked."""

import pytest

from conftest import OUTSIDERS
from verkko.api.models import ApiToken, hash_key

CREATE = "/fi/accounts/tokens/new/"


def test_profile_shows_the_tokens_section(client_for, partner_editor):
    page = client_for(partner_editor).get("/fi/accounts/profile/").content.decode()
    assert "API-avaimet" in page
    assert CREATE in page


def test_a_token_is_created_shown_once_and_stored_hashed(client_for, partner_editor):
    client = client_for(partner_editor)
    response = client.post(CREATE, {"name": "Power BI", "read_only": "on"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    key = response.context["key"]
    token = ApiToken.objects.get(user=partner_editor)
    assert token.name == "Power BI"
    assert token.read_only
    assert token.key_hash == hash_key(key)
    assert key not in token.key_hash
    assert key in response.content.decode()
    assert key.startswith(token.prefix)
    # Never again: the profile shows the name and the beginning only.
    profile = client.get("/fi/accounts/profile/").content.decode()
    assert "Power BI" in profile
    assert token.prefix in profile
    assert key not in profile


def test_a_token_reads_as_its_user_and_records_its_use(api_for, partner_editor, partner_goal):
    client = api_for(partner_editor)
    assert client.get("/api/v1/oulu/goals/osatyokykyiset/").status_code == 200
    assert ApiToken.objects.get(user=partner_editor).last_used_at is not None


def test_a_revoked_token_is_refused(client_for, api_for, partner_editor):
    client = api_for(partner_editor)
    token = ApiToken.objects.get(user=partner_editor)
    response = client_for(partner_editor).post(f"/fi/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    response = client.get("/api/v1/oulu/goals/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_the_token_word_works_too(partner_editor):
    from rest_framework.test import APIClient

    from verkko.api import actions

    _token, key = actions.create_token(partner_editor, "R", True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/oulu/goals/").status_code == 200


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer wrong"])
def test_a_bad_header_is_a_401(client, db, area, header):
    assert client.get("/api/v1/oulu/goals/", HTTP_AUTHORIZATION=header).status_code == 401


@pytest.mark.parametrize("role", ["coordinator", *OUTSIDERS])
def test_nobody_revokes_another_users_token(client_for, user_for, partner_editor, role):
    from verkko.api import actions

    token, _key = actions.create_token(partner_editor, "Oma", False)
    response = client_for(user_for(role)).post(f"/fi/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_tokens_need_signing_in(client, db):
    assert client.get(CREATE).status_code == 302
    assert client.post(CREATE, {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_revoke_takes_post_only(client_for, partner_editor):
    from verkko.api import actions

    token, _key = actions.create_token(partner_editor, "Oma", False)
    assert client_for(partner_editor).get(f"/fi/accounts/tokens/{token.pk}/revoke/").status_code == 405


def test_a_token_needs_a_name(client_for, partner_editor):
    response = client_for(partner_editor).post(CREATE, {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_a_read_only_token_may_not_write(api_for, partner_editor, action):
    response = api_for(partner_editor, read_only=True).post(
        f"/api/v1/oulu/actions/{action.uuid}/check-ins/",
        {"progress": 50, "status": "under_way", "confidence": "on_track", "narrative": "Eteni."},
        format="json",
    )
    assert response.status_code == 403
    assert not action.check_ins.exists()
