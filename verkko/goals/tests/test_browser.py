"""Goals pages in a real browser: they pass axe-core signed in and anonymous, and a partner checks in."""

import pytest

from verkko.goals.models import Action, CheckIn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_goal_pages_pass_axe(goal, action, indicator, browser_page, assert_accessible):
    for path in [
        "/fi/oulu/goals/",
        f"/fi/oulu/goals/{goal.slug}/",
        f"/fi/oulu/indicators/{indicator.slug}/",
        "/fi/oulu/actions/",
        f"/fi/oulu/actions/{action.uuid}/",
    ]:
        browser_page.goto(path)
        assert browser_page.locator("h1").count() == 1, path
        assert_accessible(browser_page)


def test_monitoring_filters_work_without_javascript(goal, partner_goal, coordinator, browser_context_without_js):
    page = browser_context_without_js
    page.goto("/fi/oulu/goals/")
    page.get_by_label("Tila").select_option("off_track")
    page.get_by_role("button", name="Suodata").click()
    assert "status=off_track" in page.url
    assert page.get_by_role("link", name="Nuorisotyöttömyyden vähentäminen").is_visible()


def test_partner_editor_checks_in_from_my_actions(
    partner_editor, action, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, partner_editor)
    browser_page.goto("/fi/oulu/my-actions/")
    assert_accessible(browser_page)
    browser_page.locator(f'a[href="/fi/oulu/actions/{action.uuid}/check-in/"]').click()
    assert_accessible(browser_page)
    browser_page.get_by_label("Edistyminen (%)").fill("45")
    browser_page.get_by_label("riskissä").check()
    browser_page.get_by_label("Mitä tapahtui").fill("Syksyn haku täynnä.")
    browser_page.get_by_role("button", name="Tallenna").click()
    assert browser_page.get_by_text("Tilannepäivitys tallennettiin.").is_visible()
    assert CheckIn.objects.get().narrative == "Syksyn haku täynnä."


def test_coordinator_forms_pass_axe_with_errors_shown(
    coordinator, goal, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    for path in ["/fi/oulu/goals/new/", "/fi/oulu/indicators/new/", "/fi/oulu/actions/new/"]:
        browser_page.goto(path)
        assert_accessible(browser_page)
    browser_page.goto("/fi/oulu/goals/new/")
    browser_page.get_by_role("button", name="Tallenna").click()
    assert browser_page.get_by_role("alert").is_visible()
    assert_accessible(browser_page)


def test_report_pages_pass_axe(goal, action, partner_member, browser_page, sign_in_browser, assert_accessible):
    sign_in_browser(browser_page, partner_member)
    browser_page.goto("/fi/oulu/reports/")
    assert_accessible(browser_page)
    browser_page.get_by_role("button", name="Näytä raportti").click()
    assert browser_page.get_by_role("heading", level=1).inner_text().startswith("Seurantaraportti")
    assert_accessible(browser_page)


def test_coordinator_makes_a_meeting_decision_an_action_once(
    coordinator, decision, goal, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    meeting = f"/fi/oulu/ecosystem/meetings/{decision.meeting.uuid}/"
    browser_page.goto(meeting)
    browser_page.get_by_role("button", name="Tee päätöksestä toimenpide").click()
    action = Action.objects.get(decision=decision)
    browser_page.wait_for_url(f"**/fi/oulu/actions/{action.uuid}/")
    assert browser_page.get_by_text("Päätöksestä tehtiin toimenpide; täydennä sen tiedot.").first.is_visible()
    assert_accessible(browser_page)
    browser_page.goto(meeting)
    assert browser_page.get_by_role("button", name="Tee päätöksestä toimenpide").count() == 0
    browser_page.get_by_role("link", name=action.title).click()
    browser_page.wait_for_url(f"**/fi/oulu/actions/{action.uuid}/")
    assert Action.objects.count() == 1


def test_monitoring_view_fits_a_phone_screen(goal, partner_goal, action, browser_page):
    browser_page.set_viewport_size({"width": 360, "height": 740})
    for path in [
        "/fi/oulu/goals/",
        f"/fi/oulu/goals/{goal.slug}/",
        f"/fi/oulu/actions/{action.uuid}/",
        "/fi/oulu/reports/",
    ]:
        browser_page.goto(path)
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_coordinator_sets_up_a_statistics_indicator_for_a_goal_without_a_code(
    coordinator, goal, places, browser_page, sign_in_browser, assert_accessible
):
    from verkko.goals.models import Indicator

    page = browser_page
    sign_in_browser(page, coordinator)
    page.goto(f"/fi/oulu/goals/{goal.slug}/")
    page.get_by_role("link", name="Lisää uusi mittari").click()
    assert_accessible(page)
    page.get_by_label("Tilastoista laskettu osuus").check()
    page.get_by_role("button", name="Jatka").click()
    assert_accessible(page)
    # The kind may change on the form itself: a manual indicator has no statistics fields.
    page.get_by_label("Käsin syötetyt tai CSV-tiedostosta tuodut arvot").check()
    assert not page.get_by_label("Luku:", exact=True).is_visible()
    assert page.get_by_label("Julkaisuväli").is_visible()
    page.get_by_label("Tilastoluku").check()
    assert page.get_by_label("Luku:", exact=True).is_visible()
    assert not page.get_by_label("Jaetaan luvulla").is_visible()
    page.get_by_label("Tilastoista laskettu osuus").check()
    page.locator("#id_name_fi").fill("Kempeleen työttömyysaste")
    page.get_by_label("Luku:", exact=True).select_option(label="Työttömät työnhakijat laskentapäivänä")
    page.get_by_label("Jaetaan luvulla").select_option(label="Työvoima")
    page.get_by_label("Alue:", exact=True).select_option(label="Kempele")
    page.get_by_label("pienempi on parempi").check()
    page.get_by_label("Lähtötason jakso").fill("tammikuu 2026")
    page.get_by_label("Lähtötason arvo").fill("10")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fi/oulu/goals/{goal.slug}/")
    assert page.get_by_role("link", name="Kempeleen työttömyysaste").is_visible()
    indicator = Indicator.objects.get(slug="kempeleen-tyottomyysaste")
    assert (indicator.series.area_code, indicator.measure_code, indicator.denominator_code) == (
        "KU244",
        "TYOTTOMATLOPUSSA",
        "TYOVOIMATK",
    )
    assert goal.indicators.filter(pk=indicator.pk).exists()


def test_the_indicator_form_shows_only_its_kinds_fields_without_javascript(
    coordinator, places, browser_context_without_js, sign_in_browser
):
    from verkko.goals.models import Indicator

    page = browser_context_without_js
    sign_in_browser(page, coordinator)
    page.goto("/fi/oulu/indicators/new/")
    page.get_by_label("Käsin syötetyt tai CSV-tiedostosta tuodut arvot").check()
    page.get_by_role("button", name="Jatka").click()
    assert not page.get_by_label("Luku:", exact=True).is_visible()
    assert not page.get_by_label("Alue:", exact=True).is_visible()
    page.locator("#id_name_fi").fill("Koulutukseen ohjatut")
    page.get_by_label("Julkaisuväli").select_option(label="vuosittain")
    page.get_by_label("Lähtötason jakso").fill("2025")
    page.get_by_label("Lähtötason arvo").fill("40")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    indicator = Indicator.objects.get(slug="koulutukseen-ohjatut")
    assert (indicator.source, indicator.frequency, indicator.table_id) == ("manual", "Y", "")
