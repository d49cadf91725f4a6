import pytest

from verkko.ecosystem.models import Organization, Person
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.helpers import CONFIRM_URL, ORGANISATIONS, PEOPLE, confirm, csv_file, preview
from verkko.ecosystem.tests.helpers import IMPORT_URL as URL


def test_confirm_checks_the_rows_again_against_the_database(as_role, coordinator, organization_a):
    client = as_role("coordinator")
    response = preview(client, csv_file(PEOPLE), kind="people")
    organization_a.name = "Uusi nimi"
    organization_a.save()
    confirmed = confirm(client, response)
    assert confirmed.status_code == 400
    assert "Rivi 2: organisaatio" in confirmed.content.decode()
    assert not Person.objects.exists()


def test_confirm_without_a_preview_saves_nothing(as_role, coordinator):
    response = as_role("coordinator").post(CONFIRM_URL, {"token": "arvattu"})
    assert response.status_code == 302
    assert response["Location"] == URL


def test_a_preview_can_be_confirmed_only_once(as_role, coordinator):
    client = as_role("coordinator")
    response = preview(client, csv_file(ORGANISATIONS))
    confirm(client, response)
    assert confirm(client, response)["Location"] == URL
    assert Organization.objects.filter(name="Oulun Työpaja ry").count() == 1


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_confirm(as_role, everyone, role, status):
    assert as_role(role).post(CONFIRM_URL, {"token": "x"}).status_code == status


def test_confirm_refuses_get(as_role, coordinator):
    assert as_role("coordinator").get(CONFIRM_URL).status_code == 405
