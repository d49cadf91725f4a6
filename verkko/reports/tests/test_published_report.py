"""Reports as published: a coordinator publishes a month; nothing done later alters it, in any
format; the current month is a draft; the reports page opens on the latest published month; one
snapshot serves every reader, each seeing only their part."""

import io
import subprocess
from datetime import date, datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from verkko.goals.models import Action, CheckIn, Goal, IndicatorValue, Target
from verkko.goals.tests.conftest import OUTSIDERS, ROLES
from verkko.reports import actions
from verkko.reports.models import PublishedReport
from verkko.stats.periods import Period

PERIOD = "2025M11"
URL = f"/fi/oulu/reports/monitoring/{PERIOD}/"
NOVEMBER = Period.parse(PERIOD)


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


@pytest.fixture
def published(november, coordinator, area):
    return actions.publish_report(coordinator, area, NOVEMBER)


def _all_formats(client, period=PERIOD):
    base = f"/fi/oulu/reports/monitoring/{period}"
    return (
        client.get(base + "/").content.decode(),
        _pdf_text(client.get(base + ".pdf").content),
        _xlsx_cells(client.get(base + ".xlsx").content),
    )


def test_nothing_done_later_alters_a_published_report_even_dated_back(client_for, published, action, indicator, area):
    before = _all_formats(client_for(None))
    # In December: a new goal, a new action, a check-in dated back into November, a changed target,
    # a value of the quarter entered later.
    late = Goal.objects.create(
        area=area,
        slug="uusi",
        title="Joulukuussa lisätty tavoite",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 1, 1),
    )
    late.indicators.add(indicator)
    Action.objects.create(title="Joulukuun toimenpide", lead_organization=action.lead_organization).goals.add(late)
    CheckIn.objects.create(
        action=action,
        progress=90,
        status="under_way",
        confidence="on_track",
        narrative="Takautuva merkintä.",
        created_at=timezone.make_aware(datetime(2025, 11, 20, 12)),
    )
    Target.objects.filter(indicator=indicator).update(value=30.0)
    IndicatorValue.objects.filter(indicator=indicator, period=date(2025, 10, 1)).update(value=99.0)
    after = _all_formats(client_for(None))
    assert after == before
    html, pdf, cells = after
    for text in ("Joulukuussa lisätty tavoite", "Joulukuun toimenpide", "Takautuva merkintä."):
        assert text not in html
        assert text not in pdf
        assert text not in cells
    assert "Julkaistu" in html
    assert "Luonnos" not in html
    # The draft of the same month, were it not published, would show the check-in dated back.
    PublishedReport.objects.all().delete()
    assert "Takautuva merkintä." in client_for(None).get(URL).content.decode()


def test_a_report_of_a_past_month_leaves_out_what_was_recorded_after_it(client_for, november, area, action):
    late = Goal.objects.create(
        area=area,
        slug="uusi",
        title="Joulukuussa lisätty tavoite",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 1, 1),
    )
    Goal.objects.filter(pk=late.pk).update(created_at=timezone.make_aware(datetime(2025, 12, 2, 9)))
    check_in = CheckIn.objects.create(
        action=action,
        progress=50,
        status="under_way",
        confidence="on_track",
        narrative="Joulukuun päivitys.",
        created_at=timezone.make_aware(datetime(2025, 12, 3, 9)),
    )
    content = client_for(None).get(URL).content.decode()
    assert "Joulukuussa lisätty tavoite" not in content
    assert check_in.narrative not in content
    assert "Luonnos" in content  # not published: a draft, marked as one


def test_the_current_month_is_a_draft_and_cannot_be_published(client_for, coordinator, november):
    this_month = Period.of(timezone.localdate())
    client = client_for(coordinator)
    content = client.get(f"/fi/oulu/reports/monitoring/{this_month.code}/").content.decode()
    assert "Luonnos" in content
    assert "ei ole päättynyt" in content
    assert "/publish/" not in content
    response = client.post(f"/fi/oulu/reports/monitoring/{this_month.code}/publish/")
    assert response.status_code == 302
    assert not PublishedReport.objects.exists()
    pdf = _pdf_text(client.get(f"/fi/oulu/reports/monitoring/{this_month.code}.pdf").content)
    assert "LUONNOS" in pdf


@pytest.mark.parametrize("role", [*ROLES])
def test_only_a_coordinator_of_the_area_publishes(client_for, user_for, november, role):
    client = client_for(user_for(role))
    response = client.post(f"/fi/oulu/reports/monitoring/{PERIOD}/publish/")
    if role is None:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert not PublishedReport.objects.exists()
    elif role == "coordinator":
        assert response.status_code == 302
        assert response["Location"] == URL
        report = PublishedReport.objects.get()
        assert (report.period, report.published_by) == (date(2025, 11, 1), user_for(role))
    else:
        assert response.status_code == 403
        assert not PublishedReport.objects.exists()
    has_button = "/publish/" in client.get(URL).content.decode()
    assert has_button == (role == "coordinator" and not PublishedReport.objects.exists())


def test_publishing_twice_keeps_the_first(client_for, coordinator, published, action):
    CheckIn.objects.create(
        action=action,
        progress=80,
        status="under_way",
        confidence="on_track",
        narrative="Myöhempi.",
        created_at=timezone.make_aware(datetime(2025, 11, 25, 12)),
    )
    response = client_for(coordinator).post(f"{URL}publish/")
    assert response.status_code == 302
    assert PublishedReport.objects.count() == 1
    assert "Myöhempi." not in client_for(coordinator).get(URL).content.decode()


def test_publish_refuses_get(client_for, coordinator, november):
    assert client_for(coordinator).get(f"{URL}publish/").status_code == 405
    assert not PublishedReport.objects.exists()


def test_reports_page_opens_on_the_latest_published_month(client_for, published, coordinator, area):
    actions.publish_report(coordinator, area, Period.parse("2025M10"))
    response = client_for(None).get("/fi/oulu/reports/")
    assert response.status_code == 302
    assert response["Location"] == URL
    content = client_for(None).get(URL).content.decode()
    assert 'href="/fi/oulu/reports/monitoring/2025M10/"' in content  # earlier months stay listed


@pytest.mark.parametrize("role", [None, *OUTSIDERS])
def test_public_and_outsiders_never_see_a_partner_only_goal_of_a_published_report(
    client_for, user_for, published, role
):
    html, pdf, cells = _all_formats(client_for(user_for(role)))
    for content in (html, pdf, cells):
        assert "Nuorisotyöttömyyden vähentäminen" in content
        assert "Osatyökykyisten työllistyminen" not in content
        assert "Työkykykoordinaattorit" not in content


def test_partners_see_the_partner_only_goal_of_the_same_snapshot(client_for, partner_member, published):
    html, pdf, cells = _all_formats(client_for(partner_member))
    for content in (html, pdf, cells):
        assert "Osatyökykyisten työllistyminen" in content
        assert "Työkykykoordinaattorit" in content
    assert "coordinator@example.com" in html or "Koordinaattori" in html or "Julkaissut" in html


def test_a_published_report_of_another_area_is_not_shown_here(client_for, published, other_area, other_goal):
    assert "Rannikon nuorten työllisyys" not in client_for(None).get(URL).content.decode()
    rannikko = client_for(None).get(f"/fi/rannikko/reports/monitoring/{PERIOD}/").content.decode()
    assert "Luonnos" in rannikko  # rannikko has published nothing
    assert "Nuorisotyöttömyyden vähentäminen" not in rannikko
