"""Importing forums with their levels, parents, chairs, secretaries and member organisations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.ecosystem.models import Forum, ForumMember
from verkko.ecosystem.tests.helpers import confirm, csv_file, preview, xlsx_file

HEADER = ["name", "level", "parent", "chair", "secretary", "visibility", "members"]
FORUMS = [
    HEADER,
    [
        "Ohjausryhmä",
        "strateginen",
        "",
        "BusinessOulu",
        "Organisaatio A",
        "",
        "BusinessOulu: puheenjohtaja; Organisaatio B",
    ],
    ["Nuorten verkosto", "tactical", "Ohjausryhmä", "Organisaatio A", "", "vain kumppaneille", "Organisaatio A: chair"],
]


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
def test_forums_are_imported_with_parents_and_members(as_role, coordinator, organization_a, organization_b, make):
    client = as_role("coordinator")
    response = preview(client, make(FORUMS), kind="forums")
    assert "Uusia: 2, muuttuneita: 0, ennallaan: 0." in response.content.decode()
    assert not Forum.objects.exists()
    confirm(client, response)
    steering = Forum.objects.get(name="Ohjausryhmä")
    youth = Forum.objects.get(name="Nuorten verkosto")
    assert (steering.level, steering.visibility, steering.chair.name) == ("strategic", "public", "BusinessOulu")
    assert (youth.level, youth.visibility, youth.parent) == ("tactical", "partners", steering)
    seats = {(seat.organization.name, seat.role) for seat in ForumMember.objects.filter(forum=steering)}
    assert seats == {("BusinessOulu", "chair"), ("Organisaatio B", "member")}


def test_the_forum_export_imports_back_unchanged(as_role, coordinator, organization_a, organization_b):
    client = as_role("coordinator")
    confirm(client, preview(client, csv_file(FORUMS), kind="forums"))
    exported = client.get("/fi/oulu/ecosystem/export/forums.xlsx")
    content = b"".join(exported.streaming_content) if exported.streaming else exported.content
    response = preview(client, SimpleUploadedFile("foorumit.xlsx", content), kind="forums")
    assert "Uusia: 0, muuttuneita: 0, ennallaan: 2." in response.content.decode()


def test_a_second_import_adds_members_and_changes_roles(as_role, coordinator, organization_a, organization_b):
    client = as_role("coordinator")
    confirm(client, preview(client, csv_file(FORUMS), kind="forums"))
    changed = [["name", "level", "members"], ["Ohjausryhmä", "strategic", "Organisaatio B: sihteeri"]]
    response = preview(client, csv_file(changed), kind="forums")
    assert "Uusia: 0, muuttuneita: 1, ennallaan: 0." in response.content.decode()
    confirm(client, response)
    steering = Forum.objects.get(name="Ohjausryhmä")
    assert steering.members.get(organization=organization_b).role == "secretary"
    assert steering.members.count() == 2  # BusinessOulu stays: an import never removes members


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Verkosto", "ylin", "", "", "", "", ""], "Rivi 3: taso: tuntematon arvo ”ylin”."),
        (["Verkosto", "tactical", "Ei ole", "", "", "", ""], "Rivi 3: yläfoorumi: foorumia ”Ei ole” ei ole"),
        (["Verkosto", "tactical", "Verkosto", "", "", "", ""], "Rivi 3: yläfoorumi: foorumi ei voi olla itsensä alla."),
        (["Verkosto", "tactical", "", "Ei Oy", "", "", ""], "Rivi 3: puheenjohtaja: organisaatiota ”Ei Oy” ei ole."),
        (["Verkosto", "tactical", "", "", "", "salainen", ""], "Rivi 3: näkyvyys: tuntematon arvo ”salainen”."),
        (["Verkosto", "tactical", "", "", "", "", "Organisaatio A: kuningas"], "Rivi 3: jäsenet: tuntematon arvo"),
        (["Verkosto", "tactical", "", "", "", "", "Ei Oy"], "Rivi 3: jäsenet: organisaatiota ”Ei Oy” ei ole."),
        (FORUMS[1], "Rivi 3: sama rivi on jo rivillä 2."),
    ],
)
def test_a_bad_forum_row_saves_nothing(as_role, coordinator, organization_a, organization_b, row, message):
    response = preview(as_role("coordinator"), csv_file([HEADER, FORUMS[1], row]), kind="forums")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Forum.objects.exists()
