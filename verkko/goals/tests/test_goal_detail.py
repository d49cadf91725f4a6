import pytest

from verkko.goals.tests.conftest import ROLES


def test_goal_page_shows_indicators_chart_actions_and_history(client_for, goal, action):
    response = client_for(None).get(f"/fi/goals/{goal.slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Nuorisotyöttömyyden vähentäminen</h1>" in content
    assert "Koulutukseen ohjatut nuoret" in content
    assert "<svg" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "history-heading" in content


def test_goal_page_answers_to_its_uuid_too(client_for, goal):
    assert client_for(None).get(f"/fi/goals/{goal.uuid}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_partner_only_goal_is_404_for_the_public(client_for, user_for, partner_goal, role):
    status = client_for(user_for(role)).get(f"/fi/goals/{partner_goal.slug}/").status_code
    assert status == (404 if role is None else 200)


def test_sub_goals_are_listed(client_for, goal, partner_goal, coordinator):
    partner_goal.parent = goal
    partner_goal.save()
    assert "Osatyökykyisten työllistyminen" in client_for(coordinator).get(f"/fi/goals/{goal.slug}/").content.decode()
    assert "Osatyökykyisten työllistyminen" not in client_for(None).get(f"/fi/goals/{goal.slug}/").content.decode()


def test_goal_page_refuses_post(client_for, coordinator, goal):
    assert client_for(coordinator).post(f"/fi/goals/{goal.slug}/").status_code == 405
