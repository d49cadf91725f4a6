import pytest

from verkko.goals.tests.conftest import ROLES, is_partner_role


def test_indicator_page_shows_chart_targets_status_and_history(client_for, goal, indicator):
    response = client_for(None).get(f"/fi/oulu/indicators/{indicator.slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Koulutukseen ohjatut nuoret</h1>" in content
    assert "Tavoitepolku" in content
    assert "Lähtötaso" in content
    assert "Q1/2026" in content
    assert "2026Q1" not in content
    assert "history-summary" in content  # the public sees that and when something changed, not what


@pytest.mark.parametrize("role", ROLES)
def test_what_changed_is_shown_only_to_partners_of_the_area(client_for, user_for, goal, indicator, role):
    content = client_for(user_for(role)).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "history-heading" in content  # that and when something changed: everyone
    assert ("history-summary" in content) != is_partner_role(role)  # who changed what: partners


def test_area_indicator_shows_values_by_municipality_and_demo_notice(client_for, goal, area_indicator):
    goal.indicators.add(area_indicator)
    content = client_for(None).get(f"/fi/oulu/indicators/{area_indicator.slug}/").content.decode()
    assert "Kunnittain" in content
    assert "Kempele" in content
    assert "keksittyä demoaineistoa" in content
    assert "980" in content  # the latest area sum, 900 + 80


@pytest.mark.parametrize("role", ROLES)
def test_indicator_of_only_partner_goals_is_404_for_the_public(client_for, user_for, partner_goal, indicator, role):
    partner_goal.indicators.add(indicator)
    status = client_for(user_for(role)).get(f"/fi/oulu/indicators/{indicator.slug}/").status_code
    assert status == (200 if is_partner_role(role) else 302 if role is None else 404)  # the public signs in


@pytest.mark.parametrize("role", ROLES)
def test_indicator_of_a_public_goal_is_shown_to_everyone(client_for, user_for, goal, indicator, role):
    assert client_for(user_for(role)).get(f"/fi/oulu/indicators/{indicator.slug}/").status_code == 200


def test_same_slug_in_another_area_is_that_areas_own_indicator(
    client_for, goal, indicator, other_indicator, other_goal
):
    other_goal.indicators.add(other_indicator)
    assert other_indicator.slug == indicator.slug
    content = client_for(None).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "<h1>Koulutukseen ohjatut nuoret</h1>" in content
    assert "Rannikon koulutukseen ohjatut" not in content
    content = client_for(None).get(f"/fi/rannikko/indicators/{indicator.slug}/").content.decode()
    assert "<h1>Rannikon koulutukseen ohjatut</h1>" in content


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator"])
def test_indicator_of_another_area_by_uuid_is_404_here(client_for, user_for, other_goal, other_indicator, role):
    other_goal.indicators.add(other_indicator)
    assert client_for(user_for(role)).get(f"/fi/oulu/indicators/{other_indicator.uuid}/").status_code == 404


def test_turn_the_curve_note_is_shown(client_for, goal, indicator):
    from verkko.goals.models import TurnTheCurve

    TurnTheCurve.objects.create(indicator=indicator, story="Syksyllä kasvua.", what_works="Ohjaamo.")
    content = client_for(None).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "Käyrän kääntäminen" in content
    assert "Syksyllä kasvua." in content


def test_indicator_page_refuses_post(client_for, coordinator, indicator):
    assert client_for(coordinator).post(f"/fi/oulu/indicators/{indicator.slug}/").status_code == 405
