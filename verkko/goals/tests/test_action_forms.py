import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Action, Milestone


def _data(goal, organization_a, organization_b, **changes):
    data = {
        "title": "Kesätyöseteli",
        "description": "Kesätyöseteli kaikkiin kuntiin.",
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
    assert "Uusi toimenpide" in client.get("/fi/actions/new/").content.decode()
    response = client.post("/fi/actions/new/", _data(goal, organization_a, organization_b))
    assert response.status_code == 302
    action = Action.objects.get(title="Kesätyöseteli")
    assert list(action.partner_organizations.all()) == [organization_b]
    assert {entry.actor for entry in LogEntry.objects.get_for_object(action)} == {coordinator}


@pytest.mark.parametrize(
    "changes", [{"due_on": "2025-01-01"}, {"progress": "120"}, {"title": ""}, {"lead_organization": ""}]
)
def test_bad_input_is_an_error_and_nothing_is_saved(
    client_for, coordinator, goal, organization_a, organization_b, changes
):
    response = client_for(coordinator).post("/fi/actions/new/", _data(goal, organization_a, organization_b, **changes))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b"])
def test_partners_may_not_create_or_edit_actions(
    client_for, user_for, role, action, goal, organization_a, organization_b
):
    client = client_for(user_for(role))
    assert client.post("/fi/actions/new/", _data(goal, organization_a, organization_b)).status_code == 403
    data = _data(goal, organization_a, organization_b, title="Muutettu")
    assert client.post(f"/fi/actions/{action.uuid}/edit/", data).status_code == 403
    assert (
        client.post(f"/fi/actions/{action.uuid}/milestones/", {"title": "X", "due_on": "2026-01-01"}).status_code == 403
    )
    action.refresh_from_db()
    assert action.title == "Oppisopimuspolku nuorille"
    assert not Milestone.objects.exists()


def test_coordinator_edits_an_action_and_adds_a_milestone(
    client_for, coordinator, action, goal, organization_a, organization_b
):
    client = client_for(coordinator)
    data = _data(goal, organization_a, organization_b, title="Oppisopimuspolku", status="under_way", progress="40")
    assert client.post(f"/fi/actions/{action.uuid}/edit/", data).status_code == 302
    action.refresh_from_db()
    assert (action.title, action.progress) == ("Oppisopimuspolku", 40)
    response = client.post(f"/fi/actions/{action.uuid}/milestones/", {"title": "20 sopimusta", "due_on": "2026-06-30"})
    assert response.status_code == 302
    assert action.milestones.get().title == "20 sopimusta"


def test_milestone_without_due_date_is_an_error(client_for, coordinator, action):
    response = client_for(coordinator).post(f"/fi/actions/{action.uuid}/milestones/", {"title": "X"})
    assert response.status_code == 400
    assert not Milestone.objects.exists()


def test_action_forms_refuse_other_methods(client_for, coordinator, action):
    client = client_for(coordinator)
    assert client.put("/fi/actions/new/").status_code == 405
    assert client.delete(f"/fi/actions/{action.uuid}/edit/").status_code == 405
    assert client.put(f"/fi/actions/{action.uuid}/milestones/").status_code == 405


def test_lead_organisation_becomes_responsible_for_the_goals_in_the_matrix(
    client_for, coordinator, goal, organization_a, organization_b
):
    from verkko.ecosystem.models import Responsibility

    client_for(coordinator).post("/fi/actions/new/", _data(goal, organization_a, organization_b))
    cell = Responsibility.objects.get(subject_id=goal.pk, subject_type__model="goal")
    assert (cell.organization, cell.level) == (organization_a, "R")


def test_linking_goals_is_recorded_in_the_history(
    client_for, coordinator, action, goal, organization_a, organization_b
):
    client_for(coordinator).post(f"/fi/actions/{action.uuid}/edit/", _data(goal, organization_a, organization_b))
    assert LogEntry.objects.get_for_object(action).filter(changes__icontains="partner_organizations").exists()
