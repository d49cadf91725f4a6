"""'What's new': what changed in what the user follows since the last visit, then the visit is remembered."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.ecosystem import actions as ecosystem_actions
from verkko.goals import actions as goals_actions
from verkko.goals.models import Indicator
from verkko.news import actions, whats_new
from verkko.news.models import Audience, Follow, Reading
from verkko.news.tests.conftest import MARKER, hours, news

PAGE = "/fi/oulu/whats-new/"


def _follow(user, subject):
    return actions.follow(user, subject.area if hasattr(subject, "area") else None, subject)


@pytest.fixture
def indicator(area):
    return Indicator.objects.create(area=area, slug="nuorisotyottomyys", name="Nuorisotyöttömyys", frequency="M")


def test_changes_in_followed_forums_indicators_and_organisations_are_listed(
    client_for, coordinator, partner_member, forum, indicator, organization_b
):
    for subject in (forum, indicator, organization_b):
        _follow(partner_member, subject)
    ecosystem_actions.create_meeting(coordinator, forum, {"starts_at": hours(24), "place": "Merikoski-sali"})
    goals_actions.record_values(coordinator, indicator, [(datetime.date(2026, 9, 1), 17.5)])
    ecosystem_actions.update_organization(coordinator, organization_b, {"description": "Uusi kuvaus B:lle"})
    news(forum.area, "Verkoston uutinen", forums=[forum], audience=Audience.FORUMS, publish_at=hours(-1))
    text = client_for(partner_member).get(PAGE).content.decode()
    assert "Merikoski-sali" in text
    assert "17,5" in text  # as the pages write numbers (verkko.lib.formatting)
    assert "Uusi kuvaus B:lle" in text
    assert "Verkoston uutinen" in text
    assert "Nuorten verkosto" in text


def test_the_visit_is_remembered_and_old_changes_leave_the_list(client_for, coordinator, partner_member, forum):
    _follow(partner_member, forum)
    ecosystem_actions.create_meeting(coordinator, forum, {"starts_at": hours(24), "place": "Ensimmäinen sali"})
    client = client_for(partner_member)
    assert "Ensimmäinen sali" in client.get(PAGE).content.decode()
    reading = Reading.objects.get(user=partner_member, area=forum.area)
    assert reading.last_seen_at is not None
    assert reading.digest_frequency == Reading.Frequency.WEEKLY
    ecosystem_actions.create_meeting(coordinator, forum, {"starts_at": hours(48), "place": "Toinen sali"})
    text = client.get(PAGE).content.decode()
    assert "Toinen sali" in text
    assert "Ensimmäinen sali" not in text


def test_unfollowed_things_are_not_listed(client_for, coordinator, partner_member, forum, partner_forum):
    _follow(partner_member, forum)
    ecosystem_actions.create_meeting(coordinator, partner_forum, {"starts_at": hours(24), "place": "Muu sali"})
    assert "Muu sali" not in client_for(partner_member).get(PAGE).content.decode()


def test_a_follow_the_user_may_no_longer_see_shows_nothing(client_for, coordinator, outsider_member, partner_forum):
    """A follow of a partner-only forum (say, from when the user was a partner) reveals nothing now."""
    Follow.objects.create(
        user=outsider_member,
        area=partner_forum.area,
        subject_type=ContentType.objects.get_for_model(partner_forum),
        subject_id=partner_forum.pk,
    )
    ecosystem_actions.create_meeting(coordinator, partner_forum, {"starts_at": hours(24), "place": f"{MARKER} sali"})
    text = client_for(outsider_member).get(PAGE).content.decode()
    assert MARKER not in text
    assert "Rekrytointitiimi" not in text


def test_partner_news_of_a_followed_forum_is_hidden_from_outsiders(client_for, outsider_member, forum):
    _follow(outsider_member, forum)
    news(forum.area, f"{MARKER} uutinen", forums=[forum], audience=Audience.PARTNERS, publish_at=hours(-1))
    assert MARKER not in client_for(outsider_member).get(PAGE).content.decode()


def test_the_page_needs_signing_in_and_get(client, client_for, partner_member, area):
    assert "/accounts/login/" in client.get(PAGE)["Location"]
    assert client_for(partner_member).post(PAGE).status_code == 405
    assert not Reading.objects.exists()


def test_the_changes_are_grouped_and_newest_first(coordinator, partner_member, forum, organization_b):
    _follow(partner_member, forum)
    _follow(partner_member, organization_b)
    ecosystem_actions.create_meeting(coordinator, forum, {"starts_at": hours(24), "place": "Sali"})
    ecosystem_actions.update_organization(coordinator, organization_b, {"description": "Uusin"})
    since = timezone.now() - datetime.timedelta(hours=1)
    groups = whats_new.changes(partner_member, forum.area, since)
    assert [group.subject for group in groups] == [organization_b, forum]


def test_what_is_new_uses_a_constant_number_of_queries(
    client_for,
    coordinator,
    partner_member,
    forum,
    partner_forum,
    indicator,
    organization_b,
    django_assert_max_num_queries,
):
    client = client_for(partner_member)
    for subject in (forum, partner_forum, indicator, organization_b):
        _follow(partner_member, subject)
    client.get(PAGE)
    for number in range(5):
        for followed in (forum, partner_forum):
            ecosystem_actions.create_meeting(
                coordinator, followed, {"starts_at": hours(24 + number), "place": f"S{number}"}
            )
        goals_actions.record_values(coordinator, indicator, [(datetime.date(2026, number + 1, 1), float(number))])
        news(forum.area, f"Uutinen {number}", forums=[forum], audience=Audience.FORUMS, publish_at=hours(-1))
    Reading.objects.update(last_seen_at=timezone.now() - datetime.timedelta(days=1))
    with django_assert_max_num_queries(25):
        response = client.get(PAGE)
    assert response.content.decode().count("Uutinen ") == 5


def test_the_changes_read_as_the_history_does_without_codes(client_for, coordinator, partner_member, indicator):
    from verkko.stats.models import Series, Table

    _follow(partner_member, indicator)
    table = Table.objects.create(source=Table.Source.DEMO, table_id="12r5", title="Työnvälitystilasto", frequency="M")
    for measure in ("TYOTTOMAT25", "TYOVOIMATK"):
        Series.objects.create(table=table, key=f"alue=KU564;c={measure}", area_code="KU564", measure_code=measure)
    edit = {
        "kind": "rate",
        "name_fi": indicator.name,
        "slug": "nuoret-alle-25",
        "unit_fi": "henkilöä",
        "decimals": "0",
        "polarity": "lower",
        "measure": "12r5|TYOTTOMAT25",
        "denominator": "12r5|TYOVOIMATK",
        "place": "area",
        "baseline_period_text": "2024M12",
        "baseline_value": "3200",
    }
    response = client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/edit/", edit)
    assert response.status_code == 302
    text = client_for(partner_member).get(PAGE).content.decode()
    changes = text.split('<ul class="changes">')[1].split("</ul>")[0]
    assert "Lähtötason arvo: – → 3\u00a0200" in changes  # as pages write numbers, not "3200.0"
    assert "Suunta: suurempi on parempi → pienempi on parempi" in changes  # choices by their labels
    for internal in ("TYOTTOMAT25", "TYOVOIMATK", "nuoret-alle-25", "3200.0", "lower"):
        assert internal not in changes
