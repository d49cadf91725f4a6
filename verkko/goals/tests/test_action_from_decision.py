import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Action


def test_coordinator_turns_a_decision_into_an_action_once(client_for, coordinator, decision, goal):
    client = client_for(coordinator)
    response = client.post(f"/fi/actions/from-decision/{decision.uuid}/")
    action = Action.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fi/actions/{action.uuid}/"
    assert action.title == "Käynnistetään kesätyösetelikokeilu kaikissa kunnissa."
    assert action.lead_organization == decision.responsible_organization
    assert action.due_on == decision.due_date
    assert list(action.goals.all()) == [goal]  # the goals the forum owns
    created = LogEntry.objects.get_for_object(action).get(action=LogEntry.Action.CREATE)
    assert created.actor == coordinator
    assert "title" in created.changes_dict
    assert not {"id", "check_ins", "milestones"} & set(created.changes_dict)  # own columns only
    second = client.post(f"/fi/actions/from-decision/{decision.uuid}/")
    assert second["Location"] == response["Location"]
    assert Action.objects.count() == 1


def test_editor_of_the_responsible_organisation_may_do_it(client_for, partner_editor, decision):
    assert client_for(partner_editor).post(f"/fi/actions/from-decision/{decision.uuid}/").status_code == 302
    assert Action.objects.get().decision == decision


@pytest.mark.parametrize("role", ["partner_member", "editor_b"])
def test_others_may_not(client_for, user_for, role, decision):
    assert client_for(user_for(role)).post(f"/fi/actions/from-decision/{decision.uuid}/").status_code == 403
    assert not Action.objects.exists()


def test_public_is_sent_to_sign_in(client_for, decision):
    assert client_for(None).post(f"/fi/actions/from-decision/{decision.uuid}/").status_code == 302
    assert not Action.objects.exists()


def test_unknown_decision_is_404(client_for, coordinator):
    url = "/fi/actions/from-decision/00000000-0000-0000-0000-000000000000/"
    assert client_for(coordinator).post(url).status_code == 404


def test_get_is_refused(client_for, coordinator, decision):
    assert client_for(coordinator).get(f"/fi/actions/from-decision/{decision.uuid}/").status_code == 405
    assert not Action.objects.exists()


def test_the_meeting_page_links_the_decision_to_its_action_instead_of_offering_it_again(
    client_for, coordinator, decision
):
    client = client_for(coordinator)
    meeting_page = f"/fi/ecosystem/meetings/{decision.meeting.uuid}/"
    form = f'<form method="post" action="/fi/actions/from-decision/{decision.uuid}/">'
    assert form in client.get(meeting_page).content.decode()

    client.post(f"/fi/actions/from-decision/{decision.uuid}/")

    content = client.get(meeting_page).content.decode()
    assert form not in content
    assert f'Päätöksestä on tehty toimenpide: <a href="/fi/actions/{Action.objects.get().uuid}/">' in content
