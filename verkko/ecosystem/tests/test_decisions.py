import pytest
from django.http import HttpResponse
from django.urls import include, path

from verkko.ecosystem.models import Decision
from verkko.ecosystem.tests.conftest import by_role
from verkko.urls import urlpatterns as site_urlpatterns


def action_from_decision(request, uuid):
    return HttpResponse(f"action from {uuid}")


# A site with another app that offers "goals:action_from_decision", as the goals app will.
urlpatterns = [
    path("goals-test/<uuid:uuid>/", include(([path("", action_from_decision, name="action_from_decision")], "goals"))),
    *site_urlpatterns,
]


def add_url(meeting):
    return f"/fi/ecosystem/meetings/{meeting.uuid}/decisions/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403))
def test_coordinators_record_decisions(as_role, everyone, meeting, organization_a, role, status):
    data = {"text": "Uusi päätös", "responsible_organization": organization_a.pk, "due_date": "2027-02-01"}
    assert as_role(role).post(add_url(meeting), data).status_code == status
    assert Decision.objects.filter(text="Uusi päätös").exists() is (status == 302)


def test_a_decision_without_text_is_not_recorded(as_role, coordinator, meeting):
    response = as_role("coordinator").post(add_url(meeting), {"text": "", "due_date": "huomenna"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_decisions_address_leads_to_its_place_on_the_meeting_page(as_role, decision):
    response = as_role("public").get(f"/fi/ecosystem/decisions/{decision.uuid}/")
    assert response.status_code == 302
    assert response["Location"] == f"/fi/ecosystem/meetings/{decision.meeting.uuid}/#decision-{decision.uuid}"


def test_a_decision_of_a_partner_forum_is_not_found_for_the_public(as_role, partner_meeting):
    decision = Decision.objects.create(meeting=partner_meeting, text="Sisäinen päätös")
    assert as_role("public").get(f"/fi/ecosystem/decisions/{decision.uuid}/").status_code == 404


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403))
def test_coordinators_edit_decisions(as_role, everyone, decision, role, status):
    url = f"/fi/ecosystem/decisions/{decision.uuid}/edit/"
    assert as_role(role).get(url).status_code == status
    as_role(role).post(url, {"text": "Muutettu päätös"})
    decision.refresh_from_db()
    assert (decision.text == "Muutettu päätös") is (status == 200)


def test_editing_a_decision_with_bad_input_changes_nothing(as_role, coordinator, decision):
    response = as_role("coordinator").post(f"/fi/ecosystem/decisions/{decision.uuid}/edit/", {"text": ""})
    assert response.status_code == 200
    decision.refresh_from_db()
    assert decision.text == "Laaditaan nuorten palvelupolku."


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403))
def test_coordinators_remove_decisions(as_role, everyone, decision, role, status):
    assert as_role(role).post(f"/fi/ecosystem/decisions/{decision.uuid}/remove/").status_code == status
    assert Decision.objects.filter(pk=decision.pk).exists() is (status != 302)


def test_decision_urls_refuse_wrong_methods(as_role, coordinator, decision):
    client = as_role("coordinator")
    assert client.get(add_url(decision.meeting)).status_code == 405
    assert client.post(f"/fi/ecosystem/decisions/{decision.uuid}/").status_code == 405
    assert client.get(f"/fi/ecosystem/decisions/{decision.uuid}/remove/").status_code == 405


def test_without_a_goals_app_the_meeting_page_offers_no_conversion(as_role, coordinator, decision):
    content = as_role("coordinator").get(f"/fi/ecosystem/meetings/{decision.meeting.uuid}/").content.decode()
    assert "Tee päätöksestä toimenpide" not in content


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(("role", "offered"), [("coordinator", True), ("partner_editor", True), ("editor_b", False)])
def test_the_goals_app_can_offer_to_make_a_decision_an_action(as_role, everyone, decision, role, offered):
    content = as_role(role).get(f"/fi/ecosystem/meetings/{decision.meeting.uuid}/").content.decode()
    assert ("Tee päätöksestä toimenpide" in content) is offered
    if offered:
        assert f"/goals-test/{decision.uuid}/" in content
