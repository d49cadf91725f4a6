"""The page where a partner chooses how often the area's digest comes."""

import pytest

from conftest import OUTSIDERS
from verkko.news.digests import Frequency
from verkko.news.models import Reading

URL = "/fi/oulu/news/digest/"
PARTNERS = ["coordinator", "partner_editor", "partner_member", "editor_b"]


@pytest.fixture
def user_for(request):
    return lambda role: request.getfixturevalue(role) if role else None


@pytest.mark.parametrize("role", PARTNERS)
def test_a_partner_sees_the_choice_weekly_by_default(client_for, user_for, role):
    response = client_for(user_for(role)).get(URL)
    assert response.status_code == 200
    assert response.context["form"].initial == {"frequency": Frequency.WEEKLY}
    assert 'value="monthly"' in response.content.decode()


@pytest.mark.parametrize("role", PARTNERS)
def test_a_partner_chooses_monthly(client_for, user_for, area, role):
    user = user_for(role)
    response = client_for(user).post(URL, {"frequency": "monthly"})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert Reading.objects.get(user=user, area=area).digest_frequency == Frequency.MONTHLY
    assert client_for(user).get(URL).context["form"].initial == {"frequency": Frequency.MONTHLY}


def test_the_choice_keeps_the_last_reading(client_for, area, partner_member):
    from django.utils import timezone

    seen = timezone.now()
    Reading.objects.create(user=partner_member, area=area, last_seen_at=seen)
    client_for(partner_member).post(URL, {"frequency": "never"})
    reading = Reading.objects.get()
    assert (reading.digest_frequency, reading.last_seen_at) == (Frequency.NEVER, seen)


def test_the_public_is_sent_to_sign_in(client_for, area):
    response = client_for(None).post(URL, {"frequency": "never"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Reading.objects.exists()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_may_not(client_for, user_for, area, role):
    client = client_for(user_for(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"frequency": "never"}).status_code == 403
    assert not Reading.objects.exists()


def test_an_outsider_chooses_in_their_own_area(client_for, outsider_member, other_area):
    assert client_for(outsider_member).post("/fi/rannikko/news/digest/", {"frequency": "never"}).status_code == 302
    assert Reading.objects.get().area == other_area


@pytest.mark.parametrize("data", [{"frequency": "daily"}, {}])
def test_bad_input_changes_nothing(client_for, area, partner_member, data):
    Reading.objects.create(user=partner_member, area=area, digest_frequency=Frequency.MONTHLY)
    response = client_for(partner_member).post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Reading.objects.get().digest_frequency == Frequency.MONTHLY


@pytest.mark.parametrize("method", ["put", "delete"])
def test_other_methods_are_405(client_for, partner_member, method):
    assert getattr(client_for(partner_member), method)(URL).status_code == 405


def test_in_swedish(client_for, partner_member):
    response = client_for(partner_member).get("/sv/oulu/news/digest/")
    assert "Sammandrag" in response.content.decode()


def test_the_profile_links_to_the_choice_in_each_area(client_for, area, partner_member, other_organization):
    from verkko.accounts.models import Membership

    Membership.objects.create(user=partner_member, organization=other_organization)
    content = client_for(partner_member).get("/fi/accounts/profile/").content.decode()
    assert "Kooste sähköpostiin" in content
    assert 'href="/fi/oulu/news/digest/"' in content
    assert 'href="/fi/rannikko/news/digest/"' in content


def test_a_profile_without_organisations_has_no_digest(client_for, db):
    from verkko.ecosystem.tests.factories import UserFactory

    content = client_for(UserFactory()).get("/fi/accounts/profile/").content.decode()
    assert "Kooste sähköpostiin" not in content
