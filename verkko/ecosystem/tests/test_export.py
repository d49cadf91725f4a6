import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from verkko.ecosystem.models import Role, TargetGroup
from verkko.ecosystem.tests.conftest import by_role


@pytest.fixture
def described(organization_a, area, public_person):
    organization_a.municipality = area.host_municipality
    organization_a.business_id = "0187690-1"
    organization_a.save()
    organization_a.target_groups.set(TargetGroup.objects.filter(code__in=["students", "young_people"]))
    Role.objects.create(organization=organization_a, summary="Kouluttaa.", services_for_employers="Oppisopimus")


def rows_of_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_export(as_role, everyone, role, status):
    assert as_role(role).get("/fi/oulu/ecosystem/export/organisations.csv").status_code == status
    assert as_role(role).get("/fi/oulu/ecosystem/import/template/people.xlsx").status_code == status


def test_organisations_export_as_csv_in_the_import_columns(as_role, coordinator, described):
    response = as_role("coordinator").get("/fi/oulu/ecosystem/export/organisations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="verkko-oulu-organisations-' in response["Content-Disposition"]
    header, *rows = rows_of_csv(response)
    assert header[:4] == ["name", "name_sv", "type", "municipality_code"]
    row = dict(zip(header, next(row for row in rows if row[0] == "Organisaatio A"), strict=True))
    assert row["type"] == "education"
    assert row["municipality_code"] == "564"
    assert row["business_id"] == "0187690-1"
    assert row["target_groups"] == "students; young_people"
    assert row["role"] == "Kouluttaa."
    assert row["services_for_employers"] == "Oppisopimus"


def test_people_export_as_xlsx(as_role, coordinator, described):
    response = as_role("coordinator").get("/fi/oulu/ecosystem/export/people.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["organisation", "first_name", "last_name"]
    assert rows[1][:5] == ["Organisaatio A", "Julkinen", "Henkilö", "Koulutuspäällikkö", "julkinen@example.org"]
    assert rows[1][6:] == ["yes", "yes", "no"]


def test_an_export_imports_back_unchanged(as_role, coordinator, described):
    client = as_role("coordinator")
    for kind in ("organisations", "people"):
        exported = client.get(f"/fi/oulu/ecosystem/export/{kind}.xlsx").content
        upload = SimpleUploadedFile(f"{kind}.xlsx", exported)
        response = client.post("/fi/oulu/ecosystem/import/", {"kind": kind, "file": upload})
        plan = response.context["plan"]
        assert plan.errors == []
        assert {row.status for row in plan.rows} == {"unchanged"}


@pytest.mark.parametrize("url", ["/fi/oulu/ecosystem/export/planets.csv", "/fi/oulu/ecosystem/export/people.pdf"])
def test_unknown_kinds_and_formats_are_not_found(as_role, coordinator, url):
    assert as_role("coordinator").get(url).status_code == 404


def test_export_refuses_post(as_role, coordinator):
    assert as_role("coordinator").post("/fi/oulu/ecosystem/export/people.csv").status_code == 405
