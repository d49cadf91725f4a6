"""The skills-needs page in a real browser: it passes axe-core with signals on its lines, in its
sorted order and with a bad filter's error summary, and fits a phone screen."""

import pytest

from verkko.situation.tests.skills_tables import store_skills_table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path",
    [
        "/fi/oulu/situation/skills/",
        "/fi/oulu/situation/skills/?sort=ratio&place=244",
        "/fi/oulu/situation/skills/?place=nowhere",
        "/sv/oulu/situation/skills/?place=SSS",
    ],
)
def test_the_skills_needs_page_passes_axe(path, area, make_signal, browser_page, assert_accessible):
    store_skills_table()
    make_signal(occupation_group="2")
    browser_page.goto(path)
    assert browser_page.locator("h1").count() == 1
    assert_accessible(browser_page)


def test_the_skills_needs_page_fits_a_phone_screen(area, browser_page):
    store_skills_table()
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto("/fi/oulu/situation/skills/")
    assert browser_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
