import pytest

from verkko.processes.models import Process
from verkko.processes.tests.conftest import by_role

CREATE = "/fi/oulu/processes/new/"
EDIT = "/fi/oulu/processes/nuoren-polku/edit/"


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_open_the_new_process_form(as_role, everyone, role, status):
    assert as_role(role).get(CREATE).status_code == status


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_add_processes(as_role, everyone, forum, goal, role, status):
    response = as_role(role).post(
        CREATE,
        {"name": "Suuri irtisanominen", "visibility": "public", "forums": [forum.pk], "goals": [goal.pk]},
    )
    assert response.status_code == status
    created = Process.objects.filter(name="Suuri irtisanominen").first()
    assert (created is not None) is (status == 302)
    if created:
        assert created.area.slug == "oulu"
        assert created.slug == "suuri-irtisanominen"
        assert list(created.forums.all()) == [forum]
        assert response["Location"] == "/fi/oulu/processes/suuri-irtisanominen/"


def test_a_process_without_a_name_is_refused(as_role, coordinator):
    response = as_role("coordinator").post(CREATE, {"name": "", "visibility": "public"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Process.objects.exists()


def test_another_areas_forum_cannot_own_a_process(as_role, coordinator, other_area):
    from verkko.ecosystem.tests.factories import ForumFactory

    foreign = ForumFactory(area=other_area, slug="vieras")
    response = as_role("coordinator").post(CREATE, {"name": "X", "visibility": "public", "forums": [foreign.pk]})
    assert response.status_code == 400
    assert not Process.objects.exists()


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_edit_a_process(as_role, everyone, process, role, status):
    response = as_role(role).post(EDIT, {"name": "Uusi nimi", "visibility": "public", "review_on": "2026-10-01"})
    assert response.status_code == status
    process.refresh_from_db()
    assert (process.name == "Uusi nimi") is (status == 302)


def test_editing_another_areas_process_is_not_found(as_role, everyone, other_process):
    assert as_role("outsider_coordinator").post(EDIT, {"name": "X", "visibility": "public"}).status_code == 404


def test_the_edit_form_refuses_put(as_role, coordinator, process):
    assert as_role("coordinator").put(EDIT).status_code == 405
