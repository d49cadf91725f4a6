import pytest

from verkko.processes.tests.conftest import by_role


@pytest.mark.parametrize("role", [role for role, _ in by_role(*[None] * 8)])
def test_everyone_sees_how_to_refer_to_a_service(as_role, everyone, youth_service, role):
    response = as_role(role).get(f"/fi/oulu/services/{youth_service.uuid}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "040 111 2222" in page
    assert "Kempele" in page


def test_the_contact_person_shows_what_they_agreed_to(as_role, everyone, youth_service, organization_a):
    from verkko.ecosystem.tests.factories import PersonFactory

    person = PersonFactory(organization=organization_a, first_name="Piilo", last_name="Ohjaaja", show_publicly=False)
    youth_service.contact_person = person
    youth_service.save()
    url = f"/fi/oulu/services/{youth_service.uuid}/"
    assert "Piilo Ohjaaja" in as_role("partner_member").get(url).content.decode()
    assert "Piilo Ohjaaja" not in as_role("outsider_member").get(url).content.decode()


def test_partner_only_processes_using_the_service_are_hidden_from_the_public(
    as_role, everyone, youth_service, partner_process
):
    partner_process.steps.first().services.add(youth_service)
    url = f"/fi/oulu/services/{youth_service.uuid}/"
    assert "Sisäinen prosessi" in as_role("partner_member").get(url).content.decode()
    assert "Sisäinen prosessi" not in as_role("public").get(url).content.decode()


def test_another_areas_service_is_not_found(as_role, other_service):
    assert as_role("public").get(f"/fi/oulu/services/{other_service.uuid}/").status_code == 404


def test_the_page_refuses_post(as_role, youth_service):
    assert as_role("public").post(f"/fi/oulu/services/{youth_service.uuid}/").status_code == 405
