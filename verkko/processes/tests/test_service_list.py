import pytest

from verkko.processes.tests.conftest import by_role

URL = "/fi/oulu/services/"


def names(response):
    return [service.name for service in response.context["services"]]


@pytest.mark.parametrize("role", [role for role, _ in by_role(*[None] * 8)])
def test_everyone_finds_the_service_for_a_young_person_in_kempele(
    as_role, everyone, youth_service, employer_service, area_wide_service, role
):
    response = as_role(role).get(URL, {"q": "palvelut nuorelle Kempeleessä"})
    assert response.status_code == 200
    assert names(response) == ["Nuorten työhönvalmennus", "Työnhaun neuvonta"]
    page = response.content.decode()
    assert "040 111 2222" in page  # how to refer, on the list itself
    assert "Torikatu 10" in page


def test_employers_services_in_oulu(as_role, youth_service, employer_service, area_wide_service):
    response = as_role("public").get(URL, {"q": "työnantajalle Oulussa"})
    assert names(response) == ["Rekrytointipalvelu"]


def test_a_free_word_is_searched_in_names_and_descriptions(as_role, youth_service, employer_service):
    assert names(as_role("public").get(URL, {"q": "valmennusta"})) == ["Nuorten työhönvalmennus"]


def test_filters_by_audience_and_organisation(as_role, youth_service, employer_service, organization_b):
    assert names(as_role("public").get(URL, {"audience": "employers"})) == ["Rekrytointipalvelu"]
    assert names(as_role("public").get(URL, {"organization": organization_b.pk})) == ["Rekrytointipalvelu"]


def test_an_unknown_filter_value_is_a_bad_request(as_role, youth_service):
    assert as_role("public").get(URL, {"audience": "kaikki"}).status_code == 400


def test_another_areas_services_are_not_found(as_role, youth_service, other_service):
    assert "Rannikon valmennus" not in names(as_role("public").get(URL))


def test_services_of_archived_organisations_are_not_listed(as_role, youth_service, organization_a):
    from django.utils import timezone

    organization_a.archived_at = timezone.now()
    organization_a.save()
    assert names(as_role("public").get(URL)) == []


def test_the_list_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405


def test_the_list_reads_a_constant_number_of_queries(
    as_role, youth_service, employer_service, area_wide_service, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert as_role("public").get(URL, {"q": "nuorelle Kempeleessä"}).status_code == 200
