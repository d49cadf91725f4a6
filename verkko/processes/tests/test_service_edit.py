import pytest

from verkko.processes.models import Service
from verkko.processes.tests.conftest import by_role

CREATE = "/fi/oulu/services/new/"


def service_data(organization, **extra):
    return {
        "organization": organization.pk,
        "name_fi": "Työkokeilu",
        "audience": "job_seekers",
        "languages": "fi, sv",
        **extra,
    }


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 200, 403, 403, 403, 403))
def test_coordinators_and_partner_editors_open_the_new_service_form(as_role, everyone, role, status):
    assert as_role(role).get(CREATE).status_code == status


@pytest.mark.parametrize(("role", "status"), by_role(302, 302, 403, 400, 403, 403, 403, 403))
def test_editors_add_services_only_for_their_own_organisation(as_role, everyone, organization_a, role, status):
    response = as_role(role).post(CREATE, service_data(organization_a))
    assert response.status_code == status
    assert Service.objects.filter(name="Työkokeilu").exists() is (status == 302)


def test_an_unknown_language_code_is_refused(as_role, coordinator, organization_a):
    response = as_role("coordinator").post(CREATE, service_data(organization_a, languages="fi, xx"))
    assert response.status_code == 400
    assert not Service.objects.exists()


def test_the_contact_person_must_work_in_the_organisation(as_role, coordinator, organization_b, contact_person):
    response = as_role("coordinator").post(CREATE, service_data(organization_b, contact_person=contact_person.pk))
    assert response.status_code == 400
    assert not Service.objects.exists()


def test_an_organisation_of_another_area_is_refused(as_role, coordinator, other_organization):
    assert as_role("coordinator").post(CREATE, service_data(other_organization)).status_code == 400
    assert not Service.objects.exists()


@pytest.mark.parametrize(("role", "status"), by_role(302, 302, 403, 403, 403, 403, 403, 403))
def test_the_organisations_editors_edit_its_service(as_role, everyone, youth_service, organization_a, role, status):
    url = f"/fi/oulu/services/{youth_service.uuid}/edit/"
    response = as_role(role).post(url, service_data(organization_a, name_fi="Uusi nimi"))
    assert response.status_code == status
    youth_service.refresh_from_db()
    assert (youth_service.name == "Uusi nimi") is (status == 302)


def test_another_areas_service_is_not_found(as_role, outsider_coordinator, other_service):
    assert as_role("outsider_coordinator").get(f"/fi/oulu/services/{other_service.uuid}/edit/").status_code == 404


def test_the_form_refuses_delete(as_role, coordinator):
    assert as_role("coordinator").delete(CREATE).status_code == 405
