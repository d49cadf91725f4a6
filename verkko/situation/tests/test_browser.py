"""The situational picture in a real browser: the main pages pass axe-core, signed in and anonymous,
and a signal goes from a partner's report to a coordinator's check."""

import pytest

from verkko.situation.models import Signal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/fi/oulu/situation/",
    "/fi/oulu/situation/?measure=TYOTOSUUS&years=10",
    "/fi/oulu/situation/municipalities/",
    "/fi/oulu/situation/564/",
    "/fi/oulu/signals/",
    "/fi/oulu/situation/reviews/",
    "/sv/oulu/situation/",
    "/en/oulu/situation/municipalities/",
]


@pytest.fixture
def review(make_review):
    return make_review(text_fi="Työttömiä oli 10 900.\n\nToinen kappale.")


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_pass_axe(path, demo_table, make_signal, browser_page, assert_accessible):
    make_signal()
    browser_page.goto(path)
    assert browser_page.locator("h1").count() == 1
    assert_accessible(browser_page)


def test_area_page_works_without_javascript_and_shows_the_chart_table(demo_table, browser_page):
    browser_page.goto("/fi/oulu/situation/")
    assert browser_page.get_by_text("Luvut ovat keksittyjä esimerkkilukuja").first.is_visible()
    browser_page.get_by_text("Näytä luvut taulukkona").first.click()
    assert browser_page.locator("figure.chart table").first.is_visible()


def test_filter_form_changes_the_chart(table, browser_page):
    browser_page.goto("/fi/oulu/situation/")
    browser_page.get_by_label("Tieto").select_option("TYOTOSUUS")
    browser_page.get_by_role("button", name="Näytä").last.click()
    browser_page.wait_for_load_state()
    assert "measure=TYOTOSUUS" in browser_page.url
    assert browser_page.get_by_text("Työttömyysaste kuukausittain").first.is_visible()


def test_partner_reports_a_signal_and_the_coordinator_verifies_it(
    area, partner_editor, coordinator, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, partner_editor)
    browser_page.goto("/fi/oulu/signals/new/")
    assert_accessible(browser_page)
    browser_page.get_by_label("Laji").select_option("recruitment")
    browser_page.get_by_label("Päivämäärä").fill("2026-10-20")
    browser_page.get_by_label("Kunta").select_option(label="Oulu")
    browser_page.get_by_label("Toimiala (TOL 2008)").select_option("Q")
    browser_page.get_by_label("Henkilömäärä").fill("12")
    browser_page.get_by_label("Kuvaus").fill("Hoivakoti tarvitsee lähihoitajia.")
    browser_page.get_by_label("Lähde").fill("Yrityskäynti")
    browser_page.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_text("Odottaa tarkistusta").is_visible()
    browser_page.get_by_role("button", name="Kirjaudu ulos").click()

    sign_in_browser(browser_page, coordinator)
    signal = Signal.objects.get()
    browser_page.goto(f"/fi/oulu/signals/{signal.uuid}/")
    assert_accessible(browser_page)
    browser_page.get_by_label("Vahvista").check()
    browser_page.get_by_role("button", name="Tallenna päätös").click()
    browser_page.wait_for_load_state()
    signal.refresh_from_db()
    assert signal.status == Signal.Status.VERIFIED


def test_a_signal_form_with_errors_is_announced_and_passes_axe(
    area, partner_editor, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, partner_editor)
    browser_page.goto("/fi/oulu/signals/new/")
    browser_page.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_role("alert").is_visible()
    assert_accessible(browser_page)
    assert Signal.objects.count() == 0


def test_coordinator_review_pages_pass_axe(
    table, review, coordinator, browser_page, sign_in_browser, assert_accessible
):
    sign_in_browser(browser_page, coordinator)
    for path in [
        "/fi/oulu/situation/reviews/",
        f"/fi/oulu/situation/reviews/{review.uuid}/",
        f"/fi/oulu/situation/reviews/{review.uuid}/edit/",
    ]:
        browser_page.goto(path)
        assert_accessible(browser_page)
    browser_page.goto(f"/fi/oulu/situation/reviews/{review.uuid}/")
    browser_page.get_by_role("button", name="Julkaise").click()
    browser_page.wait_for_load_state()
    review.refresh_from_db()
    assert review.is_published


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_situation_pages_fit_a_phone_screen(
    demo_table, make_signal, make_review, coordinator, browser_page, sign_in_browser
):
    signal = make_signal()
    review = make_review(status="published")
    browser_page.set_viewport_size({"width": 360, "height": 740})
    public = [
        "/fi/oulu/situation/",
        "/fi/oulu/situation/564/",
        "/fi/oulu/situation/municipalities/",
        "/fi/oulu/signals/",
        f"/fi/oulu/signals/{signal.uuid}/",
        "/fi/oulu/situation/reviews/",
        f"/fi/oulu/situation/reviews/{review.uuid}/",
        "/sv/oulu/situation/",
        "/en/oulu/signals/",
    ]
    for path in public:
        browser_page.goto(path)
        assert _fits(browser_page), path

    sign_in_browser(browser_page, coordinator)
    for path in [
        "/fi/oulu/signals/new/",
        f"/fi/oulu/situation/reviews/{review.uuid}/edit/",
        "/fi/oulu/situation/reviews/",
    ]:
        browser_page.goto(path)
        assert _fits(browser_page), path


def test_the_areas_link_to_each_other_and_the_comparison_marks_the_own_area(
    other_table, area, other_area, browser_page, assert_accessible
):
    from verkko.ecosystem.models import ReferenceArea

    oulun_seutu = ReferenceArea.objects.create(code="24", name_fi="Oulun seutu")
    raahe = ReferenceArea.objects.create(code="32", name_fi="Raahe")
    area.municipalities.update(reference_area=oulun_seutu)
    other_area.municipalities.update(reference_area=raahe)
    area.reference_area, other_area.reference_area = oulun_seutu, raahe
    area.save()
    other_area.save()

    browser_page.goto("/fi/oulu/situation/municipalities/")
    assert_accessible(browser_page)
    browser_page.get_by_text("Näytä luvut taulukkona").last.click()
    assert browser_page.get_by_role("row", name="Oulun seutu").get_by_text("tämä työllisyysalue").is_visible()
    browser_page.get_by_role("navigation").get_by_role("link", name="Rannikon työllisyysalue").click()
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith("/fi/rannikko/situation/municipalities/")
    assert browser_page.get_by_role("heading", name="Kunnittain: Rannikon työllisyysalue").is_visible()
    assert_accessible(browser_page)


def test_an_outsider_sees_no_partner_only_signal_of_this_area(
    area, make_signal, outsider_editor, browser_page, sign_in_browser
):
    make_signal(kind="recruitment")
    hidden = make_signal(kind="closure", visibility="partners")
    sign_in_browser(browser_page, outsider_editor)

    browser_page.goto("/fi/oulu/signals/")
    assert browser_page.get_by_role("link", name="Rekrytointitarve").is_visible()
    assert browser_page.get_by_role("link", name="Yrityksen lopetus").count() == 0
    assert browser_page.get_by_text("vain kumppaneille").count() == 0
    assert browser_page.get_by_role("link", name="Ilmoita signaali").count() == 0
    response = browser_page.goto(f"/fi/oulu/signals/{hidden.uuid}/")
    assert response.status == 404
