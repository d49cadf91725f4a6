import pytest

from verkko.goals.models import Action
from verkko.goals.tests.conftest import OUTSIDERS


def test_partner_editor_sees_actions_led_or_partnered_by_their_organisation(
    client_for, partner_editor, action, partner_action, organization_a
):
    partner_action.partner_organizations.add(organization_a)
    response = client_for(partner_editor).get("/fi/oulu/my-actions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Organisaationi toimenpiteet" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "Työkykykoordinaattorit" in content
    assert f"/fi/oulu/actions/{action.uuid}/check-in/" in content


def test_editor_of_b_sees_only_b_actions(client_for, editor_b, action, partner_action):
    content = client_for(editor_b).get("/fi/oulu/my-actions/").content.decode()
    assert "Työkykykoordinaattorit" in content
    assert "Oppisopimuspolku nuorille" not in content


@pytest.mark.parametrize("role", ["partner_member", *OUTSIDERS])
def test_member_without_edit_rights_here_is_refused(client_for, user_for, role, action, other_action):
    assert client_for(user_for(role)).get("/fi/oulu/my-actions/").status_code == 403


def test_only_this_areas_organisations_and_actions_are_listed(
    client_for, partner_editor, action, organization_a, other_organization, other_action
):
    from verkko.accounts.models import Membership

    Membership.objects.create(user=partner_editor, organization=other_organization, role=Membership.Role.EDITOR)
    content = client_for(partner_editor).get("/fi/oulu/my-actions/").content.decode()
    assert "Oppisopimuspolku nuorille" in content
    assert "Rannikon kehitys" not in content
    assert "Rannikon kesätyöt" not in content
    content = client_for(partner_editor).get("/fi/rannikko/my-actions/").content.decode()
    assert "Rannikon kesätyöt" in content
    assert "Oppisopimuspolku nuorille" not in content
    assert Action.objects.count() == 2


def test_public_is_sent_to_sign_in(client_for, action):
    assert client_for(None).get("/fi/oulu/my-actions/").status_code == 302


def test_my_actions_refuses_post(client_for, partner_editor):
    assert client_for(partner_editor).post("/fi/oulu/my-actions/").status_code == 405
