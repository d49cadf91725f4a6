import pytest

from verkko.ecosystem.models import Organization
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.factories import OrganizationFactory


@pytest.fixture
def lonely(area):
    return OrganizationFactory(area=area, name="Yksinäinen", slug="yksinainen")


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_remove_organisations(as_role, everyone, lonely, role, status):
    assert as_role(role).get("/fi/oulu/ecosystem/yksinainen/remove/").status_code == status
    as_role(role).post("/fi/oulu/ecosystem/yksinainen/remove/")
    assert Organization.objects.filter(pk=lonely.pk).exists() is (status != 200)


def test_an_organisation_nothing_refers_to_is_deleted(as_role, coordinator, lonely):
    page = as_role("coordinator").get("/fi/oulu/ecosystem/yksinainen/remove/").content.decode()
    assert "poistetaan pysyvästi" in page
    response = as_role("coordinator").post("/fi/oulu/ecosystem/yksinainen/remove/")
    assert response["Location"] == "/fi/oulu/ecosystem/"
    assert not Organization.objects.filter(pk=lonely.pk).exists()


def test_an_organisation_something_refers_to_is_archived_and_kept(as_role, coordinator, organization_a, forum):
    assert "arkistoidaan" in as_role("coordinator").get("/fi/oulu/ecosystem/organisaatio-a/remove/").content.decode()
    as_role("coordinator").post("/fi/oulu/ecosystem/organisaatio-a/remove/")
    organization_a.refresh_from_db()
    assert organization_a.is_archived
    assert forum.members.filter(organization=organization_a).exists()
    assert "arkistoitiin" in as_role("coordinator").get("/fi/oulu/ecosystem/organisaatio-a/").content.decode()


def test_remove_refuses_put(as_role, coordinator, organization_a):
    assert as_role("coordinator").put("/fi/oulu/ecosystem/organisaatio-a/remove/").status_code == 405


def test_removing_an_unknown_organisation_is_not_found(as_role, coordinator):
    assert as_role("coordinator").post("/fi/oulu/ecosystem/ei-ole/remove/").status_code == 404
