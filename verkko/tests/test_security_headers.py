"""Every answer carries the security headers of issue 17; the policy allows no inline script and no eval."""

import io
import json
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings

from verkko.lib.log import JsonFormatter, KeyValueFormatter, RequestIdFilter
from verkko.lib.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db


def _policy(response):
    return dict(
        (part.split()[0], part.split()[1:]) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )


def test_a_page_carries_the_security_headers(client, area):
    response = client.get("/fi/oulu/")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe-eval" in values for values in policy.values())
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_sessions_time_out_and_cookies_stay_out_of_scripts():
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    assert 0 < settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    names = [validator["NAME"].rsplit(".", 1)[1] for validator in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


def test_no_template_has_an_inline_script_or_an_event_handler():
    root = Path(settings.BASE_DIR) / "verkko"
    offenders = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        if INLINE_SCRIPT.search(text) or EVENT_HANDLER.search(text) or "javascript:" in text:
            offenders.append(str(template.relative_to(root)))
    assert not offenders, f"move these scripts into static files: {offenders}"


def test_an_answer_carries_the_request_id_it_was_given_or_a_new_one(client, area, caplog):
    given = client.get("/healthz", headers={"X-Request-ID": "lb-1234abcd"})
    assert given["X-Request-ID"] == "lb-1234abcd"
    new = client.get("/healthz", headers={"X-Request-ID": "<bad id>"})
    assert re.fullmatch(r"[0-9a-f]{32}", new["X-Request-ID"])


def test_log_lines_of_a_request_are_json_with_its_id(client, area):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/fi/oulu/ei-ole-olemassa/", headers={"X-Request-ID": "trace-5678efgh"})
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines
    assert lines[0]["request_id"] == "trace-5678efgh"
    assert lines[0]["level"] == "WARNING"
    assert lines[0]["status_code"] == 404
    assert lines[0]["message"] == "Not Found: /fi/oulu/ei-ole-olemassa/"


def test_outside_a_request_log_lines_say_so():
    record = logging.LogRecord("verkko", logging.INFO, __file__, 1, "hei %s", ("maailma",), None)
    RequestIdFilter().filter(record)
    assert KeyValueFormatter().format(record).endswith("INFO verkko request_id=- hei maailma")


@pytest.mark.parametrize("address", ["/fi/oulu/?q=%00", "/fi/oulu/goals/?goal=a%00b"])
def test_a_nul_character_in_a_query_answers_400_in_the_users_language(client, area, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "<h1>Pyyntöä ei voitu lukea</h1>" in response.content.decode()


def test_a_nul_character_in_a_form_field_answers_400(client_for, coordinator):
    response = client_for(coordinator).post("/fi/oulu/ecosystem/organisations/new/", {"name_fi": "a\x00b"})
    assert response.status_code == 400
