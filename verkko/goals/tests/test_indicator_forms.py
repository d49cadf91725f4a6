import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Indicator
from verkko.goals.tests.conftest import OUTSIDERS
from verkko.stats.models import Series

NEW = "/fi/oulu/indicators/new/"


def _data(**changes):
    data = {
        "name": "Työttömyysaste",
        "slug": "tyottomyysaste",
        "definition": "Työttömät / työvoima.",
        "unit": "%",
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
    data = _data(slug=other_indicator.slug, source="manual", frequency="Q", name="Kaapattu", baseline_period_code="")
    url = f"/fi/oulu/indicators/{other_indicator.uuid}/edit/"
    assert client_for(coordinator).post(url, data).status_code == 404
    other_indicator.refresh_from_db()
    assert other_indicator.name == "Rannikon koulutukseen ohjatut"


def test_coordinator_edits_an_indicator(client_for, coordinator, indicator):
    data = _data(slug=indicator.slug, source="manual", frequency="Q", baseline_period_code="2025Q1", name="Uusi nimi")
    assert client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/edit/", data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.name == "Uusi nimi"
    change = LogEntry.objects.get_for_object(indicator).get(action=LogEntry.Action.UPDATE)
    assert change.actor == coordinator
    assert change.changes_dict["name"] == ["Koulutukseen ohjatut nuoret", "Uusi nimi"]


def test_indicator_forms_refuse_other_methods(client_for, coordinator, indicator):
    assert client_for(coordinator).put(NEW).status_code == 405
    assert client_for(coordinator).patch(f"/fi/oulu/indicators/{indicator.slug}/edit/").status_code == 405
