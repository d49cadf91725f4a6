"""The monitoring report as HTML, PDF (read back with pdftotext) and XLSX (read back with openpyxl)."""

import io
import subprocess
from datetime import date, datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from verkko.goals.models import CheckIn, IndicatorValue
from verkko.goals.tests.conftest import OUTSIDERS, ROLES, is_partner_role

PERIOD = "2025M11"


@pytest.fixture
def reported(goal, action, indicator, partner_editor, partner_goal, partner_action):
    """A check-in in November 2025, and a new quarter that changes the indicator's status."""
    CheckIn.objects.create(
        action=action,
        author=partner_editor,
        progress=30,
        status="under_way",
        confidence="at_risk",
        narrative="Syksyn haku täynnä.",
        created_at=timezone.make_aware(datetime(2025, 11, 10, 12)),
    )
    return goal


def test_html_report_shows_statuses_changes_and_check_ins(client_for, reported):
    response = client_for(None).get(f"/fi/oulu/reports/monitoring/{PERIOD}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Seurantaraportti 11/2025" in content
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "Syksyn haku täynnä." in content
    # October–December is one quarter, so the quarterly indicator did not change since October.
    assert "Yksikään tila ei muuttunut." in content
    assert "<svg" in content
    assert "Osatyökykyisten työllistyminen" not in content  # partner-only goal, public reader


@pytest.mark.parametrize("role", ROLES)
def test_partner_only_goals_only_for_partners_of_the_area(client_for, user_for, reported, role):
    response = client_for(user_for(role)).get(f"/fi/oulu/reports/monitoring/{PERIOD}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Oulun työllisyysalue" in content
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert ("Osatyökykyisten työllistyminen" in content) == is_partner_role(role)
    assert ("Työkykykoordinaattorit" in content) == is_partner_role(role)


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator", None])
def test_report_is_of_its_own_area_only(
    client_for, user_for, reported, other_goal, other_partner_goal, other_action, role
):
    client = client_for(user_for(role))
    oulu = client.get(f"/fi/oulu/reports/monitoring/{PERIOD}/").content.decode()
    assert "Rannikon nuorten työllisyys" not in oulu
    assert "Rannikon sisäinen tavoite" not in oulu
    assert "Rannikon kesätyöt" not in oulu
    rannikko = client.get(f"/fi/rannikko/reports/monitoring/{PERIOD}/").content.decode()
    assert "Rannikon nuorten työllisyys" in rannikko
    assert "Rannikon kesätyöt" in rannikko
    assert ("Rannikon sisäinen tavoite" in rannikko) == (role == "outsider_coordinator")
    assert "Nuorisotyöttömyyden vähentäminen" not in rannikko
    workbook = load_workbook(io.BytesIO(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").content))
    cells = {str(cell) for sheet in workbook.worksheets for row in sheet.values for cell in row if cell is not None}
    assert not {"Rannikon nuorten työllisyys", "Rannikon sisäinen tavoite", "Rannikon kesätyöt"} & cells


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_pdf_and_xlsx_leave_out_partner_only_goals(client_for, user_for, reported, role):
    client = client_for(user_for(role))
    pdf = client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf")
    output = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True)
    text = " ".join(output.stdout.decode().split())
    assert "Nuorisotyöttömyyden vähentäminen" in text
    assert "Osatyökykyisten työllistyminen" not in text
    workbook = load_workbook(io.BytesIO(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").content))
    assert [row[0] for row in list(workbook["Tavoitteet"].values)[1:]] == ["Nuorisotyöttömyyden vähentäminen"]
    assert [row[0] for row in list(workbook["Toimenpiteet"].values)[1:]] == ["Oppisopimuspolku nuorille"]


def test_status_change_since_the_previous_month_is_listed(client_for, reported, indicator):
    IndicatorValue.objects.create(indicator=indicator, period=date(2026, 1, 1), value=48.5)
    content = client_for(None).get("/fi/oulu/reports/monitoring/2026M01/").content.decode()
    assert "Tilan muutokset" in content
    assert "Koulutukseen ohjatut nuoret" in content


def test_pdf_report_is_readable_text(client_for, partner_member, reported):
    response = client_for(partner_member).get(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="seurantaraportti-2025-11.pdf"'
    output = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)
    text = " ".join(output.stdout.decode().split())  # table cells wrap their lines
    assert "Seurantaraportti 11/2025" in text
    assert "Nuorisotyöttömyyden vähentäminen" in text
    assert "Osatyökykyisten työllistyminen" in text  # partners see partner-only goals
    assert "Syksyn haku täynnä." in text


def test_xlsx_report_has_goals_indicators_actions_and_changes(client_for, reported):
    response = client_for(None).get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Tavoitteet", "Mittarit", "Toimenpiteet", "Muutokset", "Lähteet"]
    goals = list(workbook["Tavoitteet"].values)
    assert goals[0][:2] == ("Tavoite", "Tila")
    assert [row[0] for row in goals[1:]] == ["Nuorisotyöttömyyden vähentäminen"]
    indicators = list(workbook["Mittarit"].values)
    assert indicators[1][0] == "Koulutukseen ohjatut nuoret"
    assert indicators[1][4] == 43.0
    actions = list(workbook["Toimenpiteet"].values)
    assert actions[1][0] == "Oppisopimuspolku nuorille"
    assert actions[1][-1] == "Syksyn haku täynnä."
    changes = list(workbook["Muutokset"].values)
    assert changes[1][0] == "uusi tilannepäivitys"


def test_unknown_period_is_404(client_for, area):
    assert client_for(None).get("/fi/oulu/reports/monitoring/2025-11/").status_code == 404
    assert client_for(None).get("/fi/oulu/reports/monitoring/2025M13.xlsx").status_code == 404


def test_reports_refuse_post(client_for, coordinator):
    client = client_for(coordinator)
    assert client.post(f"/fi/oulu/reports/monitoring/{PERIOD}/").status_code == 405
    assert client.post(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf").status_code == 405
    assert client.post(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").status_code == 405


def test_xlsx_report_reads_as_people_write_and_in_the_readers_language(client_for, reported, action):
    CheckIn.objects.create(
        action=action,
        progress=35,
        status="under_way",
        confidence="on_track",
        narrative='=HYPERLINK("http://example.com")',
        created_at=timezone.make_aware(datetime(2025, 11, 20, 12)),
    )
    workbook = load_workbook(io.BytesIO(client_for(None).get(f"/sv/oulu/reports/monitoring/{PERIOD}.xlsx").content))
    assert workbook.sheetnames[0] == "Mål"
    indicators = workbook.worksheets[1]
    assert indicators["D2"].value == "Q4/2025"  # the period, not the code 2025Q4
    assert indicators.freeze_panes == "A2"
    actions = workbook.worksheets[2]
    assert actions["H2"].value == '=HYPERLINK("http://example.com")'
    assert actions["H2"].data_type == "s"
    assert actions["E2"].number_format == "d.m.yyyy"
    widths = {letter: actions.column_dimensions[letter].width for letter in "AH"}
    assert widths["A"] >= len("Oppisopimuspolku nuorille")
    assert widths["H"] <= 60
