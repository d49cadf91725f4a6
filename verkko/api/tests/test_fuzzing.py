"""Schemathesis against the OpenAPI document, through the WSGI application: a bounded number of
derandomised examples per operation, as the public and as a partner editor. Any 5xx, or any
response that does not match the document, fails."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from verkko.api import actions
from verkko.api.throttling import AddressRateThrottle, TokenRateThrottle


def _document():
    """The OpenAPI document as the API serves it (generated without a request or the database)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(_document())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def api_data(db, goal, partner_goal, action, indicator, monkeypatch):
    """Some data to find, and rate limits the fuzzer's many requests do not reach (test_errors tests them)."""
    monkeypatch.setattr(AddressRateThrottle, "rate", "1000000/min", raising=False)
    monkeypatch.setattr(TokenRateThrottle, "rate", "1000000/min", raising=False)


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The WSGI handler closes the database connection after each request, as in production; inside
    a test's transaction that would close it under the test (PostgreSQL). Django's test client keeps
    it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def partner_editor_headers(partner_editor):
    _token, key = actions.create_token(partner_editor, "fuzz", False)
    return {"Authorization": f"Bearer {key}"}


CHECKS = [not_a_server_error, response_schema_conformance]
BOUNDED = settings(
    max_examples=10, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@BOUNDED
def test_the_public_gets_answers_by_the_document(case):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_a_partner_editor_gets_answers_by_the_document(case, partner_editor_headers):
    case.call_and_validate(headers=partner_editor_headers, checks=CHECKS)
