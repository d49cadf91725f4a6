"""Adding and editing contact people (person_create and person_edit)."""

import pytest

from verkko.ecosystem.models import Person
from verkko.ecosystem.tests.conftest import by_role

NEW_URL = "/fi/oulu/ecosystem/organisaatio-a/people/new/"
DATA = {"first_name": "Uusi", "last_name": "Ihminen", "email": "uusi@example.org", "show_publicly": "on"}


def edit_url(person):
    return f"/fi/oulu/ecosystem/people/{person.uuid}/edit/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403, 403, 403, 403))
def test_coordinators_and_the_organisations_editor_may_add_people(as_role, everyone, organization_a, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, DATA)
    assert Person.objects.filter(email="uusi@example.org").exists() is (status == 200)


def test_a_bad_email_address_adds_nobody(as_role, partner_editor, organization_a):
    response = as_role("partner_editor").post(NEW_URL, {**DATA, "email": "ei-osoite"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Person.objects.filter(first_name="Uusi").exists()


def test_adding_people_refuses_delete(as_role, partner_editor, organization_a):
    assert as_role("partner_editor").delete(NEW_URL).status_code == 405
