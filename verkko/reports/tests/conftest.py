"""The goals fixtures serve the report tests as well."""

from verkko.goals.tests.conftest import (  # noqa: F401
    action,
    forum,
    goal,
    indicator,
    other_action,
    other_forum,
    other_goal,
    other_partner_goal,
    partner_action,
    partner_goal,
    user_for,
)
