import pytest

from verkko.ecosystem.models import Forum
from verkko.ecosystem.tests.conftest import by_role

NEW_URL = "/fi/oulu/ecosystem/forums/new/"


def data(**changes):
    return {"name_fi": "Työnantajaverkosto", "level": "tactical", "visibility": "public", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_create_forums(as_role, everyone, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, data())
    assert Forum.objects.filter(name="Työnantajaverkosto").exists() is (status == 200)


def test_a_new_forum_gets_a_slug_and_its_page(as_role, coordinator, organization_a):
    response = as_role("coordinator").post(NEW_URL, data(chair=organization_a.pk))
    forum = Forum.objects.get(name="Työnantajaverkosto")
    assert response["Location"] == "/fi/oulu/ecosystem/forums/tyonantajaverkosto/"
    assert forum.chair == organization_a


@pytest.mark.parametrize("bad", [{"level": "cosmic"}, {"name_fi": ""}, {"visibility": "secret"}])
def test_a_forum_with_bad_input_is_not_created(as_role, coordinator, bad):
    response = as_role("coordinator").post(NEW_URL, data(**bad))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Forum.objects.exists()


def test_forum_creation_refuses_delete(as_role, coordinator):
    assert as_role("coordinator").delete(NEW_URL).status_code == 405
