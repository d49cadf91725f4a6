from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.goals.models import IndicatorValue
from verkko.goals.tests.conftest import OUTSIDERS


def _csv(text):
    return SimpleUploadedFile("arvot.csv", text.encode(), content_type="text/csv")


def test_coordinator_adds_a_value_by_hand(client_for, coordinator, indicator):
    url = f"/fi/oulu/indicators/{indicator.slug}/values/"
    assert client_for(coordinator).post(url, {"period": "2026Q1", "value": "47"}).status_code == 302
    assert IndicatorValue.objects.get(indicator=indicator, period=date(2026, 1, 1)).value == 47.0


def test_csv_import_saves_every_row(client_for, coordinator, indicator):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv("kausi;arvo\n2026Q1;47,5\n2026Q2;48\n")})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator=indicator, period=date(2026, 4, 1)).value == 48.0
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 5


def test_csv_with_a_bad_row_imports_nothing_and_names_the_row_in_finnish(client_for, coordinator, indicator):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv("period,value\n2026Q1,47\n2026-05,48\n2026Q3,x\n")})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Rivi 3" in content
    assert "Rivi 4" in content
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3


def test_csv_errors_in_swedish(client_for, coordinator, indicator):
    url = f"/sv/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv("period,value\n2026Q1,47\n2026Q1,48\n")})
    assert "Rad 3" in response.content.decode()


def test_csv_without_headings_is_refused(client_for, coordinator, indicator):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv("2026Q1,47\n")})
    assert response.status_code == 400
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3


def test_statistics_indicator_takes_no_values_by_hand(client_for, coordinator, area_indicator):
    assert client_for(coordinator).get(f"/fi/oulu/indicators/{area_indicator.slug}/values/").status_code == 404


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_enter_values(client_for, user_for, role, goal, indicator):
    client = client_for(user_for(role))
    assert (
        client.post(f"/fi/oulu/indicators/{indicator.slug}/values/", {"period": "2026Q1", "value": "1"}).status_code
        == 403
    )
    assert (
        client.post(
            f"/fi/oulu/indicators/{indicator.slug}/import/", {"file": _csv("period,value\n2026Q1,1\n")}
        ).status_code
        == 403
    )
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3


def test_value_forms_refuse_other_methods(client_for, coordinator, indicator):
    assert client_for(coordinator).delete(f"/fi/oulu/indicators/{indicator.slug}/values/").status_code == 405
    assert client_for(coordinator).put(f"/fi/oulu/indicators/{indicator.slug}/import/").status_code == 405


@pytest.mark.parametrize(
    "text",
    [
        "jakso,arvo\n2026Q1,12,5\n2026Q2,13\n",
        "Jakso;Arvo\n2026Q1;12,5\n2026Q2;13\n",
        'jakso,arvo\n2026Q1,"12,5"\n2026Q2,13\n',
        "period\tvärde\n2026Q1\t12,5\n2026Q2\t13\n",
        "period,value\n2026Q1,12.5\n2026Q2,13\n",
    ],
)
def test_csv_import_takes_finnish_headings_and_decimals(client_for, coordinator, indicator, text):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv(text)})
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator=indicator, period=date(2026, 1, 1)).value == 12.5
    assert IndicatorValue.objects.get(indicator=indicator, period=date(2026, 4, 1)).value == 13.0


def test_a_bad_finnish_row_imports_nothing(client_for, coordinator, indicator):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv("jakso;arvo\n2026Q1;12,5\n2026Q2;kolme\n")})
    assert response.status_code == 400
    assert "Rivi 3" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "period,value\n2026Q1,inf\n",
        "period,value\n2026Q1,-1e400\n",
        "period,value\n2026Q1,nan\n",
        "period,value\n0000Q1,1\n",
        "period,value\n2026Q1," + "9" * 140_000 + "\n",
    ],
)
def test_csv_with_an_impossible_number_period_or_cell_is_refused(client_for, coordinator, indicator, text):
    url = f"/fi/oulu/indicators/{indicator.slug}/import/"
    response = client_for(coordinator).post(url, {"file": _csv(text)})
    assert response.status_code == 400
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3
