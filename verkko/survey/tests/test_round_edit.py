import pytest

from verkko.survey.tests.conftest import answer, by_role


def url(survey_round):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/edit/"


def data(survey_round, chosen, **changes):
    return {
        "title": survey_round.title,
        "opens_on": survey_round.opens_on.isoformat(),
        "closes_on": survey_round.closes_on.isoformat(),
        "organizations": [organization.pk for organization in chosen],
        **changes,
    }


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 302, 404, 404, 404))
def test_only_coordinators_edit_rounds(as_role, everyone, open_round, role, status):
    assert as_role(role).get(url(open_round)).status_code == status


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 302, 404, 404, 404))
def test_posting_changes(as_role, everyone, open_round, organizations, role, status):
    response = as_role(role).post(url(open_round), data(open_round, organizations, title="Uusi nimi"))
    assert response.status_code == status
    open_round.refresh_from_db()
    assert (open_round.title == "Uusi nimi") is (role == "coordinator")


def test_organisations_can_be_taken_off_but_not_one_that_answered(
    as_role, coordinator, open_round, organizations, organization_d
):
    answer(open_round, organizations[0], {})
    client = as_role("coordinator")
    client.post(url(open_round), data(open_round, organizations[:4]))
    assert organization_d not in open_round.organizations.all()
    response = client.post(url(open_round), data(open_round, organizations[1:4]))
    assert response.status_code == 200
    assert "Jo vastannutta organisaatiota ei voi poistaa kierrokselta." in response.content.decode()
    assert organizations[0] in open_round.organizations.all()


def test_bad_dates_change_nothing(as_role, coordinator, open_round, organizations):
    before = open_round.closes_on
    response = as_role("coordinator").post(url(open_round), data(open_round, organizations, closes_on="2000-01-01"))
    assert response.status_code == 200
    open_round.refresh_from_db()
    assert open_round.closes_on == before


def test_a_round_of_another_area_is_not_found(as_role, coordinator, outsider_coordinator, other_round):
    assert as_role("coordinator").get(url(other_round)).status_code == 404
    assert as_role("outsider_coordinator").get(url(other_round)).status_code == 404
