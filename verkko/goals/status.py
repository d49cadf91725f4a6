"""Indicator and goal status: the rules of DESIGN.md ("Indicator status"), in one place.

Pure functions over plain values; no database. Periods are dates (the first day of a period).

- The expected value at a period lies on the straight line from the baseline to the next
  target (the first target at or after the period). After the last target, the last target is
  the expected value. Before the baseline, the baseline is.
- gap = |target − baseline|; d = actual − expected, signed so that positive is better.
  On track if d ≥ 0, at risk if d ≥ −0.1·gap, otherwise off track.
- No data when nothing is reported for the period, or when there is no target to compare with.
- Without a baseline there is no line: the expected value is the next target itself and the
  tolerance is measured from the first reported value (the de facto baseline).
- Progress to target is the share of the way from the starting value (the baseline, else the first
  reported value) to the target that has been covered, in per cent, signed so that a move in the
  right direction counts for both polarities: a lower-is-better figure that rose has a negative
  progress, never "106 % of target". At the starting value it is 0 %, at the target 100 %.
- A target points the wrong way when it is worse than the baseline for the polarity (higher than
  it when lower is better): the target form flags it, and the indicator form flags the targets
  that a change of polarity or baseline turns the wrong way.
- A goal takes the weakest status of its indicators; "no data" ranks below "on track" so that an
  unknown never reads as good news, and a goal without indicators has no data.
"""

from dataclasses import dataclass
from datetime import date

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"
# Weakest first.
STATUS_ORDER = [OFF_TRACK, AT_RISK, NO_DATA, ON_TRACK]
AT_RISK_SHARE = 0.1

HIGHER = "higher"
LOWER = "lower"

UP = "up"
DOWN = "down"
FLAT = "flat"


@dataclass(frozen=True)
class Trend:
    direction: str  # up, down or flat
    periods: int  # how many consecutive changes have gone this way
    improving: bool | None  # None when flat


@dataclass(frozen=True)
class Assessment:
    status: str
    period: date | None
    actual: float | None
    expected: float | None
    target: float | None
    target_period: date | None
    variance: float | None  # actual − target (in the indicator's unit)
    progress: float | None  # share of the way from the starting value to the target covered, %
    trend: Trend | None
    difference: float | None = None  # actual − expected (in the indicator's unit)


def _month_index(day):
    return day.year * 12 + day.month - 1


def sign(polarity):
    return 1 if polarity == HIGHER else -1


def target_for(targets, period):
    """The target the period is measured against: the next one at or after it, else the last one."""
    ordered = sorted(targets)
    for target_period, value in ordered:
        if target_period >= period:
            return target_period, value
    return ordered[-1] if ordered else None


def expected_value(baseline, target, period):
    """The value on the straight line from baseline (period, value) to target (period, value)."""
    target_period, target_value = target
    if baseline is None:
        return target_value
    baseline_period, baseline_value = baseline
    if period <= baseline_period:
        return baseline_value
    if period >= target_period or target_period <= baseline_period:
        return target_value
    share = (_month_index(period) - _month_index(baseline_period)) / (
        _month_index(target_period) - _month_index(baseline_period)
    )
    return baseline_value + share * (target_value - baseline_value)


def progress_to_target(start, target, actual):
    """The share of the way from start to target covered, in per cent, for either polarity.

    The direction is the target's own: from 100 to 80, an actual of 90 is 50 %, 104 is −20 %.
    None when the target is the starting value (there is no way to cover).
    """
    if start is None or target is None or actual is None or target == start:
        return None
    return 100.0 * (actual - start) / (target - start)


def points_wrong_way(polarity, baseline_value, target_value):
    """True when reaching the target would make the figure worse than its baseline."""
    if baseline_value is None or target_value is None:
        return False
    return sign(polarity) * (target_value - baseline_value) < 0


def targets_turned_wrong_way(targets, *, before, after):
    """The targets (period, value) that a change of polarity or baseline makes point the wrong way.

    before and after are (polarity, baseline value); a target that already pointed the wrong way (and
    was confirmed so) is not named again.
    """
    return [
        (period, value)
        for period, value in sorted(targets)
        if points_wrong_way(*after, value) and not points_wrong_way(*before, value)
    ]


def classify(d, gap):
    if d >= 0:
        return ON_TRACK
    if d >= -AT_RISK_SHARE * gap:
        return AT_RISK
    return OFF_TRACK


def trend(values):
    """Direction of the last change among the reported values (in period order) and its length."""
    reported = [value for _period, value in sorted(values) if value is not None]
    if len(reported) < 2:
        return None
    changes = [later - earlier for earlier, later in zip(reported, reported[1:], strict=False)]

    def direction(change):
        return UP if change > 0 else DOWN if change < 0 else FLAT

    last = direction(changes[-1])
    periods = 0
    for change in reversed(changes):
        if direction(change) != last:
            break
        periods += 1
    return Trend(direction=last, periods=periods, improving=None)


def _with_polarity(found, polarity):
    if found is None or found.direction == FLAT:
        return found
    return Trend(found.direction, found.periods, (found.direction == UP) == (polarity == HIGHER))


def assess(*, polarity, baseline, targets, values, period):
    """The status of an indicator at a period.

    baseline: (period, value) or None; targets: [(period, value)]; values: [(period, value or None)].
    """
    actuals = {p: v for p, v in values if v is not None}
    actual = actuals.get(period)
    found_trend = _with_polarity(trend([(p, v) for p, v in actuals.items() if p <= period]), polarity)
    target = target_for(targets, period)
    if actual is None or target is None:
        return Assessment(
            NO_DATA, period, actual, None, target and target[1], target and target[0], None, None, found_trend
        )
    target_period, target_value = target
    expected = expected_value(baseline, target, period)
    starting_value = baseline[1] if baseline is not None else actuals[min(actuals)]
    gap = abs(target_value - starting_value)
    d = sign(polarity) * (actual - expected)
    return Assessment(
        status=classify(d, gap),
        period=period,
        actual=actual,
        expected=expected,
        target=target_value,
        target_period=target_period,
        variance=actual - target_value,
        progress=progress_to_target(starting_value, target_value, actual),
        trend=found_trend,
        difference=actual - expected,
    )


def latest_period(values, up_to=None):
    """The latest period with a reported value (not after up_to, when given)."""
    periods = [p for p, v in values if v is not None and (up_to is None or p <= up_to)]
    return max(periods) if periods else None


def weakest(statuses):
    statuses = list(statuses)
    if not statuses:
        return NO_DATA
    return min(statuses, key=STATUS_ORDER.index)
