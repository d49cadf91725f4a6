"""The PxWeb client against a local server that plays Statistics Finland, failures included."""

import pytest

from verkko.stats.client import (
    DEFAULT_API_URL,
    Limits,
    PxWebBadRequest,
    PxWebClient,
    PxWebNotFound,
    PxWebNotJsonStat,
    PxWebUnavailable,
)
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME

from .fake_statfin import Misbehaviour


def test_client_reads_limits_from_config(statfin_client):
    assert statfin_client.limits() == Limits(max_values=1000, max_calls=30, time_window=10.0)


def test_client_reads_variable_codes_and_roles_from_metadata(statfin_client):
    metadata = statfin_client.metadata("12r5")
    assert [(v.code, v.role) for v in metadata.variables] == [
        ("alue_23_20260101", ROLE_AREA),
        ("timeperiod_m", ROLE_TIME),
        ("contentscode", ROLE_CONTENT),
    ]
    assert metadata.variable("area").values[:2] == ["SSS", "KU072"]


def test_client_builds_query_by_role_and_leaves_eliminable_variables_out(statfin_client):
    metadata = statfin_client.metadata("11re")
    query = statfin_client.build_query(metadata, {"area": ["KU564", "SSS"], "time": {"top": 3}})
    assert query == {
        "query": [
            {"code": "alue_23_20260101", "selection": {"filter": "item", "values": ["KU564", "SSS"]}},
            {"code": "timeperiod_y", "selection": {"filter": "top", "values": ["3"]}},
            {"code": "contentscode", "selection": {"filter": "all", "values": ["*"]}},
        ],
        "response": {"format": "json-stat2"},
    }


def test_client_rejects_a_selection_of_unknown_values_before_asking(statfin_client, fake_statfin):
    metadata = statfin_client.metadata("12r5")
    with pytest.raises(PxWebBadRequest, match="no values \\['KU999'\\]"):
        statfin_client.build_query(metadata, {"area": ["KU999"]})


def test_client_fetches_the_selected_cells_as_a_dataset(statfin_client, fake_statfin):
    (dataset,) = statfin_client.fetch("12r5", {"area": ["KU564"], "time": {"top": 2}, "content": ["TYOTOSUUS"]})
    table = fake_statfin.tables["12r5"]
    assert dataset.table_id == "12r5"
    assert dataset.updated == table.updated
    assert list(dataset.rows()) == [
        ("KU564", "TYOTOSUUS", "2025M11", table.value(("KU564", "2025M11", "TYOTOSUUS")), ""),
        ("KU564", "TYOTOSUUS", "2025M12", table.value(("KU564", "2025M12", "TYOTOSUUS")), ""),
    ]


def test_client_splits_a_query_that_exceeds_max_values(fake_statfin, statfin_client):
    fake_statfin.config["maxValues"] = 20
    parts = list(statfin_client.fetch("12r5"))
    cells = [row for part in parts for row in part.rows()]
    assert len(parts) > 1
    assert all(part.size <= 20 for part in parts)
    assert len(cells) == 5 * 12 * 3
    assert len(set(row[:3] for row in cells)) == 5 * 12 * 3
    assert all(query["query"][0]["selection"]["filter"] == "item" for query in fake_statfin.queries())


def test_client_honours_retry_after_on_429(fake_statfin, statfin_client, recorded_sleep):
    fake_statfin.misbehave(Misbehaviour(status=429, body=b"Too many requests", headers={"Retry-After": "7"}))
    assert statfin_client.metadata("12r5").title
    assert recorded_sleep.waits == [7.0]


def test_client_backs_off_exponentially_on_503(fake_statfin, statfin_client, recorded_sleep):
    fake_statfin.misbehave(*[Misbehaviour(status=503, body=b"Service unavailable")] * 3)
    assert statfin_client.metadata("12r5").title
    assert recorded_sleep.waits == [1.0, 2.0, 4.0]


def test_client_retries_after_a_timeout(fake_statfin, recorded_sleep):
    fake_statfin.misbehave(Misbehaviour(delay=1.0))
    with PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, timeout=0.2) as client:
        assert client.metadata("12r5").title
    assert recorded_sleep.waits == [1.0]


def test_client_gives_up_after_its_retries(fake_statfin, recorded_sleep):
    fake_statfin.misbehave(*[Misbehaviour(status=503, body=b"down")] * 3)
    client = PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, max_retries=2)
    with client, pytest.raises(PxWebUnavailable, match="answered 503 after 3 attempts"):
        client.metadata("12r5")


def test_client_fails_clearly_on_400_for_an_old_table_id(statfin_client):
    with pytest.raises(PxWebBadRequest, match="400.*table ids changed"):
        statfin_client.metadata("statfin_tyonv_pxt_12r5")


def test_client_fails_clearly_on_404(statfin_client):
    with pytest.raises(PxWebNotFound, match="12zz.px not found"):
        statfin_client.metadata("12zz")


def test_client_fails_clearly_on_an_answer_that_is_not_json(fake_statfin, statfin_client):
    fake_statfin.misbehave(Misbehaviour(body=b"<html>Huoltokatko</html>", content_type="text/html"))
    with pytest.raises(PxWebNotJsonStat, match="text/html, not JSON"):
        statfin_client.metadata("12r5")


def test_client_fails_clearly_on_json_that_is_not_jsonstat(fake_statfin, statfin_client):
    metadata = statfin_client.metadata("12r5")
    fake_statfin.misbehave(Misbehaviour(body=b'{"message": "ok"}'))
    with pytest.raises(PxWebNotJsonStat, match="did not answer with JSON-stat"):
        statfin_client.post_query("12r5", statfin_client.build_query(metadata, {"time": {"top": 1}}))


def test_client_spaces_calls_within_max_calls_per_time_window(fake_statfin, recorded_sleep):
    fake_statfin.config.update(maxCalls=3, timeWindow=10)
    with PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock) as client:
        client.limits()  # call 1
        client.metadata("12r5")  # call 2
        client.metadata("12r5")  # call 3
        assert recorded_sleep.waits == []
        client.metadata("12r5")  # call 4 must wait until call 1 leaves the window
    assert recorded_sleep.waits == [10.0]


def test_client_reads_table_updated_from_a_one_cell_query(fake_statfin, statfin_client):
    assert statfin_client.table_updated("12r5") == fake_statfin.tables["12r5"].updated
    (last_query,) = fake_statfin.queries()
    assert statfin_client.query_cells(statfin_client.metadata("12r5"), last_query) == 1


def test_client_takes_its_address_from_settings(settings):
    settings.STATFIN_API_URL = "http://127.0.0.1:9/PxWeb/api/v1/"
    with PxWebClient() as client:
        assert client.base_url == "http://127.0.0.1:9/PxWeb/api/v1"
    del settings.STATFIN_API_URL
    with PxWebClient() as client:
        assert client.base_url == DEFAULT_API_URL


def test_client_fails_clearly_on_a_config_without_limits(fake_statfin, statfin_client):
    fake_statfin.misbehave(Misbehaviour(body=b'{"apiVersion": "1.0"}'))
    with pytest.raises(PxWebNotJsonStat, match="does not give maxValues"):
        statfin_client.limits()
    assert statfin_client.limits().max_values == 1000  # asked again, not taken from the failed answer
