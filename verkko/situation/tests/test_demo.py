"""The offline demo: invented table 12r5, demo signals and a published demo review."""

import io
import random
from datetime import date, datetime

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from verkko.situation import demo
from verkko.situation.models import Review, Signal
from verkko.stats.models import ImportRun, Observation, Series, Table


@pytest.fixture
def loaded(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    call_command("load_demo", stdout=io.StringIO())


def _counts():
    return [model.objects.count() for model in (Table, Series, Observation, Signal, Review)]


def test_demo_table_covers_the_oulu_area_and_the_country_monthly_for_six_years_and_more(loaded):
    table = Table.objects.get(source=Table.Source.DEMO, table_id="12r5")
    latest = demo.latest_full_month()

    assert set(table.series.values_list("area_code", flat=True)) == {
        "KU072", "KU139", "KU244", "KU425", "KU436", "KU494", "KU564", "KU615", "KU785", "KU859", "KU889", "SSS",
    }  # fmt: skip
    assert table.series.values("measure_code").distinct().count() == 23
    periods = Observation.objects.filter(
        series__table=table, series__area_code="KU564", series__measure_code="TYOTTOMATLOPUSSA"
    )
    assert periods.count() >= 72
    assert max(periods.values_list("period", flat=True)) == latest


def test_small_municipalities_have_a_few_suppressed_cells(loaded):
    suppressed = Observation.objects.filter(value__isnull=True)

    assert suppressed.exists()
    assert set(suppressed.values_list("status", flat=True)) == {".."}
    assert set(suppressed.values_list("series__area_code", flat=True)) <= {"KU072", "KU436", "KU785", "KU889"}


def test_loading_again_duplicates_nothing_and_gives_the_same_figures(loaded):
    before = _counts()
    values = list(Observation.objects.order_by("series__key", "period").values_list("value", flat=True)[:500])

    call_command("load_demo", stdout=io.StringIO())

    assert _counts() == before
    assert list(Observation.objects.order_by("series__key", "period").values_list("value", flat=True)[:500]) == values


def test_demo_signals_and_the_published_review_are_marked_invented(loaded, client):
    review = Review.objects.get()

    assert review.is_published
    assert review.from_demo_figures
    assert Signal.objects.filter(is_demo=True).count() == len(demo.DEMO_SIGNALS)
    assert Signal.objects.filter(status=Signal.Status.SUBMITTED).exists()
    content = client.get(f"/fi/situation/reviews/{review.uuid}/").content.decode()
    assert "Luvut ovat keksittyjä esimerkkilukuja" in content


def test_every_statistics_page_says_the_figures_are_invented(loaded, client):
    for path in ["/fi/situation/", "/fi/situation/municipalities/", "/fi/situation/564/"]:
        assert "Luvut ovat keksittyjä esimerkkilukuja" in client.get(path).content.decode(), path


def test_figures_follow_a_seasonal_pattern():
    profile = demo.PROFILES["KU564"]
    rng = random.Random(1)
    may = demo.monthly_values(profile, date(2023, 5, 1), rng)["TYOTTOMATLOPUSSA"]
    july = demo.monthly_values(profile, date(2023, 7, 1), rng)["TYOTTOMATLOPUSSA"]

    assert july > may


def test_the_demo_table_is_stored_through_the_statistics_store_like_any_import(loaded):
    table = Table.objects.get(source=Table.Source.DEMO, table_id="12r5")
    run = ImportRun.objects.get(table=table)

    assert run.status == ImportRun.Status.SUCCEEDED
    assert run.rows_new == Observation.objects.filter(series__table=table).count()
    assert not table.series.filter(checksum__isnull=True).exists()
    assert table.series.get(area_code="KU564", measure_code="TYOTOSUUS").decimals == 1

    call_command("load_demo", stdout=io.StringIO())

    again = ImportRun.objects.filter(table=table).latest("pk")
    assert (again.rows_new, again.rows_changed) == (0, 0)


def test_loading_again_leaves_no_new_history_on_the_demo_signals_and_review(loaded):
    before = LogEntry.objects.filter(content_type__app_label="situation").count()

    call_command("load_demo", stdout=io.StringIO())

    assert LogEntry.objects.filter(content_type__app_label="situation").count() == before


def test_the_demo_table_is_never_updated_in_the_future():
    early_in_december = timezone.make_aware(datetime(2026, 12, 3, 9, 0))

    assert demo.published(date(2026, 11, 1), now=early_in_december) == early_in_december
    assert demo.published(date(2026, 10, 1), now=early_in_december) == timezone.make_aware(datetime(2026, 11, 25, 8, 0))
