import datetime

import pytest

from verkko.processes import document
from verkko.processes.models import ModelVersion
from verkko.processes.tests.conftest import by_role

URL = "/fi/oulu/collaboration-model/"


@pytest.mark.parametrize(("role", "sees_partner_only"), by_role(True, True, True, True, False, False, False, False))
def test_the_model_is_compiled_for_each_reader(
    as_role, everyone, process, partner_process, agreement, partner_agreement, commitment, role, sees_partner_only
):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for expected in ["Nuorten verkosto", "Nuoret töihin", "Nuoren ohjauspolku", "1. Alkuhaastattelu – BusinessOulu"]:
        assert expected in page
    assert "Nuorten palvelujen yhteistyösopimus" in page
    assert ("Sisäinen prosessi" in page) is sees_partner_only
    assert ("Luottamuksellinen sopimus" in page) is sees_partner_only


@pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/pdftotext").exists(), reason="pdftotext reads the PDF")
def test_the_pdf_is_tagged_and_in_the_readers_language(as_role, coordinator, process):
    import subprocess

    response = as_role("coordinator").get("/sv/oulu/collaboration-model/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    info = subprocess.run(["pdfinfo", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
    assert "Tagged:          yes" in info
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True).stdout
    assert "Nuoren ohjauspolku" in text.decode()
    assert "Uleåborgs" in text.decode()


def test_the_pdf_refuses_post(as_role, area):
    assert as_role("public").post("/fi/oulu/collaboration-model/pdf/").status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_adopt_a_version(as_role, everyone, process, role, status):
    response = as_role(role).post(
        "/fi/oulu/collaboration-model/versions/", {"title": "Hyväksytty malli", "adopted_on": "2026-03-01"}
    )
    assert response.status_code == status
    assert ModelVersion.objects.exists() is (status == 302)


def test_a_version_without_a_date_is_refused(as_role, coordinator):
    response = as_role("coordinator").post("/fi/oulu/collaboration-model/versions/", {"title": "X"})
    assert response.status_code == 400
    assert not ModelVersion.objects.exists()


def test_adopting_refuses_get(as_role, coordinator):
    assert as_role("coordinator").get("/fi/oulu/collaboration-model/versions/").status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_versions_are_for_the_partners(as_role, everyone, version, role, status):
    assert as_role(role).get(f"/fi/oulu/collaboration-model/versions/{version.uuid}/").status_code == status


def test_a_version_keeps_what_was_adopted(as_role, coordinator, version, process):
    process.name = "Nimi muuttui myöhemmin"
    process.save()
    page = as_role("coordinator").get(f"/fi/oulu/collaboration-model/versions/{version.uuid}/").content.decode()
    assert "Nuoren ohjauspolku" in page
    assert "Nimi muuttui myöhemmin" not in page


def test_two_versions_are_compared(as_role, coordinator, area, version, process, organization_a):
    from verkko.processes import actions

    process.name = "Nuoren polku, uudistettu"
    process.save()
    process.steps.filter(number=2).delete()
    newer = actions.adopt_version(
        coordinator, area, {"title": "Uusi", "adopted_on": datetime.date(2026, 9, 1)}, document.build(coordinator, area)
    )
    response = as_role("coordinator").get(
        "/fi/oulu/collaboration-model/versions/compare/", {"older": version.uuid, "newer": newer.uuid}
    )
    assert response.status_code == 200
    changes = {change["section"]: change for change in response.context["changes"]}
    name, fields = changes["processes"]["changed"][0]
    assert name == "Nuoren polku, uudistettu"
    assert ("name", "Nuoren ohjauspolku", "Nuoren polku, uudistettu") in fields
    assert any(field == "steps" for field, _old, _new in fields)


def test_comparing_needs_two_known_versions(as_role, coordinator, version):
    url = "/fi/oulu/collaboration-model/versions/compare/"
    assert as_role("coordinator").get(url, {"older": "x"}).status_code == 400
    assert (
        as_role("coordinator")
        .get(url, {"older": version.uuid, "newer": "00000000-0000-4000-8000-000000000000"})
        .status_code
        == 404
    )
    assert as_role("public").get(url, {"older": version.uuid, "newer": version.uuid}).status_code == 404


def test_compare_is_pure():
    older = {"processes": [{"key": "a", "name": "A"}, {"key": "b", "name": "B"}]}
    newer = {"processes": [{"key": "a", "name": "A2"}, {"key": "c", "name": "C"}]}
    [change] = document.compare(older, newer)
    assert change["added"] == ["C"]
    assert change["removed"] == ["B"]
    assert change["changed"] == [("A2", [("name", "A", "A2")])]


@pytest.fixture
def follow_up(area, coordinator):
    from verkko.reports.models import PublishedReport
    from verkko.survey.models import SurveyRound

    PublishedReport.objects.create(area=area, period=datetime.date(2026, 10, 1), content={}, published_by=coordinator)
    SurveyRound.objects.create(
        area=area,
        title="Kumppanikysely syksy 2026",
        opens_on=datetime.date(2026, 9, 1),
        closes_on=datetime.date(2026, 9, 30),
        created_by=coordinator,
    )


@pytest.mark.parametrize(("role", "sees_survey"), by_role(True, True, True, True, False, False, False, False))
def test_follow_up_names_the_published_reports_and_the_survey_rounds(as_role, everyone, follow_up, role, sees_survey):
    page = as_role(role).get(URL).content.decode()
    assert "lokakuu 2026" in page
    assert ("Kumppanikysely syksy 2026: 1.9.2026–30.9.2026" in page) is sees_survey


def test_dates_and_amounts_of_the_document_read_as_finnish(as_role, coordinator, goal, commitment):
    page = as_role("coordinator").get(URL).content.decode()
    assert "1.1.2026–31.12.2027" in page
    assert "1.1.2026–31.12.2026" in page
    assert "01.01.2026" not in page
    content = document.build(coordinator, goal.area)
    assert content["goals"][0]["period"] == "2026-01-01/2027-12-31"


def test_a_version_compiled_before_ranges_were_iso_shows_its_period_as_kept():
    from verkko.processes.templatetags.processes import iso_amount, iso_range

    assert iso_range("01.01.2026–31.12.2026") == "01.01.2026–31.12.2026"
    assert iso_range("2026-01-01/2026-12-31") == "1.1.2026–31.12.2026"
    assert iso_amount("1234.50") == "1\xa0234,5"
    assert iso_amount("") == "–"
