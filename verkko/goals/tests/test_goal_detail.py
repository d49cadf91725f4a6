import pytest

from verkko.goals.tests.conftest import OUTSIDERS, ROLES, is_partner_role


def test_goal_page_shows_indicators_chart_actions_and_history(client_for, goal, action):
    response = client_for(None).get(f"/fi/oulu/goals/{goal.slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Nuorisotyöttömyyden vähentäminen</h1>" in content
    assert "Koulutukseen ohjatut nuoret" in content
    assert "<svg" in content
    assert "Oppisopimuspolku nuorille" in content
    assert "history-summary" in content  # the public sees that and when something changed, not what


@pytest.mark.parametrize("role", ROLES)
def test_what_changed_is_shown_only_to_partners_of_the_area(client_for, user_for, goal, role):
    content = client_for(user_for(role)).get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
    assert "history-heading" in content  # that and when something changed: everyone
    assert ("history-summary" in content) != is_partner_role(role)  # who changed what: partners


def test_goal_page_answers_to_its_uuid_too(client_for, goal):
    assert client_for(None).get(f"/fi/oulu/goals/{goal.uuid}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_partner_only_goal_is_404_for_the_public_and_outsiders(client_for, user_for, partner_goal, role):
    client = client_for(user_for(role))
    for key in (partner_goal.slug, partner_goal.uuid):
        status = client.get(f"/fi/oulu/goals/{key}/").status_code
        assert status == (200 if is_partner_role(role) else 302 if role is None else 404)  # the public signs in


@pytest.mark.parametrize("role", ROLES)
def test_public_goal_is_shown_to_everyone_without_partner_only_sub_goals(
    client_for, user_for, goal, partner_goal, role
):
    partner_goal.parent = goal
    partner_goal.save()
    response = client_for(user_for(role)).get(f"/fi/oulu/goals/{goal.slug}/")
    assert response.status_code == 200
    assert ("Osatyökykyisten työllistyminen" in response.content.decode()) == is_partner_role(role)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_member_of_another_area_does_not_see_this_areas_partner_only_goal(client_for, user_for, partner_goal, role):
    """Issue 9 as it was found: signed in as a partner of another area, the partner-only goal is a 404."""
    response = client_for(user_for(role)).get(f"/fi/oulu/goals/{partner_goal.slug}/")
    assert response.status_code == 404
    assert "Osatyökykyisten työllistyminen" not in response.content.decode()


def test_same_slug_in_another_area_is_that_areas_own_goal(client_for, goal, other_goal, partner_member):
    assert other_goal.slug == goal.slug
    for client in (client_for(None), client_for(partner_member)):
        content = client.get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
        assert "<h1>Nuorisotyöttömyyden vähentäminen</h1>" in content
        assert "Rannikon nuorten työllisyys" not in content
    content = client_for(None).get(f"/fi/rannikko/goals/{goal.slug}/").content.decode()
    assert "<h1>Rannikon nuorten työllisyys</h1>" in content


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator", None])
def test_goal_of_another_area_by_uuid_is_404_here(client_for, user_for, other_goal, other_partner_goal, role):
    client = client_for(user_for(role))
    assert client.get(f"/fi/oulu/goals/{other_goal.uuid}/").status_code == 404
    assert client.get(f"/fi/oulu/goals/{other_partner_goal.slug}/").status_code == 404


def test_sub_goals_are_listed(client_for, goal, partner_goal, coordinator):
    partner_goal.parent = goal
    partner_goal.save()
    assert (
        "Osatyökykyisten työllistyminen" in client_for(coordinator).get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
    )
    assert "Osatyökykyisten työllistyminen" not in client_for(None).get(f"/fi/oulu/goals/{goal.slug}/").content.decode()


def test_goal_page_refuses_post(client_for, coordinator, goal):
    assert client_for(coordinator).post(f"/fi/oulu/goals/{goal.slug}/").status_code == 405
