from datetime import date

import pytest

from verkko.ecosystem.models import ForumMember, Visibility
from verkko.ecosystem.tests.factories import ForumFactory
from verkko.goals import status
from verkko.goals.models import Action, Goal, Indicator, IndicatorValue, Target
from verkko.survey.tests.conftest import by_role

URL = "/fi/oulu/survey/health/"


@pytest.fixture
def off_track_goal(area, organization_b, organization_c):
    """Off track (43 against an expected 46), worsening; its actors B and C do not name each other."""
    indicator = Indicator.objects.create(
        area=area,
        slug="koulutukseen-ohjatut",
        name="Koulutukseen ohjatut nuoret",
        frequency="Q",
        baseline_period=date(2025, 1, 1),
        baseline_value=40.0,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 1, 1), value=48.0)
    for period, value in [(date(2025, 4, 1), 42.0), (date(2025, 7, 1), 44.0), (date(2025, 10, 1), 43.0)]:
        IndicatorValue.objects.create(indicator=indicator, period=period, value=value)
    goal = Goal.objects.create(
        area=area, slug="nuoret", title="Nuorten koulutus", starts_on=date(2025, 1, 1), ends_on=date(2027, 12, 31)
    )
    goal.indicators.add(indicator)
    action = Action.objects.create(title="Ohjaamo", lead_organization=organization_c)
    action.partner_organizations.add(organization_b)
    action.goals.add(goal)
    return goal


@pytest.fixture
def working_goal(area, backbone_organization, organization_a):
    """No indicators (no data); its actors, the backbone and A, name each other."""
    goal = Goal.objects.create(
        area=area,
        slug="yhteistyo",
        title="Yhteispalvelu",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )
    action = Action.objects.create(title="Yhteinen palvelupiste", lead_organization=backbone_organization)
    action.partner_organizations.add(organization_a)
    action.goals.add(goal)
    return goal


@pytest.mark.parametrize(("role", "status_code"), by_role(200, 403, 403, 403, 302, 404, 404, 404))
def test_only_coordinators_see_the_collaboration_beside_the_goals(as_role, everyone, answers, role, status_code):
    assert as_role(role).get(URL).status_code == status_code


def test_an_off_track_goal_whose_actors_do_not_work_together_comes_first(
    as_role, coordinator, answers, off_track_goal, working_goal
):
    response = as_role("coordinator").get(URL)
    rows = response.context["goals"]
    assert [row.summary.goal for row in rows] == [off_track_goal, working_goal]
    off, working = rows
    # The status and trend come from the goals app.
    assert off.summary.status == status.OFF_TRACK
    assert off.trend.direction == status.DOWN
    assert off.collaboration.density == pytest.approx(0.0)
    assert off.collaboration.ties == []
    assert off.needs_attention
    assert working.summary.status == status.NO_DATA
    assert working.collaboration.density == pytest.approx(1.0)
    # Trust among the backbone and A: 4 (backbone → A) and 3 (A → backbone).
    assert working.collaboration.trust == pytest.approx(3.5)
    assert not working.needs_attention
    content = response.content.decode()
    assert "Ei etene, eivätkä toimijat tee yhteistyötä" in content
    assert "ei etene suunnitellusti" in content.lower()


def test_forums_show_the_ties_among_their_members(as_role, coordinator, answers, organization_a, organization_c):
    forum = ForumFactory(area=answers.area, name="Nuorten verkosto", slug="nuorten-verkosto")
    ForumMember.objects.create(forum=forum, organization=organization_a)
    ForumMember.objects.create(forum=forum, organization=organization_c)
    [(shown, collaboration)] = as_role("coordinator").get(URL).context["forums"]
    assert shown == forum
    # C → A only: 1 of 2 possible ties.
    assert collaboration.density == pytest.approx(0.5)
    assert collaboration.trust == pytest.approx(2.0)


def test_without_answers_the_page_says_so(as_role, coordinator, open_round):
    assert "Millään kyselykierroksella ei vielä ole" in as_role("coordinator").get(URL).content.decode()


def test_the_latest_round_with_answers_is_used(as_role, coordinator, previous_answers, answers):
    assert as_role("coordinator").get(URL).context["round"] == answers


def test_health_query_budget(
    as_role, coordinator, answers, off_track_goal, working_goal, django_assert_max_num_queries
):
    client = as_role("coordinator")
    with django_assert_max_num_queries(30):
        assert client.get(URL).status_code == 200


def test_health_refuses_post(as_role, coordinator, area):
    assert as_role("coordinator").post(URL).status_code == 405
