"""The signals page /fi/<area>/signals/: who sees which signals, filters and counts over time."""

import csv
import io
from datetime import date

import pytest

from verkko.situation.models import Signal


@pytest.fixture
def signals(make_signal, partner_editor, editor_b):
    return {
        "public": make_signal(description="Julkinen vahvistettu"),
        "partners": make_signal(description="Kumppaneille vahvistettu", visibility="partners"),
        "own_pending": make_signal(description="Oma odottava", status="submitted", reporter=partner_editor),
        "others_pending": make_signal(description="Toisen odottava", status="submitted", reporter=editor_b),
        "rejected": make_signal(description="Hylätty", status="rejected", reporter=editor_b),
    }


def _shown(response):
    return {signal.description for signal in response.context["signals"]}


def test_public_sees_only_verified_public_signals(client_for, signals):
    response = client_for(None).get("/fi/oulu/signals/")

    assert response.status_code == 200
    assert "Signaalit: Oulun työllisyysalue" in response.content.decode()
    assert _shown(response) == {"Julkinen vahvistettu"}


def test_partner_sees_verified_partner_signals_and_their_own_pending_ones(client_for, signals, partner_editor):
    assert _shown(client_for(partner_editor).get("/fi/oulu/signals/")) == {
        "Julkinen vahvistettu",
        "Kumppaneille vahvistettu",
        "Oma odottava",
    }


def test_partner_member_does_not_see_others_pending_signals(client_for, signals, partner_member):
    assert "Toisen odottava" not in _shown(client_for(partner_member).get("/fi/oulu/signals/"))


def test_coordinator_sees_every_signal_of_the_area(client_for, signals, coordinator):
    assert _shown(client_for(coordinator).get("/fi/oulu/signals/")) == {s.description for s in signals.values()}


def test_filters_narrow_the_signals(client_for, make_signal, area):
    make_signal(description="Kempeleen lomautus", kind="layoffs", municipality=area.municipalities.get(code="244"))
    make_signal(description="Oulun rekry", kind="recruitment", industry="C", date=date(2026, 3, 5))
    client = client_for(None)

    assert _shown(client.get("/fi/oulu/signals/", {"kind": "layoffs"})) == {"Kempeleen lomautus"}
    assert _shown(client.get("/fi/oulu/signals/", {"municipality": "564"})) == {"Oulun rekry"}
    assert _shown(client.get("/fi/oulu/signals/", {"industry": "C"})) == {"Oulun rekry"}
    assert _shown(client.get("/fi/oulu/signals/", {"start": "2026-01-01", "end": "2026-06-30"})) == {"Oulun rekry"}


def test_bad_filters_are_reported_and_filter_nothing(client_for, make_signal):
    make_signal(description="Näkyy")

    response = client_for(None).get("/fi/oulu/signals/", {"kind": "arvaus", "start": "2026-12-01", "end": "2026-01-01"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert _shown(response) == {"Näkyy"}


def test_counts_over_time_count_verified_signals_by_month_and_kind(client_for, make_signal, coordinator):
    make_signal(kind="layoffs", date=date(2026, 9, 3))
    make_signal(kind="layoffs", date=date(2026, 9, 20))
    make_signal(kind="recruitment", date=date(2026, 10, 1))
    make_signal(kind="recruitment", date=date(2026, 10, 2), status="submitted")

    chart = client_for(coordinator).get("/fi/oulu/signals/").context["counts"]

    assert chart["rows"] == [["9/2026", 0, 2, 0, 0, 0, 0, 2], ["10/2026", 1, 0, 0, 0, 0, 0, 1]]


def test_counts_download_holds_the_rows_of_the_chart(client_for, make_signal):
    make_signal(kind="closure", date=date(2026, 8, 3))
    client = client_for(None)
    page = client.get("/fi/oulu/signals/", {"kind": "closure"})
    chart = page.context["counts"]

    response = client.get(dict(page.context["downloads"])["CSV"])

    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows == [chart["columns"], *[[str(cell) for cell in row] for row in chart["rows"]]]
    assert rows[1][0] == "8/2026"


def test_counts_download_does_not_reveal_partner_signals_to_the_public(client_for, make_signal):
    make_signal(kind="closure", visibility="partners")

    response = client_for(None).get("/fi/oulu/signals/download.csv")

    assert response.content.decode().lstrip("\ufeff").strip().count("\n") == 0  # the heading only


def test_report_link_is_offered_to_editors_only(client_for, area, partner_editor, partner_member):
    assert "Ilmoita signaali" in client_for(partner_editor).get("/fi/oulu/signals/").content.decode()
    assert "Ilmoita signaali" not in client_for(partner_member).get("/fi/oulu/signals/").content.decode()


def test_unknown_area_is_not_found(client_for, area):
    assert client_for(None).get("/fi/ei-ole/signals/").status_code == 404


def test_signals_page_refuses_writes(client_for, area):
    assert client_for(None).post("/fi/oulu/signals/").status_code == 405
    assert Signal.objects.count() == 0


def test_the_counts_axis_shows_whole_signals_only(client, make_signal):
    make_signal()

    chart = client.get("/fi/oulu/signals/").context["counts"]

    assert chart["spec"]["encoding"]["y"]["axis"] == {"tickMinStep": 1, "format": "d"}
    assert "0,5" not in chart["svg"]
