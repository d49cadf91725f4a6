"""The PxWeb client speaking API 2.0, against a local server that plays such a service."""

from unittest import mock

import pytest

from verkko.stats import client as client_module
from verkko.stats.client import Limits, PxWebClient, PxWebNotFound, PxWebNotJsonStat, api_version_of
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME

from .fake_statfin import Misbehaviour


@pytest.mark.parametrize(
    ("url", "version"),
    [
        ("https://pxdata.stat.fi/PxWeb/api/v1", 1),
        ("https://statistics.example/ov0104/v2/api/v2", 2),
        ("https://data.example.no/api/v2/", 2),
        ("https://statistics.example/ov0104/v2beta/api/v2beta", 2),
        ("https://statistics.example/api/v2/somewhere", 1),
    ],
)
def test_the_base_address_chooses_the_api_version(url, version):
    assert api_version_of(url) == version


def test_v2_client_reads_limits_from_config(pxweb2_client, fake_pxweb2):
    assert pxweb2_client.api_version == 2
    assert pxweb2_client.limits() == Limits(max_values=1000, max_calls=30, time_window=10.0)
    assert fake_pxweb2.requests[0][1].endswith("/api/v2/config")


def test_v2_client_reads_codes_roles_elimination_and_updated_from_metadata(pxweb2_client, fake_pxweb2):
    metadata = pxweb2_client.metadata("11re")
    assert [(v.code, v.role, v.elimination) for v in metadata.variables] == [
        ("alue_23_20260101", ROLE_AREA, True),
        ("ikaryhma_10_20180101", "other", True),
        ("sukupuoli_9_20180101", "other", True),
        ("timeperiod_y", ROLE_TIME, False),
        ("contentscode", ROLE_CONTENT, False),
    ]
    assert metadata.variable("time").time
    assert metadata.updated == fake_pxweb2.tables["11re"].updated
    assert "lang=fi" in fake_pxweb2.requests[-1][1]


def test_v2_client_fetches_with_value_codes_parameters(pxweb2_client, fake_pxweb2):
    (dataset,) = pxweb2_client.fetch("12r5", {"area": ["KU564"], "time": {"top": 2}, "content": ["TYOTOSUUS"]})
    table = fake_pxweb2.tables["12r5"]
    assert dataset.table_id == "12r5"
    assert list(dataset.rows()) == [
        ("KU564", "TYOTOSUUS", "2025M11", table.value(("KU564", "2025M11", "TYOTOSUUS")), ""),
        ("KU564", "TYOTOSUUS", "2025M12", table.value(("KU564", "2025M12", "TYOTOSUUS")), ""),
    ]
    method, path, _ = fake_pxweb2.requests[-1]
    assert method == "GET"
    assert "outputFormat=json-stat2" in path
    assert "valueCodes%5Btimeperiod_m%5D=top%282%29" in path
    assert fake_pxweb2.queries()[-1] == {
        "alue_23_20260101": ["KU564"],
        "timeperiod_m": ["top(2)"],
        "contentscode": ["TYOTOSUUS"],
    }


def test_v2_client_leaves_eliminable_variables_to_the_service(pxweb2_client, fake_pxweb2):
    (dataset,) = pxweb2_client.fetch("11re", {"area": ["KU564"], "time": "*"})
    assert [d.code for d in dataset.dimensions] == [
        "alue_23_20260101",
        "ikaryhma_10_20180101",
        "sukupuoli_9_20180101",
        "timeperiod_y",
        "contentscode",
    ]
    assert dataset.size == 6
    assert set(fake_pxweb2.queries()[-1]) == {"alue_23_20260101", "timeperiod_y", "contentscode"}


def test_v2_client_posts_the_selection_when_the_address_would_be_long(pxweb2_client, fake_pxweb2):
    with mock.patch.object(client_module, "MAX_GET_URL", 50):
        (dataset,) = pxweb2_client.fetch("12r5", {"area": ["KU564", "SSS"], "time": {"top": 1}})
    method, path, body = fake_pxweb2.requests[-1]
    assert method == "POST"
    assert b'"variableCode":"alue_23_20260101"' in body
    assert "lang=fi" in path
    assert "outputFormat=json-stat2" in path
    assert dataset.size == 2 * 1 * 3


def test_v2_client_splits_a_query_that_exceeds_max_data_cells(fake_pxweb2, pxweb2_client):
    fake_pxweb2.config["maxDataCells"] = 20
    parts = list(pxweb2_client.fetch("12r5"))
    cells = [row for part in parts for row in part.rows()]
    assert len(parts) > 1
    assert all(part.size <= 20 for part in parts)
    assert len(set(row[:3] for row in cells)) == len(cells) == 5 * 12 * 3


def test_v2_client_reads_table_updated_from_metadata_without_a_data_query(fake_pxweb2, pxweb2_client):
    assert pxweb2_client.table_updated("12r5") == fake_pxweb2.tables["12r5"].updated
    assert fake_pxweb2.queries() == []


def test_v2_client_honours_retry_after_on_429(fake_pxweb2, pxweb2_client, recorded_sleep):
    fake_pxweb2.misbehave(Misbehaviour(status=429, body=b"Too many requests", headers={"Retry-After": "7"}))
    assert pxweb2_client.metadata("12r5").title
    assert recorded_sleep.waits == [7.0]


def test_v2_client_backs_off_exponentially_on_503(fake_pxweb2, pxweb2_client, recorded_sleep):
    fake_pxweb2.misbehave(*[Misbehaviour(status=503, body=b"Service unavailable")] * 3)
    assert pxweb2_client.metadata("12r5").title
    assert recorded_sleep.waits == [1.0, 2.0, 4.0]


def test_v2_client_spaces_calls_within_max_calls_per_time_window(fake_pxweb2, recorded_sleep):
    fake_pxweb2.config.update(maxCallsPerTimeWindow=3, timeWindow=10)
    with PxWebClient(fake_pxweb2.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock) as client:
        client.limits()
        client.metadata("12r5")
        client.metadata("12r5")
        assert recorded_sleep.waits == []
        client.metadata("12r5")
    assert recorded_sleep.waits == [10.0]


def test_v2_client_asks_in_its_language(fake_pxweb2, recorded_sleep):
    with PxWebClient(fake_pxweb2.base_url, language="sv", sleep=recorded_sleep, clock=recorded_sleep.clock) as client:
        assert list(client.fetch("12r5", {"area": ["KU564"], "time": {"top": 1}}))
    assert all("lang=sv" in path for _, path, _ in fake_pxweb2.requests if "/tables/" in path)


def test_v2_client_fails_clearly_on_404_and_on_a_config_without_limits(fake_pxweb2, pxweb2_client):
    with pytest.raises(PxWebNotFound, match="tables/12zz/metadata not found"):
        pxweb2_client.metadata("12zz")
    fake_pxweb2.misbehave(Misbehaviour(body=b'{"apiVersion": "2.0"}'))
    with pytest.raises(PxWebNotJsonStat, match="does not give maxDataCells, maxCallsPerTimeWindow and timeWindow"):
        pxweb2_client.limits()


def test_v2_client_searches_and_lists_tables(fake_pxweb2, pxweb2_client):
    (hit,) = pxweb2_client.search("väestö")
    assert (hit.table_id, hit.path, hit.published) == ("11re", "vaerak", fake_pxweb2.tables["11re"].updated)
    folders = pxweb2_client.list_tables()
    assert {(entry.id, entry.type) for entry in folders} == {("tyonv", "l"), ("vaerak", "l")}
    (table,) = pxweb2_client.list_tables("tyonv")
    assert (table.id, table.type, table.updated) == ("12r5", "t", fake_pxweb2.tables["12r5"].updated)


@pytest.mark.django_db
def test_a_source_is_refreshed_from_a_v2_service(fake_pxweb2, pxweb2_client, area):
    from verkko.stats.actions import refresh_source
    from verkko.stats.models import Observation, Source

    source = Source.objects.create(
        area_id=area.pk, table_id="12r5", title="Työttömät", area_codes=["KU564"], measure_codes=["TYOTOSUUS"]
    )
    outcome = refresh_source(None, source, client=pxweb2_client)
    assert outcome.status == "imported", outcome.message
    assert Observation.objects.filter(series__table__table_id="12r5").count() == 12
    source.refresh_from_db()
    assert source.last_updated == fake_pxweb2.tables["12r5"].updated
    assert outcome.run.origin.endswith("/api/v2/tables/12r5")
    assert refresh_source(None, source, client=pxweb2_client).status == "unchanged"
