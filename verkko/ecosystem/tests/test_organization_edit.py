import pytest

from verkko.ecosystem.tests.conftest import by_role

URL = "/fi/oulu/ecosystem/organisaatio-a/edit/"


def data(**changes):
    return {"name_fi": "Organisaatio A", "type": "education", "description_fi": "Muutettu kuvaus", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 403, 403, 403, 403, 403, 403))
def test_coordinators_and_the_organisations_editor_may_edit_it(as_role, everyone, organization_a, role, status):
    assert as_role(role).get(URL).status_code == status
    as_role(role).post(URL, data())
    organization_a.refresh_from_db()
    assert (organization_a.description == "Muutettu kuvaus") is (status == 200)


def test_partner_editor_saves_and_returns_to_the_page(as_role, partner_editor, organization_a):
    response = as_role("partner_editor").post(URL, data(website="https://example.org"))
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/ecosystem/organisaatio-a/"
    organization_a.refresh_from_db()
    assert organization_a.website == "https://example.org"


def test_bad_input_changes_nothing(as_role, partner_editor, organization_a):
    response = as_role("partner_editor").post(URL, data(business_id="1234567-8"))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    organization_a.refresh_from_db()
    assert organization_a.business_id == ""
    assert organization_a.description == ""


def test_editing_an_unknown_organisation_is_not_found(as_role, coordinator):
    assert as_role("coordinator").get("/fi/oulu/ecosystem/ei-ole/edit/").status_code == 404


def test_edit_refuses_delete(as_role, partner_editor, organization_a):
    assert as_role("partner_editor").delete(URL).status_code == 405
