"""The goals fixtures serve the report tests as well; their goals and actions are recorded long
before the months reported."""

import pytest

from verkko.goals.tests.conftest import (  # noqa: F401
    action,
    area_indicator,
    forum,
    goal,
    indicator,
    other_action,
    other_forum,
    other_goal,
    other_partner_goal,
    partner_action,
    partner_goal,
    recorded_long_ago,
    statistics,
    user_for,
)


@pytest.fixture(autouse=True)
def _recorded_before_the_months_reported(recorded_long_ago):  # noqa: F811 (the imported fixture)
    return None
