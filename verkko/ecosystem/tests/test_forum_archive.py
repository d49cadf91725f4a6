import pytest

from verkko.ecosystem.tests.conftest import by_role

ARCHIVE_URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/archive/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_archive_a_forum(as_role, everyone, forum, role, status):
    assert as_role(role).post(ARCHIVE_URL, {"archived": "1"}).status_code == status
    forum.refresh_from_db()
    assert forum.is_archived is (status == 302)


def test_an_archived_forum_is_restored_and_leaves_the_overview_meanwhile(as_role, coordinator, forum):
    as_role("coordinator").post(ARCHIVE_URL, {"archived": "1"})
    assert "Nuorten verkosto" not in as_role("public").get("/fi/oulu/ecosystem/").content.decode()
    as_role("coordinator").post(ARCHIVE_URL, {"archived": "0"})
    forum.refresh_from_db()
    assert not forum.is_archived


def test_archiving_refuses_get(as_role, coordinator, forum):
    assert as_role("coordinator").get(ARCHIVE_URL).status_code == 405


def test_archiving_a_partner_forum_is_not_found_for_the_public(as_role, partner_forum):
    assert (
        as_role("public").post("/fi/oulu/ecosystem/forums/rekrytointitiimi/archive/", {"archived": "1"}).status_code
        == 404
    )
