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
