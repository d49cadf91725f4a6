"""Test data for the e-mail of the news app: a week's worth of happenings in the area (and some in
another area, which must never show), placed in the last complete week before now."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.ecosystem.models import ForumMember, Meeting, Visibility
from verkko.ecosystem.tests.factories import ForumFactory
from verkko.goals.models import Action, Goal, Indicator, IndicatorValue, Target
from verkko.news.digests import Frequency, horizon_of, period_of
from verkko.news.models import Audience, Event, Follow, IndicatorStatusSeen, NewsItem
from verkko.situation.models import Review, Signal


def follow(user, subject):
    return Follow.objects.create(
        user=user,
        area=subject.area,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
    )


def make_indicator(area, slug="koulutukseen-ohjatut", name="Koulutukseen ohjatut nuoret", public_goal=True):
    indicator = Indicator.objects.create(
        area=area,
        slug=slug,
        name=name,
        unit="%",
        polarity=Indicator.Polarity.HIGHER,
        frequency="Q",
        source=Indicator.Source.MANUAL,
        baseline_period=date(2025, 1, 1),
        baseline_value=40.0,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 1, 1), value=48.0)
    IndicatorValue.objects.create(indicator=indicator, period=date(2025, 4, 1), value=41.5)
    goal = Goal.objects.create(
        area=area,
        slug=f"tavoite-{slug}",
        title=f"Tavoite: {name}",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        visibility=Visibility.PUBLIC if public_goal else Visibility.PARTNERS,
    )
    goal.indicators.add(indicator)
    return indicator


def make_action(organisation, title="Kesätyösetelikokeilu", rhythm=30, age_days=27, **fields):
    """An open action whose first check-in is due `rhythm - age_days` days from today."""
    return Action.objects.create(
        title=title,
        lead_organization=organisation,
        check_in_rhythm_days=rhythm,
        created_at=timezone.now() - timedelta(days=age_days),
        status=Action.Status.UNDER_WAY,
        **fields,
    )


def make_signal(area, organisation, *, checked_at, visibility=Visibility.PARTNERS, **fields):
    return Signal.objects.create(
        area=area,
        kind=Signal.Kind.RECRUITMENT,
        date=timezone.localdate(checked_at),
        source="Lehdistötiedote",
        description=fields.pop("description", "Sairaala rekrytoi 40 hoitajaa."),
        visibility=visibility,
        organization=organisation,
        status=Signal.Status.VERIFIED,
        checked_at=checked_at,
        **fields,
    )


@dataclass
class Week:
    start: object
    end: object
    horizon: object

    def at(self, days, hours=12):
        """A moment `days` into the period."""
        return self.start + timedelta(days=days, hours=hours)

    def age_due_before_horizon(self, rhythm=30):
        """The age in days of an action whose check-in falls due on the last day before the horizon:
        due, not overdue, whatever day of the week the tests run."""
        last_day = timezone.localdate(self.horizon) - timedelta(days=1)
        return rhythm - (last_day - timezone.localdate()).days

    @property
    def coming(self):
        """A moment between now and the end of the next period."""
        now = timezone.now()
        return now + (self.horizon - now) / 2


@pytest.fixture
def week():
    start, end = period_of(Frequency.WEEKLY, timezone.now())
    return Week(start, end, horizon_of(Frequency.WEEKLY, end))


@dataclass
class World:
    public_news: object
    partner_news: object
    forum_news: object
    other_forum_news: object
    other_area_news: object
    event: object
    meeting: object
    action: object
    other_action: object
    indicator: object
    signal: object
    public_signal: object
    review: object
    forum: object


@pytest.fixture
def world(area, other_area, week, backbone_organization, organization_a, organization_b, other_organization):
    """Something of every kind in the week, some only for partners or forum members, some elsewhere."""
    forum = ForumFactory(area=area, name="Nuorten työllisyyden verkosto", slug="nuorten-verkosto")
    ForumMember.objects.create(forum=forum, organization=organization_a)
    closed_forum = ForumFactory(area=area, name="Yritysyhteistyön ryhmä", slug="yritysryhma")
    ForumMember.objects.create(forum=closed_forum, organization=organization_b)

    def news(title, days, audience=Audience.PUBLIC, forums=(), on_area=area):
        item = NewsItem.objects.create(
            area=on_area, title=title, body="Tekstiä.", audience=audience, publish_at=week.at(days)
        )
        item.forums.set(forums)
        return item

    world = World(
        public_news=news("Työllisyyspäivät alkavat", 1),
        partner_news=news("Kumppaneille: uusi rahoitushaku", 2, Audience.PARTNERS),
        forum_news=news("Verkoston kokousaineisto", 3, Audience.FORUMS, [forum]),
        other_forum_news=news("Yritysryhmän sisäinen tiedote", 4, Audience.FORUMS, [closed_forum]),
        other_area_news=news("Rannikon uutinen", 2, on_area=other_area),
        event=Event.objects.create(
            area=area,
            title="Rekrytointimessut",
            starts_at=week.coming,
            ends_at=week.coming + timedelta(hours=3),
            place="Ouluhalli",
            forum=forum,
        ),
        meeting=Meeting.objects.create(forum=forum, starts_at=week.coming + timedelta(hours=1), place="Kaupungintalo"),
        action=make_action(organization_a, title="Nuorten työpajat", age_days=week.age_due_before_horizon()),
        other_action=make_action(organization_b, title="Yritysten kummit", age_days=week.age_due_before_horizon()),
        indicator=make_indicator(area),
        signal=make_signal(area, organization_b, checked_at=week.at(2)),
        public_signal=make_signal(
            area, organization_a, checked_at=week.at(5), visibility=Visibility.PUBLIC, description="Tehdas avataan."
        ),
        review=Review.objects.create(
            area=area,
            month=date(2026, 10, 1),
            title_fi="Työllisyyskatsaus lokakuu 2026",
            title_sv="Sysselsättningsöversikt oktober 2026",
            title_en="Employment review October 2026",
            text_fi="Teksti",
            text_sv="Text",
            text_en="Text",
            status=Review.Status.PUBLISHED,
            published_at=week.at(3),
        ),
        forum=forum,
    )
    seen = IndicatorStatusSeen.objects.create(indicator=world.indicator, status="at_risk", previous_status="on_track")
    IndicatorStatusSeen.objects.filter(pk=seen.pk).update(changed_at=week.at(4))
    make_signal(other_area, other_organization, checked_at=week.at(2), description="Rannikon signaali.")
    return world
