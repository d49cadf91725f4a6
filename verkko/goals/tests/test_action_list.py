import pytest

from verkko.goals.tests.conftest import ROLES, is_partner_role


def test_action_list_shows_actions_with_status_and_progress(client_for, action):
    response = client_for(None).get("/fi/oulu/actions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Toimenpiteet</h1>" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "käynnissä" in content


@pytest.mark.parametrize("role", ROLES)
def test_actions_of_partner_only_goals_are_only_for_partners(client_for, user_for, role, action, partner_action):
    response = client_for(user_for(role)).get("/fi/oulu/actions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Oppisopimuspolku nuorille" in content
    assert ("Työkykykoordinaattorit" in content) == is_partner_role(role)
    assert ("/fi/oulu/actions/new/" in content) == (role == "coordinator")


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator", None])
def test_actions_of_another_area_are_not_listed(client_for, user_for, role, action, other_action):
    content = client_for(user_for(role)).get("/fi/oulu/actions/").content.decode()
    assert "Oppisopimuspolku nuorille" in content
    assert "Rannikon kesätyöt" not in content
    assert "Rannikon kesätyöt" in client_for(user_for(role)).get("/fi/rannikko/actions/").content.decode()


def test_overdue_action_is_flagged(client_for, action):
    from datetime import date

    action.due_on = date(2020, 1, 1)
    action.starts_on = date(2019, 1, 1)
    action.save()
    assert "myöhässä" in client_for(None).get("/fi/oulu/actions/").content.decode()


def test_action_list_refuses_post(client_for, coordinator):
    assert client_for(coordinator).post("/fi/oulu/actions/").status_code == 405
