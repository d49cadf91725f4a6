"""The signed one-click unsubscribe link of a digest (RFC 8058): POST without sign-in or CSRF token."""

import pytest
from django.test import Client

from conftest import OUTSIDERS
from verkko.news.digests import Frequency, unsubscribe_token
from verkko.news.models import Reading


def url(user, area, token=None):
    return f"/fi/{area.slug}/news/unsubscribe/{token or unsubscribe_token(user, area)}/"


def frequency(user, area):
    reading = Reading.objects.filter(user=user, area=area).first()
    return reading.digest_frequency if reading else None


def test_get_asks_to_confirm_and_changes_nothing(area, partner_member):
    response = Client().get(url(partner_member, area))
    assert response.status_code == 200
    content = response.content.decode()
    assert "member@example.com" in content
    assert 'method="post"' in content
    assert frequency(partner_member, area) is None


def test_one_click_post_unsubscribes_without_sign_in_or_csrf_token(area, partner_member):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url(partner_member, area), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert frequency(partner_member, area) == Frequency.NEVER


def test_it_stops_only_that_area(area, other_area, partner_member, other_organization):
    from verkko.accounts.models import Membership

    Membership.objects.create(user=partner_member, organization=other_organization)
    Client().post(url(partner_member, other_area))
    assert frequency(partner_member, other_area) == Frequency.NEVER
    assert frequency(partner_member, area) is None


@pytest.mark.parametrize("token", ["nonsense", "eyJ1c2VyIjoxLCJhcmVhIjoxfQ:1abc:forged"])
def test_a_bad_token_is_404_and_changes_nothing(area, partner_member, token):
    assert Client().post(url(partner_member, area, token)).status_code == 404
    assert Client().get(url(partner_member, area, token)).status_code == 404
    assert not Reading.objects.exists()


def test_another_areas_token_is_404_here(area, other_area, partner_member):
    token = unsubscribe_token(partner_member, other_area)
    assert Client().post(url(partner_member, area, token)).status_code == 404
    assert not Reading.objects.exists()


def test_an_inactive_users_token_is_404(area, partner_member):
    partner_member.is_active = False
    partner_member.save()
    assert Client().post(url(partner_member, area)).status_code == 404
    assert not Reading.objects.exists()


@pytest.mark.parametrize("role", [None, "coordinator", *OUTSIDERS])
def test_whoever_follows_the_link_stops_only_its_user(request, client_for, area, partner_member, role):
    visitor = request.getfixturevalue(role) if role else None
    assert client_for(visitor).post(url(partner_member, area)).status_code == 200
    assert frequency(partner_member, area) == Frequency.NEVER
    assert Reading.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_405(area, partner_member, method):
    assert getattr(Client(), method)(url(partner_member, area)).status_code == 405
    assert not Reading.objects.exists()
