import pytest

from verkko.goals.models import CheckIn

DATA = {"progress": "45", "status": "under_way", "confidence": "at_risk", "narrative": "Syksyn haku täynnä."}


def test_lead_editor_checks_in_and_the_action_follows(client_for, partner_editor, action, organization_a):
    client = client_for(partner_editor)
    url = f"/fi/actions/{action.uuid}/check-in/"
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
    url = f"/fi/actions/{action.uuid}/check-in/"
    client.post(url, DATA)
    client.post(url, {**DATA, "progress": "50", "narrative": "Uusi tilanne."})
    assert CheckIn.objects.count() == 2
    assert action.check_ins.first().narrative == "Uusi tilanne."


def test_partner_organisation_editor_may_check_in(client_for, editor_b, action, organization_b):
    action.partner_organizations.add(organization_b)
    assert client_for(editor_b).post(f"/fi/actions/{action.uuid}/check-in/", DATA).status_code == 302
    assert CheckIn.objects.get().organization == organization_b


def test_coordinator_may_check_in(client_for, coordinator, action):
    assert client_for(coordinator).post(f"/fi/actions/{action.uuid}/check-in/", DATA).status_code == 302


@pytest.mark.parametrize("role", ["partner_member", "editor_b"])
def test_others_may_not_check_in(client_for, user_for, role, action):
    assert client_for(user_for(role)).post(f"/fi/actions/{action.uuid}/check-in/", DATA).status_code == 403
    assert not CheckIn.objects.exists()


def test_public_is_sent_to_sign_in(client_for, action):
    assert client_for(None).post(f"/fi/actions/{action.uuid}/check-in/", DATA).status_code == 302
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("changes", [{"confidence": "great"}, {"progress": "101"}, {"narrative": ""}])
def test_bad_check_in_is_an_error_and_nothing_changes(client_for, partner_editor, action, changes):
    response = client_for(partner_editor).post(f"/fi/actions/{action.uuid}/check-in/", {**DATA, **changes})
    assert response.status_code == 400
    assert not CheckIn.objects.exists()
    action.refresh_from_db()
    assert action.progress == 30


def test_check_in_refuses_other_methods(client_for, partner_editor, action):
    assert client_for(partner_editor).put(f"/fi/actions/{action.uuid}/check-in/").status_code == 405
