import pytest

from verkko.ecosystem.models import Responsibility
from verkko.processes.models import ProcessStep
from verkko.processes.tests.conftest import by_role

ADD = "/fi/oulu/processes/nuoren-polku/steps/"


def numbered(process):
    return list(process.steps.order_by("number").values_list("number", "title"))


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_add_steps(as_role, everyone, process, organization_b, youth_service, role, status):
    response = as_role(role).post(
        ADD,
        {"title": "Seuranta", "responsible": organization_b.pk, "time_frame": "3 kk", "services": [youth_service.pk]},
    )
    assert response.status_code == status
    assert ProcessStep.objects.filter(title="Seuranta").exists() is (status == 302)


def test_a_step_added_at_a_number_moves_the_others_on(as_role, coordinator, process, organization_b):
    as_role("coordinator").post(ADD, {"number": 1, "title": "Ilmoitus", "responsible": organization_b.pk})
    assert numbered(process) == [(1, "Ilmoitus"), (2, "Alkuhaastattelu"), (3, "Valmennus")]


def test_a_step_without_a_responsible_actor_is_refused(as_role, coordinator, process):
    response = as_role("coordinator").post(ADD, {"title": "Orpo"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert numbered(process) == [(1, "Alkuhaastattelu"), (2, "Valmennus")]


def test_a_responsible_actor_of_another_area_is_refused(as_role, coordinator, process, other_organization):
    response = as_role("coordinator").post(ADD, {"title": "Vieras", "responsible": other_organization.pk})
    assert response.status_code == 400
    assert not ProcessStep.objects.filter(title="Vieras").exists()


def test_adding_a_step_refuses_get(as_role, coordinator, process):
    assert as_role("coordinator").get(ADD).status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_edit_steps(as_role, everyone, process, organization_a, role, status):
    response = as_role(role).post(
        "/fi/oulu/processes/nuoren-polku/steps/2/edit/",
        {"number": 1, "title": "Valmennus ensin", "responsible": organization_a.pk},
    )
    assert response.status_code == status
    if status == 302:
        assert numbered(process) == [(1, "Valmennus ensin"), (2, "Alkuhaastattelu")]
    else:
        assert numbered(process) == [(1, "Alkuhaastattelu"), (2, "Valmennus")]


def test_an_unknown_step_is_not_found(as_role, coordinator, process):
    assert as_role("coordinator").get("/fi/oulu/processes/nuoren-polku/steps/9/edit/").status_code == 404


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_remove_steps(as_role, everyone, process, role, status):
    response = as_role(role).post("/fi/oulu/processes/nuoren-polku/steps/1/remove/")
    assert response.status_code == status
    expected = [(1, "Valmennus")] if status == 302 else [(1, "Alkuhaastattelu"), (2, "Valmennus")]
    assert numbered(process) == expected


def test_removing_a_step_refuses_get(as_role, coordinator, process):
    assert as_role("coordinator").get("/fi/oulu/processes/nuoren-polku/steps/1/remove/").status_code == 405


def test_steps_of_a_partner_only_process_are_not_found_for_outsiders(as_role, everyone, partner_process):
    url = "/fi/oulu/processes/sisainen-prosessi/steps/1/remove/"
    assert as_role("outsider_coordinator").post(url).status_code == 404
    assert partner_process.steps.count() == 1


RESPONSIBILITY = "/fi/oulu/processes/nuoren-polku/responsibilities/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_set_a_processs_responsibilities(as_role, everyone, process, organization_b, role, status):
    assert as_role(role).post(RESPONSIBILITY, {"organization": organization_b.pk, "level": "A"}).status_code == status
    assert Responsibility.objects.filter(organization=organization_b, level="A").exists() is (status == 302)


def test_processes_appear_in_the_responsibility_matrix(as_role, coordinator, process, organization_b):
    as_role("coordinator").post(RESPONSIBILITY, {"organization": organization_b.pk, "level": "C"})
    page = as_role("public").get("/fi/oulu/ecosystem/responsibilities/").content.decode()
    assert "Nuoren ohjauspolku" in page


def test_an_unknown_level_is_refused(as_role, coordinator, process, organization_b):
    response = as_role("coordinator").post(RESPONSIBILITY, {"organization": organization_b.pk, "level": "X"})
    assert response.status_code == 400
    assert not Responsibility.objects.exists()


def test_setting_a_responsibility_refuses_get(as_role, coordinator, process):
    assert as_role("coordinator").get(RESPONSIBILITY).status_code == 405
