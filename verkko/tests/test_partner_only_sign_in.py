"""A partner-only address opened while signed out asks the visitor to sign in (not a bare 404).

After signing in a partner lands at the address; an outsider (a role only in another area)
gets the 404 there, as does anyone signed in without the role straight away. An address of
nothing that exists stays a 404 for everyone.
"""

import datetime
import uuid
from urllib.parse import quote

import pytest
from django.utils import timezone

from conftest import OUTSIDERS, PASSWORD
from verkko.areas import area_reverse
from verkko.ecosystem.models import Decision, Forum, Meeting, Visibility
from verkko.goals.models import Action, Goal, Indicator
from verkko.news.models import Audience, Event, NewsItem
from verkko.situation.models import Review, Signal
from verkko.survey.models import SurveyRound

LOGIN = "/fi/accounts/login/"


@pytest.fixture
def hidden(area, organization_a, partner_editor):
    """Partner-only objects of every app (and a coordinator-only draft review), by address name."""
    forum = Forum.objects.create(
        area=area, slug="salainen-foorumi", name="Salainen foorumi", level="operational", visibility=Visibility.PARTNERS
    )
    meeting = Meeting.objects.create(forum=forum, starts_at=timezone.now(), place="Salainen paikka")
    decision = Decision.objects.create(meeting=meeting, text="Päätös", responsible_organization=organization_a)
    goal = Goal.objects.create(
        area=area,
        slug="salainen-tavoite",
        title="Salainen tavoite",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )
    indicator = Indicator.objects.create(
        area=area, slug="salainen-mittari", name="Salainen mittari", source=Indicator.Source.MANUAL, frequency="M"
    )
    goal.indicators.add(indicator)
    action = Action.objects.create(title="Salainen toimenpide", lead_organization=organization_a)
    action.goals.add(goal)
    signal = Signal.objects.create(
        area=area,
        kind=Signal.Kind.values[0],
        date=datetime.date(2026, 11, 10),
        description="Salainen signaali",
        visibility=Visibility.PARTNERS,
        status=Signal.Status.VERIFIED,
        organization=organization_a,
        reporter=partner_editor,
    )
    news_item = NewsItem.objects.create(
        area=area, title="Kumppaniuutinen", body="Teksti", audience=Audience.PARTNERS, publish_at=timezone.now()
    )
    event = Event.objects.create(
        area=area,
        title="Kumppanitilaisuus",
        audience=Audience.PARTNERS,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=2, hours=2),
    )
    survey_round = SurveyRound.objects.create(
        area=area, title="Kysely", opens_on=timezone.localdate(), closes_on=timezone.localdate()
    )
    return {
        "ecosystem:forum": {"slug": forum.slug},
        "ecosystem:meeting": {"uuid": meeting.uuid},
        "ecosystem:decision": {"uuid": decision.uuid},
        "goals:goal": {"key": goal.slug},
        "goals:indicator": {"key": indicator.slug},
        "goals:action": {"key": action.uuid},
        "situation:signal_detail": {"signal_uuid": signal.uuid},
        "news:detail": {"uuid": news_item.uuid},
        "news:event": {"uuid": event.uuid},
        "survey:round": {"round_uuid": survey_round.uuid},
    }


ADDRESSES = [
    "ecosystem:forum",
    "ecosystem:meeting",
    "ecosystem:decision",
    "goals:goal",
    "goals:indicator",
    "goals:action",
    "situation:signal_detail",
    "news:detail",
    "news:event",
    "survey:round",
]


def _sign_in(client, user, address):
    return client.post(LOGIN, {"username": user.email, "password": PASSWORD, "next": address})


@pytest.mark.parametrize("name", ADDRESSES)
def test_the_public_is_asked_to_sign_in_and_a_partner_lands_at_the_address(
    name, area, hidden, client_for, partner_member
):
    address = area_reverse(area, name, kwargs=hidden[name])
    visitor = client_for(None)
    response = visitor.get(address)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={quote(address)}"

    signed_in = _sign_in(visitor, partner_member, address)
    assert signed_in.status_code == 302
    assert signed_in["Location"] == address
    assert visitor.get(address, follow=True).status_code == 200


@pytest.mark.parametrize("outsider", OUTSIDERS)
@pytest.mark.parametrize("name", ADDRESSES)
def test_an_outsider_gets_a_404_after_signing_in_and_when_signed_in(request, name, outsider, area, hidden, client_for):
    address = area_reverse(area, name, kwargs=hidden[name])
    user = request.getfixturevalue(outsider)
    visitor = client_for(None)
    assert visitor.get(address).status_code == 302
    assert _sign_in(visitor, user, address)["Location"] == address
    assert visitor.get(address).status_code == 404
    assert client_for(user).get(address).status_code == 404


@pytest.mark.parametrize("name", ADDRESSES)
def test_a_missing_object_is_a_404_for_everyone(name, area, hidden, client_for, partner_member):
    kwargs = {
        key: ("ei-ole" if key in ("slug", "key") and name != "goals:action" else uuid.uuid4()) for key in hidden[name]
    }
    address = area_reverse(area, name, kwargs=kwargs)
    assert client_for(None).get(address).status_code == 404
    assert client_for(partner_member).get(address).status_code == 404


def test_a_draft_review_asks_the_public_to_sign_in_and_stays_hidden_from_partners(
    area, client_for, partner_member, coordinator
):
    review = Review.objects.create(area=area, month=datetime.date(2026, 11, 1), title_fi="Luonnos", text_fi="Teksti")
    address = area_reverse(area, "situation:review_detail", kwargs={"review_uuid": review.uuid})
    assert client_for(None).get(address).status_code == 302
    assert client_for(partner_member).get(address).status_code == 404
    assert client_for(coordinator).get(address).status_code == 200


def test_a_post_to_a_partner_only_address_is_still_a_404_for_the_public(area, hidden, client_for):
    address = area_reverse(area, "situation:signal_check", kwargs=hidden["situation:signal_detail"])
    assert client_for(None).post(address, {"decision": "verify"}).status_code == 404


def test_an_object_of_another_area_is_a_404_for_the_public(area, other_area, client_for):
    Forum.objects.create(
        area=other_area, slug="rannikon-foorumi", name="Rannikko", level="operational", visibility=Visibility.PARTNERS
    )
    assert client_for(None).get("/fi/oulu/ecosystem/forums/rannikon-foorumi/").status_code == 404
    assert client_for(None).get("/fi/rannikko/ecosystem/forums/rannikon-foorumi/").status_code == 302
