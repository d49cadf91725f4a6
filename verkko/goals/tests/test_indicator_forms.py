from datetime import date

import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Indicator, Target
from verkko.goals.tests.conftest import OUTSIDERS
from verkko.stats.models import Series

NEW = "/fi/oulu/indicators/new/"


def _data(**changes):
    data = {
        "name_fi": "Työttömyysaste",
        "slug": "tyottomyysaste",
        "definition_fi": "Työttömät / työvoima.",
        "unit_fi": "%",
        "decimals": "1",
        "polarity": "lower",
        "frequency": "M",
        "source": "area",
        "table_id": "12r5",
        "measure_code": "TYOTTOMATLOPUSSA",
        "denominator_code": "TYOVOIMATK",
        "baseline_period_code": "2026M01",
        "baseline_value": "10",
    }
    data.update(changes)
    return data


def test_coordinator_creates_an_area_rate_indicator(client_for, coordinator, area):
    client = client_for(coordinator)
    assert "Uusi mittari" in client.get(NEW).content.decode()
    assert client.post(NEW, _data(statistics_area=area.pk)).status_code == 302
    indicator = Indicator.objects.get(slug="tyottomyysaste")
    assert indicator.baseline_period.isoformat() == "2026-01-01"
    assert indicator.area == area


def test_series_indicator_finds_its_series(client_for, coordinator, statistics):
    data = _data(source="series", series_area_code="ku244", denominator_code="")
    assert client_for(coordinator).post(NEW, data).status_code == 302
    series = Indicator.objects.get(slug="tyottomyysaste").series
    assert series == Series.objects.get(area_code="KU244", measure_code="TYOTTOMATLOPUSSA")


def test_unknown_series_is_an_error(client_for, coordinator, statistics):
    response = client_for(coordinator).post(NEW, _data(source="series", series_area_code="KU999"))
    assert response.status_code == 400
    assert "tilastosarjaa" in response.content.decode()
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"baseline_period_code": "2026Q1"}, {"baseline_value": ""}, {"measure_code": ""}, {"slug": "new"}],
)
def test_bad_input_is_an_error_and_nothing_is_saved(client_for, coordinator, area, changes):
    response = client_for(coordinator).post(NEW, _data(**changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Indicator.objects.exists()


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_create_or_edit_indicators(client_for, user_for, role, goal, indicator):
    client = client_for(user_for(role))
    assert client.get(NEW).status_code == 403
    assert client.get(f"/fi/oulu/indicators/{indicator.slug}/edit/").status_code == 403
    assert client.post(NEW, _data()).status_code == 403
    assert client.post(f"/fi/oulu/indicators/{indicator.slug}/edit/", _data(slug=indicator.slug)).status_code == 403
    indicator.refresh_from_db()
    assert indicator.name == "Koulutukseen ohjatut nuoret"


def test_same_slug_may_exist_in_another_area(client_for, coordinator, area, other_area):
    Indicator.objects.create(area=other_area, slug="tyottomyysaste", name="Rannikon työttömyysaste", frequency="M")
    assert client_for(coordinator).post(NEW, _data(statistics_area=area.pk)).status_code == 302
    assert Indicator.objects.get(area=area, slug="tyottomyysaste").name == "Työttömyysaste"


def test_slug_taken_in_this_area_is_an_error_and_nothing_is_saved(client_for, coordinator, area, indicator):
    response = client_for(coordinator).post(NEW, _data(slug=indicator.slug, statistics_area=area.pk))
    assert response.status_code == 400
    assert "Tämä osoite on jo käytössä" in response.content.decode()
    assert Indicator.objects.filter(area=area).count() == 1


def test_another_areas_indicator_cannot_be_edited_here(client_for, coordinator, other_indicator):
    data = _data(slug=other_indicator.slug, source="manual", frequency="Q", name_fi="Kaapattu", baseline_period_code="")
    url = f"/fi/oulu/indicators/{other_indicator.uuid}/edit/"
    assert client_for(coordinator).post(url, data).status_code == 404
    other_indicator.refresh_from_db()
    assert other_indicator.name == "Rannikon koulutukseen ohjatut"


def test_coordinator_edits_an_indicator(client_for, coordinator, indicator):
    data = _data(
        slug=indicator.slug, source="manual", frequency="Q", baseline_period_code="2025Q1", name_fi="Uusi nimi"
    )
    data["polarity"] = "higher"
    assert client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/edit/", data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.name == "Uusi nimi"
    change = LogEntry.objects.get_for_object(indicator).get(action=LogEntry.Action.UPDATE)
    assert change.actor == coordinator
    assert change.changes_dict["name"] == ["Koulutukseen ohjatut nuoret", "Uusi nimi"]


def test_indicator_forms_refuse_other_methods(client_for, coordinator, indicator):
    assert client_for(coordinator).put(NEW).status_code == 405
    assert client_for(coordinator).patch(f"/fi/oulu/indicators/{indicator.slug}/edit/").status_code == 405


# --- a change of polarity or baseline re-checks the targets --------------------------------------
# The indicator fixture: higher is better, baseline 40 % (Q1/2025), target 48 % (Q1/2026).


def _edit(indicator, **changes):
    data = _data(
        slug=indicator.slug,
        name_fi=indicator.name_fi,
        source="manual",
        frequency="Q",
        polarity="higher",
        baseline_period_code="2025Q1",
        baseline_value="40",
    )
    data.update(changes)
    return data


def _edit_url(indicator, language="fi"):
    return f"/{language}/oulu/indicators/{indicator.slug}/edit/"


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
    assert "allow_worse_targets" not in client_for(coordinator).get(NEW).content.decode()


@pytest.mark.parametrize(
    "changes",
    [{"polarity": "sideways"}, {"baseline_value": "paljon"}, {"polarity": "lower", "baseline_period_code": "2025M13"}],
)
def test_bad_input_on_the_edit_form_changes_nothing(client_for, coordinator, indicator, changes):
    response = client_for(coordinator).post(_edit_url(indicator), _edit(indicator, **changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    indicator.refresh_from_db()
    assert (indicator.polarity, indicator.baseline_value) == (Indicator.Polarity.HIGHER, 40.0)
    assert list(indicator.targets.values_list("value", flat=True)) == [48.0]
