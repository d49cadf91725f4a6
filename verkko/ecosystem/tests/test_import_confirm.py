import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.ecosystem.models import Organization, Person
from verkko.ecosystem.tests.conftest import by_role

URL = "/fi/ecosystem/import/"


CONFIRM_URL = "/fi/ecosystem/import/confirm/"


ORGANISATIONS = [
    ["name", "type", "municipality_code", "business_id", "target_groups", "role"],
    ["Oulun Työpaja ry", "ngo", "564", "0187690-1", "young_people; immigrants", "Työpajat nuorille."],
    ["Kempeleen Yrityskeskus", "yritys", "244", "", "", ""],
]


PEOPLE = [
    ["organisation", "first_name", "last_name", "email", "show_publicly"],
    ["Organisaatio A", "Iida", "Importti", "iida@example.org", "kyllä"],
    ["Organisaatio A", "Ossi", "Otos", "", "ei"],
]


def csv_file(rows, name="tiedosto.csv", delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")


def preview(client, upload, kind="organisations"):
    return client.post(URL, {"kind": kind, "file": upload})


def confirm(client, response):
    return client.post(CONFIRM_URL, {"token": response.context["token"]})


def test_confirm_checks_the_rows_again_against_the_database(as_role, coordinator, organization_a):
    client = as_role("coordinator")
    response = preview(client, csv_file(PEOPLE), kind="people")
    organization_a.name = "Uusi nimi"
    organization_a.save()
    confirmed = confirm(client, response)
    assert confirmed.status_code == 400
    assert "Rivi 2: organisation" in confirmed.content.decode()
    assert not Person.objects.exists()


def test_confirm_without_a_preview_saves_nothing(as_role, coordinator):
    response = as_role("coordinator").post(CONFIRM_URL, {"token": "arvattu"})
    assert response.status_code == 302
    assert response["Location"] == URL


def test_a_preview_can_be_confirmed_only_once(as_role, coordinator):
    client = as_role("coordinator")
    response = preview(client, csv_file(ORGANISATIONS))
    confirm(client, response)
    assert confirm(client, response)["Location"] == URL
    assert Organization.objects.filter(name="Oulun Työpaja ry").count() == 1


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403))
def test_only_coordinators_may_confirm(as_role, everyone, role, status):
    assert as_role(role).post(CONFIRM_URL, {"token": "x"}).status_code == status


def test_confirm_refuses_get(as_role, coordinator):
    assert as_role("coordinator").get(CONFIRM_URL).status_code == 405
