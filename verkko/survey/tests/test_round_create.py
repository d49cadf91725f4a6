import pytest

from verkko.survey.models import SurveyRound
from verkko.survey.tests.conftest import by_role

URL = "/fi/oulu/survey/new/"


def data(chosen, **changes):
    return {
        "title": "Kevään kysely",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-20",
        "organizations": [organization.pk for organization in chosen],
        **changes,
    }


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 302, 404, 404, 404))
def test_only_coordinators_open_rounds(as_role, everyone, area, role, status):
    assert as_role(role).get(URL).status_code == status


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 302, 404, 404, 404))
def test_posting_a_round(as_role, everyone, organizations, role, status):
    response = as_role(role).post(URL, data(organizations))
    assert response.status_code == status
    assert SurveyRound.objects.exists() is (role == "coordinator")


def test_a_new_round_has_the_chosen_organisations(as_role, coordinator, area, organizations):
    response = as_role("coordinator").post(URL, data(organizations[:3]))
    survey_round = SurveyRound.objects.get()
    assert response["Location"] == f"/fi/oulu/survey/rounds/{survey_round.uuid}/"
    assert survey_round.area == area
    assert survey_round.created_by == coordinator
    assert set(survey_round.organizations.all()) == set(organizations[:3])


@pytest.mark.parametrize(
    "changes",
    [
        {"closes_on": "2026-11-01"},
        {"title": ""},
        {"opens_on": "eilen"},
        {"organizations": []},
    ],
)
def test_bad_input_changes_nothing(as_role, coordinator, organizations, changes):
    response = as_role("coordinator").post(URL, data(organizations, **changes))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not SurveyRound.objects.exists()


def test_one_organisation_is_not_a_network(as_role, coordinator, organizations):
    response = as_role("coordinator").post(URL, data(organizations[:1]))
    assert "Valitse vähintään kaksi organisaatiota." in response.content.decode()


def test_an_organisation_of_another_area_cannot_be_chosen(as_role, coordinator, organizations, other_organization):
    response = as_role("coordinator").post(URL, data([*organizations, other_organization]))
    assert response.status_code == 200
    assert not SurveyRound.objects.exists()
