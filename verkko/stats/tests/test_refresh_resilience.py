"""refresh_statistics against a hostile or failing service: every source's failure is recorded, the
next source starts, deadlines hold per source and for the whole refresh, and the exit code says
whether any source failed."""

import io
import re

import orjson
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from verkko.stats.models import ImportRun, Observation, Source

from .fake_statfin import Misbehaviour

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(area):
    """Two sources, refreshed in this order."""
    return [
        Source.objects.create(area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564"]),
        Source.objects.create(area_id=area.pk, table_id="11re", title="Väestö", area_codes=["KU564"]),
    ]


def _refresh(fake_statfin, *args):
    out = io.StringIO()
    with translation.override("en"):
        call_command("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress", *args, stdout=out)
    return out.getvalue()


def _failed_runs(source):
    return ImportRun.objects.filter(source=source, status=ImportRun.Status.FAILED)


def _sparse_answer_of_huge_size() -> bytes:
    ids = ["alue", "kuukausi", "tiedot"]
    return orjson.dumps(
        {
            "version": "2.0",
            "class": "dataset",
            "id": ids,
            "size": [3000, 3000, 1000],
            "dimension": {code: {"category": {"index": ["x"]}} for code in ids},
            "value": {"0": 1},
        }
    )


def test_a_hostile_answer_fails_its_source_only_and_the_next_source_is_refreshed(fake_statfin, sources):
    hostile, good = sources
    fake_statfin.documents["POST /fi/StatFin/12r5.px"] = _sparse_answer_of_huge_size()
    with pytest.raises(CommandError, match=r"1 of 2 sources failed \(1 imported, 0 unchanged\)") as error:
        _refresh(fake_statfin)
    assert error.value.returncode == 1
    hostile.refresh_from_db()
    assert "declares 9,000,000,000 cells" in hostile.last_error
    assert "declares 9,000,000,000 cells" in _failed_runs(hostile).get().errors
    good.refresh_from_db()
    assert good.last_error == ""
    assert Observation.objects.filter(series__table__table_id="11re").count() == 6
    assert not Observation.objects.filter(series__table__table_id="12r5").exists()


def test_an_answer_of_an_unexpected_shape_fails_its_source_only(fake_statfin, sources):
    odd, good = sources
    fake_statfin.documents["GET /fi/StatFin/12r5.px"] = b'{"title": "x", "variables": ["alue"]}'
    with pytest.raises(CommandError, match="1 of 2 sources failed"):
        _refresh(fake_statfin)
    odd.refresh_from_db()
    assert "describes a variable with 'alue', not an object" in odd.last_error
    assert _failed_runs(odd).count() == 1
    assert Observation.objects.filter(series__table__table_id="11re").count() == 6


def test_an_always_slow_server_fails_each_source_at_its_deadline_and_every_source_is_tried(
    settings, fake_statfin, sources
):
    settings.STATISTICS_REQUEST_TIMEOUT = 0.2
    fake_statfin.slow = 1.0
    with pytest.raises(CommandError, match="2 of 2 sources failed"):
        _refresh(fake_statfin, "--source-deadline", "0.5")
    for source in sources:
        source.refresh_from_db()
        assert "the time limit of 0.5 s ran out" in source.last_error
        assert _failed_runs(source).count() == 1
    # One request each: the retry's wait would have passed the source's deadline.
    assert len([request for request in fake_statfin.requests if "query=" not in request[1]]) == 2
    # The look for tables in the service's metadata keeps to a source's deadline too.
    assert len([request for request in fake_statfin.requests if "query=" in request[1]]) == 1


def test_sources_not_reached_by_the_refresh_deadline_are_recorded_as_failed(settings, fake_statfin, sources):
    settings.STATISTICS_REQUEST_TIMEOUT = 5
    fake_statfin.slow = 2.0
    first, second = sources
    with pytest.raises(CommandError, match="2 of 2 sources failed"):
        _refresh(fake_statfin, "--deadline", "0.5", "--source-deadline", "30")
    first.refresh_from_db()
    # The first source had what was left of the refresh's half second.
    assert re.search(r"the time limit of 0\.\d s ran out", first.last_error)
    second.refresh_from_db()
    assert "not fetched: the refresh's time limit of 0.5 s ran out before this source's turn" in second.last_error
    assert _failed_runs(second).count() == 1
    assert [path for _, path, _ in fake_statfin.requests if "11re" in path] == []


def test_a_reset_connection_is_retried_and_the_refresh_exits_0_with_a_summary(fake_statfin, sources):
    fake_statfin.misbehave(Misbehaviour(reset=True))
    out = _refresh(fake_statfin)
    assert "No source failed (2 imported, 0 unchanged)" in out
    assert not ImportRun.objects.filter(status=ImportRun.Status.FAILED).exists()
    assert Observation.objects.filter(series__table__table_id="12r5").count() == 36


@pytest.mark.parametrize("option", ["--deadline", "--source-deadline"])
@pytest.mark.parametrize("value", ["0", "-5", "inf", "soon"])
def test_a_deadline_must_be_a_positive_number_of_seconds(fake_statfin, sources, option, value):
    with pytest.raises(CommandError, match="not a positive number of seconds"):
        _refresh(fake_statfin, option, value)
    assert not ImportRun.objects.exists()
