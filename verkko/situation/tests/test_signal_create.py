"""Reporting a signal: /fi/<area>/signals/new/ for partner editors and coordinators."""

import pytest

from verkko.situation.models import Signal


def _data(organization, **changes):
    data = {
        "kind": "layoffs",
        "date": "2026-10-14",
        "municipality": str(organization.area.municipalities.get(code="564").pk),
        "industry": "C",
        "occupation_group": "7",
        "headcount": "85",
        "description": "Konepaja aloittaa muutosneuvottelut.",
        "source": "Yrityksen tiedote",
        "visibility": "public",
        "organization": str(organization.pk),
    }
    data.update(changes)
    return data


def test_partner_editor_reports_a_signal_that_waits_for_checking(client_for, partner_editor, organization_a):
    response = client_for(partner_editor).post("/fi/oulu/signals/new/", _data(organization_a))

    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/signals/{signal.uuid}/"
    assert signal.status == Signal.Status.SUBMITTED
    assert signal.reporter == partner_editor
    assert signal.organization == organization_a
    assert (signal.kind, signal.industry, signal.headcount) == ("layoffs", "C", 85)


def test_the_report_form_is_in_finnish(client_for, partner_editor):
    response = client_for(partner_editor).get("/fi/oulu/signals/new/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Ilmoita signaali" in content
    assert "Toimiala (TOL 2008)" in content
    assert "C Teollisuus" in content


def test_coordinator_may_report_for_any_organisation_of_the_area(client_for, coordinator, organization_b):
    response = client_for(coordinator).post("/fi/oulu/signals/new/", _data(organization_b))

    assert response.status_code == 302
    assert Signal.objects.get().organization == organization_b


def test_editor_cannot_report_in_the_name_of_another_organisation(client_for, partner_editor, organization_b):
    response = client_for(partner_editor).post("/fi/oulu/signals/new/", _data(organization_b))

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Signal.objects.count() == 0


def test_partner_member_may_not_report(client_for, partner_member, organization_a):
    assert client_for(partner_member).get("/fi/oulu/signals/new/").status_code == 403
    assert client_for(partner_member).post("/fi/oulu/signals/new/", _data(organization_a)).status_code == 403
    assert Signal.objects.count() == 0


def test_the_public_is_sent_to_sign_in(client_for, area):
    response = client_for(None).get("/fi/oulu/signals/new/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "arvaus"}, "Valitse oikea vaihtoehto. arvaus ei ole vaihtoehtojen joukossa."),
        ({"date": ""}, "Tämä kenttä vaaditaan."),
        ({"date": "31.2.2026"}, "Syötä oikea päivämäärä."),
        ({"headcount": "0"}, "Tämän luvun on oltava vähintään 1."),
        ({"headcount": "paljon"}, "Syötä kokonaisluku."),
        ({"description": ""}, "Tämä kenttä vaaditaan."),
        ({"source": ""}, "Tämä kenttä vaaditaan."),
        ({"industry": "Z"}, "Valitse oikea vaihtoehto. Z ei ole vaihtoehtojen joukossa."),
        ({"municipality": "999999"}, "Valitse oikea vaihtoehto. Valintasi ei löydy vaihtoehtojen joukosta."),
    ],
)
def test_bad_input_shows_errors_in_finnish_and_saves_nothing(
    client_for, partner_editor, organization_a, changes, message
):
    response = client_for(partner_editor).post("/fi/oulu/signals/new/", _data(organization_a, **changes))

    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    assert message in content
    assert Signal.objects.count() == 0


def test_report_form_refuses_other_methods(client_for, partner_editor):
    assert client_for(partner_editor).put("/fi/oulu/signals/new/").status_code == 405
