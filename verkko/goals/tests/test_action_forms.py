import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Action, Milestone
from verkko.goals.tests.conftest import OUTSIDERS


def _data(goal, organization_a, organization_b, **changes):
    data = {
        "title_fi": "Kesätyöseteli",
        "description_fi": "Kesätyöseteli kaikkiin kuntiin.",
        "goals": [goal.pk],
        "lead_organization": organization_a.pk,
        "partner_organizations": [organization_b.pk],
        "starts_on": "2026-01-01",
        "due_on": "2026-09-30",
        "status": "planned",
        "progress": "0",
        "check_in_rhythm_days": "30",
    }
    data.update(changes)
    return data


def test_coordinator_creates_an_action(client_for, coordinator, goal, organization_a, organization_b):
    client = client_for(coordinator)
    assert "Uusi toimenpide" in client.get("/fi/oulu/actions/new/").content.decode()
    response = client.post("/fi/oulu/actions/new/", _data(goal, organization_a, organization_b))
    assert response.status_code == 302
    action = Action.objects.get(title="Kesätyöseteli")
    assert list(action.partner_organizations.all()) == [organization_b]
    assert {entry.actor for entry in LogEntry.objects.get_for_object(action)} == {coordinator}


@pytest.mark.parametrize(
    "changes", [{"due_on": "2025-01-01"}, {"progress": "120"}, {"title_fi": ""}, {"lead_organization": ""}]
)
def test_bad_input_is_an_error_and_nothing_is_saved(
    client_for, coordinator, goal, organization_a, organization_b, changes
):
    response = client_for(coordinator).post(
        "/fi/oulu/actions/new/", _data(goal, organization_a, organization_b, **changes)
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_create_or_edit_actions(
    client_for, user_for, role, action, goal, organization_a, organization_b
):
    client = client_for(user_for(role))
    assert client.get("/fi/oulu/actions/new/").status_code == 403
    assert client.post("/fi/oulu/actions/new/", _data(goal, organization_a, organization_b)).status_code == 403
    assert client.get(f"/fi/oulu/actions/{action.uuid}/edit/").status_code == 403
    data = _data(goal, organization_a, organization_b, title_fi="Muutettu")
    assert client.post(f"/fi/oulu/actions/{action.uuid}/edit/", data).status_code == 403
    assert (
        client.post(f"/fi/oulu/actions/{action.uuid}/milestones/", {"title": "X", "due_on": "2026-01-01"}).status_code
        == 403
    )
    action.refresh_from_db()
    assert action.title == "Oppisopimuspolku nuorille"
    assert not Milestone.objects.exists()


def test_coordinator_edits_an_action_and_adds_a_milestone(
    client_for, coordinator, action, goal, organization_a, organization_b
):
    client = client_for(coordinator)
    data = _data(goal, organization_a, organization_b, title_fi="Oppisopimuspolku", status="under_way", progress="40")
    assert client.post(f"/fi/oulu/actions/{action.uuid}/edit/", data).status_code == 302
    action.refresh_from_db()
    assert (action.title, action.progress) == ("Oppisopimuspolku", 40)
    response = client.post(
        f"/fi/oulu/actions/{action.uuid}/milestones/", {"title": "20 sopimusta", "due_on": "2026-06-30"}
    )
    assert response.status_code == 302
    assert action.milestones.get().title == "20 sopimusta"


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_404_for_editing_an_action_of_a_partner_only_goal(client_for, user_for, role, partner_action):
    client = client_for(user_for(role))
    assert client.get(f"/fi/oulu/actions/{partner_action.uuid}/edit/").status_code == 404
    assert client.post(f"/fi/oulu/actions/{partner_action.uuid}/milestones/", {"title": "X"}).status_code == 404


@pytest.mark.parametrize("field", ["goals", "lead_organization", "partner_organizations", "responsible_person"])
def test_form_refuses_what_belongs_to_another_area(
    client_for, coordinator, goal, organization_a, organization_b, other_goal, other_organization, field
):
    from verkko.ecosystem.models import Person

    other_person = Person.objects.create(organization=other_organization, first_name="Rita", last_name="Rannikko")
    foreign = {
        "goals": [other_goal.pk],
        "lead_organization": other_organization.pk,
        "partner_organizations": [other_organization.pk],
        "responsible_person": other_person.pk,
    }
    client = client_for(coordinator)
    form = client.get("/fi/oulu/actions/new/").content.decode()
    assert "Rannikon kehitys" not in form
    assert "Rannikon nuorten työllisyys" not in form
    assert "Rita Rannikko" not in form
    response = client.post(
        "/fi/oulu/actions/new/", _data(goal, organization_a, organization_b, **{field: foreign[field]})
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Action.objects.exists()


def test_another_areas_action_cannot_be_edited_here(
    client_for, coordinator, other_action, goal, organization_a, organization_b
):
    data = _data(goal, organization_a, organization_b, title_fi="Kaapattu")
    assert client_for(coordinator).post(f"/fi/oulu/actions/{other_action.uuid}/edit/", data).status_code == 404
    other_action.refresh_from_db()
    assert other_action.title == "Rannikon kesätyöt"


def test_milestone_without_due_date_is_an_error(client_for, coordinator, action):
    response = client_for(coordinator).post(f"/fi/oulu/actions/{action.uuid}/milestones/", {"title": "X"})
    assert response.status_code == 400
    assert not Milestone.objects.exists()


def test_action_forms_refuse_other_methods(client_for, coordinator, action):
    client = client_for(coordinator)
    assert client.put("/fi/oulu/actions/new/").status_code == 405
    assert client.delete(f"/fi/oulu/actions/{action.uuid}/edit/").status_code == 405
    assert client.put(f"/fi/oulu/actions/{action.uuid}/milestones/").status_code == 405


def test_lead_organisation_becomes_responsible_for_the_goals_in_the_matrix(
    client_for, coordinator, goal, organization_a, organization_b
):
    from verkko.ecosystem.models import Responsibility

    client_for(coordinator).post("/fi/oulu/actions/new/", _data(goal, organization_a, organization_b))
    cell = Responsibility.objects.get(subject_id=goal.pk, subject_type__model="goal")
    assert (cell.organization, cell.level) == (organization_a, "R")


def test_linking_goals_is_recorded_in_the_history(
    client_for, coordinator, action, goal, organization_a, organization_b
):
    client_for(coordinator).post(f"/fi/oulu/actions/{action.uuid}/edit/", _data(goal, organization_a, organization_b))
    assert LogEntry.objects.get_for_object(action).filter(changes__icontains="partner_organizations").exists()
