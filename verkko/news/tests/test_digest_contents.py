"""What a digest holds: every kind, grouped, newest first, nothing left out, each with its reason,
only what the user may see in the area, in the user's language."""

from datetime import timedelta

import pytest
from django.utils import translation

from verkko.news.digests import Frequency, digest_sections
from verkko.news.models import Audience, NewsItem
from verkko.news.tests.mail_data import follow, week, world  # noqa: F401


def sections_for(user, area, week, language="en"):  # noqa: F811
    with translation.override(language):
        return {
            section.kind: section for section in digest_sections(user, area, Frequency.WEEKLY, week.start, week.end)
        }


def titles(section):
    return [item.title for item in section.items]


def test_a_partner_member_gets_every_kind_with_its_reason(area, partner_member, week, world):  # noqa: F811
    sections = sections_for(partner_member, area, week)
    assert list(sections) == ["news", "coming", "actions", "indicators", "signals", "review"]
    # Newest first; the forum item of a forum their organisation sits in; not another forum's.
    assert titles(sections["news"]) == [
        "Verkoston kokousaineisto",
        "Kumppaneille: uusi rahoitushaku",
        "Työllisyyspäivät alkavat",
    ]
    reasons = [item.reason for item in sections["news"].items]
    assert reasons[0] == "For the members of Nuorten työllisyyden verkosto."
    assert reasons[1] == "For all partners of Oulun työllisyysalue."
    assert titles(sections["coming"]) == ["Rekrytointimessut", "Meeting of Nuorten työllisyyden verkosto"]
    assert sections["coming"].items[1].reason == "Organisaatio A sits in Nuorten työllisyyden verkosto."
    assert titles(sections["actions"]) == ["Nuorten työpajat"]  # not organisation B's
    assert sections["actions"].items[0].reason == "Organisaatio A leads this action."
    assert "Check-in due by" in sections["actions"].items[0].detail
    assert titles(sections["indicators"]) == ["Koulutukseen ohjatut nuoret"]
    assert sections["indicators"].items[0].detail == "Now at risk (was on track)."
    assert sections["indicators"].items[0].reason == "An indicator of the goals of Oulun työllisyysalue."
    assert [item.reason for item in sections["signals"].items] == [
        "Reported by Organisaatio A.",
        "A signal verified in Oulun työllisyysalue.",
    ]
    assert titles(sections["review"]) == ["Employment review October 2026"]
    for section in sections.values():
        for item in section.items:
            assert item.url.startswith("http://127.0.0.1:8000/en/oulu/")


def test_the_public_sees_only_public_things_and_no_other_area(area, week, world, outsider_member):  # noqa: F811
    sections = sections_for(outsider_member, area, week)
    assert titles(sections["news"]) == ["Työllisyyspäivät alkavat"]
    assert "actions" not in sections
    assert titles(sections["signals"]) == ["Recruitment need"]  # only the public one
    assert [item.detail for item in sections["signals"].items] == ["Tehdas avataan."]


def test_the_other_areas_news_and_signals_never_show(area, coordinator, week, world):  # noqa: F811
    sections = sections_for(coordinator, area, week)
    assert "Rannikon uutinen" not in titles(sections["news"])
    assert "Yritysryhmän sisäinen tiedote" in titles(sections["news"])  # coordinators see every forum's
    assert all("Rannikon" not in item.detail for item in sections["signals"].items)


def test_follows_are_the_reason(area, editor_b, week, world):  # noqa: F811
    follow(editor_b, world.indicator)
    follow(editor_b, world.forum)
    sections = sections_for(editor_b, area, week)
    assert sections["indicators"].items[0].reason == "You follow this indicator."
    assert [item.reason for item in sections["coming"].items] == [
        "You follow Nuorten työllisyyden verkosto.",
        "You follow Nuorten työllisyyden verkosto.",
    ]
    assert titles(sections["actions"]) == ["Yritysten kummit"]


def test_nothing_is_left_out(area, partner_member, week):  # noqa: F811
    for number in range(30):
        NewsItem.objects.create(
            area=area,
            title=f"Uutinen {number:02d}",
            body="…",
            audience=Audience.PARTNERS,
            publish_at=week.start + timedelta(hours=1 + number),
        )
    news = sections_for(partner_member, area, week)["news"]
    assert titles(news) == [f"Uutinen {number:02d}" for number in reversed(range(30))]


def test_outside_the_period_nothing_shows(area, partner_member, week):  # noqa: F811
    NewsItem.objects.create(
        area=area, title="Vanha", body="…", audience=Audience.PUBLIC, publish_at=week.start - timedelta(minutes=1)
    )
    NewsItem.objects.create(area=area, title="Uusi", body="…", audience=Audience.PUBLIC, publish_at=week.end)
    assert sections_for(partner_member, area, week) == {}


@pytest.mark.parametrize(
    ("language", "heading", "reason"),
    [
        ("fi", "Uutiset", "Kaikille kumppaneille: Oulun työllisyysalue."),
        ("sv", "Nyheter", "För alla partner i Uleåborgs sysselsättningsområde."),
    ],
)
def test_in_the_users_language(area, partner_member, week, world, language, heading, reason):  # noqa: F811
    news = sections_for(partner_member, area, week, language)["news"]
    assert news.title == heading
    assert news.items[1].reason == reason
