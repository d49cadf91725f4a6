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


def test_organisations_export_as_csv_in_the_import_columns_in_the_users_language(as_role, coordinator, described):
    response = as_role("coordinator").get("/fi/oulu/ecosystem/export/organisations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="verkko-oulu-organisations-' in response["Content-Disposition"]
    header, *rows = rows_of_csv(response)
    assert header[:4] == ["nimi", "nimi ruotsiksi", "tyyppi", "kuntanumero"]
    row = dict(zip(header, next(row for row in rows if row[0] == "Organisaatio A"), strict=True))
    assert row["tyyppi"] == "oppilaitos"
    assert row["kuntanumero"] == "564"
    assert row["y-tunnus"] == "0187690-1"
    assert row["kohderyhmät"] == "nuoret; opiskelijat"
    assert row["rooli"] == "Kouluttaa."
    assert row["palvelut työnantajille"] == "Oppisopimus"


@pytest.mark.parametrize(
    ("language", "heading", "answers"),
    [
        ("fi", ["organisaatio", "etunimi", "sukunimi"], ["kyllä", "kyllä", "ei"]),
        ("sv", ["organisation", "förnamn", "efternamn"], ["ja", "ja", "nej"]),
        ("en", ["organisation", "first_name", "last_name"], ["yes", "yes", "no"]),
    ],
)
def test_people_export_as_xlsx(as_role, coordinator, described, language, heading, answers):
    response = as_role("coordinator").get(f"/{language}/oulu/ecosystem/export/people.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == heading
    assert rows[1][:5] == ["Organisaatio A", "Julkinen", "Henkilö", "Koulutuspäällikkö", "julkinen@example.org"]
    assert rows[1][6:] == answers


@pytest.fixture
def forum_with_members(area, organization_a, organization_b):
    from verkko.ecosystem.models import Forum, ForumMember, Visibility

    parent = Forum.objects.create(area=area, slug="ohjausryhma", name="Ohjausryhmä", level="strategic")
    forum = Forum.objects.create(
        area=area, slug="verkosto", name="Verkosto", level="operational", parent=parent, visibility=Visibility.PARTNERS
    )
    ForumMember.objects.create(forum=forum, organization=organization_a, role=ForumMember.Role.CHAIR)
    ForumMember.objects.create(forum=forum, organization=organization_b, role=ForumMember.Role.VICE_CHAIR)
    return forum


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_export_imports_back_unchanged_in_each_language(
    as_role, coordinator, described, forum_with_members, language, file_format
):
    client = as_role("coordinator")
    for kind in ("organisations", "people", "forums"):
        exported = client.get(f"/{language}/oulu/ecosystem/export/{kind}.{file_format}").content
        upload = SimpleUploadedFile(f"{kind}.{file_format}", exported)
        response = client.post(f"/{language}/oulu/ecosystem/import/", {"kind": kind, "file": upload})
        plan = response.context["plan"]
        assert plan.errors == []
        assert {row.status for row in plan.rows} == {"unchanged"}, [row.changes for row in plan.rows]


def test_a_finnish_export_imports_back_on_the_swedish_page(as_role, coordinator, described, forum_with_members):
    client = as_role("coordinator")
    for kind in ("organisations", "forums"):
        exported = client.get(f"/fi/oulu/ecosystem/export/{kind}.xlsx").content
        upload = SimpleUploadedFile(f"{kind}.xlsx", exported)
        plan = client.post("/sv/oulu/ecosystem/import/", {"kind": kind, "file": upload}).context["plan"]
        assert plan.errors == []
        assert {row.status for row in plan.rows} == {"unchanged"}


@pytest.mark.parametrize("url", ["/fi/oulu/ecosystem/export/planets.csv", "/fi/oulu/ecosystem/export/people.pdf"])
def test_unknown_kinds_and_formats_are_not_found(as_role, coordinator, url):
    assert as_role("coordinator").get(url).status_code == 404


def test_export_refuses_post(as_role, coordinator):
    assert as_role("coordinator").post("/fi/oulu/ecosystem/export/people.csv").status_code == 405
