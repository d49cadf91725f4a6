"""Warming: after an import the jobs draw the pages it changed, so that the next visitor gets them
from the cache (fewer queries than a visitor on a cold cache), in every language."""

import io

import orjson
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from verkko.goals.tests.conftest import forum, goal, indicator  # noqa: F401
from verkko.lib import warming
from verkko.situation.tests.test_real_data_replaces_demo import statfin_12r5_document
from verkko.stats.models import Frequency
from verkko.stats.periods import Period

THIS_MONTH = Period.of(timezone.localdate(), Frequency.MONTHLY).code
PAGES = [
    "/fi/oulu/situation/",
    "/sv/oulu/situation/",
    "/fi/oulu/situation/municipalities/",
    "/fi/oulu/goals/",
    "/en/oulu/goals/",
    f"/fi/oulu/reports/monitoring/{THIS_MONTH}/",
    f"/sv/oulu/reports/monitoring/{THIS_MONTH}/",
]


@pytest.fixture
def warming_on(settings):
    settings.WARM_PAGES = True


@pytest.fixture
def statfin_file(tmp_path):
    latest = Period.of(timezone.localdate(), Frequency.MONTHLY).shifted(-2).first_day
    months = [Period.of(latest, Frequency.MONTHLY).shifted(-n).first_day for n in range(3, -1, -1)]
    path = tmp_path / "12r5.json"
    path.write_bytes(orjson.dumps(statfin_12r5_document(months)))
    return path


def _query_counts(client, *, cold=False):
    counts = {}
    for path in PAGES:
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_after_an_import_the_next_visitor_gets_every_page_warm(warming_on, goal, statfin_file, client):  # noqa: F811
    call_command("import_statistics", str(statfin_file), "--source", "statfin", stdout=io.StringIO())
    warm = _query_counts(client)
    cold = _query_counts(client, cold=True)
    for path in PAGES:
        assert warm[path] < cold[path], path


def test_without_warming_the_first_visitor_draws_the_pages(settings, goal, statfin_file, client):  # noqa: F811
    settings.WARM_PAGES = False
    call_command("import_statistics", str(statfin_file), "--source", "statfin", stdout=io.StringIO())
    assert warming.warm_pages() == 0
    first = _query_counts(client)
    assert _query_counts(client)["/fi/oulu/goals/"] < first["/fi/oulu/goals/"]


def test_values_imported_on_a_page_warm_the_goals_page_and_the_page_answers_as_before(
    warming_on,
    client_for,
    coordinator,
    goal,  # noqa: F811
    indicator,  # noqa: F811
):
    client = client_for(coordinator)
    upload = SimpleUploadedFile("arvot.csv", b"kausi;arvo\n2026Q1;47,5\n", content_type="text/csv")
    response = client.post(f"/fi/oulu/indicators/{indicator.slug}/import/", {"file": upload})
    # The warming requests inside the import's request leave its address and language as they were.
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/indicators/{indicator.slug}/"
    assert "tuotiin" in client.get(response["Location"]).content.decode()
    with CaptureQueriesContext(connection) as warm:
        client_for(None).get("/fi/oulu/goals/")
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client_for(None).get("/fi/oulu/goals/")
    assert len(warm) < len(cold)
