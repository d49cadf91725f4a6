from datetime import date

import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Target
from verkko.goals.tests.conftest import OUTSIDERS


def test_coordinator_adds_a_target_and_replaces_it(client_for, coordinator, indicator):
    client = client_for(coordinator)
    url = f"/fi/oulu/indicators/{indicator.slug}/targets/"
    assert "Tavoitetaso" in client.get(url).content.decode()
    assert client.post(url, {"period": "2027Q1", "value": "55,5"}).status_code == 302
    assert client.post(url, {"period": "2027Q1", "value": "56"}).status_code == 302
    target = Target.objects.get(indicator=indicator, period=date(2027, 1, 1))
    assert target.value == 56.0
    change = LogEntry.objects.get_for_object(target).get(action=LogEntry.Action.UPDATE)
    assert change.actor == coordinator
    assert change.changes_dict["value"] == ["55.5", "56.0"]  # who, and the old and new value


def test_target_period_may_be_written_as_people_read_it(client_for, coordinator, indicator):
    client = client_for(coordinator)
    url = f"/fi/oulu/indicators/{indicator.slug}/targets/"
    assert "Esimerkiksi Q4/2026 tai 2026Q4." in client.get(url).content.decode()
    assert client.post(url, {"period": "Q2/2027", "value": "57"}).status_code == 302
    assert Target.objects.get(indicator=indicator, period=date(2027, 4, 1)).value == 57.0


def test_a_target_month_may_be_written_by_its_name_and_is_read_whole(client_for, coordinator, area_indicator):
    url = f"/sv/oulu/indicators/{area_indicator.slug}/targets/"
    assert 'maxlength="40"' in client_for(coordinator).get(url).content.decode()
    assert client_for(coordinator).post(url, {"period": "december 2027", "value": "900"}).status_code == 302
    assert Target.objects.get(indicator=area_indicator, period=date(2027, 12, 1)).value == 900.0


def test_coordinator_removes_a_target(client_for, coordinator, indicator):
    response = client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/targets/2026Q1/delete/")
    assert response.status_code == 302
    assert not Target.objects.filter(indicator=indicator).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"period": "2027M01", "value": "5"},
        {"period": "2027Q1", "value": "paljon"},
        # Issue 17: these once reached the database and then broke every goals page.
        {"period": "2027Q1", "value": "inf"},
        {"period": "2027Q1", "value": "1e400"},
        {"period": "2027Q1", "value": "NaN"},
        {"period": "0000Q1", "value": "5"},
        {"period": "0001Q1", "value": "5"},
    ],
)
def test_bad_target_is_an_error_and_nothing_changes(client_for, coordinator, indicator, data):
    response = client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/targets/", data)
    assert response.status_code == 400
    assert Target.objects.filter(indicator=indicator).count() == 1


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_set_or_remove_targets(client_for, user_for, role, goal, indicator):
    client = client_for(user_for(role))
    assert (
        client.post(f"/fi/oulu/indicators/{indicator.slug}/targets/", {"period": "2027Q1", "value": "1"}).status_code
        == 403
    )
    assert client.post(f"/fi/oulu/indicators/{indicator.slug}/targets/2026Q1/delete/").status_code == 403
    assert Target.objects.filter(indicator=indicator).count() == 1


def test_public_cannot_see_targets_of_hidden_indicator(client_for, indicator):
    # An indicator of no public goal is not visible to the public: sign-in first.
    assert client_for(None).post(f"/fi/oulu/indicators/{indicator.slug}/targets/2026Q1/delete/").status_code == 302


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_404_for_an_indicator_of_no_public_goal(client_for, user_for, role, indicator):
    client = client_for(user_for(role))
    assert client.post(f"/fi/oulu/indicators/{indicator.slug}/targets/2026Q1/delete/").status_code == 404
    assert client.get(f"/fi/oulu/indicators/{indicator.slug}/targets/").status_code == 404
    assert Target.objects.filter(indicator=indicator).count() == 1


def test_another_areas_indicator_takes_no_targets_here(client_for, coordinator, other_indicator):
    url = f"/fi/oulu/indicators/{other_indicator.uuid}/targets/"
    assert client_for(coordinator).post(url, {"period": "2027Q1", "value": "1"}).status_code == 404
    assert not Target.objects.filter(indicator=other_indicator).exists()


def test_target_delete_needs_post(client_for, coordinator, indicator):
    assert (
        client_for(coordinator).get(f"/fi/oulu/indicators/{indicator.slug}/targets/2026Q1/delete/").status_code == 405
    )
