"""The figures service (verkko.stats.figures), checked against figures worked out by hand."""

from datetime import date

import pytest

from verkko.stats.figures import Measure, figures, place_figures
from verkko.stats.models import Observation, Series, Table

OCTOBER, SEPTEMBER = date(2026, 10, 1), date(2026, 9, 1)
UNEMPLOYED = Measure.count("TYOTTOMATLOPUSSA")
RATE = Measure.rate("TYOTOSUUS", "TYOTTOMATLOPUSSA", "TYOVOIMATK")


def _table():
    return Table.objects.create(table_id="12r5", title="Työnvälitystilasto", frequency="M")


def _observe(table, area_code, measure_code, values, **other_codes):
    key = ";".join(
        f"{k}={v}" for k, v in sorted({"alue": area_code, "contentscode": measure_code, **other_codes}.items())
    )
    series, _ = Series.objects.get_or_create(
        table=table,
        key=key,
        defaults={
            "area_code": area_code,
            "measure_code": measure_code,
            "codes": {"alue": area_code, "contentscode": measure_code, **other_codes},
        },
    )
    for period, value in values.items():
        Observation.objects.create(
            series=series,
            period=period,
            period_code=f"{period.year}M{period.month:02d}",
            value=value,
            status={None: "..", 0: "-"}.get(value, ""),
        )


@pytest.mark.django_db
def test_a_count_is_the_sum_over_the_places_municipalities():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 10800, SEPTEMBER: 10500})
    _observe(table, "KU244", "TYOTTOMATLOPUSSA", {OCTOBER: 950, SEPTEMBER: 900})
    _observe(table, "KU091", "TYOTTOMATLOPUSSA", {OCTOBER: 50000})  # not a member

    result = place_figures(table, [UNEMPLOYED], ["KU564", "KU244"], [OCTOBER, SEPTEMBER])

    october = result.get("here", UNEMPLOYED.code, OCTOBER)
    assert (october.value, october.complete, october.reporting, october.areas) == (11750, True, 2, 2)
    assert result.get("here", UNEMPLOYED.code, SEPTEMBER).value == 11400


@pytest.mark.django_db
def test_a_count_of_several_contents_sums_them_all():
    table = _table()
    services = Measure.count("PALVELUISSA", ("TYOLLISTETTYLOP", "VALMENNUSLOP"))
    _observe(table, "KU564", "TYOLLISTETTYLOP", {OCTOBER: 300})
    _observe(table, "KU564", "VALMENNUSLOP", {OCTOBER: 120})
    _observe(table, "KU244", "TYOLLISTETTYLOP", {OCTOBER: 30})
    _observe(table, "KU244", "VALMENNUSLOP", {OCTOBER: 5})

    figure = place_figures(table, [services], ["KU564", "KU244"], [OCTOBER]).get("here", "PALVELUISSA", OCTOBER)

    assert (figure.value, figure.complete) == (455, True)


@pytest.mark.django_db
def test_a_rate_is_recomputed_from_the_summed_parts_not_averaged():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 1000})
    _observe(table, "KU564", "TYOVOIMATK", {OCTOBER: 10000})
    _observe(table, "KU072", "TYOTTOMATLOPUSSA", {OCTOBER: 50})
    _observe(table, "KU072", "TYOVOIMATK", {OCTOBER: 250})

    figure = place_figures(table, [RATE], ["KU564", "KU072"], [OCTOBER]).get("here", RATE.code, OCTOBER)

    # (1000 + 50) / (10000 + 250) × 100 = 10.2439 %; the mean of 10 % and 20 % would be 15 %.
    assert figure.value == pytest.approx(10.2439, abs=1e-4)
    assert figure.complete is True


@pytest.mark.django_db
def test_a_sum_with_a_suppressed_cell_is_marked_incomplete():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 820})
    _observe(table, "KU564", "TYOVOIMATK", {OCTOBER: 8200})
    _observe(table, "KU072", "TYOTTOMATLOPUSSA", {OCTOBER: None})
    _observe(table, "KU072", "TYOVOIMATK", {OCTOBER: 400})

    result = place_figures(table, [UNEMPLOYED, RATE], ["KU564", "KU072"], [OCTOBER])

    count = result.get("here", UNEMPLOYED.code, OCTOBER)
    assert (count.value, count.complete, count.reporting) == (820, False, 1)
    # The suppressed numerator leaves Hailuoto out of both sides: 820 / 8200, not 820 / 8600.
    rate = result.get("here", RATE.code, OCTOBER)
    assert rate.value == pytest.approx(10.0)
    assert rate.complete is False


@pytest.mark.django_db
def test_a_municipality_missing_from_the_table_makes_the_sum_incomplete():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 820})

    figure = place_figures(table, [UNEMPLOYED], ["KU564", "KU072"], [OCTOBER]).get("here", UNEMPLOYED.code, OCTOBER)

    assert (figure.value, figure.complete) == (820, False)


@pytest.mark.django_db
def test_a_true_zero_is_a_reported_value_and_a_missing_one_is_not():
    table = _table()
    _observe(table, "KU072", "LOMAUTETTU", {OCTOBER: 0, SEPTEMBER: None})
    laid_off = Measure.count("LOMAUTETTU")

    result = place_figures(table, [laid_off], ["KU072"], [OCTOBER, SEPTEMBER])

    zero, missing = result.get("here", "LOMAUTETTU", OCTOBER), result.get("here", "LOMAUTETTU", SEPTEMBER)
    assert (zero.value, zero.complete, zero.known) == (0, True, True)
    assert (missing.value, missing.complete, missing.known) == (None, False, False)


@pytest.mark.django_db
def test_a_rate_with_no_denominator_is_not_known():
    table = _table()
    _observe(table, "KU072", "TYOTTOMATLOPUSSA", {OCTOBER: 0})
    _observe(table, "KU072", "TYOVOIMATK", {OCTOBER: 0})

    figure = place_figures(table, [RATE], ["KU072"], [OCTOBER]).get("here", RATE.code, OCTOBER)

    assert figure.known is False


@pytest.mark.django_db
def test_a_single_area_code_is_a_place_too():
    table = _table()
    _observe(table, "SSS", "TYOTTOMATLOPUSSA", {OCTOBER: 300000})
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 10800})

    result = figures(table, [UNEMPLOYED], {"country": ["SSS"], "oulu": ["KU564"]}, [OCTOBER])

    assert result.get("country", UNEMPLOYED.code, OCTOBER).value == 300000
    assert result.get("oulu", UNEMPLOYED.code, OCTOBER).value == 10800


@pytest.mark.django_db
def test_each_figure_says_where_it_comes_from():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 1000})
    _observe(table, "KU564", "TYOVOIMATK", {OCTOBER: 10000})

    figure = place_figures(table, [RATE], ["KU564"], [OCTOBER]).get("here", RATE.code, OCTOBER)

    assert figure.provenance.table == table
    assert figure.provenance.area_codes == ("KU564",)
    assert figure.provenance.content_codes == ("TYOTTOMATLOPUSSA", "TYOVOIMATK")
    assert figure.provenance.periods == ("2026M10",)


@pytest.mark.django_db
def test_other_dimensions_are_summed_and_a_missing_value_of_them_makes_the_cell_incomplete():
    table = _table()
    _observe(table, "KU564", "vaesto", {OCTOBER: 100}, ika="015")
    _observe(table, "KU564", "vaesto", {OCTOBER: 200}, ika="016")
    _observe(table, "KU244", "vaesto", {OCTOBER: 10}, ika="015")
    _observe(table, "KU244", "vaesto", {OCTOBER: None}, ika="016")
    population = Measure.count("vaesto")

    result = figures(
        table, [population], {"oulu": ["KU564"], "both": ["KU564", "KU244"]}, [OCTOBER], where={"ika": ["015", "016"]}
    )

    assert (result.get("oulu", "vaesto", OCTOBER).value, result.get("oulu", "vaesto", OCTOBER).complete) == (300, True)
    both = result.get("both", "vaesto", OCTOBER)
    assert (both.value, both.complete, both.reporting) == (310, False, 1)


@pytest.mark.django_db
def test_a_series_lists_the_periods_the_table_has_oldest_first():
    table = _table()
    _observe(table, "KU564", "TYOTTOMATLOPUSSA", {OCTOBER: 10800, SEPTEMBER: 10500})

    series = place_figures(table, [UNEMPLOYED], ["KU564"], since=SEPTEMBER).series("here", UNEMPLOYED.code)

    assert [(figure.period, figure.value) for figure in series] == [(SEPTEMBER, 10500), (OCTOBER, 10800)]


def _places(table, count):
    places = {}
    for number in range(count):
        code = f"KU{number:03d}"
        _observe(table, code, "TYOTTOMATLOPUSSA", {OCTOBER: 10, SEPTEMBER: 12})
        _observe(table, code, "TYOVOIMATK", {OCTOBER: 100, SEPTEMBER: 100})
        places[code] = [code]
    places["all"] = sorted(places)
    return places


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 30])
def test_one_query_reads_every_place_measure_and_period(count, django_assert_num_queries):
    table = _table()
    places = _places(table, count)

    with django_assert_num_queries(1):
        result = figures(table, [UNEMPLOYED, RATE], places, [OCTOBER, SEPTEMBER])
        total = result.get("all", UNEMPLOYED.code, OCTOBER)
        rates = [result.get(place, RATE.code, SEPTEMBER).value for place in places]

    assert total.value == 10 * count
    assert rates == [pytest.approx(12.0)] * (count + 1)
