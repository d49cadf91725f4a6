import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.ecosystem.models import Organization, Person
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.helpers import CONFIRM_URL, ORGANISATIONS, PEOPLE, confirm, csv_file, preview, xlsx_file
from verkko.ecosystem.tests.helpers import IMPORT_URL as URL

FILE_MAKERS = [csv_file, xlsx_file]


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_may_import(as_role, everyone, role, status):
    assert as_role(role).get(URL).status_code == status
    assert preview(as_role(role), csv_file(ORGANISATIONS)).status_code == status


def test_the_import_page_documents_the_columns_and_offers_templates(as_role, coordinator):
    content = as_role("coordinator").get(URL).content.decode()
    assert "Sarakkeiden muoto" in content
    assert "<code>y-tunnus</code>" in content
    assert "/fi/oulu/ecosystem/import/template/people.xlsx" in content


@pytest.mark.parametrize("make", FILE_MAKERS)
def test_a_preview_shows_what_will_change_and_saves_nothing(as_role, coordinator, make):
    response = preview(as_role("coordinator"), make(ORGANISATIONS))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Uusia: 2, muuttuneita: 0, ennallaan: 0." in content
    assert "Oulun Työpaja ry" in content
    assert not Organization.objects.filter(name="Oulun Työpaja ry").exists()


@pytest.mark.parametrize("make", FILE_MAKERS)
def test_confirming_saves_organisations_with_their_roles(as_role, coordinator, area, make):
    client = as_role("coordinator")
    response = confirm(client, preview(client, make(ORGANISATIONS)))
    assert response.status_code == 302
    workshop = Organization.objects.get(name="Oulun Työpaja ry")
    assert workshop.area == area
    assert workshop.municipality.code == "564"
    assert workshop.business_id == "0187690-1"
    assert sorted(group.code for group in workshop.target_groups.all()) == ["immigrants", "young_people"]
    assert workshop.role.summary == "Työpajat nuorille."
    assert Organization.objects.get(name="Kempeleen Yrityskeskus").type == "company"  # from its Finnish name


def test_a_second_import_shows_changed_and_unchanged_rows(as_role, coordinator):
    client = as_role("coordinator")
    confirm(client, preview(client, csv_file(ORGANISATIONS)))
    changed = [ORGANISATIONS[0], ORGANISATIONS[1][:5] + ["Työpajat kaikille."], ORGANISATIONS[2]]
    response = preview(client, csv_file(changed))
    content = response.content.decode()
    assert "Uusia: 0, muuttuneita: 1, ennallaan: 1." in content
    assert "Työpajat nuorille. → Työpajat kaikille." in content
    confirm(client, response)
    assert Organization.objects.get(name="Oulun Työpaja ry").role.summary == "Työpajat kaikille."


@pytest.mark.parametrize("make", FILE_MAKERS)
def test_people_are_imported_into_existing_organisations(as_role, coordinator, organization_a, make):
    client = as_role("coordinator")
    response = preview(client, make(PEOPLE), kind="people")
    assert "Uusia: 2" in response.content.decode()
    confirm(client, response)
    iida = Person.objects.get(email="iida@example.org")
    assert iida.organization == organization_a
    assert iida.show_publicly is True
    assert Person.objects.get(last_name="Otos").show_publicly is False


@pytest.mark.parametrize("make", FILE_MAKERS)
def test_a_website_without_https_is_imported_as_https(as_role, coordinator, make):
    client = as_role("coordinator")
    rows = [["name", "type", "website"], ["Oulun Työpaja ry", "ngo", "www.tyopaja.fi"]]
    confirm(client, preview(client, make(rows)))
    assert Organization.objects.get(name="Oulun Työpaja ry").website == "https://www.tyopaja.fi"


def test_a_bad_website_is_one_error_on_its_row(as_role, coordinator):
    rows = [["name", "type", "website"], ["Oulun Työpaja ry", "ngo", "ei osoite"]]
    response = preview(as_role("coordinator"), csv_file(rows))
    assert response.status_code == 400
    assert response.context["plan"].errors == ["Rivi 2: verkkosivut: Syötä oikea URL-osoite."]


def bad_organisations(**cells):
    header = ORGANISATIONS[0]
    bad_row = list(ORGANISATIONS[2])
    for column, value in cells.items():
        bad_row[header.index(column)] = value
    return [header, ORGANISATIONS[1], bad_row]


@pytest.mark.parametrize("make", FILE_MAKERS)
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (bad_organisations(business_id="0187690-2"), "Rivi 3: y-tunnus"),
        (bad_organisations(municipality_code="999"), "Rivi 3: kuntanumero: tuntematon kuntanumero ”999”."),
        (bad_organisations(type="avaruusolio"), "Rivi 3: tyyppi: tuntematon tyyppi ”avaruusolio”."),
        (bad_organisations(target_groups="marsilaiset"), "Rivi 3: kohderyhmät: tuntematon kohderyhmä"),
        (bad_organisations(name=""), "Rivi 3: nimi"),
        ([ORGANISATIONS[0], ORGANISATIONS[1], ORGANISATIONS[1]], "Rivi 3: sama rivi on jo rivillä 2."),
        (
            [["name", "municipality_code"], ["Nimi", "564"]],
            "Tiedostosta puuttuu pakollinen sarake tai sarakkeet: tyyppi.",
        ),
        ([["name", "type", "shoe_size"], ["Nimi", "ngo", "42"]], "Tuntematon sarake tai sarakkeet: shoe_size."),
    ],
)
def test_a_bad_row_among_good_ones_saves_nothing_and_says_which_row(as_role, coordinator, make, rows, message):
    client = as_role("coordinator")
    response = preview(client, make(rows))
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "Tiedostossa on virheitä; mitään ei tallennettu" in content
    assert "Vahvista ja tallenna" not in content
    assert client.post(CONFIRM_URL, {"token": response.context["token"]}).status_code == 302
    assert not Organization.objects.filter(name="Oulun Työpaja ry").exists()


@pytest.mark.parametrize("make", FILE_MAKERS)
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([PEOPLE[0], ["Ei Ole Oy", "Eka", "Toka", "", ""]], "Rivi 2: organisaatio: organisaatiota ”Ei Ole Oy” ei ole."),
        ([PEOPLE[0], ["Organisaatio A", "Eka", "Toka", "ei-osoite", ""]], "Rivi 2: sähköposti"),
        (
            [PEOPLE[0], ["Organisaatio A", "Eka", "Toka", "", "ehkä"]],
            "Rivi 2: näytetään julkisesti: vastaa kyllä tai ei",
        ),
        ([PEOPLE[0], PEOPLE[1], PEOPLE[1]], "Rivi 3: sama rivi on jo rivillä 2."),
    ],
)
def test_bad_people_rows_save_nothing(as_role, coordinator, organization_a, make, rows, message):
    response = preview(as_role("coordinator"), make(rows), kind="people")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("muistio.txt", b"name,type\nA,ngo\n"), "Valitse CSV- tai XLSX-tiedosto (.csv tai .xlsx)."),
        (SimpleUploadedFile("tyhja.csv", b""), "Lähetetty tiedosto on tyhjä."),
        (SimpleUploadedFile("tyhjat.csv", b"\n\n"), "Tiedosto on tyhjä."),
        (SimpleUploadedFile("otsikko.csv", b"name,type\n"), "Tiedostossa on otsikkorivi mutta ei rivejä sen alla."),
        (SimpleUploadedFile("vale.xlsx", b"name,type\nA,ngo\n"), "Tiedosto ei ole XLSX-työkirja."),
        (SimpleUploadedFile("vale.csv", b"PK\x03\x04\x00\x00binary"), "Tiedosto ei ole CSV-tekstitiedosto."),
    ],
)
def test_files_that_cannot_be_read_are_refused_with_a_clear_error(as_role, coordinator, upload, message):
    response = preview(as_role("coordinator"), upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Organization.objects.filter(area__slug="oulu").exclude(name="BusinessOulu").exists()


def test_semicolon_separated_csv_is_read(as_role, coordinator):
    response = preview(as_role("coordinator"), csv_file(ORGANISATIONS, delimiter=";"))
    assert "Uusia: 2" in response.content.decode()


def test_errors_are_in_the_users_language(as_role, coordinator):
    client = as_role("coordinator")
    response = client.post(
        "/sv/oulu/ecosystem/import/", {"kind": "organisations", "file": csv_file(bad_organisations(type="x"))}
    )
    assert "Rad 3: typ: okänd typ ”x”." in response.content.decode()


def test_import_refuses_put(as_role, coordinator):
    assert as_role("coordinator").put(URL).status_code == 405
