"""The monitoring report is cached per audience until its data change: a draft shows a write in
the area at once, a published report's bytes never change, the public never receives what
partners see (in HTML, PDF or XLSX) and languages never mix."""

import io
import subprocess
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from verkko.goals import actions as goal_actions
from verkko.goals.models import CheckIn
from verkko.goals.tests.conftest import OUTSIDERS, PARTNERS
from verkko.reports import actions
from verkko.stats.periods import Period

PERIOD = "2025M11"
BASE = f"/fi/oulu/reports/monitoring/{PERIOD}"


def _pdf_text(content):
    output = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(output.stdout.decode().split())


def _xlsx_cells(content):
    workbook = load_workbook(io.BytesIO(content))
    return {str(cell) for sheet in workbook.worksheets for row in sheet.values for cell in row if cell is not None}


@pytest.fixture
def november(goal, action, partner_goal, partner_action, partner_editor):
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


def _this_month_url():
    return f"/fi/oulu/reports/monitoring/{Period.of(timezone.localdate(), 'M').code}/"


def test_the_second_reader_of_a_draft_gets_it_from_the_cache(client_for, november):
    with CaptureQueriesContext(connection) as cold:
        first = client_for(None).get(BASE + "/").content
    with CaptureQueriesContext(connection) as warm:
        second = client_for(None).get(BASE + "/").content
    assert len(warm) < len(cold)
    assert second == first


def test_the_current_draft_shows_a_check_in_at_once(client_for, november, action, partner_editor):
    assert "Juuri nyt kirjattu" not in client_for(None).get(_this_month_url()).content.decode()
    goal_actions.check_in(
        partner_editor, action, progress=70, status="under_way", confidence="on_track", narrative="Juuri nyt kirjattu"
    )
    assert "Juuri nyt kirjattu" in client_for(None).get(_this_month_url()).content.decode()


def test_a_published_report_keeps_its_bytes_after_later_writes(client_for, november, coordinator, area, action):
    actions.publish_report(coordinator, area, Period.parse(PERIOD))
    client = client_for(None)
    before = [client.get(BASE + suffix).content for suffix in ("/", ".pdf", ".xlsx")]
    goal_actions.check_in(coordinator, action, progress=95, status="under_way", confidence="on_track", narrative="")
    november.title = "Myöhemmin muutettu nimi"
    november.save()
    after = [client.get(BASE + suffix).content for suffix in ("/", ".pdf", ".xlsx")]
    assert after[1:] == before[1:]
    assert "Myöhemmin muutettu nimi" not in after[0].decode()


@pytest.mark.parametrize("reader", [None, *OUTSIDERS])
@pytest.mark.parametrize("partner", PARTNERS[:1] + PARTNERS[2:3])
def test_the_public_never_receives_the_partners_cached_report(client_for, user_for, november, partner, reader):
    partner_client, client = client_for(user_for(partner)), client_for(user_for(reader))
    shown = [partner_client.get(BASE + suffix).content for suffix in ("/", ".pdf", ".xlsx")]
    assert "Osatyökykyisten työllistyminen" in shown[0].decode()
    assert "Osatyökykyisten työllistyminen" in _pdf_text(shown[1])
    assert "Osatyökykyisten työllistyminen" in _xlsx_cells(shown[2])
    html, pdf, xlsx = (client.get(BASE + suffix).content for suffix in ("/", ".pdf", ".xlsx"))
    assert "Osatyökykyisten työllistyminen" not in html.decode()
    assert "Osatyökykyisten työllistyminen" not in _pdf_text(pdf)
    assert "Osatyökykyisten työllistyminen" not in _xlsx_cells(xlsx)
    assert "Nuorisotyöttömyyden vähentäminen" in html.decode()


def test_only_coordinators_get_the_publish_form_beside_the_cached_body(
    client_for, november, coordinator, partner_editor
):
    publish = f'action="{BASE}/publish/"'
    assert publish not in client_for(partner_editor).get(BASE + "/").content.decode()
    assert publish in client_for(coordinator).get(BASE + "/").content.decode()
    assert publish not in client_for(partner_editor).get(BASE + "/").content.decode()


def test_languages_do_not_mix(client_for, november):
    finnish = _pdf_text(client_for(None).get(BASE + ".pdf").content)
    swedish = _pdf_text(client_for(None).get(f"/sv/oulu/reports/monitoring/{PERIOD}.pdf").content)
    assert finnish != swedish
    assert "Seurantaraportti" in finnish
    assert "Uppföljningsrapport" in swedish
