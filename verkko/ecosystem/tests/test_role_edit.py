import pytest

from verkko.ecosystem.models import Role
from verkko.ecosystem.tests.conftest import by_role

URL = "/fi/oulu/ecosystem/organisaatio-a/role/"
DATA = {
    "summary_fi": "Kouluttaa osaajia.",
    "responsibilities_fi": "Tutkinnot",
    "services_for_employers_fi": "Oppisopimus",
}


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403, 403, 403, 403))
def test_coordinators_and_the_organisations_editor_may_edit_its_role(as_role, everyone, organization_a, role, status):
    assert as_role(role).get(URL).status_code == status
    as_role(role).post(URL, DATA)
    assert Role.objects.filter(organization=organization_a).exists() is (status == 200)


def test_the_saved_role_shows_on_the_organisation_page(as_role, partner_editor, organization_a):
    assert as_role("partner_editor").post(URL, DATA).status_code == 302
    content = as_role("public").get("/fi/oulu/ecosystem/organisaatio-a/").content.decode()
    assert "Kouluttaa osaajia." in content
    assert "Palvelut työnantajille" in content


def test_a_role_without_its_summary_is_refused(as_role, partner_editor, organization_a):
    response = as_role("partner_editor").post(URL, {**DATA, "summary_fi": ""})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Role.objects.filter(organization=organization_a).exists()


def test_the_form_button_says_save_in_finnish_not_the_admins_save_and_leave(as_role, partner_editor, organization_a):
    content = as_role("partner_editor").get(URL).content.decode()
    assert '<button type="submit">Tallenna</button>' in content
    assert "Tallenna ja poistu" not in content


def test_role_edit_refuses_delete(as_role, partner_editor, organization_a):
    assert as_role("partner_editor").delete(URL).status_code == 405


def test_role_of_an_unknown_organisation_is_not_found(as_role, coordinator):
    assert as_role("coordinator").get("/fi/oulu/ecosystem/ei-ole/role/").status_code == 404
