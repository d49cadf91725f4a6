"""The offline demo: invented table 12r5, demo signals and a published demo review."""

import io
import random
from datetime import date, datetime

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from verkko.ecosystem import demo as ecosystem_demo
from verkko.ecosystem.models import Municipality, ReferenceArea
from verkko.situation import demo
from verkko.situation.figures import add_months
from verkko.situation.models import Review, Signal
from verkko.stats.models import ImportRun, Observation, Series, Table


@pytest.fixture
def loaded(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    call_command("load_demo", stdout=io.StringIO())


def _counts():
    return [model.objects.count() for model in (Table, Series, Observation, Signal, Review)]


def test_demo_table_covers_both_demo_areas_and_the_country_monthly_for_six_years_and_more(loaded):
    table = Table.objects.get(source=Table.Source.DEMO, table_id="12r5")
    latest = demo.latest_full_month()
    monthly = set(
        Observation.objects.filter(series__table=table, period=add_months(latest, -60)).values_list(
            "series__area_code", flat=True
        )
    )

    assert monthly == {
        "KU072", "KU139", "KU244", "KU425", "KU436", "KU494", "KU564", "KU615", "KU785", "KU859", "KU889",
        "KU678", "KU748", "KU625",  # the invented second area, rannikko
        "SSS",
    }  # fmt: skip
    assert {f"KU{code}" for code in ecosystem_demo.OTHER_AREA_MUNICIPALITIES} <= monthly
    assert table.series.values("measure_code").distinct().count() == 23
    for code in ("KU564", "KU678"):
        periods = Observation.objects.filter(
            series__table=table, series__area_code=code, series__measure_code="TYOTTOMATLOPUSSA"
        )
        assert periods.count() >= 72
        assert max(periods.values_list("period", flat=True)) == latest


def test_every_municipality_of_the_classification_has_the_latest_month_of_the_key_figures(loaded):
    table = Table.objects.get(source=Table.Source.DEMO, table_id="12r5")
    latest = demo.latest_full_month()
    classified = {
        f"KU{code}" for code in Municipality.objects.filter(reference_area__isnull=False).values_list("code", flat=True)
    }
    reported = set(
        Observation.objects.filter(
            series__table=table, series__measure_code="TYOTTOMATLOPUSSA", period=latest, value__isnull=False
        ).values_list("series__area_code", flat=True)
    )

    assert len(classified) > 250
    assert classified <= reported


def test_the_second_area_has_its_own_situation_page_and_every_area_compares(loaded, client):
    assert client.get("/fi/rannikko/situation/").status_code == 200
    assert client.get("/fi/rannikko/situation/678/").status_code == 200
    comparison = client.get("/fi/oulu/situation/municipalities/").context["comparison"]["chart"]["rows"]

    assert len(comparison) == ReferenceArea.objects.count() == 45
    oulun_seutu = next(row for row in comparison if row[0] == "Oulun seutu")
    assert oulun_seutu[2] == "tämä työllisyysalue"  # complete: every municipality has the figure


def test_small_municipalities_have_a_few_suppressed_cells(loaded):
    suppressed = Observation.objects.filter(value__isnull=True)

    assert suppressed.exists()
    assert set(suppressed.values_list("status", flat=True)) == {".."}
    small = {"KU072", "KU436", "KU785", "KU889", "KU748", "KU625"}
    small |= {code for code, profile in demo.classification_profiles().items() if profile.suppresses_small_cells}
    assert set(suppressed.values_list("series__area_code", flat=True)) <= small


def test_loading_again_duplicates_nothing_and_gives_the_same_figures(loaded):
    before = _counts()
    values = list(Observation.objects.order_by("series__key", "period").values_list("value", flat=True)[:500])

    call_command("load_demo", stdout=io.StringIO())

    assert _counts() == before
    assert list(Observation.objects.order_by("series__key", "period").values_list("value", flat=True)[:500]) == values


def test_demo_signals_and_the_published_review_are_marked_invented(loaded, client):
    review = Review.objects.get(area__slug="oulu")

    assert review.is_published
    assert review.from_demo_figures
    assert Signal.objects.filter(is_demo=True).count() == len(demo.DEMO_SIGNALS) + len(demo.OTHER_AREA_SIGNALS)
    assert Signal.objects.filter(status=Signal.Status.SUBMITTED).exists()
    content = client.get(f"/fi/oulu/situation/reviews/{review.uuid}/").content.decode()
    assert "Luvut ovat keksittyjä esimerkkilukuja" in content


def test_each_demo_area_has_a_partner_only_signal_that_the_other_areas_partners_do_not_see(loaded, client):
    from verkko.accounts.models import User

    oulu_partner = Client()
    oulu_partner.force_login(User.objects.get(email="member@example.com"))
    rannikko_member = Client()
    rannikko_member.force_login(User.objects.get(email=ecosystem_demo.OTHER_AREA_COORDINATOR))
    oulu_partner_only = set(
        Signal.objects.filter(area__slug="oulu", visibility="partners", status="verified").values_list(
            "uuid", flat=True
        )
    )
    rannikko_partner_only = set(
        Signal.objects.filter(area__slug="rannikko", visibility="partners", status="verified").values_list(
            "uuid", flat=True
        )
    )
    assert oulu_partner_only
    assert len(rannikko_partner_only) == 1

    def shown(client, address):
        response = client.get(address)
        assert response.status_code == 200
        return {signal.uuid for signal in response.context["signals"]}

    # Each area's partners see their own partner-only signals …
    assert oulu_partner_only <= shown(oulu_partner, "/fi/oulu/signals/")
    assert rannikko_partner_only <= shown(rannikko_member, "/fi/rannikko/signals/")
    # … but not the other area's, not even in the other area's own address.
    assert not rannikko_partner_only & shown(oulu_partner, "/fi/rannikko/signals/")
    assert not oulu_partner_only & shown(rannikko_member, "/fi/oulu/signals/")
    for uuid in rannikko_partner_only:
        assert oulu_partner.get(f"/fi/rannikko/signals/{uuid}/").status_code == 404
    for uuid in oulu_partner_only:
        assert rannikko_member.get(f"/fi/oulu/signals/{uuid}/").status_code == 404


def test_every_statistics_page_says_the_figures_are_invented(loaded, client):
    for path in ["/fi/oulu/situation/", "/fi/oulu/situation/municipalities/", "/fi/oulu/situation/564/"]:
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
