"""Adding and editing contact people (person_create and person_edit)."""

import pytest

from verkko.ecosystem.models import Person
from verkko.ecosystem.tests.conftest import by_role

NEW_URL = "/fi/ecosystem/organisaatio-a/people/new/"
DATA = {"first_name": "Uusi", "last_name": "Ihminen", "email": "uusi@example.org", "show_publicly": "on"}


def edit_url(person):
    return f"/fi/ecosystem/people/{person.uuid}/edit/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403))
def test_coordinators_and_the_organisations_editor_may_add_people(as_role, everyone, organization_a, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, DATA)
    assert Person.objects.filter(email="uusi@example.org").exists() is (status == 200)


def test_a_bad_email_address_adds_nobody(as_role, partner_editor, organization_a):
    response = as_role("partner_editor").post(NEW_URL, {**DATA, "email": "ei-osoite"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Person.objects.filter(first_name="Uusi").exists()


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403))
def test_who_may_edit_a_person_who_is_shown_publicly(as_role, everyone, public_person, role, status):
    assert as_role(role).get(edit_url(public_person)).status_code == status
    as_role(role).post(edit_url(public_person), {**DATA, "first_name": "Muutettu"})
    public_person.refresh_from_db()
    assert (public_person.first_name == "Muutettu") is (status == 200)


def test_the_public_may_not_even_see_a_person_who_is_not_shown(as_role, private_person):
    assert as_role("public").get(edit_url(private_person)).status_code == 404


def test_editing_a_person_with_bad_input_changes_nothing(as_role, partner_editor, public_person):
    response = as_role("partner_editor").post(edit_url(public_person), {**DATA, "last_name": ""})
    assert response.status_code == 200
    public_person.refresh_from_db()
    assert public_person.last_name == "Henkilö"


def test_an_erased_person_cannot_be_edited(as_role, coordinator, public_person):
    from verkko.ecosystem import actions

    actions.erase_person(coordinator, public_person)
    assert as_role("coordinator").get(edit_url(public_person)).status_code == 404


def test_people_pages_refuse_wrong_methods(as_role, partner_editor, public_person):
    assert as_role("partner_editor").delete(NEW_URL).status_code == 405
    assert as_role("partner_editor").delete(edit_url(public_person)).status_code == 405
