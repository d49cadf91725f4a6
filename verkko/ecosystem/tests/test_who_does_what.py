import pytest

from verkko.ecosystem.models import Role, TargetGroup
from verkko.ecosystem.tests.conftest import ROLES

URL = "/fi/oulu/ecosystem/who-does-what/"


@pytest.fixture
def roles(organization_a, organization_b, area):
    Role.objects.create(organization=organization_a, summary="Kouluttaa nuoria ammattiin.", responsibilities="TUVA")
    Role.objects.create(organization=organization_b, summary="Tukee pitkäaikaistyöttömiä.")
    organization_a.municipality = area.host_municipality
    organization_a.save()
    young, _ = TargetGroup.objects.get_or_create(code="young_people")
    organization_a.target_groups.add(young)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_roles_and_responsibilities(as_role, everyone, roles, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kuka tekee mitä" in content
    assert "Kouluttaa nuoria ammattiin." in content
    assert "Tukee pitkäaikaistyöttömiä." in content


@pytest.mark.parametrize("query", ["type=education", "municipality=564", "target_group=young_people", "q=kouluttaa"])
def test_filters_narrow_the_list(as_role, roles, query):
    content = as_role("public").get(f"{URL}?{query}").content.decode()
    assert "Kouluttaa nuoria ammattiin." in content
    assert "Tukee pitkäaikaistyöttömiä." not in content


def test_an_unknown_filter_value_shows_an_error_and_no_results(as_role, roles):
    response = as_role("public").get(f"{URL}?type=alien")
    assert response.status_code == 200
    content = response.content.decode()
    assert "errorlist" in content
    assert "Kouluttaa nuoria ammattiin." not in content


def test_htmx_gets_only_the_results(as_role, roles):
    response = as_role("public").get(f"{URL}?type=ngo", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<html" not in content
    assert "Tukee pitkäaikaistyöttömiä." in content


def test_archived_organisations_are_not_listed(as_role, roles, organization_b):
    organization_b.archived_at = "2026-01-01T00:00Z"
    organization_b.save()
    assert "Tukee pitkäaikaistyöttömiä." not in as_role("public").get(URL).content.decode()


def test_who_does_what_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405
