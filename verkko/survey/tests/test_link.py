"""The organisation's personal link: whoever holds it answers for it, without signing in."""

import pytest

from verkko.survey import access
from verkko.survey.models import Response
from verkko.survey.tests.answers import part_one, ratings
from verkko.survey.tests.conftest import by_role


def link(survey_round, organization):
    return f"/fi/oulu/survey/link/{access.answer_token(survey_round, organization)}/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 200, 200, 200, 200))
def test_whoever_holds_the_link_may_answer(as_role, everyone, open_round, organization_c, role, status):
    assert as_role(role).get(link(open_round, organization_c)).status_code == status
    assert as_role(role).get(link(open_round, organization_c) + "partners/").status_code == status


def test_an_answer_through_the_link(as_role, open_round, organization_c, organization_a):
    client = as_role("public")
    response = client.post(link(open_round, organization_c), {**part_one(organization_a), "continue": ""})
    assert response["Location"] == link(open_round, organization_c) + "partners/"
    client.post(link(open_round, organization_c) + "partners/", {**ratings(organization_a), "submit": ""})
    saved = Response.objects.get(organization=organization_c)
    assert saved.status == Response.Status.SUBMITTED
    assert saved.updated_by is None
    assert saved.ties.get().partner == organization_a


@pytest.mark.parametrize("token", ["ei-kelpaa", "eyJyb3VuZCI6IDF9:1:abc"])
def test_a_broken_link_is_not_found(as_role, open_round, token):
    assert as_role("public").get(f"/fi/oulu/survey/link/{token}/").status_code == 404


def test_a_link_of_another_area_is_not_found_here(as_role, other_round, other_organization):
    assert as_role("public").get(link(other_round, other_organization)).status_code == 404


def test_a_link_of_an_organisation_taken_off_the_round_is_not_found(as_role, open_round, organization_c):
    address = link(open_round, organization_c)
    open_round.participants.filter(organization=organization_c).delete()
    assert as_role("public").get(address).status_code == 404


def test_the_link_is_read_only_after_the_close(as_role, closed_round, organization_c):
    client = as_role("public")
    response = client.post(link(closed_round, organization_c), {**part_one(), "draft": ""})
    assert "Kierros on päättynyt" in response.content.decode()
    assert not Response.objects.exists()
