import pytest

from verkko.goals.tests.conftest import ROLES


def test_action_list_shows_actions_with_status_and_progress(client_for, action):
    response = client_for(None).get("/fi/actions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Toimenpiteet</h1>" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "käynnissä" in content


@pytest.mark.parametrize("role", ROLES)
def test_actions_of_partner_only_goals_are_only_for_partners(client_for, user_for, role, action, partner_action):
    content = client_for(user_for(role)).get("/fi/actions/").content.decode()
    assert ("Työkykykoordinaattorit" in content) == (role is not None)


def test_overdue_action_is_flagged(client_for, action):
    from datetime import date

    action.due_on = date(2020, 1, 1)
    action.starts_on = date(2019, 1, 1)
    action.save()
    assert "myöhässä" in client_for(None).get("/fi/actions/").content.decode()


def test_action_list_refuses_post(client_for, coordinator):
    assert client_for(coordinator).post("/fi/actions/").status_code == 405
