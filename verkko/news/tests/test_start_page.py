"""The personal start page: what needs each role, with the counts in the header, in constant queries."""

import datetime

import pytest
from django.utils import timezone

from verkko.accounts.models import Invitation
from verkko.ecosystem.tests.factories import MeetingFactory
from verkko.goals.models import Action, CheckIn
from verkko.news import actions
from verkko.news.tests.conftest import MARKER, hours, news
from verkko.situation.models import Review, Signal

START = "/fi/oulu/start/"


def _signal(area, organization, reporter, status=Signal.Status.SUBMITTED, description="Rekrytointitarve"):
    return Signal.objects.create(
        area=area,
        kind=Signal.Kind.RECRUITMENT,
        date=datetime.date(2026, 5, 1),
        source="Lehdistötiedote",
        description=description,
        organization=organization,
        reporter=reporter,
        status=status,
    )


def _action(organization, title, *, days_since_check_in=None, rhythm=30, created_days_ago=100, **fields):
    action = Action.objects.create(
        title=title,
        lead_organization=organization,
        check_in_rhythm_days=rhythm,
        created_at=timezone.now() - datetime.timedelta(days=created_days_ago),
        status=Action.Status.UNDER_WAY,
        **fields,
    )
    if days_since_check_in is not None:
        CheckIn.objects.create(
            action=action,
            created_at=timezone.now() - datetime.timedelta(days=days_since_check_in),
            progress=10,
            status=Action.Status.UNDER_WAY,
            confidence="on_track",
            narrative="Edistyy.",
        )
    return action


@pytest.fixture
def work(area, organization_a, organization_b, partner_editor, forum, partner_forum, forum_of_b):
    """Something waiting for everyone: signals, a review draft, actions, invitations and meetings."""
    _signal(area, organization_a, partner_editor, description="Odottava signaali")
    _signal(area, organization_a, partner_editor, status=Signal.Status.VERIFIED, description="Tarkistettu signaali")
    Review.objects.create(
        area=area,
        month=datetime.date(2026, 4, 1),
        title_fi="Huhtikuun katsaus",
        title_sv="April",
        title_en="April",
        text_fi="x",
        text_sv="x",
        text_en="x",
    )
    _action(organization_a, "Myöhässä oleva toimenpide", days_since_check_in=40)
    _action(organization_a, "Pian raportoitava toimenpide", days_since_check_in=28)
    _action(organization_a, "Ajan tasalla oleva toimenpide", days_since_check_in=2)
    _action(organization_b, "B:n myöhästynyt toimenpide", days_since_check_in=50)
    Invitation.objects.create(
        email="uusi@example.org", organization=organization_b, expires_at=timezone.now() + datetime.timedelta(days=7)
    )
    MeetingFactory(forum=partner_forum, starts_at=hours(30), place="Rekrytointisali")
    MeetingFactory(forum=forum_of_b, starts_at=hours(30), place="B:n sali")


def test_the_coordinator_sees_what_waits_for_verification_and_publishing(client_for, coordinator, work):
    text = client_for(coordinator).get(START).content.decode()
    assert text.count("Rekrytointitarve, 1.5.2026") == 1  # the waiting one, not the verified one
    assert "Huhtikuun katsaus" in text
    assert "Myöhässä oleva toimenpide" in text
    assert "B:n myöhästynyt toimenpide" in text
    assert "Pian raportoitava toimenpide" not in text  # coordinators see late ones, not those due soon
    assert "Ajan tasalla oleva toimenpide" not in text
    assert "uusi@example.org" in text


def test_the_header_counts_what_needs_the_coordinator(client_for, coordinator, work):
    text = client_for(coordinator).get("/fi/oulu/").content.decode()
    # 1 signal + 1 draft + 2 late actions + 1 invitation
    assert '<span class="count">5' in text


def test_the_editor_sees_their_organisations_actions_due_or_late_meetings_and_signals(client_for, partner_editor, work):
    text = client_for(partner_editor).get(START).content.decode()
    assert "Myöhässä oleva toimenpide" in text
    assert "Pian raportoitava toimenpide" in text
    assert "Ajan tasalla oleva toimenpide" not in text
    assert "B:n myöhästynyt toimenpide" not in text
    assert "Rekrytointisali" in text
    assert "B:n foorumi" not in text
    assert "odottaa tarkistusta" in text
    assert "vahvistettu" in text
    assert "Huhtikuun katsaus" not in text
    assert "uusi@example.org" not in text


def test_the_header_counts_what_needs_the_editor(client_for, partner_editor, work):
    assert '<span class="count">2' in client_for(partner_editor).get("/fi/oulu/").content.decode()


def test_a_member_sees_news_events_and_their_forums_meetings(
    client_for, partner_member, work, public_news, public_event
):
    actions.sign_up(partner_member, public_event)
    text = client_for(partner_member).get(START).content.decode()
    assert "Julkinen uutinen" in text
    assert "Rekrytointimessut" in text
    assert "Rekrytointitiimi" in text
    assert "Myöhässä oleva toimenpide" not in text
    assert '<span class="count">' not in text


@pytest.mark.parametrize("role", ["outsider_member", "outsider_editor", "outsider_coordinator"])
def test_outsiders_see_only_public_things_here(request, client_for, role, work, public_news, partner_news):
    text = client_for(request.getfixturevalue(role)).get(START).content.decode()
    assert "Julkinen uutinen" in text
    assert MARKER not in text
    for private in ("Huhtikuun katsaus", "Myöhässä oleva", "uusi@example.org", "Rekrytointisali", "Rekrytointitiimi"):
        assert private not in text
    assert '<span class="count">' not in text


def test_the_start_page_needs_signing_in_and_get(client, client_for, partner_member, area):
    assert "/accounts/login/" in client.get(START)["Location"]
    assert client_for(partner_member).post(START).status_code == 405


def test_the_home_page_leads_signed_in_users_to_their_page(client, client_for, coordinator, work):
    assert 'href="/fi/oulu/start/"' in client_for(coordinator).get("/fi/oulu/").content.decode()
    assert 'href="/fi/oulu/start/"' not in client.get("/fi/oulu/").content.decode()


@pytest.mark.parametrize("role", ["coordinator", "partner_editor"])
def test_the_start_page_uses_a_constant_number_of_queries(
    request, client_for, role, area, organization_a, partner_editor, forum, partner_forum, django_assert_max_num_queries
):
    client = client_for(request.getfixturevalue(role))
    client.get(START)
    for number in range(6):
        _signal(area, organization_a, partner_editor, description=f"S{number}")
        _action(organization_a, f"Toimenpide {number}", days_since_check_in=40 + number)
        MeetingFactory(forum=partner_forum, starts_at=hours(30 + number))
        news(area, f"Uutinen {number}")
    with django_assert_max_num_queries(25):
        response = client.get(START)
    assert response.status_code == 200
    assert "Toimenpide 5" in response.content.decode()
