import pytest


def test_partner_editor_sees_actions_led_or_partnered_by_their_organisation(
    client_for, partner_editor, action, partner_action, organization_a
):
    partner_action.partner_organizations.add(organization_a)
    response = client_for(partner_editor).get("/fi/my-actions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Organisaationi toimenpiteet" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "Työkykykoordinaattorit" in content
    assert f"/fi/actions/{action.uuid}/check-in/" in content


def test_editor_of_b_sees_only_b_actions(client_for, editor_b, action, partner_action):
    content = client_for(editor_b).get("/fi/my-actions/").content.decode()
    assert "Työkykykoordinaattorit" in content
    assert "Oppisopimuspolku nuorille" not in content


@pytest.mark.parametrize("role", ["partner_member"])
def test_member_without_edit_rights_is_refused(client_for, user_for, role, action):
    assert client_for(user_for(role)).get("/fi/my-actions/").status_code == 403


def test_public_is_sent_to_sign_in(client_for, action):
    assert client_for(None).get("/fi/my-actions/").status_code == 302


def test_my_actions_refuses_post(client_for, partner_editor):
    assert client_for(partner_editor).post("/fi/my-actions/").status_code == 405
