"""The indicator form: a kind first, then measures, places and periods chosen by name, never by code."""

import re
from datetime import date

import pytest
from auditlog.models import LogEntry

from verkko.goals import values
from verkko.goals.models import Indicator, Target
from verkko.goals.tests.conftest import OUTSIDERS, add_series
from verkko.stats.models import Series

NEW = "/fi/oulu/indicators/new/"
UNEMPLOYED = "12r5|TYOTTOMATLOPUSSA"
LABOUR_FORCE = "12r5|TYOVOIMATK"


def _data(**changes):
    data = {
        "kind": "count",
        "name_fi": "Työttömät työnhakijat",
        "slug": "",
        "definition_fi": "",
        "unit_fi": "henkilöä",
        "decimals": "0",
        "polarity": "lower",
        "measure": UNEMPLOYED,
        "place": "area",
        "baseline_period_text": "tammikuu 2026",
        "baseline_value": "1100",
    }
    data.update(changes)
    return data


def _shown_fields(html):
    """The names of the fields in the groups the page shows (not hidden)."""
    shown = set()
    for group in re.split(r"<div data-kinds=", html)[1:]:
        opening, _, body = group.partition(">")
        if "hidden" not in opening:
            shown |= set(re.findall(r'name="([a-z_]+)"', body.split("<datalist")[0]))
    return shown


# --- the kind first, then only its fields -----------------------------------------------------------


def test_the_form_asks_the_kind_first(client_for, coordinator, places):
    response = client_for(coordinator).get(NEW)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'method="get"' in content
    assert 'name="kind"' in content
    assert 'name="measure"' not in content
    assert "Jatka" in content


def test_a_manual_indicator_shows_no_statistics_fields(client_for, coordinator, places):
    shown = _shown_fields(client_for(coordinator).get(f"{NEW}?kind=manual").content.decode())
    assert {"name_fi", "name_sv", "name_en", "slug", "frequency", "baseline_period_text", "baseline_value"} <= shown
    assert not shown & {"measure", "denominator", "place"}


def test_a_count_shows_no_denominator_and_a_rate_does(client_for, coordinator, places):
    client = client_for(coordinator)
    count = _shown_fields(client.get(f"{NEW}?kind=count").content.decode())
    assert {"measure", "place"} <= count
    assert not count & {"denominator", "frequency"}
    rate = _shown_fields(client.get(f"{NEW}?kind=rate").content.decode())
    assert {"measure", "denominator", "place"} <= rate


def test_the_fields_toggle_from_a_static_script(client_for, coordinator, places):
    content = client_for(coordinator).get(f"{NEW}?kind=count").content.decode()
    assert "goals/indicator_form" in content
    assert "<script>" not in content  # no inline script (Content-Security-Policy)


# --- choices come from the data: only this area's tables, measures and places --------------------


def test_choices_name_this_areas_tables_measures_and_places(client_for, coordinator, places):
    content = client_for(coordinator).get(f"{NEW}?kind=rate").content.decode()
    assert '<optgroup label="Työnvälitystilasto">' in content
    assert "Työttömät työnhakijat laskentapäivänä" in content
    assert ">Työvoima</option>" in content
    for place in ["Oulun työllisyysalue (tämä työllisyysalue)", ">Oulu<", ">Kempele<", "Koko maa", places.name_fi]:
        assert place in content, place
    assert "Vain rannikon taulukko" not in content  # figures of another area's municipalities only
    assert "RANNIKKO" not in content
    assert ">Raahe<" not in content  # another area's municipality
    assert 'value="KU678"' not in content
    assert "TYOTTOMATLOPUSSA</option>" not in content  # codes stay behind the labels


def test_a_measure_the_dimensions_do_not_name_is_labelled_as_its_series_stores_it(
    client_for, coordinator, places, statistics
):
    series = add_series(statistics, "KU564", "UUDETAVP", [10, 11, 12])
    series.codes = {"alue": "KU564", "contentscode": "UUDETAVP"}
    series.labels = {"alue": "Oulu", "contentscode": "Uudet avoimet työpaikat"}
    series.save()
    assert "Uudet avoimet työpaikat" in client_for(coordinator).get(f"{NEW}?kind=count").content.decode()


def test_periods_the_data_has_are_offered(client_for, coordinator, places):
    content = client_for(coordinator).get(f"{NEW}?kind=count").content.decode()
    assert '<option value="3/2026">maaliskuu 2026</option>' in content
    assert 'list="indicator-periods"' in content


# --- the flows: count, rate, manual ----------------------------------------------------------------


def test_coordinator_sets_up_a_count_of_the_area_without_codes(client_for, coordinator, area, places):
    response = client_for(coordinator).post(NEW, _data())
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.slug == "tyottomat-tyonhakijat"  # made from the name
    assert (indicator.source, indicator.table_id, indicator.measure_code) == ("area", "12r5", "TYOTTOMATLOPUSSA")
    assert (indicator.statistics_area, indicator.denominator_code, indicator.frequency) == (area, "", "M")
    assert indicator.baseline_period == date(2026, 1, 1)
    assert [value.value for value in values.values_of(indicator)] == [1100, 1040, 980]


@pytest.mark.parametrize(("place", "expected"), [("KU244", [100, 90, 80]), ("SSS", [200000, 190000, 180000])])
def test_a_count_of_a_municipality_or_the_whole_country_links_its_series(
    client_for, coordinator, places, place, expected
):
    assert client_for(coordinator).post(NEW, _data(place=place)).status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.source == Indicator.Source.SERIES
    assert indicator.series == Series.objects.get(area_code=place, measure_code="TYOTTOMATLOPUSSA")
    assert [value.value for value in values.values_of(indicator)] == expected


def test_a_count_of_another_employment_area_sums_its_municipalities(client_for, coordinator, places):
    assert client_for(coordinator).post(NEW, _data(place=f"ref-{places.code}")).status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.source, indicator.statistics_reference_area, indicator.statistics_area) == ("area", places, None)
    assert [value.value for value in values.values_of(indicator)] == [550, 440, 330]


def test_a_rate_of_the_area_is_recomputed_from_the_sums(client_for, coordinator, places):
    data = _data(kind="rate", name_fi="Työttömyysaste", unit_fi="", decimals="1", denominator=LABOUR_FORCE)
    data["baseline_value"] = "10"
    assert client_for(coordinator).post(NEW, data).status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.measure_code, indicator.denominator_code, indicator.unit) == (
        "TYOTTOMATLOPUSSA",
        "TYOVOIMATK",
        "%",
    )
    assert [round(value.value, 3) for value in values.values_of(indicator)] == [10.0, 9.455, 8.909]


def test_a_rate_of_the_whole_country_divides_its_two_series(client_for, coordinator, places):
    data = _data(kind="rate", name_fi="Koko maan työttömyysaste", place="SSS", denominator=LABOUR_FORCE)
    assert client_for(coordinator).post(NEW, data).status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.series.area_code == "SSS"
    assert [value.value for value in values.values_of(indicator)] == [10.0, 9.5, 9.0]


def test_a_manual_indicator_ignores_statistics_fields_sent_with_it(client_for, coordinator, places):
    data = _data(kind="manual", frequency="Q", baseline_period_text="2025Q4", denominator=LABOUR_FORCE)
    assert client_for(coordinator).post(NEW, data).status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.source, indicator.table_id, indicator.measure_code, indicator.denominator_code) == (
        "manual",
        "",
        "",
        "",
    )
    assert (indicator.frequency, indicator.baseline_period) == ("Q", date(2025, 10, 1))


def test_a_count_ignores_a_denominator_sent_with_it(client_for, coordinator, places):
    assert client_for(coordinator).post(NEW, _data(denominator=LABOUR_FORCE)).status_code == 302
    assert Indicator.objects.get().denominator_code == ""


# --- bad input is an error in the user's language, and nothing is saved ---------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"measure": "12r5|KEKSITTY"}, "Valitse oikea vaihtoehto"),
        ({"measure": "99zz|RANNIKKO"}, "Valitse oikea vaihtoehto"),  # another area's table
        ({"place": "KU678"}, "Valitse oikea vaihtoehto"),  # another area's municipality
        ({"measure": ""}, "Valitse jokin."),
        ({"kind": "rate"}, "Valitse jokin."),  # a rate without its denominator
        ({"kind": "rate", "denominator": UNEMPLOYED}, "ei ole osuus"),
        ({"kind": "manual", "frequency": ""}, "Valitse jokin."),
        ({"baseline_period_text": "joulukuu"}, "ei ole jakso"),
        ({"baseline_period_text": "2026"}, "ei ole tämän mittarin jakso"),
        ({"baseline_value": ""}, "Anna sekä lähtötason jakso että arvo"),
        ({"slug": "new"}, "varattu"),
    ],
)
def test_bad_input_is_an_error_and_nothing_is_saved(client_for, coordinator, places, changes, message):
    response = client_for(coordinator).post(NEW, _data(**changes))
    assert response.status_code == 400
    content = response.content.decode()
    assert "error-summary" in content
    assert message in content
    assert not Indicator.objects.exists()


def test_an_unknown_kind_asks_the_kind_again_and_saves_nothing(client_for, coordinator, places):
    response = client_for(coordinator).post(NEW, _data(kind="tilasto"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Valitse oikea vaihtoehto" in content
    assert 'class="error-summary"' in content
    assert 'name="measure"' not in content
    assert not Indicator.objects.exists()


def test_a_place_without_figures_of_the_measure_is_an_error(client_for, coordinator, places):
    response = client_for(coordinator).post(NEW, _data(kind="rate", denominator=LABOUR_FORCE, place="ref-TA99"))
    assert response.status_code == 400
    assert "Taulukossa ei ole tämän paikan lukuja" in response.content.decode()
    assert not Indicator.objects.exists()


# --- periods typed in Finnish, Swedish or English are read whole ----------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "joulukuu 2025"), ("sv", "december 2025"), ("en", "December 2025"), ("fi", "2025M12"), ("en", "12/2025")],
)
def test_a_baseline_period_is_read_whole_in_each_language(client_for, coordinator, places, language, text):
    response = client_for(coordinator).post(f"/{language}/oulu/indicators/new/", _data(baseline_period_text=text))
    assert response.status_code == 302
    assert Indicator.objects.get().baseline_period == date(2025, 12, 1)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "”joulu 2025” ei ole jakso. Kirjoita se muodossa"),
        ("sv", "”joulu 2025” är ingen period. Skriv den som"),
        ("en", "“joulu 2025” is not a period. Write it like"),
    ],
)
def test_a_period_that_cannot_be_read_is_an_error_in_the_users_language(
    client_for, coordinator, places, language, message
):
    response = client_for(coordinator).post(
        f"/{language}/oulu/indicators/new/", _data(baseline_period_text="joulu 2025")
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_long_period_text_is_not_cut_by_the_field(client_for, coordinator, places):
    content = client_for(coordinator).get(f"{NEW}?kind=count").content.decode()
    field = re.search(r'<input[^>]*name="baseline_period_text"[^>]*>', content)[0]
    assert 'maxlength="40"' in field


# --- the address ------------------------------------------------------------------------------------


def test_a_typed_address_taken_in_this_area_is_a_clear_error(client_for, coordinator, places, indicator):
    response = client_for(coordinator).post(NEW, _data(slug=indicator.slug))
    assert response.status_code == 400
    assert "Tämä osoite on jo käytössä" in response.content.decode()
    assert Indicator.objects.count() == 1


def test_an_address_made_from_a_name_in_use_gets_a_number(client_for, coordinator, area, places):
    Indicator.objects.create(area=area, slug="tyottomat-tyonhakijat", name="Vanha", frequency="M")
    assert client_for(coordinator).post(NEW, _data()).status_code == 302
    assert Indicator.objects.filter(slug="tyottomat-tyonhakijat-2").exists()


def test_same_slug_may_exist_in_another_area(client_for, coordinator, area, other_area, places):
    Indicator.objects.create(area=other_area, slug="tyottomat", name="Rannikon työttömät", frequency="M")
    assert client_for(coordinator).post(NEW, _data(slug="tyottomat")).status_code == 302
    assert Indicator.objects.get(area=area, slug="tyottomat").name == "Työttömät työnhakijat"


# --- a goal makes its indicator in the same flow ----------------------------------------------------


def test_a_goal_adds_a_new_indicator_and_gets_it_linked(client_for, coordinator, goal, places):
    client = client_for(coordinator)
    page = client.get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
    assert f'href="{NEW}?goal={goal.slug}"' in page
    step = client.get(f"{NEW}?goal={goal.slug}").content.decode()
    assert f'name="goal" value="{goal.slug}"' in step
    assert "Nuorisotyöttömyyden vähentäminen" in step
    response = client.post(NEW, _data(goal=goal.slug))
    assert response.status_code == 302
    assert response.url == f"/fi/oulu/goals/{goal.slug}/"
    assert goal.indicators.filter(slug="tyottomat-tyonhakijat").exists()


def test_another_areas_goal_gets_no_indicator(client_for, coordinator, other_goal, places):
    response = client_for(coordinator).post(NEW, _data(goal=other_goal.slug + "-x"))
    assert response.status_code == 404
    response = client_for(coordinator).post(NEW, _data(goal=str(other_goal.uuid)))
    assert response.status_code == 404
    assert not Indicator.objects.exists()
    assert not other_goal.indicators.exists()


def test_the_indicator_page_says_nothing_about_making_it_before_the_goal(client_for, coordinator, indicator):
    content = client_for(coordinator).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "ennen tavoitetta" not in content


# --- who may --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_create_or_edit_indicators(client_for, user_for, role, goal, indicator):
    client = client_for(user_for(role))
    assert client.get(NEW).status_code == 403
    assert client.get(f"{NEW}?goal={goal.slug}&kind=count").status_code == 403
    assert client.get(f"/fi/oulu/indicators/{indicator.slug}/edit/").status_code == 403
    assert client.post(NEW, _data(goal=goal.slug)).status_code == 403
    assert client.post(f"/fi/oulu/indicators/{indicator.slug}/edit/", _edit(indicator, name_fi="X")).status_code == 403
    indicator.refresh_from_db()
    assert indicator.name == "Koulutukseen ohjatut nuoret"
    assert Indicator.objects.count() == 1
    assert list(goal.indicators.all()) == [indicator]


def test_the_signed_out_public_is_asked_to_sign_in(client, area):
    assert client.get(NEW).status_code == 302


def test_indicator_forms_refuse_other_methods(client_for, coordinator, indicator):
    assert client_for(coordinator).put(NEW).status_code == 405
    assert client_for(coordinator).delete(f"{NEW}?kind=count").status_code == 405
    assert client_for(coordinator).patch(f"/fi/oulu/indicators/{indicator.slug}/edit/").status_code == 405


# --- editing --------------------------------------------------------------------------------------
# The indicator fixture: manual, quarterly, higher is better, baseline 40 % (Q1/2025), target 48 % (Q1/2026).


def _edit(indicator, **changes):
    data = {
        "kind": "manual",
        "name_fi": indicator.name,
        "slug": indicator.slug,
        "unit_fi": "%",
        "decimals": "1",
        "frequency": "Q",
        "polarity": "higher",
        "baseline_period_text": "2025Q1",
        "baseline_value": "40",
    }
    data.update(changes)
    return data


def _edit_url(indicator, language="fi"):
    return f"/{language}/oulu/indicators/{indicator.slug}/edit/"


def test_coordinator_edits_an_indicator(client_for, coordinator, indicator):
    assert client_for(coordinator).post(_edit_url(indicator), _edit(indicator, name_fi="Uusi nimi")).status_code == 302
    indicator.refresh_from_db()
    assert indicator.name == "Uusi nimi"
    change = LogEntry.objects.get_for_object(indicator).get(action=LogEntry.Action.UPDATE)
    assert change.actor == coordinator
    assert change.changes_dict["name"] == ["Koulutukseen ohjatut nuoret", "Uusi nimi"]


def test_the_edit_form_shows_the_saved_choices_by_name(client_for, coordinator, area_indicator, places):
    content = client_for(coordinator).get(_edit_url(area_indicator)).content.decode()
    assert re.search(r'<option value="12r5\|TYOTTOMATLOPUSSA" selected>', content)
    assert re.search(r'<option value="area" selected>', content)
    assert 'value="1/2026"' in content
    assert "denominator" not in _shown_fields(content)


def test_an_edit_may_move_a_count_to_a_municipality(client_for, coordinator, area_indicator, places):
    data = _data(slug=area_indicator.slug, name_fi=area_indicator.name, place="KU564", baseline_value="1000")
    assert client_for(coordinator).post(_edit_url(area_indicator), data).status_code == 302
    area_indicator.refresh_from_db()
    assert (area_indicator.source, area_indicator.series.area_code) == ("series", "KU564")


def test_another_areas_indicator_cannot_be_edited_here(client_for, coordinator, other_indicator):
    url = f"/fi/oulu/indicators/{other_indicator.uuid}/edit/"
    assert client_for(coordinator).post(url, _edit(other_indicator, name_fi="Kaapattu")).status_code == 404
    other_indicator.refresh_from_db()
    assert other_indicator.name == "Rannikon koulutukseen ohjatut"


# --- a change of polarity or baseline re-checks the targets --------------------------------------


def test_turning_the_polarity_names_the_targets_that_now_point_the_wrong_way(client_for, coordinator, indicator):
    response = client_for(coordinator).post(_edit_url(indicator), _edit(indicator, polarity="lower"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "osoittavat väärään suuntaan" in content
    assert "48,0 % (Q1/2026)" in content
    assert "40,0 %" in content
    indicator.refresh_from_db()
    assert indicator.polarity == Indicator.Polarity.HIGHER


def test_moving_the_baseline_past_a_target_is_refused_in_the_users_language(client_for, coordinator, indicator):
    Target.objects.create(indicator=indicator, period=date(2027, 1, 1), value=1234.5)
    response = client_for(coordinator).post(_edit_url(indicator, "en"), _edit(indicator, baseline_value="50"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "worse than the baseline 50.0 % (higher is better): 48.0 % (Q1/2026)." in content
    assert "1,234.5" not in content  # the target above the new baseline still points the right way
    indicator.refresh_from_db()
    assert indicator.baseline_value == 40.0


def test_several_targets_turned_the_wrong_way_are_all_named(client_for, coordinator, indicator):
    Target.objects.create(indicator=indicator, period=date(2027, 1, 1), value=52.0)
    response = client_for(coordinator).post(_edit_url(indicator, "sv"), _edit(indicator, polarity="lower"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "48,0 % (Q1/2026), 52,0 % (Q1/2027)" in content


def test_a_confirmed_change_that_turns_targets_the_wrong_way_is_saved(client_for, coordinator, indicator):
    data = _edit(indicator, polarity="lower", baseline_value="45", allow_worse_targets="on")
    assert client_for(coordinator).post(_edit_url(indicator), data).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.polarity, indicator.baseline_value) == (Indicator.Polarity.LOWER, 45.0)
    assert indicator.targets.get().value == 48.0


def test_a_change_that_keeps_the_targets_pointing_right_needs_no_confirmation(client_for, coordinator, indicator):
    assert client_for(coordinator).post(_edit_url(indicator), _edit(indicator, baseline_value="30")).status_code == 302
    indicator.refresh_from_db()
    assert indicator.baseline_value == 30.0


def test_a_target_confirmed_the_wrong_way_before_is_not_asked_again(client_for, coordinator, indicator):
    Target.objects.create(indicator=indicator, period=date(2027, 1, 1), value=35.0)  # below the baseline 40
    data = _edit(indicator, name_fi="Uusi nimi", baseline_value="38")
    assert client_for(coordinator).post(_edit_url(indicator), data).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.baseline_value) == ("Uusi nimi", 38.0)


def test_an_indicator_without_targets_has_no_confirmation_box(client_for, coordinator, indicator):
    assert "allow_worse_targets" in client_for(coordinator).get(_edit_url(indicator)).content.decode()
    indicator.targets.all().delete()
    assert "allow_worse_targets" not in client_for(coordinator).get(_edit_url(indicator)).content.decode()
    assert "allow_worse_targets" not in client_for(coordinator).get(f"{NEW}?kind=manual").content.decode()


@pytest.mark.parametrize(
    "changes",
    [{"polarity": "sideways"}, {"baseline_value": "paljon"}, {"polarity": "lower", "baseline_period_text": "2025M13"}],
)
def test_bad_input_on_the_edit_form_changes_nothing(client_for, coordinator, indicator, changes):
    response = client_for(coordinator).post(_edit_url(indicator), _edit(indicator, **changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    indicator.refresh_from_db()
    assert (indicator.polarity, indicator.baseline_value) == (Indicator.Polarity.HIGHER, 40.0)
    assert list(indicator.targets.values_list("value", flat=True)) == [48.0]
