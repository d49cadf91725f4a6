"""The status rules of DESIGN.md ("Indicator status") and their edge cases."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from verkko.goals import status
from verkko.goals.status import AT_RISK, HIGHER, LOWER, NO_DATA, OFF_TRACK, ON_TRACK, assess, expected_value, weakest

BASELINE = (date(2025, 1, 1), 100.0)
TARGETS = [(date(2026, 1, 1), 220.0)]  # 10 per month from the baseline; gap 120, at-risk band 12


def _assess(value, period=date(2025, 7, 1), polarity=HIGHER, baseline=BASELINE, targets=TARGETS, values=None):
    return assess(
        polarity=polarity,
        baseline=baseline,
        targets=targets,
        values=values if values is not None else [(period, value)],
        period=period,
    )


def test_expected_value_lies_on_the_line_from_baseline_to_next_target():
    assert expected_value(BASELINE, TARGETS[0], date(2025, 7, 1)) == 160.0


def test_value_on_the_line_is_on_track():
    assert _assess(160.0).status == ON_TRACK


def test_value_within_a_tenth_of_the_gap_below_the_line_is_at_risk():
    assert _assess(148.0).status == AT_RISK  # d = −12 = −0.1 · gap


def test_value_further_below_the_line_is_off_track():
    assert _assess(147.9).status == OFF_TRACK


def test_nothing_reported_for_the_period_is_no_data():
    result = _assess(None, values=[(date(2025, 6, 1), 150.0)])
    assert result.status == NO_DATA
    assert result.actual is None


def test_no_target_means_no_data():
    assert _assess(160.0, targets=[]).status == NO_DATA


def test_without_baseline_the_next_target_is_the_expected_value():
    values = [(date(2025, 1, 1), 100.0), (date(2025, 7, 1), 210.0)]
    result = _assess(210.0, baseline=None, values=values)
    assert result.expected == 220.0
    # Tolerance from the first reported value: gap 120, band 12; d = −10 is at risk.
    assert result.status == AT_RISK


def test_without_baseline_and_below_the_band_is_off_track():
    values = [(date(2025, 1, 1), 100.0), (date(2025, 7, 1), 200.0)]
    assert _assess(200.0, baseline=None, values=values).status == OFF_TRACK


def test_target_reached_early_is_on_track_and_over_100_percent():
    result = _assess(230.0)
    assert result.status == ON_TRACK
    assert result.variance == 10.0
    assert result.difference == 70.0  # 230 − expected 160
    assert round(result.progress, 1) == 108.3  # (230 − 100) / (220 − 100)


def test_progress_of_a_lower_is_better_indicator_counts_the_way_down():
    """Worked by hand: baseline 220, target 100 (a fall of 120)."""
    baseline, targets = (date(2025, 1, 1), 220.0), [(date(2026, 1, 1), 100.0)]
    on_the_way = _assess(175.0, polarity=LOWER, baseline=baseline, targets=targets)
    assert on_the_way.status == OFF_TRACK
    assert on_the_way.progress == 37.5  # (175 − 220) / (100 − 220): fell 45 of 120
    risen = _assess(230.0, polarity=LOWER, baseline=baseline, targets=targets)
    assert risen.status == OFF_TRACK
    assert round(risen.progress, 1) == -8.3  # rose 10: a step away from the target, never 106 %
    assert status.progress_to_target(220.0, 100.0, 100.0) == 100.0
    assert status.progress_to_target(220.0, 220.0, 200.0) is None


def test_a_target_worse_than_the_baseline_points_the_wrong_way():
    assert status.points_wrong_way(LOWER, 1900, 2000)
    assert not status.points_wrong_way(LOWER, 1900, 1800)
    assert status.points_wrong_way(HIGHER, 40, 38)
    assert not status.points_wrong_way(HIGHER, 40, 40)
    assert not status.points_wrong_way(HIGHER, None, 40)


def test_a_change_of_polarity_or_baseline_names_only_the_targets_it_turns_the_wrong_way():
    targets = [(date(2027, 1, 1), 52.0), (date(2026, 1, 1), 48.0), (date(2028, 1, 1), 35.0)]
    # Higher is better from 40: 35 already pointed the wrong way (and was confirmed so).
    turned = status.targets_turned_wrong_way(targets, before=(HIGHER, 40.0), after=(LOWER, 40.0))
    assert turned == [(date(2026, 1, 1), 48.0), (date(2027, 1, 1), 52.0)]
    assert status.targets_turned_wrong_way(targets, before=(HIGHER, 40.0), after=(HIGHER, 50.0)) == [
        (date(2026, 1, 1), 48.0)
    ]
    assert status.targets_turned_wrong_way(targets, before=(HIGHER, 40.0), after=(HIGHER, 30.0)) == []
    assert status.targets_turned_wrong_way(targets, before=(HIGHER, None), after=(HIGHER, 50.0)) == [
        (date(2026, 1, 1), 48.0),
        (date(2028, 1, 1), 35.0),
    ]


def test_lower_is_better_reverses_the_sign():
    baseline, targets = (date(2025, 1, 1), 220.0), [(date(2026, 1, 1), 100.0)]  # expected 160 in July
    assert _assess(150.0, polarity=LOWER, baseline=baseline, targets=targets).status == ON_TRACK
    assert _assess(170.0, polarity=LOWER, baseline=baseline, targets=targets).status == AT_RISK
    assert _assess(175.0, polarity=LOWER, baseline=baseline, targets=targets).status == OFF_TRACK


def test_after_the_last_target_the_last_target_is_compared():
    period = date(2026, 6, 1)
    result = _assess(215.0, period=period)
    assert result.expected == 220.0
    assert result.target_period == date(2026, 1, 1)
    assert result.status == AT_RISK


def test_the_next_target_is_used_when_there_are_several():
    targets = [(date(2025, 7, 1), 130.0), (date(2026, 1, 1), 220.0)]
    result = _assess(190.0, period=date(2025, 10, 1), targets=targets)
    assert result.target == 220.0
    assert result.expected == 190.0  # three quarters of the way from 100 to 220
    assert result.status == ON_TRACK


def test_gap_zero_means_any_shortfall_is_off_track():
    targets = [(date(2026, 1, 1), 100.0)]
    assert _assess(100.0, targets=targets).status == ON_TRACK
    assert _assess(99.9, targets=targets).status == OFF_TRACK


def test_before_the_baseline_the_baseline_is_expected():
    assert _assess(100.0, period=date(2024, 6, 1)).expected == 100.0


def test_missing_periods_are_skipped_by_the_trend_and_give_no_data_for_themselves():
    values = [(date(2025, 1, 1), 100.0), (date(2025, 2, 1), 110.0), (date(2025, 5, 1), 150.0)]
    assert _assess(None, period=date(2025, 4, 1), values=values).status == NO_DATA
    result = _assess(None, period=date(2025, 5, 1), values=values)
    assert result.status == ON_TRACK
    assert result.trend.direction == status.UP
    assert result.trend.periods == 2
    assert result.trend.improving is True


def test_trend_counts_how_long_the_last_direction_has_lasted():
    values = [(date(2025, m, 1), v) for m, v in [(1, 5.0), (2, 6.0), (3, 4.0), (4, 3.0), (5, 2.0)]]
    found = status.trend(values)
    assert (found.direction, found.periods) == (status.DOWN, 3)


def test_trend_needs_two_values():
    assert status.trend([(date(2025, 1, 1), 5.0)]) is None


def test_falling_is_improving_when_lower_is_better():
    values = [(date(2025, 1, 1), 220.0), (date(2025, 2, 1), 210.0)]
    result = _assess(
        None,
        period=date(2025, 2, 1),
        polarity=LOWER,
        baseline=(date(2025, 1, 1), 220.0),
        targets=[(date(2026, 1, 1), 100.0)],
        values=values,
    )
    assert result.trend.improving is True


def test_goal_takes_the_weakest_status_and_no_data_never_reads_as_on_track():
    assert weakest([ON_TRACK, AT_RISK, ON_TRACK]) == AT_RISK
    assert weakest([ON_TRACK, OFF_TRACK, AT_RISK, NO_DATA]) == OFF_TRACK
    assert weakest([ON_TRACK, NO_DATA]) == NO_DATA
    assert weakest([]) == NO_DATA


values_strategy = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
months = st.integers(min_value=0, max_value=48)


def _month(offset):
    return date(2024 + offset // 12, offset % 12 + 1, 1)


@given(baseline=values_strategy, target=values_strategy, actual=values_strategy, at=months, span=months)
def test_flipping_polarity_and_mirroring_values_gives_the_same_status(baseline, target, actual, at, span):
    baseline_period, target_period, period = _month(0), _month(span + 1), _month(at)
    higher = assess(
        polarity=HIGHER,
        baseline=(baseline_period, baseline),
        targets=[(target_period, target)],
        values=[(period, actual)],
        period=period,
    )
    lower = assess(
        polarity=LOWER,
        baseline=(baseline_period, -baseline),
        targets=[(target_period, -target)],
        values=[(period, -actual)],
        period=period,
    )
    assert higher.status == lower.status


@given(baseline=values_strategy, target=values_strategy, at=months, span=months)
def test_a_value_on_the_line_is_always_on_track(baseline, target, at, span):
    baseline_period, target_period, period = _month(0), _month(span + 1), _month(at)
    expected = expected_value((baseline_period, baseline), (target_period, target), period)
    for polarity in (HIGHER, LOWER):
        result = assess(
            polarity=polarity,
            baseline=(baseline_period, baseline),
            targets=[(target_period, target)],
            values=[(period, expected)],
            period=period,
        )
        assert result.status == ON_TRACK


@given(baseline=values_strategy, target=values_strategy, actual=values_strategy, better=st.floats(0, 1e5))
def test_a_better_value_never_gets_a_worse_status(baseline, target, actual, better):
    def rank(value):
        result = assess(
            polarity=HIGHER,
            baseline=(_month(0), baseline),
            targets=[(_month(12), target)],
            values=[(_month(6), value)],
            period=_month(6),
        )
        return status.STATUS_ORDER.index(result.status)

    assert rank(actual + better) >= rank(actual)
