"""Errors are JSON in the requested language; rate limits answer 429 with Retry-After."""

import pytest

from verkko.api.throttling import AddressRateThrottle, TokenRateThrottle


@pytest.mark.parametrize(
    ("language", "words"), [("fi", "työllisyysaluetta"), ("sv", "sysselsättningsområde"), ("en", "employment area")]
)
def test_not_found_in_the_requested_language(client, db, language, words):
    response = client.get("/api/v1/nowhere/goals/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert words.lower() in response.json()["message"].lower()


@pytest.mark.parametrize(("language", "words"), [("fi", "Tarkista"), ("sv", "Kontrollera"), ("en", "Check")])
def test_validation_message_in_the_requested_language(client, db, area, language, words):
    response = client.get("/api/v1/oulu/actions/?status=x", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.json()["message"].startswith(words)


def test_too_many_requests_by_address(client, db, area, monkeypatch):
    monkeypatch.setattr(AddressRateThrottle, "rate", "2/min", raising=False)
    for _ in range(2):
        assert client.get("/api/v1/oulu/goals/").status_code == 200
    response = client.get("/api/v1/oulu/goals/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"


def test_too_many_requests_by_token(api_for, partner_editor, area, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "rate", "1/min", raising=False)
    client = api_for(partner_editor)
    assert client.get("/api/v1/oulu/goals/").status_code == 200
    assert client.get("/api/v1/oulu/goals/").status_code == 429
    # Another token of the same user has its own budget.
    assert api_for(partner_editor).get("/api/v1/oulu/goals/").status_code == 200


def test_malformed_json_is_a_400(api_for, partner_editor, action):
    response = api_for(partner_editor).post(
        f"/api/v1/oulu/actions/{action.uuid}/check-ins/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
