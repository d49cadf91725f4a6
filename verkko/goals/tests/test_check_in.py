import pytest

from verkko.goals.models import CheckIn
from verkko.goals.tests.conftest import OUTSIDERS

DATA = {"progress": "45", "status": "under_way", "confidence": "at_risk", "narrative": "Syksyn haku täynnä."}


def test_lead_editor_checks_in_and_the_action_follows(client_for, partner_editor, action, organization_a):
    client = client_for(partner_editor)
    url = f"/fi/oulu/actions/{action.uuid}/check-in/"
    form = client.get(url).content.decode()
    assert "Tilannepäivitys" in form
    assert "---------" not in form  # status and confidence are choices to make, with no empty choice
    assert client.post(url, DATA).status_code == 302
    entry = CheckIn.objects.get()
    assert (entry.author, entry.organization, entry.confidence) == (partner_editor, organization_a, "at_risk")
    action.refresh_from_db()
    assert action.progress == 45


def test_history_is_kept(client_for, partner_editor, action):
    client = client_for(partner_editor)
    url = f"/fi/oulu/actions/{action.uuid}/check-in/"
    client.post(url, DATA)
    client.post(url, {**DATA, "progress": "50", "narrative": "Uusi tilanne."})
    assert CheckIn.objects.count() == 2
    assert action.check_ins.first().narrative == "Uusi tilanne."


def test_partner_organisation_editor_may_check_in(client_for, editor_b, action, organization_b):
    action.partner_organizations.add(organization_b)
    assert client_for(editor_b).post(f"/fi/oulu/actions/{action.uuid}/check-in/", DATA).status_code == 302
    assert CheckIn.objects.get().organization == organization_b


def test_coordinator_may_check_in(client_for, coordinator, action):
    assert client_for(coordinator).post(f"/fi/oulu/actions/{action.uuid}/check-in/", DATA).status_code == 302


@pytest.mark.parametrize("role", ["partner_member", "editor_b", *OUTSIDERS])
def test_others_may_not_check_in(client_for, user_for, role, action):
    assert client_for(user_for(role)).get(f"/fi/oulu/actions/{action.uuid}/check-in/").status_code == 403
    assert client_for(user_for(role)).post(f"/fi/oulu/actions/{action.uuid}/check-in/", DATA).status_code == 403
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_404_for_an_action_of_a_partner_only_goal(client_for, user_for, role, partner_action):
    assert client_for(user_for(role)).post(f"/fi/oulu/actions/{partner_action.uuid}/check-in/", DATA).status_code == 404
    assert not CheckIn.objects.exists()


def test_check_in_on_another_areas_action_is_404_here(client_for, outsider_editor, coordinator, other_action):
    for user in (outsider_editor, coordinator):
        response = client_for(user).post(f"/fi/oulu/actions/{other_action.uuid}/check-in/", DATA)
        assert response.status_code == 404
    assert not CheckIn.objects.exists()
    # In its own area, its lead organisation's editor checks in.
    assert (
        client_for(outsider_editor).post(f"/fi/rannikko/actions/{other_action.uuid}/check-in/", DATA).status_code == 302
    )
    assert CheckIn.objects.get().organization == other_action.lead_organization


def test_editor_of_an_organisation_here_and_elsewhere_checks_in_for_this_areas_one(
    client_for, partner_editor, action, organization_a, other_organization
):
    from verkko.accounts.models import Membership

    Membership.objects.filter(user=partner_editor).delete()
    Membership.objects.create(user=partner_editor, organization=other_organization, role=Membership.Role.EDITOR)
    Membership.objects.create(user=partner_editor, organization=organization_a, role=Membership.Role.EDITOR)
    assert client_for(partner_editor).post(f"/fi/oulu/actions/{action.uuid}/check-in/", DATA).status_code == 302
    assert CheckIn.objects.get().organization == organization_a


def test_public_is_sent_to_sign_in(client_for, action):
    assert client_for(None).post(f"/fi/oulu/actions/{action.uuid}/check-in/", DATA).status_code == 302
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("changes", [{"confidence": "great"}, {"progress": "101"}, {"narrative": ""}])
def test_bad_check_in_is_an_error_and_nothing_changes(client_for, partner_editor, action, changes):
    response = client_for(partner_editor).post(f"/fi/oulu/actions/{action.uuid}/check-in/", {**DATA, **changes})
    assert response.status_code == 400
    assert not CheckIn.objects.exists()
    action.refresh_from_db()
    assert action.progress == 30


def test_check_in_refuses_other_methods(client_for, partner_editor, action):
    assert client_for(partner_editor).put(f"/fi/oulu/actions/{action.uuid}/check-in/").status_code == 405
