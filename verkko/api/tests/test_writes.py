"""Writes through the API call the same actions as the pages, under the same rules."""

import pytest
from rest_framework.test import APIClient

from verkko.api.tests.conftest import ROLES
from verkko.areas import area_reverse
from verkko.goals.models import IndicatorValue
from verkko.lib.history import history_of
from verkko.situation.models import Signal

CHECK_IN = {"progress": 60, "status": "delayed", "confidence": "at_risk", "narrative": "Rekrytointi viivästyi."}


def _check_ins(action):
    return f"/api/v1/oulu/actions/{action.uuid}/check-ins/"


def test_a_check_in_from_the_api_shows_on_the_page_with_its_history(api_for, client_for, partner_editor, action):
    response = api_for(partner_editor).post(_check_ins(action), CHECK_IN, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["organization"] == action.lead_organization.slug
    action.refresh_from_db()
    assert (action.progress, action.status) == (60, "delayed")
    entry = action.check_ins.get()
    assert entry.author == partner_editor
    page = client_for(None).get(
        area_reverse(action.lead_organization.area, "goals:action", kwargs={"key": action.uuid})
    )
    assert "Rekrytointi viivästyi." in page.content.decode()
    # Recorded in the history in the name of the token's user, as on the page.
    assert history_of(entry)[0].actor == partner_editor
    assert history_of(action)[0].actor == partner_editor
    listed = api_for(None).get(_check_ins(action)).json()["results"]
    assert listed[0]["narrative"] == "Rekrytointi viivästyi."


@pytest.mark.parametrize("role", ROLES)
def test_who_may_check_in(api_for, user_for, role, action):
    response = api_for(user_for(role)).post(_check_ins(action), CHECK_IN, format="json")
    allowed = role in ("coordinator", "partner_editor")
    assert response.status_code == (201 if allowed else 401 if role is None else 403)
    assert action.check_ins.exists() == allowed


def test_a_partners_token_cannot_change_another_organisations_action(api_for, editor_b, action):
    response = api_for(editor_b).post(_check_ins(action), CHECK_IN, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not action.check_ins.exists()


def test_another_areas_action_is_not_found_here(api_for, outsider_editor, other_organization, goal):
    from verkko.goals.models import Action

    theirs = Action.objects.create(title="Rannikon toimenpide", lead_organization=other_organization)
    response = api_for(outsider_editor).post(f"/api/v1/oulu/actions/{theirs.uuid}/check-ins/", CHECK_IN, format="json")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "change", [{"progress": 101}, {"progress": "x"}, {"status": "nope"}, {"narrative": ""}, {"confidence": None}]
)
def test_bad_check_in_changes_nothing(api_for, partner_editor, action, change):
    response = api_for(partner_editor).post(_check_ins(action), {**CHECK_IN, **change}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == set(change)
    action.refresh_from_db()
    assert action.progress == 30
    assert not action.check_ins.exists()


def test_check_in_with_the_session_needs_csrf(partner_editor, action):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(partner_editor)
    response = client.post(_check_ins(action), CHECK_IN, format="json")
    assert response.status_code == 403
    assert not action.check_ins.exists()


def test_wrong_method_is_a_405(api_for, partner_editor, action):
    response = api_for(partner_editor).delete(_check_ins(action))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


SIGNAL = {
    "kind": "recruitment",
    "date": "2026-03-02",
    "municipality": "564",
    "description": "Uusi tehdas palkkaa 40.",
    "headcount": 40,
    "visibility": "public",
    "source": "Yrityksen tiedote",
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_report_a_signal(api_for, user_for, role, organization_a, backbone_organization):
    user = user_for(role)
    body = {**SIGNAL, "organization": organization_a.slug}
    response = api_for(user).post("/api/v1/oulu/signals/", body, format="json")
    allowed = role in ("coordinator", "partner_editor")
    # editor_b reports signals, but only in the name of organisation B.
    expected = 201 if allowed else 400 if role == "editor_b" else 401 if role is None else 403
    assert response.status_code == expected, response.content
    if allowed:
        signal = Signal.objects.get()
        assert (signal.status, signal.reporter, signal.organization) == ("submitted", user, organization_a)
        assert signal.municipality.code == "564"
    else:
        assert not Signal.objects.exists()


def test_a_signal_in_another_organisations_name_is_refused(api_for, partner_editor, organization_b):
    response = api_for(partner_editor).post(
        "/api/v1/oulu/signals/", {**SIGNAL, "organization": organization_b.slug}, format="json"
    )
    assert response.status_code == 400
    assert "organization" in response.json()["fields"]
    assert not Signal.objects.exists()


def test_a_signal_of_another_areas_municipality_is_refused(api_for, partner_editor, organization_a, other_area):
    response = api_for(partner_editor).post(
        "/api/v1/oulu/signals/", {**SIGNAL, "municipality": "678", "organization": organization_a.slug}, format="json"
    )
    assert response.status_code == 400
    assert "municipality" in response.json()["fields"]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_add_an_indicator_value(api_for, user_for, role, goal, indicator):
    response = api_for(user_for(role)).post(
        "/api/v1/oulu/indicators/koulutukseen-ohjatut/values/", {"period": "2026Q1", "value": "45,5"}, format="json"
    )
    allowed = role == "coordinator"
    assert response.status_code == (201 if allowed else 401 if role is None else 403)
    assert IndicatorValue.objects.filter(indicator=indicator, value=45.5).exists() == allowed
    if allowed:
        assert response.json() == {"period": "2026-01-01", "period_code": "2026Q1", "value": 45.5, "complete": True}


def test_a_bad_value_is_explained_in_finnish(api_for, coordinator, goal, indicator):
    response = api_for(coordinator).post(
        "/api/v1/oulu/indicators/koulutukseen-ohjatut/values/",
        {"period": "2026M13", "value": "paljon"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 400
    fields = response.json()["fields"]
    assert set(fields) == {"period", "value"}
    assert "ei ole luku" in fields["value"][0]
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3
