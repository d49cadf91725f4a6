"""Periods: people read 10/2026, Q4/2026 and 2026; forms take those or the statistics codes."""

from datetime import date

import pytest

from verkko.stats import periods
from verkko.stats.models import Frequency

M, Q, Y = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY


@pytest.mark.parametrize(
    ("period", "frequency", "label"),
    [
        (date(2026, 10, 1), M, "10/2026"),
        (date(2026, 1, 1), M, "1/2026"),
        (date(2026, 10, 1), Q, "Q4/2026"),
        (date(2026, 1, 1), Y, "2026"),
    ],
)
def test_label_is_what_a_finnish_reader_expects_and_parses_back(period, frequency, label):
    assert periods.label(period, frequency) == label
    assert periods.parse(label, frequency) == period
    assert periods.parse(periods.code(period, frequency), frequency) == period


@pytest.mark.parametrize(
    ("text", "frequency", "expected"),
    [
        ("2026M10", M, date(2026, 10, 1)),
        (" 03/2026 ", M, date(2026, 3, 1)),
        ("2026q2", Q, date(2026, 4, 1)),
        ("q2/2026", Q, date(2026, 4, 1)),
        ("13/2026", M, None),
        ("2026M13", M, None),
        ("Q5/2026", Q, None),
        ("10/2026", Q, None),
        ("2026M10", Y, None),
        ("", M, None),
    ],
)
def test_parse_accepts_codes_and_labels_and_nothing_else(text, frequency, expected):
    assert periods.parse(text, frequency) == expected


# --- Period: one value with its code, label, name and days ------------------------------------


def test_period_carries_code_label_name_and_days():
    from django.utils import translation

    period = periods.Period.parse("2026M11")
    assert (period.code, period.label, period.first_day, period.last_day) == (
        "2026M11",
        "11/2026",
        date(2026, 11, 1),
        date(2026, 11, 30),
    )
    assert period.file_part == "2026-11"
    with translation.override("fi"):
        assert period.name == "marraskuu 2026"
    with translation.override("sv"):
        assert period.name == "november 2026"  # Swedish month names are not capitalised
    with translation.override("en"):
        assert period.name == "November 2026"
    assert periods.Period.parse("11/2026") == period
    assert periods.Period.parse("2026M13") is None
    assert periods.Period.of(date(2026, 11, 20)) == period
    assert period.shifted(-1).code == "2026M10"
    assert period.shifted(2).code == "2027M01"


def test_quarterly_and_yearly_periods():
    quarter = periods.Period.parse("Q4/2026", Q)
    assert (quarter.code, quarter.label, quarter.name, quarter.last_day) == (
        "2026Q4",
        "Q4/2026",
        "Q4/2026",
        date(2026, 12, 31),
    )
    assert quarter.shifted(1).code == "2027Q1"
    year = periods.Period.of(date(2024, 1, 1), Y)
    assert (year.label, year.name, year.last_day) == ("2024", "2024", date(2024, 12, 31))


def test_period_converter_gives_a_period_and_refuses_a_wrong_month():
    converter = periods.PeriodConverter()
    assert converter.to_python("2026M11") == periods.Period(date(2026, 11, 1))
    assert converter.to_url(periods.Period(date(2026, 11, 1))) == "2026M11"
    with pytest.raises(ValueError, match="2026M00"):
        converter.to_python("2026M00")


@pytest.mark.parametrize(
    ("text", "frequency"),
    [("0000M01", M), ("0001M01", M), ("0999M12", M), ("0000Q1", Q), ("Q1/0001", Q), ("0000", Y), ("9999", Y)],
)
def test_a_year_no_figure_has_is_no_period(text, frequency):
    assert periods.parse(text, frequency) is None


def test_a_report_address_of_year_zero_is_not_found(client, area):
    for address in ["/fi/oulu/reports/monitoring/0000M01/", "/fi/oulu/reports/monitoring/0001M01.pdf"]:
        assert client.get(address).status_code == 404


# --- months by name, in the three languages ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["joulukuu 2024", "Joulukuu 2024", "joulukuun 2024", "december 2024", "December 2024", "2024M12", "12/2024"],
)
def test_a_month_by_its_name_in_finnish_swedish_or_english_is_read_whole(text):
    assert periods.parse(text, M) == date(2024, 12, 1)
    assert periods.Period.read(text) == periods.Period(date(2024, 12, 1), M)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024Q4", periods.Period(date(2024, 10, 1), Q)),
        ("Q4 2024", periods.Period(date(2024, 10, 1), Q)),
        ("2024", periods.Period(date(2024, 1, 1), Y)),
        ("maaliskuu 2025", periods.Period(date(2025, 3, 1), M)),
        ("mars 2025", periods.Period(date(2025, 3, 1), M)),
        ("maj 2025", periods.Period(date(2025, 5, 1), M)),
        ("May 2025", periods.Period(date(2025, 5, 1), M)),
    ],
)
def test_read_gives_the_frequency_the_text_names(text, expected):
    assert periods.Period.read(text) == expected


@pytest.mark.parametrize("text", ["joulukuu", "joulu 2024", "smarch 2024", "joulukuu 0001", "2024M13", "kesä"])
def test_a_text_that_names_no_period_is_none_rather_than_cut(text):
    assert periods.Period.read(text) is None
    assert periods.parse(text, M) is None


def test_a_month_by_name_is_no_quarter_or_year():
    assert periods.parse("joulukuu 2024", Q) is None
    assert periods.parse("joulukuu 2024", Y) is None
