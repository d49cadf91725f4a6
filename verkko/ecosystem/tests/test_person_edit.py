import pytest

from verkko.ecosystem.tests.conftest import by_role

DATA = {"first_name": "Uusi", "last_name": "Ihminen", "email": "uusi@example.org", "show_publicly": "on"}


def edit_url(person):
    return f"/fi/oulu/ecosystem/people/{person.uuid}/edit/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403, 403, 403, 403))
def test_who_may_edit_a_person_who_is_shown_publicly(as_role, everyone, public_person, role, status):
    assert as_role(role).get(edit_url(public_person)).status_code == status
    as_role(role).post(edit_url(public_person), {**DATA, "first_name": "Muutettu"})
    public_person.refresh_from_db()
    assert (public_person.first_name == "Muutettu") is (status == 200)


def test_the_public_is_asked_to_sign_in_for_a_person_who_is_not_shown(as_role, private_person, outsider_editor):
    assert as_role("public").get(edit_url(private_person))["Location"].startswith("/fi/accounts/login/?next=")
    assert as_role("outsider_editor").get(edit_url(private_person)).status_code == 404


def test_editing_a_person_with_bad_input_changes_nothing(as_role, partner_editor, public_person):
    response = as_role("partner_editor").post(edit_url(public_person), {**DATA, "last_name": ""})
    assert response.status_code == 200
    public_person.refresh_from_db()
    assert public_person.last_name == "Henkilö"


def test_an_erased_person_cannot_be_edited(as_role, coordinator, public_person):
    from verkko.ecosystem import actions

    actions.erase_person(coordinator, public_person)
    assert as_role("coordinator").get(edit_url(public_person)).status_code == 404


def test_person_edit_refuses_delete(as_role, partner_editor, public_person):
    assert as_role("partner_editor").delete(edit_url(public_person)).status_code == 405
