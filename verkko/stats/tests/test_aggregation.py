from datetime import date

import pytest

from verkko.stats.aggregation import area_ratio, area_totals, preferred_table
from verkko.stats.models import Observation, Series, Table


def _table(source=Table.Source.STATFIN):
    return Table.objects.create(source=source, table_id="12r5", title="Työnvälitystilasto")


def _observe(table, area_code, measure_code, values):
    series, _ = Series.objects.get_or_create(
        table=table,
        key=f"alue={area_code};contentscode={measure_code}",
        defaults={"area_code": area_code, "measure_code": measure_code},
    )
    for period_code, value in values.items():
        year, month = period_code.split("M")
        Observation.objects.create(
            series=series,
            period=date(int(year), int(month), 1),
            period_code=period_code,
            value=value,
            status="" if value is not None else "..",
        )


@pytest.mark.django_db
def test_area_totals_sum_the_member_municipalities():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {"2026M09": 10500, "2026M10": 10800})
    _observe(table, "KU244", "TYOTTOMATLOPUSSA", {"2026M09": 900, "2026M10": 950})
    _observe(table, "KU091", "TYOTTOMATLOPUSSA", {"2026M09": 50000})  # not a member

    totals = area_totals(table, "TYOTTOMATLOPUSSA", ["KU564", "KU244"])

    assert [(t.period_code, t.value, t.complete) for t in totals] == [
        ("2026M09", 11400, True),
        ("2026M10", 11750, True),
    ]


@pytest.mark.django_db
def test_area_total_with_a_suppressed_cell_is_incomplete():
    table = _table()
    _observe(table, "KU564", "TYOTTOMAT20", {"2026M10": 820})
    _observe(table, "KU072", "TYOTTOMAT20", {"2026M10": None})

    (total,) = area_totals(table, "TYOTTOMAT20", ["KU564", "KU072"])

    assert total.value == 820
    assert total.complete is False


@pytest.mark.django_db
def test_area_rate_is_computed_from_sums_not_averaged():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {"2026M10": 1000})
    _observe(table, "KU564", "TYOVOIMATK", {"2026M10": 10000})
    _observe(table, "KU072", "TYOTTOMATLOPUSSA", {"2026M10": 50})
    _observe(table, "KU072", "TYOVOIMATK", {"2026M10": 250})

    (rate,) = area_ratio(table, "TYOTTOMATLOPUSSA", "TYOVOIMATK", ["KU564", "KU072"])

    # (1000 + 50) / (10000 + 250) = 10.24 %, whereas the mean of 10 % and 20 % would be 15 %.
    assert rate.value == pytest.approx(10.2439, abs=1e-4)
    assert rate.complete is True


@pytest.mark.django_db
def test_area_rate_leaves_out_a_municipality_whose_numerator_is_suppressed():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {"2026M10": 1000})
    _observe(table, "KU564", "TYOVOIMATK", {"2026M10": 10000})
    _observe(table, "KU072", "TYOTTOMATLOPUSSA", {"2026M10": None})
    _observe(table, "KU072", "TYOVOIMATK", {"2026M10": 250})

    (rate,) = area_ratio(table, "TYOTTOMATLOPUSSA", "TYOVOIMATK", ["KU564", "KU072"])

    assert rate.value == pytest.approx(10.0)
    assert rate.complete is False


@pytest.mark.django_db
def test_preferred_table_takes_real_data_before_demo_data():
    demo = _table(Table.Source.DEMO)
    assert preferred_table("12r5") == demo
    real = _table(Table.Source.STATFIN)
    assert preferred_table("12r5") == real
    assert preferred_table("11re") is None


@pytest.mark.django_db
def test_area_totals_sum_several_contents_and_mark_a_suppressed_part():
    table = _table()
    _observe(table, "KU564", "TVKOULUTUSLOP", {"2026M10": 700})
    _observe(table, "KU564", "KOKEILULOP", {"2026M10": 50})
    _observe(table, "KU072", "TVKOULUTUSLOP", {"2026M10": 9})
    _observe(table, "KU072", "KOKEILULOP", {"2026M10": None})

    (total,) = area_totals(table, ["TVKOULUTUSLOP", "KOKEILULOP"], ["KU564", "KU072"])

    assert (total.value, total.complete) == (759, False)


@pytest.mark.django_db
def test_area_ratio_sums_several_contents_on_each_side_over_the_areas_that_report_every_part():
    table = _table()
    for area, unemployed, training, trials in (
        ("KU564", 10000, 700, 50),
        ("KU244", 900, 70, 5),
        ("KU072", 40, 3, None),
    ):
        _observe(table, area, "TYOTTOMATLOPUSSA", {"2026M10": unemployed})
        _observe(table, area, "TVKOULUTUSLOP", {"2026M10": training})
        _observe(table, area, "KOKEILULOP", {"2026M10": trials})
    services = ["TVKOULUTUSLOP", "KOKEILULOP"]

    (rate,) = area_ratio(table, services, ["TYOTTOMATLOPUSSA", *services], ["KU564", "KU244", "KU072"])

    assert rate.value == pytest.approx(100 * (750 + 75) / (10750 + 975))  # KU072 lacks a part: left out
    assert not rate.complete


@pytest.mark.django_db
def test_area_totals_keep_only_the_series_of_the_given_values_of_other_dimensions():
    table = _table()
    for age, value in (("SSS", 1000), ("015", 300), ("064", 200), ("065", 100)):
        series = Series.objects.create(
            table=table,
            key=f"alue=KU564;contentscode=vaesto;ika={age}",
            codes={"alue": "KU564", "contentscode": "vaesto", "ika": age},
            area_code="KU564",
            measure_code="vaesto",
        )
        Observation.objects.create(series=series, period=date(2025, 1, 1), period_code="2025", value=value)

    (working_age,) = area_totals(table, "vaesto", ["KU564"], where={"ika": ["015", "064"]})
    (everyone,) = area_totals(table, "vaesto", ["KU564"], where={"ika": ["SSS"]})

    assert (working_age.value, working_age.complete) == (500, True)
    assert everyone.value == 1000


@pytest.mark.django_db
def test_preferred_table_by_title_takes_a_real_table_before_the_demo():
    Table.objects.create(source=Table.Source.DEMO, table_id="konkurssit-demo", title="Konkurssit (keksitty)")
    real = Table.objects.create(source=Table.Source.STATFIN, table_id="14qs", title="Vireille pannut konkurssit")

    assert preferred_table(title_contains="konkurs") == real
    assert preferred_table(title_contains="väestö") is None
