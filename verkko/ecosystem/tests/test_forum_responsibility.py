import pytest

from verkko.ecosystem.models import Responsibility
from verkko.ecosystem.tests.conftest import by_role

URL = "/fi/oulu/ecosystem/forums/nuorten-verkosto/responsibilities/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_set_the_forums_responsibilities(as_role, everyone, forum, organization_b, role, status):
    assert as_role(role).post(URL, {"organization": organization_b.pk, "level": "R"}).status_code == status
    assert Responsibility.objects.filter(organization=organization_b).exists() is (status == 302)


def test_an_empty_level_removes_the_cell(as_role, coordinator, forum, organization_b):
    client = as_role("coordinator")
    client.post(URL, {"organization": organization_b.pk, "level": "C"})
    client.post(URL, {"organization": organization_b.pk, "level": ""})
    assert not Responsibility.objects.exists()


def test_an_unknown_level_is_refused(as_role, coordinator, forum, organization_b):
    response = as_role("coordinator").post(URL, {"organization": organization_b.pk, "level": "X"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Responsibility.objects.exists()


def test_setting_a_responsibility_refuses_get(as_role, coordinator, forum):
    assert as_role("coordinator").get(URL).status_code == 405
