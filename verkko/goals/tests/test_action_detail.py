from datetime import timedelta

import pytest
from django.utils import timezone

from verkko.goals.models import CheckIn, Milestone
from verkko.goals.tests.conftest import OUTSIDERS, ROLES, is_partner_role


def test_action_page_shows_milestones_check_ins_and_history(client_for, partner_editor, action):
    Milestone.objects.create(action=action, title="30 oppisopimusta", due_on=action.due_on)
    CheckIn.objects.create(
        action=action,
        author=partner_editor,
        progress=30,
        status="under_way",
        confidence="at_risk",
        narrative="Haku käynnissä.",
    )
    response = client_for(None).get(f"/fi/oulu/actions/{action.uuid}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Oppisopimuspolku nuorille</h1>" in content
    assert "30 oppisopimusta" in content
    assert "Haku käynnissä." in content
    assert "riskissä" in content
    assert "history-summary" in content  # the public sees that and when something changed …
    assert "Kuka muutti mitä" not in content  # … not who or what


@pytest.mark.parametrize("role", ROLES)
def test_history_and_the_responsible_person_are_shown_only_to_partners(client_for, user_for, role, action):
    from verkko.ecosystem.models import Person

    action.responsible_person = Person.objects.create(
        organization=action.lead_organization, first_name="Vastuu", last_name="Henkilö"
    )
    action.save()
    content = client_for(user_for(role)).get(f"/fi/oulu/actions/{action.uuid}/").content.decode()
    assert "history-heading" in content  # everyone sees that and when the action changed
    assert ("history-summary" in content) != is_partner_role(role)  # partners see what changed
    assert ("Vastuu Henkilö" in content) == is_partner_role(role)


def test_action_without_a_check_in_for_longer_than_its_rhythm_is_flagged(client_for, action):
    CheckIn.objects.create(
        action=action,
        progress=30,
        status="under_way",
        confidence="on_track",
        narrative="Vanha.",
        created_at=timezone.now() - timedelta(days=45),
    )
    assert (
        "ei tilannepäivitystä 30 päivään" in client_for(None).get(f"/fi/oulu/actions/{action.uuid}/").content.decode()
    )
    action.check_in_rhythm_days = 60
    action.save()
    assert "ei tilannepäivitystä" not in client_for(None).get(f"/fi/oulu/actions/{action.uuid}/").content.decode()


def test_rhythm_counts_from_the_recording_of_an_action_entered_after_it_started(action):
    today = timezone.localdate()
    action.starts_on = today - timedelta(days=90)
    action.created_at = timezone.now() - timedelta(days=5)
    assert not action.needs_check_in(today)
    assert action.needs_check_in(today + timedelta(days=40))


@pytest.mark.parametrize("role", ROLES)
def test_check_in_button_only_for_lead_partner_editors_and_coordinators(client_for, user_for, role, action):
    content = client_for(user_for(role)).get(f"/fi/oulu/actions/{action.uuid}/").content.decode()
    assert (f"/fi/oulu/actions/{action.uuid}/check-in/" in content) == (role in ("coordinator", "partner_editor"))


@pytest.mark.parametrize("role", ROLES)
def test_action_of_partner_goal_is_404_for_the_public_and_outsiders(client_for, user_for, role, partner_action):
    status = client_for(user_for(role)).get(f"/fi/oulu/actions/{partner_action.uuid}/").status_code
    assert status == (200 if is_partner_role(role) else 302 if role is None else 404)  # the public signs in


@pytest.mark.parametrize("role", ["coordinator", *OUTSIDERS, None])
def test_action_of_another_area_is_404_here(client_for, user_for, role, other_action):
    client = client_for(user_for(role))
    assert client.get(f"/fi/oulu/actions/{other_action.uuid}/").status_code == 404
    assert client.get(f"/fi/rannikko/actions/{other_action.uuid}/").status_code == 200


def test_action_page_refuses_post(client_for, coordinator, action):
    assert client_for(coordinator).post(f"/fi/oulu/actions/{action.uuid}/").status_code == 405
