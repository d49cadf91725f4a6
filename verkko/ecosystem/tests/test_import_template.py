import csv
import io

import pytest

from verkko.ecosystem.tests.conftest import by_role


def rows_of_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        (
            "fi",
            ["organisaatio", "etunimi", "sukunimi", "nimike", "sähköposti", "puhelin"]
            + ["näytetään julkisesti", "sähköposti julkisesti", "puhelin julkisesti"],
        ),
        (
            "sv",
            ["organisation", "förnamn", "efternamn", "titel", "e-post", "telefon"]
            + ["visas offentligt", "e-post offentligt", "telefon offentligt"],
        ),
        (
            "en",
            ["organisation", "first_name", "last_name", "title", "email", "phone"]
            + ["show_publicly", "show_email_publicly", "show_phone_publicly"],
        ),
    ],
)
def test_the_template_has_only_the_heading_row_in_the_users_language(as_role, coordinator, language, heading):
    response = as_role("coordinator").get(f"/{language}/oulu/ecosystem/import/template/people.csv")
    assert rows_of_csv(response) == [heading]


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_download_templates(as_role, everyone, role, status):
    assert as_role(role).get("/fi/oulu/ecosystem/import/template/organisations.xlsx").status_code == status


def test_an_unknown_template_is_not_found(as_role, coordinator):
    assert as_role("coordinator").get("/fi/oulu/ecosystem/import/template/planets.csv").status_code == 404


def test_template_refuses_post(as_role, coordinator):
    assert as_role("coordinator").post("/fi/oulu/ecosystem/import/template/people.csv").status_code == 405
