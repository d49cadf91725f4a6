import pytest

from verkko.survey.tests.conftest import by_role


def url(survey_round):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_only_partners_see_a_round(as_role, everyone, open_round, role, status):
    response = as_role(role).get(url(open_round))
    assert response.status_code == status
    assert ("Kumppanikysely 2026" in response.content.decode()) is (status == 200)


@pytest.mark.parametrize(("role", "sees"), by_role(True, False, False, False, False, False, False, False))
def test_only_coordinators_see_the_organisations_and_their_personal_links(as_role, everyone, open_round, role, sees):
    content = as_role(role).get(url(open_round)).content.decode()
    assert ("/survey/link/" in content) is sees
    assert ("Lähetä kutsut" in content) is sees


@pytest.mark.parametrize(("role", "answers"), by_role(True, True, False, True, False, False, False, False))
def test_editors_of_the_round_s_organisations_are_offered_their_answer(as_role, everyone, open_round, role, answers):
    # The coordinator edits the backbone, partner_editor organisation A, editor_b organisation B.
    assert ("/answer/" in as_role(role).get(url(open_round)).content.decode()) is answers


def test_a_round_of_another_area_is_not_found(as_role, coordinator, other_round):
    assert as_role("coordinator").get(url(other_round)).status_code == 404


def test_round_detail_query_budget(as_role, coordinator, open_round, django_assert_max_num_queries):
    client = as_role("coordinator")
    with django_assert_max_num_queries(15):
        assert client.get(url(open_round)).status_code == 200


def test_round_detail_refuses_post(as_role, coordinator, open_round):
    assert as_role("coordinator").post(url(open_round)).status_code == 405
