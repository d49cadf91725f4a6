"""Imports in the user's language: headings and codes in Finnish, Swedish or English, case- and
accent-insensitive, in CSV and XLSX; bad input saves nothing and says why in the page's language."""

import pytest

from verkko.ecosystem.models import Forum, ForumMember, Organization, Person
from verkko.ecosystem.tests.helpers import csv_file, xlsx_file

ORGANISATIONS = {
    "fi": [
        ["Nimi", "Tyyppi", "Kuntanumero", "Kohderyhmät", "Rooli"],
        ["Pohjois-Suomen virasto", "valtion virasto", "564", "työnhakijat; Nuoret", "Palvelee."],
        ["Kumppaniyhdistys ry", "JARJESTO", "", "", ""],
    ],
    "sv": [
        ["Namn", "typ", "KOMMUNNUMMER", "målgrupper", "roll"],
        ["Pohjois-Suomen virasto", "Statlig myndighet", "564", "arbetssökande; unga", "Palvelee."],
        ["Kumppaniyhdistys ry", "organisation i tredje sektorn", "", "", ""],
    ],
    "en": [
        ["name", "TYPE", "municipality_code", "target groups", "role"],
        ["Pohjois-Suomen virasto", "state_agency", "564", "job_seekers; young people", "Palvelee."],
        ["Kumppaniyhdistys ry", "ngo", "", "", ""],
    ],
}

PEOPLE = {
    "fi": [
        ["Organisaatio", "etunimi", "sukunimi", "sähköposti", "NAYTETAAN JULKISESTI"],
        ["Organisaatio A", "Aino", "Aalto", "aino@example.org", "Kyllä"],
    ],
    "sv": [
        ["organisation", "förnamn", "efternamn", "e-post", "visas offentligt"],
        ["Organisaatio A", "Aino", "Aalto", "aino@example.org", "ja"],
    ],
    "en": [
        ["organisation", "first_name", "last_name", "email", "show_publicly"],
        ["Organisaatio A", "Aino", "Aalto", "aino@example.org", "yes"],
    ],
}

FORUMS = {
    "fi": [
        ["nimi", "taso", "näkyvyys", "jäsenet"],
        ["Työllisyysverkosto", "Operatiivinen", "vain kumppaneille", "Organisaatio A: puheenjohtaja; Organisaatio B"],
    ],
    "sv": [
        ["namn", "nivå", "synlighet", "medlemmar"],
        ["Työllisyysverkosto", "operativ", "endast för partner", "Organisaatio A: ordförande; Organisaatio B"],
    ],
    "en": [
        ["name", "level", "visibility", "members"],
        ["Työllisyysverkosto", "operational", "partners", "Organisaatio A: chair; Organisaatio B"],
    ],
}


def _import(client, language, kind, upload):
    preview = client.post(f"/{language}/oulu/ecosystem/import/", {"kind": kind, "file": upload})
    assert preview.status_code == 200, preview.context["plan"].errors
    confirmed = client.post(f"/{language}/oulu/ecosystem/import/confirm/", {"token": preview.context["token"]})
    assert confirmed.status_code == 302
    return preview


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
@pytest.mark.parametrize("file_language", ["fi", "sv", "en"])
def test_organisations_import_with_headings_and_codes_in_any_language(as_role, coordinator, make, file_language):
    # The page's language does not matter: a Swedish file imports on the Finnish page and so on.
    _import(as_role("coordinator"), "fi", "organisations", make(ORGANISATIONS[file_language]))

    agency = Organization.objects.get(name="Pohjois-Suomen virasto")
    assert agency.type == Organization.Type.STATE_AGENCY
    assert agency.municipality.code == "564"
    assert sorted(agency.target_groups.values_list("code", flat=True)) == ["job_seekers", "young_people"]
    assert agency.role.summary == "Palvelee."
    assert Organization.objects.get(name="Kumppaniyhdistys ry").type == Organization.Type.NGO


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
@pytest.mark.parametrize("file_language", ["fi", "sv", "en"])
def test_people_import_with_headings_and_answers_in_any_language(
    as_role, coordinator, organization_a, make, file_language
):
    _import(as_role("coordinator"), "sv", "people", make(PEOPLE[file_language]))

    person = Person.objects.get(email="aino@example.org")
    assert (person.organization, person.first_name, person.show_publicly) == (organization_a, "Aino", True)


@pytest.mark.parametrize("file_language", ["fi", "sv", "en"])
def test_forums_import_with_headings_and_codes_in_any_language(
    as_role, coordinator, organization_a, organization_b, file_language
):
    _import(as_role("coordinator"), "en", "forums", xlsx_file(FORUMS[file_language]))

    forum = Forum.objects.get(name="Työllisyysverkosto")
    assert (forum.level, forum.visibility) == ("operational", "partners")
    seats = dict(forum.members.values_list("organization__name", "role"))
    assert seats == {"Organisaatio A": ForumMember.Role.CHAIR, "Organisaatio B": ForumMember.Role.MEMBER}


@pytest.mark.parametrize(
    ("language", "rows", "messages"),
    [
        (
            "fi",
            [["nimi", "tyyppi"], ["Hyvä ry", "järjestö"], ["Huono ry", "avaruusolio"]],
            ["Rivi 3: tyyppi: tuntematon tyyppi ”avaruusolio”."],
        ),
        (
            "sv",
            [["namn", "typ"], ["Hyvä ry", "ngo"], ["Huono ry", "rymdvarelse"]],
            ["Rad 3: typ: okänd typ ”rymdvarelse”."],
        ),
        (
            "en",
            [["name", "type"], ["Hyvä ry", "ngo"], ["Huono ry", "alien"]],
            ["Row 3: type: unknown type “alien”."],
        ),
        (
            "fi",
            [["nimi", "kenkänumero"], ["Hyvä ry", "42"]],
            [
                "Tiedostosta puuttuu pakollinen sarake tai sarakkeet: tyyppi.",
                "Tuntematon sarake tai sarakkeet: kenkänumero.",
            ],
        ),
        ("sv", [["namn", "name", "typ"], ["Hyvä ry", "Hyvä ry", "ngo"]], ["Samma kolumn anges två gånger: namn."]),
        ("fi", [["nimi"], ["Hyvä ry"]], ["Tiedostosta puuttuu pakollinen sarake tai sarakkeet: tyyppi."]),
    ],
)
def test_bad_input_saves_nothing_and_says_why_in_the_users_language(as_role, coordinator, language, rows, messages):
    response = as_role("coordinator").post(
        f"/{language}/oulu/ecosystem/import/", {"kind": "organisations", "file": csv_file(rows)}
    )

    assert response.status_code == 400
    assert response.context["plan"].errors == messages
    assert not Organization.objects.filter(name__in=["Hyvä ry", "Huono ry"]).exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", ["<code>kuntanumero</code>", "valtion virasto", "Arvot:"]),
        ("sv", ["<code>kommunnummer</code>", "statlig myndighet", "Värden:"]),
        ("en", ["<code>municipality_code</code>", "state agency", "Values:"]),
    ],
)
def test_the_column_guide_is_in_the_users_language(as_role, coordinator, language, expected):
    page = as_role("coordinator").get(f"/{language}/oulu/ecosystem/import/").content.decode()
    for text in expected:
        assert text in page
