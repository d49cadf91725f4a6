import pytest
from auditlog.models import LogEntry

from verkko.ecosystem import responsibilities
from verkko.ecosystem.models import Municipality, Responsibility
from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/responsibilities/"


@pytest.fixture
def cells(coordinator, forum, partner_forum, organization_a, organization_b):
    responsibilities.set_responsibility(coordinator, organization_a, forum, "R")
    responsibilities.set_responsibility(coordinator, organization_b, forum, "I")
    responsibilities.set_responsibility(coordinator, organization_b, partner_forum, "A")


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_matrix_of_organisations_against_forums(as_role, everyone, cells, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vastuumatriisi" in content
    assert 'title="vastuussa toteutuksesta">R</abbr>' in content
    assert "Nuorten verkosto" in content


@pytest.mark.parametrize(("role", "sees"), by_role(True, True, True, True, False, False, False, False))
def test_partner_only_forums_are_rows_only_for_partners(as_role, everyone, cells, role, sees):
    assert ("Rekrytointitiimi" in as_role(role).get(URL).content.decode()) is sees


@pytest.fixture
def municipalities_as_subjects():
    """Another app's model in the matrix, registered the way the goals app will register goals."""
    responsibilities.register_subject_type(
        Municipality, visible_to=lambda user, area: Municipality.objects.filter(area=area)
    )
    yield
    responsibilities._subject_types.pop(Municipality._meta.label_lower)


def test_any_registered_subject_type_gets_its_own_group(
    as_role, coordinator, area, organization_a, municipalities_as_subjects
):
    oulu = area.host_municipality
    responsibilities.set_responsibility(coordinator, organization_a, oulu, "C")
    groups = responsibilities.matrix_for(area, coordinator)
    municipality_group = next(group for group in groups if group.title == Municipality._meta.verbose_name_plural)
    cells = dict(municipality_group.rows)[oulu]
    assert [cell.level for cell in cells] == ["C"]
    content = as_role("public").get(URL).content.decode()
    assert "Kunnat" in content
    assert "konsultoitava" in content


def test_setting_a_responsibility_records_who_did_it_and_an_empty_level_removes_it(coordinator, forum, organization_b):
    cell = responsibilities.set_responsibility(coordinator, organization_b, forum, "C")
    assert LogEntry.objects.get_for_object(cell).get().actor == coordinator
    assert responsibilities.responsibilities_of(forum)[0].level == "C"
    responsibilities.set_responsibility(coordinator, organization_b, forum, "")
    assert not Responsibility.objects.exists()


def test_clearing_a_subject_removes_all_its_cells(coordinator, cells, forum):
    responsibilities.clear_responsibilities(coordinator, forum)
    assert responsibilities.responsibilities_of(forum) == []
    assert Responsibility.objects.count() == 1


def test_matrix_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405
