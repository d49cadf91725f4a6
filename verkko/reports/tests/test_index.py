import pytest

from verkko.goals.tests.conftest import ROLES


@pytest.mark.parametrize("role", ROLES)
def test_report_index_offers_the_months(client_for, user_for, area, role):
    response = client_for(user_for(role)).get("/fi/oulu/reports/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Seurantaraportti" in content
    assert 'name="period"' in content


def test_chosen_month_redirects_to_the_report(client_for, area):
    from django.utils import timezone

    today = timezone.localdate()
    code = f"{today.year}M{today.month:02d}"
    response = client_for(None).get("/fi/oulu/reports/", {"period": code})
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/reports/monitoring/{code}/"


def test_unknown_month_is_an_error(client_for, area):
    response = client_for(None).get("/fi/oulu/reports/", {"period": "1999M01"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_report_index_refuses_post(client_for, coordinator):
    assert client_for(coordinator).post("/fi/oulu/reports/").status_code == 405
