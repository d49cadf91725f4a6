"""The survey in a real browser: an editor answers in two pages, and the pages pass axe-core."""

import pytest

from verkko.survey.models import Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_answers_and_the_pages_pass_axe(
    open_round, organization_a, organization_b, partner_editor, browser_page, sign_in_browser, assert_accessible
):
    page = browser_page
    sign_in_browser(page, partner_editor)
    page.goto(f"/fi/oulu/survey/rounds/{open_round.uuid}/answer/{organization_a.slug}/")
    assert_accessible(page)
    page.get_by_role("group", name="Kuinka vahvasti").get_by_label("4").check()
    page.get_by_role("group", name="Kuinka tyytyväinen").get_by_label("5 – erittäin paljon").check()
    page.get_by_label("asiantuntemusta").check()
    page.get_by_label("Organisaatio B").check()
    page.get_by_role("button", name="Tallenna ja arvioi valitut organisaatiot").click()
    page.wait_for_load_state()
    assert page.get_by_role("group", name="Organisaatio B").is_visible()
    assert_accessible(page)
    page.get_by_label("Kuinka usein teette yhteistyötä?").select_option("weekly")
    page.get_by_label("Yhteistyön taso").select_option("integrated")
    page.get_by_label("Avoimuus").select_option("4")
    page.get_by_role("button", name="Lähetä vastaus").click()
    page.wait_for_load_state()
    assert page.get_by_text("Kiitos: organisaationne vastaus lähetettiin.").is_visible()
    response = Response.objects.get(organization=organization_a)
    assert response.status == Response.Status.SUBMITTED
    assert response.ties.get().trust_openness == 4


def test_the_results_pass_axe(answers, previous_answers, coordinator, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, coordinator)
    browser_page.goto(f"/fi/oulu/survey/rounds/{answers.uuid}/results/")
    assert browser_page.get_by_role("heading", level=1).count() == 1
    assert_accessible(browser_page)
    browser_page.goto("/fi/oulu/survey/")
    assert_accessible(browser_page)
    browser_page.goto(f"/fi/oulu/survey/rounds/{answers.uuid}/")
    assert_accessible(browser_page)
    browser_page.goto("/fi/oulu/survey/health/")
    assert_accessible(browser_page)
