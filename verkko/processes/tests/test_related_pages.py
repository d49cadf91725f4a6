"""The goal and forum pages show the processes linked to them (through this app's template tag)."""

import pytest

from verkko.processes.tests.conftest import by_role

GOAL = "/fi/oulu/goals/nuoret-toihin/"
FORUM = "/fi/oulu/ecosystem/forums/nuorten-verkosto/"


@pytest.mark.parametrize(("role", "sees_partner_only"), by_role(True, True, True, True, False, False, False, False))
def test_the_goal_page_shows_the_processes_that_serve_it(
    as_role, everyone, process, partner_process, goal, role, sees_partner_only
):
    partner_process.goals.add(goal)
    page = as_role(role).get(GOAL).content.decode()
    assert "/fi/oulu/processes/nuoren-polku/" in page
    assert ("Sisäinen prosessi" in page) is sees_partner_only


@pytest.mark.parametrize(("role", "sees_partner_only"), by_role(True, True, True, True, False, False, False, False))
def test_the_forum_page_shows_the_processes_it_owns(
    as_role, everyone, process, partner_process, forum, role, sees_partner_only
):
    partner_process.forums.add(forum)
    page = as_role(role).get(FORUM).content.decode()
    assert "/fi/oulu/processes/nuoren-polku/" in page
    assert ("Sisäinen prosessi" in page) is sees_partner_only


def test_the_goal_page_shows_committed_resources_and_actions_without_them(
    as_role, everyone, goal, action, organization_a
):
    from verkko.goals.models import Action

    bare = Action.objects.create(title="Resurssiton toimenpide", lead_organization=organization_a)
    bare.goals.add(goal)
    page = as_role("public").get(GOAL).content.decode()
    assert "Resurssiton toimenpide" in page
    assert "Ohjaamon laajennus" in page  # no commitment yet either


def test_the_forum_page_shows_the_agreements_it_follows(as_role, everyone, agreement, commitment):
    page = as_role("public").get(FORUM).content.decode()
    assert "Nuorten palvelujen yhteistyösopimus" in page
    assert "henkilötyökuukautta" in page
