import pytest

from verkko.processes.tests.conftest import by_role

URL = "/fi/oulu/processes/nuoren-polku/"
PARTNER_URL = "/fi/oulu/processes/sisainen-prosessi/"


@pytest.mark.parametrize("role", [role for role, _ in by_role(*[None] * 8)])
def test_everyone_sees_a_public_process_as_swimlanes_and_an_ordered_list(as_role, everyone, process, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="swimlanes"' in page
    assert '<ol class="steps">' in page
    assert page.index("Alkuhaastattelu") < page.index("Valmennus")
    assert "2 viikon sisällä" in page
    assert "Nuorten työhönvalmennus" in page  # the service used in step 2
    assert "/fi/oulu/goals/nuoret-toihin/" in page
    assert "/fi/oulu/ecosystem/forums/nuorten-verkosto/" in page


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_a_partner_only_process_is_not_found_outside_the_partners(as_role, everyone, partner_process, role, status):
    response = as_role(role).get(PARTNER_URL)
    assert response.status_code == status
    if status == 404:
        assert "Salainen vaihe" not in response.content.decode()


def test_a_partner_only_forum_is_not_named_to_the_public(as_role, process, partner_forum):
    process.forums.add(partner_forum)
    assert "Sisäinen ryhmä" not in as_role("public").get(URL).content.decode()


def test_partners_see_the_history_and_the_public_does_not(as_role, coordinator, partner_member, process):
    as_role("coordinator").post(
        "/fi/oulu/processes/nuoren-polku/edit/",
        {"name": "Nuoren ohjauspolku 2", "visibility": "public", "review_on": "2026-09-01"},
    )
    assert 'id="history-heading"' in as_role("partner_member").get(URL).content.decode()
    assert 'id="history-heading"' not in as_role("public").get(URL).content.decode()


def test_the_same_slug_in_another_area_is_another_process(as_role, everyone, process, other_process):
    page = as_role("public").get(URL).content.decode()
    assert "Nuoren ohjauspolku" in page
    assert "Rannikon vaihe" not in page


def test_a_process_only_in_another_area_is_not_found(as_role, everyone, other_process):
    assert as_role("outsider_coordinator").get(URL).status_code == 404


def test_the_page_refuses_post(as_role, process):
    assert as_role("public").post(URL).status_code == 405


def test_the_page_reads_a_constant_number_of_queries(as_role, coordinator, process, django_assert_max_num_queries):
    client = as_role("coordinator")
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200
