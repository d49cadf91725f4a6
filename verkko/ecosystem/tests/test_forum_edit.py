"""Creating, editing and archiving forums."""

import pytest

from verkko.ecosystem.models import Forum
from verkko.ecosystem.tests.conftest import by_role

NEW_URL = "/fi/ecosystem/forums/new/"
EDIT_URL = "/fi/ecosystem/forums/nuorten-verkosto/edit/"
ARCHIVE_URL = "/fi/ecosystem/forums/nuorten-verkosto/archive/"


def data(**changes):
    return {"name": "Työnantajaverkosto", "level": "tactical", "visibility": "public", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403))
def test_only_coordinators_may_create_forums(as_role, everyone, role, status):
    assert as_role(role).get(NEW_URL).status_code == status
    as_role(role).post(NEW_URL, data())
    assert Forum.objects.filter(name="Työnantajaverkosto").exists() is (status == 200)


def test_a_new_forum_gets_a_slug_and_its_page(as_role, coordinator, organization_a):
    response = as_role("coordinator").post(NEW_URL, data(chair=organization_a.pk))
    forum = Forum.objects.get(name="Työnantajaverkosto")
    assert response["Location"] == "/fi/ecosystem/forums/tyonantajaverkosto/"
    assert forum.chair == organization_a


@pytest.mark.parametrize("bad", [{"level": "cosmic"}, {"name": ""}, {"visibility": "secret"}])
def test_a_forum_with_bad_input_is_not_created(as_role, coordinator, bad):
    response = as_role("coordinator").post(NEW_URL, data(**bad))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Forum.objects.exists()


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403))
def test_only_coordinators_may_edit_forums(as_role, everyone, forum, role, status):
    assert as_role(role).get(EDIT_URL).status_code == status
    as_role(role).post(EDIT_URL, data(name="Nuorten verkosto", purpose="Uusi tarkoitus"))
    forum.refresh_from_db()
    assert (forum.purpose == "Uusi tarkoitus") is (status == 200)


def test_a_forum_cannot_be_put_under_its_own_child(as_role, coordinator, forum, area):
    child = Forum.objects.create(area=area, name="Alatiimi", slug="alatiimi", level="operational", parent=forum)
    response = as_role("coordinator").post(EDIT_URL, data(name="Nuorten verkosto", parent=child.pk))
    assert "Foorumi ei voi olla itsensä alla." in response.content.decode()
    forum.refresh_from_db()
    assert forum.parent is None


def test_editing_a_partner_forum_as_public_is_not_found(as_role, partner_forum):
    assert as_role("public").get("/fi/ecosystem/forums/rekrytointitiimi/edit/").status_code == 404


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403))
def test_only_coordinators_may_archive_a_forum(as_role, everyone, forum, role, status):
    assert as_role(role).post(ARCHIVE_URL, {"archived": "1"}).status_code == status
    forum.refresh_from_db()
    assert forum.is_archived is (status == 302)


def test_an_archived_forum_is_restored_and_leaves_the_overview_meanwhile(as_role, coordinator, forum):
    as_role("coordinator").post(ARCHIVE_URL, {"archived": "1"})
    assert "Nuorten verkosto" not in as_role("public").get("/fi/ecosystem/").content.decode()
    as_role("coordinator").post(ARCHIVE_URL, {"archived": "0"})
    forum.refresh_from_db()
    assert not forum.is_archived


def test_forum_pages_refuse_wrong_methods(as_role, coordinator, forum):
    client = as_role("coordinator")
    assert client.delete(NEW_URL).status_code == 405
    assert client.delete(EDIT_URL).status_code == 405
    assert client.get(ARCHIVE_URL).status_code == 405
