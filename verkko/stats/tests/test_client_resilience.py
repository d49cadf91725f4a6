"""The PxWeb client against a local server that resets connections, is always slow, answers 5xx,
or sends more than an answer may hold: retried, bounded by timeouts and deadlines, refused while
streaming."""

import tracemalloc

import orjson
import pytest
from django.utils import translation

from verkko.stats.client import PxWebClient, PxWebDeadline, PxWebTooLarge, PxWebUnavailable

from .fake_statfin import Misbehaviour


def test_client_retries_a_connection_reset_with_backoff(fake_statfin, statfin_client, recorded_sleep):
    fake_statfin.misbehave(Misbehaviour(reset=True), Misbehaviour(reset=True))
    assert statfin_client.metadata("12r5").title == "Työnvälitystilasto kunnittain"
    assert recorded_sleep.waits == [1.0, 2.0]
    assert len(fake_statfin.requests) == 3


def test_client_gives_up_on_connection_resets_after_the_retries_the_setting_allows(
    settings, fake_statfin, recorded_sleep
):
    settings.STATISTICS_RETRIES = 2
    fake_statfin.misbehave(*[Misbehaviour(reset=True)] * 5)
    client = PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock)
    with client, pytest.raises(PxWebUnavailable, match="lost the connection .* after 3 attempts"):
        client.metadata("12r5")
    assert len(fake_statfin.requests) == 3


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_client_retries_a_server_error_then_takes_the_answer(fake_statfin, statfin_client, recorded_sleep, status):
    fake_statfin.misbehave(Misbehaviour(status=status, body=b"Hetkinen"))
    (dataset,) = statfin_client.fetch("12r5", {"area": ["KU564"], "time": {"top": 1}})
    assert dataset.size == 3
    assert recorded_sleep.waits == [1.0]


def test_client_does_not_wait_for_a_retry_after_that_would_pass_its_deadline(
    fake_statfin, statfin_client, recorded_sleep
):
    fake_statfin.misbehave(Misbehaviour(status=429, body=b"Too many", headers={"Retry-After": "60"}))
    with statfin_client.time_limit(30), pytest.raises(PxWebDeadline, match="^30 sekunnin aikaraja umpeutui"):
        statfin_client.metadata("12r5")
    assert recorded_sleep.waits == []


def test_client_honours_a_retry_after_within_its_deadline(fake_statfin, statfin_client, recorded_sleep):
    fake_statfin.misbehave(Misbehaviour(status=503, body=b"Huolto", headers={"Retry-After": "20"}))
    with statfin_client.time_limit(30):
        assert statfin_client.metadata("12r5").title
    assert recorded_sleep.waits == [20.0]


def test_a_time_limit_inside_another_never_extends_it(fake_statfin, statfin_client, recorded_sleep):
    fake_statfin.misbehave(*[Misbehaviour(status=503, body=b"Huolto")] * 3)
    with statfin_client.time_limit(2.5), statfin_client.time_limit(100), pytest.raises(PxWebDeadline):
        statfin_client.metadata("12r5")
    assert recorded_sleep.waits == [1.0]  # the next wait, 2 s, would end after the outer 2.5 s


def test_an_always_slow_server_costs_no_more_than_the_deadline(settings, fake_statfin):
    settings.STATISTICS_REQUEST_TIMEOUT = 0.2
    fake_statfin.slow = 1.0
    client = PxWebClient(fake_statfin.base_url)
    with client, client.time_limit(0.5), pytest.raises(PxWebDeadline, match="0.5 s"):
        client.metadata("12r5")
    # The first request timed out after 0.2 s; a wait of 1 s for the next would pass the deadline.
    assert len(fake_statfin.requests) == 1


def test_a_request_times_out_by_the_setting(settings, fake_statfin, recorded_sleep):
    settings.STATISTICS_REQUEST_TIMEOUT = 0.2
    settings.STATISTICS_RETRIES = 1
    fake_statfin.slow = 1.0
    client = PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock)
    with client, pytest.raises(PxWebUnavailable, match="timed out .* after 2 attempts"):
        client.metadata("12r5")


def _big_json(size: int) -> bytes:
    return orjson.dumps({"variables": [], "padding": "x" * size})


def test_an_answer_that_says_it_is_too_long_is_refused_before_it_is_read(settings, fake_statfin):
    settings.STATISTICS_MAX_RESPONSE_BYTES = 100_000
    fake_statfin.documents["/fi/StatFin/12r5.px"] = _big_json(5_000_000)
    client = PxWebClient(fake_statfin.base_url)
    expected = r"answers with 5,000,0\d\d bytes, more than the 100,000 bytes"
    with client, translation.override("en"), pytest.raises(PxWebTooLarge, match=expected):
        client.metadata("12r5")


def test_an_unsized_answer_is_refused_while_it_streams_in(settings, fake_statfin):
    settings.STATISTICS_MAX_RESPONSE_BYTES = 1_000_000
    body = _big_json(40_000_000)
    fake_statfin.misbehave(Misbehaviour(body=body, unsized=True))
    refused = []

    def read():
        client = PxWebClient(fake_statfin.base_url)
        with client, translation.override("en"), pytest.raises(PxWebTooLarge) as error:
            client.metadata("12r5")
        refused.append(error.value)

    tracemalloc.start()
    try:
        read()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "sent more than the 1,000,000 bytes an answer may have" in str(refused[0])
    assert peak < 8_000_000  # the 40 MB answer was never held


def test_a_fetch_of_more_cells_than_a_table_may_have_is_refused_before_asking(settings, fake_statfin, statfin_client):
    settings.STATISTICS_MAX_CELLS = 100
    with pytest.raises(PxWebTooLarge, match="STATISTICS_MAX_CELLS"):
        list(statfin_client.fetch("12r5"))  # 5 areas × 12 months × 3 contents
    assert fake_statfin.queries() == []


def test_a_large_data_answer_is_read_without_holding_every_cell_as_an_object(fake_statfin, statfin_client):
    months = [f"{year}M{month:02d}" for year in range(1900, 2025) for month in range(1, 13)]  # 1,500
    areas = [f"KU{n:03d}" for n in range(400)]
    cells = len(months) * len(areas)  # 600,000
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["alue", "kuukausi"],
        "size": [len(areas), len(months)],
        "role": {"time": ["kuukausi"], "geo": ["alue"]},
        "dimension": {"alue": {"category": {"index": areas}}, "kuukausi": {"category": {"index": months}}},
        "value": [float(n % 1000) + 0.5 for n in range(cells)],
    }
    fake_statfin.documents["POST /fi/StatFin/12r5.px"] = orjson.dumps(document)
    query = statfin_client.build_query(statfin_client.metadata("12r5"))
    tracemalloc.start()
    try:
        dataset = statfin_client.post_query("12r5", query)
        total = sum(sum(v for v in batch.values) for batch in dataset.batches())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == sum(float(n % 1000) + 0.5 for n in range(cells))
    assert peak < 30_000_000  # read whole, the answer takes over 60 MB


def test_a_server_that_trickles_its_answer_is_cut_off_at_the_request_timeout(settings, fake_statfin):
    # Each wait for the next bytes is short, so only the bound on the whole answer stops it.
    settings.STATISTICS_REQUEST_TIMEOUT = 0.3
    settings.STATISTICS_RETRIES = 0
    fake_statfin.misbehave(Misbehaviour(body=_big_json(200), trickle=0.05))
    client = PxWebClient(fake_statfin.base_url)
    with client, pytest.raises(PxWebUnavailable, match=r"timed out \(ReadTimeout\) after 1 attempts"):
        client.metadata("12r5")
