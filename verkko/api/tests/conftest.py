"""API fixtures: the goals app's forum, goals, indicator and action, a token client for any role,
and in the other area a partner-only goal with the same slug as a public goal here."""

from datetime import date

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from conftest import OUTSIDERS
from verkko.api import actions
from verkko.ecosystem.models import Visibility
from verkko.goals.models import Goal
from verkko.goals.tests.conftest import action, forum, goal, indicator, partner_goal, user_for  # noqa: F401

PARTNERS = ["coordinator", "partner_editor", "partner_member", "editor_b"]
ROLES = [*PARTNERS, None, *OUTSIDERS]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with the rate limits' counters at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_for(db):
    """api_for(user) is an API client with a fresh personal token of the user (None: anonymous)."""

    def make(user, read_only=False):
        client = APIClient()
        if user is not None:
            _token, key = actions.create_token(user, "test", read_only)
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
        return client

    return make


@pytest.fixture
def other_goal(other_area):
    """In the other area, a partner-only goal with the slug of the public goal here."""
    return Goal.objects.create(
        area=other_area,
        slug="nuorisotyottomyys",
        title="SALAINEN rannikon tavoite",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )
