"""The sources page's true last fetch, and "fetch now" (against the local fake StatFin, never the internet)."""

from datetime import UTC, datetime

import pytest

from conftest import OUTSIDERS
from verkko.stats.models import ImportRun, Observation, Source, Table

from .fake_statfin import Misbehaviour

pytestmark = pytest.mark.django_db
REFUSED = ["partner_editor", "partner_member", "editor_b", *OUTSIDERS]


@pytest.fixture
def source(area):
    return Source.objects.create(
        area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564", "SSS"]
    )


@pytest.fixture
def statfin(settings, fake_statfin):
    settings.STATFIN_API_URL = fake_statfin.base_url
    return fake_statfin


def _fetch_url(source):
    return f"/fi/oulu/statistics/sources/{source.pk}/fetch/"


def test_the_list_shows_the_true_last_fetch_not_not_fetched_yet(client_for, coordinator, source):
    """Figures imported by the demo or from a file count: the page no longer says "not fetched yet"."""
    Table.objects.create(source=Table.Source.DEMO, table_id="12r5", fetched_at=datetime(2026, 11, 20, 8, 5, tzinfo=UTC))
    content = client_for(coordinator).get("/fi/oulu/statistics/sources/").content.decode()
    assert "Ei vielä haettu" not in content
    assert "20.11.2026 10.05" in content  # Helsinki time
    assert "Keksitty esittelyaineisto" in content


def test_fetch_now_imports_the_source_and_reports_it(client_for, coordinator, source, statfin):
    client = client_for(coordinator)
    response = client.post(_fetch_url(source), follow=True)
    assert response.redirect_chain[-1][0] == f"/fi/oulu/statistics/sources/{source.pk}/"
    content = response.content.decode()
    assert "Haettu: 72 solua (72 uutta, 0 muuttunutta, 0 ennallaan)." in content
    assert Observation.objects.filter(series__table__source=Table.Source.STATFIN).count() == 72
    source.refresh_from_db()
    assert source.last_updated == statfin.tables["12r5"].updated
    assert ImportRun.objects.get(source=source).started_by == coordinator
    # Again: the table has not changed, nothing is fetched, and the page says so.
    content = client.post(_fetch_url(source), follow=True).content.decode()
    assert "Ei uutta" in content
    assert ImportRun.objects.filter(source=source).count() == 1


def test_a_failed_fetch_is_reported_and_keeps_the_figures(client_for, coordinator, source, statfin):
    statfin.misbehave(*[Misbehaviour(status=400, body=b"Bad request")] * 3)
    content = client_for(coordinator).post(_fetch_url(source), follow=True).content.decode()
    assert "Haku epäonnistui" in content
    source.refresh_from_db()
    assert source.last_error


@pytest.mark.parametrize("role", REFUSED)
def test_only_coordinators_fetch(client_for, request, source, statfin, role):
    response = client_for(request.getfixturevalue(role)).post(_fetch_url(source))
    assert response.status_code == 403
    assert not statfin.queries()
    assert not ImportRun.objects.exists()


def test_the_public_is_sent_to_sign_in_and_get_is_refused(client_for, coordinator, source, statfin):
    response = client_for(None).post(_fetch_url(source))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client_for(coordinator).get(_fetch_url(source)).status_code == 405
    assert not ImportRun.objects.exists()


def test_another_areas_source_is_not_found(client_for, coordinator, other_area, statfin):
    theirs = Source.objects.create(area_id=other_area.pk, table_id="12r5", title="Rannikko")
    assert client_for(coordinator).post(_fetch_url(theirs)).status_code == 404
    assert not ImportRun.objects.exists()


def test_fetch_now_from_an_always_slow_server_fails_within_the_source_deadline(
    settings, client_for, coordinator, source, statfin
):
    settings.STATISTICS_SOURCE_DEADLINE = 0.5
    settings.STATISTICS_REQUEST_TIMEOUT = 0.2
    statfin.slow = 1.0
    content = client_for(coordinator).post(_fetch_url(source), follow=True).content.decode()
    assert "Haku epäonnistui" in content
    source.refresh_from_db()
    assert "0,5 s" in source.last_error
    assert ImportRun.objects.get(source=source).status == ImportRun.Status.FAILED
    assert len(statfin.requests) == 1
