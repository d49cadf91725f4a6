import pytest

from verkko.goals.tests.conftest import ROLES


def test_indicator_page_shows_chart_targets_status_and_history(client_for, goal, indicator):
    response = client_for(None).get(f"/fi/indicators/{indicator.slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Koulutukseen ohjatut nuoret</h1>" in content
    assert "Tavoitepolku" in content
    assert "Lähtötaso" in content
    assert "Q1/2026" in content
    assert "2026Q1" not in content
    assert "history-heading" in content


def test_area_indicator_shows_values_by_municipality_and_demo_notice(client_for, goal, area_indicator):
    goal.indicators.add(area_indicator)
    content = client_for(None).get(f"/fi/indicators/{area_indicator.slug}/").content.decode()
    assert "Kunnittain" in content
    assert "Kempele" in content
    assert "keksittyä demoaineistoa" in content
    assert "980" in content  # the latest area sum, 900 + 80


@pytest.mark.parametrize("role", ROLES)
def test_indicator_of_only_partner_goals_is_404_for_the_public(client_for, user_for, partner_goal, indicator, role):
    partner_goal.indicators.add(indicator)
    status = client_for(user_for(role)).get(f"/fi/indicators/{indicator.slug}/").status_code
    assert status == (404 if role is None else 200)


def test_turn_the_curve_note_is_shown(client_for, goal, indicator):
    from verkko.goals.models import TurnTheCurve

    TurnTheCurve.objects.create(indicator=indicator, story="Syksyllä kasvua.", what_works="Ohjaamo.")
    content = client_for(None).get(f"/fi/indicators/{indicator.slug}/").content.decode()
    assert "Käyrän kääntäminen" in content
    assert "Syksyllä kasvua." in content


def test_indicator_page_refuses_post(client_for, coordinator, indicator):
    assert client_for(coordinator).post(f"/fi/indicators/{indicator.slug}/").status_code == 405
