"""Finding a table in the service's metadata (the bankruptcy statistics), keeping every breakdown
of a table (11re's ages), and refresh_statistics adding the sources it finds."""

import io
from datetime import UTC, datetime

import orjson
import pytest
from django.core.management import call_command

from verkko.stats.actions import BANKRUPTCIES, create_default_sources
from verkko.stats.models import Source, Table

from .fake_statfin import FakeStatFin, FakeTable, FakeVariable, table_11re, table_12r5

SEARCH_PATH = "/fi/StatFin?query=konkurssit"


def bankruptcy_table(folder="kony"):
    areas = ["SSS", "KU244", "KU564"]
    months = ["2026M08", "2026M09", "2026M10"]
    return FakeTable(
        id="14qs",
        title="Vireille pannut konkurssit kunnittain kuukausittain, 2019M01-2026M10",
        variables=[
            FakeVariable("alue_23_20260101", "Alue", areas, areas, elimination=True, area=True),
            FakeVariable("toimiala", "Toimiala", ["SSS", "C"], ["Kaikki toimialat", "Teollisuus"], elimination=True),
            FakeVariable("timeperiod_m", "Kuukausi", months, months, time=True),
            FakeVariable("contentscode", "Tiedot", ["konkurssit"], ["Vireille pannut konkurssit"]),
        ],
        updated=datetime(2026, 11, 20, 6, 0, tzinfo=UTC),
        folder=folder,
    )


@pytest.fixture
def service(recorded_sleep):
    server = FakeStatFin(table_12r5(), table_11re(), bankruptcy_table()).start()
    yield server
    server.stop()


@pytest.fixture
def client(service, recorded_sleep):
    from verkko.stats.client import PxWebClient

    with PxWebClient(service.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, timeout=2) as client:
        yield client


def test_the_bankruptcy_table_is_found_by_the_services_search(service, client):
    service.documents[SEARCH_PATH] = orjson.dumps(
        [
            {"id": "12r5.px", "path": "/tyonv", "title": "12r5 -- Työnvälitystilasto", "published": None},
            {"id": "14qt.px", "path": "/kony", "title": "14qt -- Konkurssit toimialoittain", "published": None},
            {"id": "14qs.px", "path": "/kony", "title": "14qs -- Konkurssit kunnittain", "published": None},
        ]
    )

    hit = client.find_table(BANKRUPTCIES.query, BANKRUPTCIES.title_words, subject=BANKRUPTCIES.subject)

    assert hit.table_id == "14qs"  # the first hit whose title names municipalities, not the first hit
    assert hit.path == "/kony"


def test_the_subjects_table_list_is_read_when_the_search_finds_none(service, client):
    hit = client.find_table(BANKRUPTCIES.query, BANKRUPTCIES.title_words, subject=BANKRUPTCIES.subject)

    assert hit.table_id == "14qs"
    assert "konkurssit kunnittain" in hit.title


def test_no_table_is_found_when_the_metadata_has_none(recorded_sleep):
    from verkko.stats.client import PxWebClient

    server = FakeStatFin(table_12r5()).start()
    try:
        with PxWebClient(server.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, timeout=2) as client:
            assert client.find_table("konkurssit", ("konkurs", "kunn"), subject="kony") is None
    finally:
        server.stop()


def test_a_selection_can_keep_every_value_of_the_other_variables(client):
    metadata = client.metadata("11re")

    query = client.build_query(metadata, {"area": ["KU564"], "time": {"top": 1}, "others": "*"})

    assert {part["code"]: part["selection"]["filter"] for part in query["query"]} == {
        "alue_23_20260101": "item",
        "ikaryhma_10_20180101": "all",
        "sukupuoli_9_20180101": "all",
        "timeperiod_y": "top",
        "contentscode": "all",
    }


def test_the_population_source_keeps_the_ages_and_the_others_their_totals(area):
    sources = {source.table_id: source for source in create_default_sources(None, area)}

    assert sources["11re"].selection()["others"] == "*"
    assert "others" not in sources["12r5"].selection()
    assert "others" not in sources["11yq"].selection()
    assert sources["12ti"].selection()["others"] == "*"  # every occupation, for the skills needs
    assert sources["12ti"].selection()["time"] == {"top": 13}


def test_refresh_adds_and_fetches_the_bankruptcy_table_it_finds_for_each_area(service, area):
    Source.objects.create(area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564", "SSS"])
    out = io.StringIO()

    call_command("refresh_statistics", "--api-url", service.base_url, "--no-progress", stdout=out, stderr=io.StringIO())

    found = Source.objects.get(area_id=area.pk, title=BANKRUPTCIES.title)
    assert found.table_id == "14qs"
    assert "14qs: added for" in out.getvalue()
    table = Table.objects.get(source=Table.Source.STATFIN, table_id="14qs")
    assert "konkurssit" in table.title
    assert set(table.series.values_list("area_code", flat=True)) == {"KU244", "KU564", "SSS"}  # the area's own


def test_refresh_adds_the_found_table_only_once(service, area):
    Source.objects.create(area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564", "SSS"])
    for _ in range(2):
        call_command(
            "refresh_statistics",
            "--api-url",
            service.base_url,
            "--no-progress",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )

    assert Source.objects.filter(area_id=area.pk, table_id="14qs").count() == 1
