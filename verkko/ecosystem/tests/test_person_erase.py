import pytest

from verkko.ecosystem.models import Person
from verkko.ecosystem.tests.conftest import by_role


def erase_url(person):
    return f"/fi/oulu/ecosystem/people/{person.uuid}/erase/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403, 403, 403, 403))
def test_coordinators_and_the_organisations_editor_may_erase_its_people(as_role, everyone, public_person, role, status):
    assert as_role(role).get(erase_url(public_person)).status_code == status
    as_role(role).post(erase_url(public_person))
    assert Person.objects.get(pk=public_person.pk).is_erased is (status == 200)


def test_erasing_keeps_the_forum_seat_without_the_name(as_role, partner_editor, forum, public_person):
    page = as_role("partner_editor").get(erase_url(public_person)).content.decode()
    assert "Tätä ei voi perua." in page
    response = as_role("partner_editor").post(erase_url(public_person))
    assert response["Location"] == "/fi/oulu/ecosystem/organisaatio-a/"
    person = Person.objects.get(pk=public_person.pk)
    assert person.full_name == "Poistettu henkilö"
    assert person.email == ""
    assert forum.members.filter(person=person).exists()
    assert (
        "Julkinen Henkilö" not in as_role("public").get("/fi/oulu/ecosystem/forums/nuorten-verkosto/").content.decode()
    )


def test_the_public_may_not_see_a_person_who_is_not_shown(as_role, private_person):
    assert as_role("public").post(erase_url(private_person)).status_code == 404
    assert not Person.objects.get(pk=private_person.pk).is_erased


def test_an_erased_person_is_not_found_again(as_role, coordinator, public_person):
    as_role("coordinator").post(erase_url(public_person))
    assert as_role("coordinator").get(erase_url(public_person)).status_code == 404


def test_erase_refuses_put(as_role, coordinator, public_person):
    assert as_role("coordinator").put(erase_url(public_person)).status_code == 405
