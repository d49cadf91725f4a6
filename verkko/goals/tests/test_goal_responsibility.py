"""Coordinators set R/A/C/I for a goal, as they do for forums; the goal page and the matrix show it."""

from datetime import date

import pytest

from verkko.ecosystem.models import Responsibility, Visibility
from verkko.goals.models import Goal
from verkko.goals.tests.conftest import ROLES

URL = "/fi/oulu/goals/tyollisyys/responsibilities/"


@pytest.fixture
def goal(area):
    return Goal.objects.create(
        area=area, slug="tyollisyys", title="Työllisyys nousuun", starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31)
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_set_a_goals_responsibilities(
    client_for, user_for, coordinator, partner_editor, partner_member, editor_b, goal, organization_b, role
):
    response = client_for(user_for(role)).post(URL, {"organization": organization_b.pk, "level": "A"})
    expected = 302 if role == "coordinator" else 403
    assert response.status_code == expected
    assert Responsibility.objects.filter(organization=organization_b, level="A").exists() is (expected == 302)


def test_the_goal_page_and_the_matrix_show_the_letter(client_for, coordinator, goal, organization_b):
    client_for(coordinator).post(URL, {"organization": organization_b.pk, "level": "C"})
    page = client_for(None).get("/fi/oulu/goals/tyollisyys/").content.decode()
    assert "Organisaatio B" in page
    assert "Työllisyys nousuun" in client_for(None).get("/fi/oulu/ecosystem/responsibilities/").content.decode()


def test_an_empty_level_removes_the_cell(client_for, coordinator, goal, organization_b):
    client = client_for(coordinator)
    client.post(URL, {"organization": organization_b.pk, "level": "R"})
    client.post(URL, {"organization": organization_b.pk, "level": ""})
    assert not Responsibility.objects.exists()


def test_a_bad_level_or_another_areas_organisation_is_refused(
    client_for, coordinator, goal, other_organization, organization_b
):
    client = client_for(coordinator)
    assert client.post(URL, {"organization": organization_b.pk, "level": "X"}).status_code == 400
    assert client.post(URL, {"organization": other_organization.pk, "level": "R"}).status_code == 400
    assert not Responsibility.objects.exists()


def test_a_partner_only_goal_is_not_found_for_outsiders(client_for, outsider_coordinator, goal, organization_b):
    goal.visibility = Visibility.PARTNERS
    goal.save()
    response = client_for(outsider_coordinator).post(URL, {"organization": organization_b.pk, "level": "R"})
    assert response.status_code == 404


def test_setting_refuses_get(client_for, coordinator, goal):
    assert client_for(coordinator).get(URL).status_code == 405
