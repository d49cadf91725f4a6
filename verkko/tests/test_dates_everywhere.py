"""Dates, times and months read the same way on every page: through verkko.lib.formatting, in the
reader's language (1.12.2026 9.05 in Finnish and Swedish, 1 Dec 2026 09:05 in English).

The last test keeps it so: no template formats a date for people with Django's |date filter.
"""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from verkko.news.models import Event, NewsItem
from verkko.processes.models import Agreement
from verkko.situation.models import Review, Signal
from verkko.survey.models import Participant, SurveyRound

HELSINKI = ZoneInfo("Europe/Helsinki")
# 1.12.2026 at 9.05 in Helsinki: a day and a minute under ten, so that leading zeros would show.
MOMENT = datetime.datetime(2026, 12, 1, 9, 5, tzinfo=HELSINKI)
DAY = MOMENT.date()
LANGUAGES = ["fi", "sv", "en"]
DAY_IN = {"fi": "1.12.2026", "sv": "1.12.2026", "en": "1 Dec 2026"}
MOMENT_IN = {"fi": "1.12.2026 9.05", "sv": "1.12.2026 9.05", "en": "1 Dec 2026 09:05"}
# What Django's own formats, or a date pasted as text, would have shown instead.
NOT_IN = ["2026-12-01", "01.12.2026", "1.12.2026 09:05", "Dec. 1, 2026", "1. joulukuuta 2026"]


def _page(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def _assert_reads(html, language, expected):
    """The text a person reads (attributes such as datetime="2026-12-01T09:05" left out) has the date in
    the language's form and in no other."""
    text = re.sub(r"<[^>]*>", " ", html)
    assert expected[language] in text
    for other in {*NOT_IN, *expected.values()} - {expected[language]}:
        assert other not in text, other


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_news_item_shows_its_publishing_time_in_the_readers_form(client_for, area, language):
    item = NewsItem.objects.create(area=area, title="Messut", body="Tekstiä.", publish_at=MOMENT)
    _assert_reads(_page(client_for(None), f"/{language}/oulu/news/{item.uuid}/"), language, MOMENT_IN)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_shows_its_start_and_the_end_time_of_the_same_day(client_for, area, language):
    event = Event.objects.create(
        area=area, title="Rekrytointimessut", starts_at=MOMENT, ends_at=MOMENT + datetime.timedelta(hours=2)
    )
    html = _page(client_for(None), f"/{language}/oulu/events/{event.uuid}/")
    _assert_reads(html, language, MOMENT_IN)
    end = (MOMENT + datetime.timedelta(hours=2)).isoformat()
    assert f'–<time datetime="{end}">' + {"fi": "11.05", "sv": "11.05", "en": "11:05"}[language] + "</time>" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signal_shows_its_date_in_the_readers_form(client_for, area, organization_a, language):
    signal = Signal.objects.create(
        area=area,
        kind=Signal.Kind.RECRUITMENT,
        municipality=area.municipalities.get(code="564"),
        date=DAY,
        source="Yrityskäynti",
        description="Konepaja tarvitsee hitsaajia.",
        visibility="public",
        organization=organization_a,
        status=Signal.Status.VERIFIED,
    )
    _assert_reads(_page(client_for(None), f"/{language}/oulu/signals/{signal.uuid}/"), language, DAY_IN)


@pytest.mark.parametrize(
    ("language", "month"), [("fi", "Marraskuu 2026"), ("sv", "November 2026"), ("en", "November 2026")]
)
def test_the_review_archive_names_each_month_and_its_publishing_day(client_for, area, language, month):
    Review.objects.create(
        area=area,
        month=datetime.date(2026, 11, 1),
        title_fi="Katsaus",
        title_sv="Översikt",
        title_en="Review",
        text_fi="Teksti.",
        text_sv="Text.",
        text_en="Text.",
        status=Review.Status.PUBLISHED,
        published_at=MOMENT,
    )
    html = _page(client_for(None), f"/{language}/oulu/situation/reviews/")
    assert f">{month}</a>" in html
    _assert_reads(html, language, DAY_IN)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_survey_round_shows_its_days_and_invitations_in_the_readers_form(
    client_for, coordinator, area, organization_a, language
):
    survey_round = SurveyRound.objects.create(
        area=area, title="Kumppanikysely 2026", opens_on=DAY, closes_on=datetime.date(2026, 12, 14)
    )
    Participant.objects.create(round=survey_round, organization=organization_a, invited_at=MOMENT)
    html = _page(client_for(coordinator), f"/{language}/oulu/survey/rounds/{survey_round.uuid}/")
    _assert_reads(html, language, DAY_IN)
    assert {"fi": "14.12.2026", "sv": "14.12.2026", "en": "14 Dec 2026"}[language] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_agreement_shows_its_validity_and_review_day_in_the_readers_form(client_for, coordinator, area, language):
    agreement = Agreement.objects.create(
        area=area, title="Yhteistyösopimus", starts_on=DAY, ends_on=datetime.date(2027, 12, 31), review_on=DAY
    )
    html = _page(client_for(coordinator), f"/{language}/oulu/agreements/{agreement.uuid}/")
    _assert_reads(html, language, DAY_IN)
    assert {"fi": "31.12.2027", "sv": "31.12.2027", "en": "31 Dec 2027"}[language] in html


# --- no template formats a date for people itself ----------------------------------------------

TEMPLATES = Path(__file__).resolve().parents[1]
# Machine formats, allowed only inside an attribute or a comparison (datetime="…", ISO in feeds).
MACHINE_FORMATS = {"c", "Y-m-d", "U", "r"}
DATE_FILTER = re.compile(r"""\|\s*(?:date|time)\s*(?::\s*(?P<quote>["'])(?P<format>.*?)(?P=quote))?""")
ATTRIBUTE = re.compile(r"""[\w-]+=(["'])[^"']*$""")


def _human_date_filters(text):
    """The |date and |time filters of a template that format for people: a format other than a machine
    one, or one outside an HTML attribute."""
    found = []
    for match in DATE_FILTER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()]
        in_attribute = bool(ATTRIBUTE.search(re.sub(r"{{.*?}}|{%.*?%}", "", before) + "x"))
        if match["format"] in MACHINE_FORMATS and in_attribute:
            continue
        found.append(match.group(0).strip())
    return found


def test_the_check_finds_a_human_date_format_and_passes_a_machine_one():
    assert _human_date_filters('<td>{{ x.day|date:"j.n.Y" }}</td>') == ['|date:"j.n.Y"']
    assert _human_date_filters("<p>{{ x.moment|date }}</p>") == ["|date"]
    assert _human_date_filters("<p>{{ x.moment|time:'H:i' }}</p>") == ["|time:'H:i'"]
    assert _human_date_filters("<p>{{ x.moment|date:'c' }}</p>") == ["|date:'c'"]  # shown to people
    assert _human_date_filters("""<time datetime="{{ x.moment|date:'c' }}">""") == []


def test_no_template_formats_a_date_for_people_with_the_date_filter():
    templates = [
        path
        for path in TEMPLATES.rglob("templates/**/*")
        if path.suffix in {".html", ".txt", ".ics", ".xml"} and path.is_file()
    ]
    assert len(templates) > 100  # the check reads the project's templates
    found = {
        str(path.relative_to(TEMPLATES)): filters
        for path in templates
        if (filters := _human_date_filters(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "format dates with |day, |moment, |clock or |period (verkko.lib.formatting)"
