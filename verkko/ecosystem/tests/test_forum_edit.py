"""Creating, editing and archiving forums."""

import pytest

from verkko.ecosystem.models import Forum
from verkko.ecosystem.tests.conftest import by_role

NEW_URL = "/fi/oulu/ecosystem/forums/new/"
EDIT_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/edit/"
ARCHIVE_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/archive/"


def data(**changes):
    return {"name_fi": "Työnantajaverkosto", "level": "tactical", "visibility": "public", **changes}


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_edit_forums(as_role, everyone, forum, role, status):
    assert as_role(role).get(EDIT_URL).status_code == status
    as_role(role).post(EDIT_URL, data(name_fi="Nuorten verkosto", purpose_fi="Uusi tarkoitus"))
    forum.refresh_from_db()
    assert (forum.purpose == "Uusi tarkoitus") is (status == 200)


def test_a_forum_cannot_be_put_under_its_own_child(as_role, coordinator, forum, area):
    child = Forum.objects.create(area=area, name="Alatiimi", slug="alatiimi", level="operational", parent=forum)
    response = as_role("coordinator").post(EDIT_URL, data(name_fi="Nuorten verkosto", parent=child.pk))
    assert "Foorumi ei voi olla itsensä alla." in response.content.decode()
    forum.refresh_from_db()
    assert forum.parent is None


def test_editing_a_partner_forum_asks_the_public_to_sign_in(as_role, partner_forum):
    response = as_role("public").get("/fi/oulu/ecosystem/forums/rekrytointitiimi/edit/")
    assert response["Location"].startswith("/fi/accounts/login/?next=")


def test_forum_edit_refuses_delete(as_role, coordinator, forum):
    client = as_role("coordinator")
    assert client.delete(EDIT_URL).status_code == 405
