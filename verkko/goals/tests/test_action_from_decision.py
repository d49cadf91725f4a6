import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Action
from verkko.goals.tests.conftest import OUTSIDERS


def test_coordinator_turns_a_decision_into_an_action_once(client_for, coordinator, decision, goal):
    client = client_for(coordinator)
    response = client.post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")
    action = Action.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/actions/{action.uuid}/"
    assert action.title == "Käynnistetään kesätyösetelikokeilu kaikissa kunnissa."
    assert action.lead_organization == decision.responsible_organization
    assert action.due_on == decision.due_date
    assert list(action.goals.all()) == [goal]  # the goals the forum owns
    created = LogEntry.objects.get_for_object(action).get(action=LogEntry.Action.CREATE)
    assert created.actor == coordinator
    assert "title" in created.changes_dict
    assert not {"id", "check_ins", "milestones"} & set(created.changes_dict)  # own columns only
    second = client.post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")
    assert second["Location"] == response["Location"]
    assert Action.objects.count() == 1


def test_editor_of_the_responsible_organisation_may_do_it(client_for, partner_editor, decision):
    assert client_for(partner_editor).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/").status_code == 302
    assert Action.objects.get().decision == decision


@pytest.mark.parametrize("role", ["partner_member", "editor_b", *OUTSIDERS])
def test_others_may_not(client_for, user_for, role, decision):
    assert client_for(user_for(role)).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/").status_code == 403
    assert not Action.objects.exists()


def test_public_is_sent_to_sign_in(client_for, decision):
    assert client_for(None).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/").status_code == 302
    assert not Action.objects.exists()


def test_unknown_decision_is_404(client_for, coordinator):
    url = "/fi/oulu/actions/from-decision/00000000-0000-0000-0000-000000000000/"
    assert client_for(coordinator).post(url).status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator"])
def test_decision_of_another_area_is_404_here(client_for, user_for, role, other_decision):
    response = client_for(user_for(role)).post(f"/fi/oulu/actions/from-decision/{other_decision.uuid}/")
    assert response.status_code == 404
    assert not Action.objects.exists()


def test_its_own_coordinator_makes_it_an_action_in_its_own_area(client_for, outsider_coordinator, other_decision):
    response = client_for(outsider_coordinator).post(f"/fi/rannikko/actions/from-decision/{other_decision.uuid}/")
    action = Action.objects.get()
    assert response["Location"] == f"/fi/rannikko/actions/{action.uuid}/"
    assert action.lead_organization == other_decision.responsible_organization


def test_without_a_responsible_organisation_the_lead_is_the_users_own_in_this_area(
    client_for, coordinator, backbone_organization, decision, other_organization
):
    from verkko.accounts.models import Membership

    # The coordinator of Oulu is also a member of an organisation of the other area, listed first.
    Membership.objects.filter(user=coordinator).delete()
    Membership.objects.create(user=coordinator, organization=other_organization, role=Membership.Role.MEMBER)
    Membership.objects.create(user=coordinator, organization=backbone_organization, role=Membership.Role.COORDINATOR)
    decision.responsible_organization = None
    decision.save()
    assert client_for(coordinator).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/").status_code == 302
    assert Action.objects.get().lead_organization == backbone_organization


def test_get_is_refused(client_for, coordinator, decision):
    assert client_for(coordinator).get(f"/fi/oulu/actions/from-decision/{decision.uuid}/").status_code == 405
    assert not Action.objects.exists()


def test_the_meeting_page_links_the_decision_to_its_action_instead_of_offering_it_again(
    client_for, coordinator, decision
):
    client = client_for(coordinator)
    meeting_page = f"/fi/oulu/ecosystem/meetings/{decision.meeting.uuid}/"
    form = f'<form method="post" action="/fi/oulu/actions/from-decision/{decision.uuid}/">'
    assert form in client.get(meeting_page).content.decode()

    client.post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")

    content = client.get(meeting_page).content.decode()
    assert form not in content
    assert f'Päätöksestä on tehty toimenpide: <a href="/fi/oulu/actions/{Action.objects.get().uuid}/">' in content
