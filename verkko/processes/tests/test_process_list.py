import pytest

from verkko.processes.tests.conftest import by_role

URL = "/fi/oulu/processes/"


@pytest.mark.parametrize(("role", "sees_partner_only"), by_role(True, True, True, True, False, False, False, False))
def test_everyone_lists_public_processes_and_partners_also_theirs(
    as_role, everyone, process, partner_process, role, sees_partner_only
):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nuoren ohjauspolku" in page
    assert ("Sisäinen prosessi" in page) is sees_partner_only


def test_only_coordinators_see_the_new_process_button(as_role, everyone, process):
    assert "/fi/oulu/processes/new/" in as_role("coordinator").get(URL).content.decode()
    assert "/fi/oulu/processes/new/" not in as_role("partner_editor").get(URL).content.decode()


def test_another_areas_processes_are_not_listed(as_role, everyone, process, other_process):
    assert "Rannikon nuoren polku" not in as_role("outsider_coordinator").get(URL).content.decode()


def test_the_list_refuses_post(as_role, coordinator):
    assert as_role("coordinator").post(URL).status_code == 405


def test_the_list_reads_a_constant_number_of_queries(
    as_role, coordinator, process, partner_process, django_assert_max_num_queries
):
    client = as_role("coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200
