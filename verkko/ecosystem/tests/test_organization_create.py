import pytest

from verkko.ecosystem.models import Organization
from verkko.ecosystem.tests.conftest import by_role

URL = "/fi/oulu/ecosystem/organisations/new/"


def valid(**changes):
    return {"name_fi": "Uusi Yhdistys ry", "type": "ngo", "business_id": "0187690-1", "website": "", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_add_organisations(as_role, everyone, role, status):
    assert as_role(role).get(URL).status_code == status
    assert as_role(role).post(URL, valid()).status_code in (status, 302)
    assert Organization.objects.filter(name="Uusi Yhdistys ry").exists() is (status == 200)


def test_coordinator_adds_an_organisation_and_goes_to_its_page(as_role, coordinator):
    response = as_role("coordinator").post(URL, valid())
    organization = Organization.objects.get(name="Uusi Yhdistys ry")
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/ecosystem/uusi-yhdistys-ry/"
    assert organization.slug == "uusi-yhdistys-ry"


def test_a_name_that_is_a_page_of_the_app_gets_another_slug(as_role, coordinator):
    as_role("coordinator").post(URL, valid(name_fi="Map"))
    assert Organization.objects.get(name="Map").slug == "map-2"


@pytest.mark.parametrize(
    "bad",
    [{"business_id": "0187690-2"}, {"business_id": "123"}, {"type": "alien"}, {"name_fi": ""}, {"website": "x y"}],
)
def test_bad_input_shows_errors_and_saves_nothing(as_role, coordinator, bad):
    before = Organization.objects.count()
    response = as_role("coordinator").post(URL, valid(**bad))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Organization.objects.count() == before


def test_a_duplicate_name_in_the_area_is_refused_in_finnish(as_role, coordinator, organization_a):
    response = as_role("coordinator").post(URL, valid(name_fi="organisaatio a"))
    assert "Alueella on jo tämänniminen organisaatio." in response.content.decode()


def test_organisation_creation_refuses_put(as_role, coordinator):
    assert as_role("coordinator").put(URL).status_code == 405
