import pytest

from verkko.survey.tests.conftest import by_role

URL = "/fi/oulu/survey/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_only_partners_of_the_area_see_the_survey(as_role, everyone, open_round, role, status):
    response = as_role(role).get(URL)
    assert response.status_code == status
    if status == 200:
        assert "Kumppanikysely 2026" in response.content.decode()
    else:
        assert "Kumppanikysely 2026" not in response.content.decode()


@pytest.mark.parametrize(("role", "sees"), by_role(True, False, False, False, False, False, False, False))
def test_only_coordinators_are_offered_a_new_round(as_role, everyone, area, role, sees):
    assert ("/survey/new/" in as_role(role).get(URL).content.decode()) is sees


def test_the_nav_shows_the_survey_to_partners_only(as_role, partner_member, outsider_coordinator, area):
    assert "/fi/oulu/survey/" in as_role("partner_member").get("/fi/oulu/ecosystem/").content.decode()
    assert "/fi/oulu/survey/" not in as_role("outsider_coordinator").get("/fi/oulu/ecosystem/").content.decode()


def test_rounds_of_another_area_are_not_listed(as_role, coordinator, open_round, other_round):
    content = as_role("coordinator").get(URL).content.decode()
    assert "Kumppanikysely 2026" in content
    assert "Rannikon kysely" not in content


def test_index_query_budget(as_role, coordinator, open_round, closed_round, django_assert_max_num_queries):
    client = as_role("coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def test_index_refuses_post(as_role, coordinator, area):
    assert as_role("coordinator").post(URL).status_code == 405
