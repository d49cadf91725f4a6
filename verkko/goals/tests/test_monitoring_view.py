import pytest

from verkko.goals.tests.conftest import ROLES, is_partner_role

URL = "/fi/oulu/goals/"


def test_monitoring_view_shows_each_goal_with_status_word_and_action_progress(client_for, goal, action):
    response = client_for(None).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "status-off_track" in content
    assert "jäljessä" in content
    assert "<svg" in content  # the sparkline
    assert "30 %" in content


@pytest.mark.parametrize("role", ROLES)
def test_partner_only_goal_is_shown_only_to_partners(client_for, user_for, goal, partner_goal, role):
    response = client_for(user_for(role)).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert ("Osatyökykyisten työllistyminen" in content) == is_partner_role(role)


@pytest.mark.parametrize("role", ROLES)
def test_goals_of_another_area_are_not_shown(client_for, user_for, goal, other_goal, other_partner_goal, role):
    content = client_for(user_for(role)).get(URL).content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "Rannikon nuorten työllisyys" not in content
    assert "Rannikon sisäinen tavoite" not in content


def test_filters_offer_only_this_areas_forums_and_organisations(
    client_for, coordinator, goal, action, other_goal, other_action
):
    content = client_for(coordinator).get(URL).content.decode()
    assert "Nuorten työllisyyden verkosto" in content
    assert "Rannikon ohjausryhmä" not in content
    assert "Rannikon kehitys" not in content
    # The other area's forum has the same slug; the filter means this area's forum.
    assert (
        "Nuorisotyöttömyyden vähentäminen"
        in client_for(coordinator).get(URL, {"forum": "nuorten-verkosto"}).content.decode()
    )
    response = client_for(coordinator).get(URL, {"organization": other_action.lead_organization.slug})
    assert "errorlist" in response.content.decode()


def test_filter_by_status(client_for, goal, partner_goal, coordinator):
    content = client_for(coordinator).get(URL, {"status": "off_track"}).content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "Osatyökykyisten työllistyminen" not in content  # no indicators: no data


def test_filter_by_forum_and_organisation(client_for, goal, action, partner_goal, partner_action, coordinator):
    client = client_for(coordinator)
    content = client.get(URL, {"organization": action.lead_organization.slug}).content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "Osatyökykyisten työllistyminen" not in content
    content = client.get(URL, {"forum": goal.owner_forum.slug}).content.decode()
    assert "Osatyökykyisten työllistyminen" in content


def test_unknown_filter_value_shows_an_error_and_all_goals(client_for, goal):
    response = client_for(None).get(URL, {"status": "excellent"})
    assert response.status_code == 200
    assert "Nuorisotyöttömyyden vähentäminen" in response.content.decode()
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_see_the_create_buttons(client_for, user_for, role, goal):
    content = client_for(user_for(role)).get(URL).content.decode()
    assert ("/fi/oulu/goals/new/" in content) == (role == "coordinator")


def test_monitoring_view_refuses_post(client_for, coordinator):
    assert client_for(coordinator).post(URL).status_code == 405


def test_sub_goals_follow_their_parent(client_for, coordinator, goal, partner_goal):
    partner_goal.parent = goal
    partner_goal.title = "A-alkuinen alatavoite"
    partner_goal.save()
    content = client_for(coordinator).get(URL).content.decode()
    assert content.index("Nuorisotyöttömyyden vähentäminen") < content.index("A-alkuinen alatavoite")
    assert "Alatavoite:" in content
