"""Phones and wide tables, in a real browser: on a 360 px (and 390 px) screen every list's main action
is in view without scrolling sideways; on a 1280 px desktop the wide tables keep their first column
and their headings in view while their box scrolls."""

import datetime

import pytest
from django.utils import timezone

from verkko.ecosystem.models import Visibility
from verkko.goals.models import Action, Goal, Indicator, IndicatorValue
from verkko.news.models import Audience, NewsItem
from verkko.situation.models import Signal
from verkko.situation.tests.conftest import make_table
from verkko.survey.models import Participant, SurveyRound

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "Nuorten työllisyyspalveluiden yhteinen kehittämishanke pohjoisen kuntien kesken"


@pytest.fixture
def content(area, organization_a, organization_b, partner_editor, coordinator):
    indicator = Indicator.objects.create(
        area=area, slug="nuorisotyottomyys", name="Nuorisotyöttömyys", source=Indicator.Source.MANUAL, frequency="M"
    )
    IndicatorValue.objects.create(indicator=indicator, period=datetime.date(2026, 10, 1), value=12.0)
    goal = Goal.objects.create(
        area=area,
        slug="nuoret-toihin",
        title="Nuoret töihin",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        visibility=Visibility.PUBLIC,
    )
    goal.indicators.add(indicator)
    action = Action.objects.create(title=LONG, lead_organization=organization_a, due_on=datetime.date(2027, 6, 30))
    action.goals.add(goal)
    Signal.objects.create(
        area=area,
        kind=Signal.Kind.RECRUITMENT,
        date=datetime.date(2026, 10, 12),
        description="Konepaja tarvitsee hitsaajia.",
        visibility=Visibility.PUBLIC,
        status=Signal.Status.VERIFIED,
        organization=organization_a,
    )
    NewsItem.objects.create(area=area, title=LONG, body="Teksti.", audience=Audience.PUBLIC, publish_at=timezone.now())
    survey_round = SurveyRound.objects.create(
        area=area, title=LONG, opens_on=timezone.localdate(), closes_on=timezone.localdate()
    )
    Participant.objects.create(round=survey_round, organization=organization_a)
    make_table()
    return {"action": action, "round": survey_round}


def _phone(page, width):
    page.set_viewport_size({"width": width, "height": 780})


def _no_sideways_scrolling(page):
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def _in_view(page, locator):
    """The element lies within the viewport's width (it may be further down the page)."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    assert box is not None, page.url
    assert box["x"] >= 0, (page.url, box)
    assert box["x"] + box["width"] <= width, (page.url, box, width)


@pytest.mark.parametrize("width", [360, 390])
def test_a_partner_editor_updates_an_action_from_a_phone(width, content, partner_editor, browser_page, sign_in_browser):
    _phone(browser_page, width)
    sign_in_browser(browser_page, partner_editor)
    browser_page.goto("/fi/oulu/my-actions/")

    update = browser_page.locator(f'a[href="/fi/oulu/actions/{content["action"].uuid}/check-in/"]')
    assert update.inner_text().startswith("Päivitä tilanne")
    _in_view(browser_page, update)
    _no_sideways_scrolling(browser_page)
    update.click()
    assert "/check-in/" in browser_page.url
    _no_sideways_scrolling(browser_page)


def test_every_lists_main_action_is_in_view_on_a_360_px_phone(content, coordinator, browser_page, sign_in_browser):
    _phone(browser_page, 360)
    sign_in_browser(browser_page, coordinator)
    survey_round = content["round"]
    checks = [
        ("/fi/oulu/actions/", browser_page.get_by_role("link", name=LONG)),
        ("/fi/oulu/people/", browser_page.get_by_role("button", name="Vaihda rooli").first),
        ("/fi/oulu/people/", browser_page.get_by_role("link", name="Poista").first),
        ("/fi/oulu/signals/", browser_page.get_by_role("link", name="Rekrytointitarve")),
        ("/fi/oulu/signals/queue/", browser_page.get_by_role("link", name="Tarkistettavat signaalit").first),
        ("/fi/oulu/news/", browser_page.get_by_role("link", name=LONG)),
        ("/fi/oulu/survey/", browser_page.get_by_role("link", name=f"Tulokset {LONG}")),
        (f"/fi/oulu/survey/rounds/{survey_round.uuid}/", browser_page.get_by_role("heading", level=1)),
        ("/fi/oulu/goals/", browser_page.get_by_role("link", name="Nuoret töihin")),
        ("/fi/oulu/situation/municipalities/", browser_page.get_by_role("link", name="Kempele")),
    ]
    for address, main_action in checks:
        browser_page.goto(address)
        _in_view(browser_page, main_action)
        _no_sideways_scrolling(browser_page)


def _scroll_box(page, table_selector):
    return page.locator(f".table-scroll:has(> {table_selector})")


@pytest.mark.parametrize(
    ("address", "table", "first_cell"),
    [
        ("/fi/oulu/situation/municipalities/", "table.sticky-table", "Kempele"),
        ("/fi/oulu/goals/", "table.monitoring", "Nuoret töihin"),
    ],
)
def test_wide_tables_keep_their_first_column_and_headings_in_view_on_a_desktop(
    address, table, first_cell, content, browser_page
):
    browser_page.set_viewport_size({"width": 1280, "height": 300})
    browser_page.goto(address)
    box = _scroll_box(browser_page, table)
    # Narrow the box as a long table or a narrow window would, so that it scrolls both ways.
    box.evaluate("box => { box.style.maxWidth = '420px'; box.style.maxHeight = '160px'; }")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the table should be wider than its box"
    assert box.evaluate("box => box.scrollHeight > box.clientHeight"), "the table should be taller than its box"

    box.scroll_into_view_if_needed()
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight; }")
    assert box.evaluate("box => box.scrollLeft > 0 && box.scrollTop > 0")
    frame = box.bounding_box()
    cell = browser_page.locator(f"{table} tbody th", has_text=first_cell).first
    headings = browser_page.locator(f"{table} thead th")

    assert abs(cell.bounding_box()["x"] - frame["x"]) < 2, "the first column scrolled out of view"
    assert abs(headings.nth(1).bounding_box()["y"] - frame["y"]) < 2, "the headings scrolled out of view"
    corner = headings.first.bounding_box()
    assert abs(corner["x"] - frame["x"]) < 2
    assert abs(corner["y"] - frame["y"]) < 2
