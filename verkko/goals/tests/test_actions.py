"""The goals' actions take the acting user and plain values, so that the pages and the API call the same
function: no bound form is needed, history is recorded, and a refused write changes nothing."""

from datetime import date

import pytest
from auditlog.models import LogEntry

from verkko.ecosystem.models import Responsibility
from verkko.goals import actions
from verkko.goals.models import Action, Goal, Indicator, Milestone, TurnTheCurve


def test_a_goal_is_made_from_plain_values_with_its_indicators_and_history(coordinator, area, forum, indicator):
    goal = actions.create_goal(
        coordinator,
        area,
        {
            "title_fi": "Nuorten työllisyys",
            "slug": "nuoret",
            "owner_forum": forum,
            "starts_on": date(2026, 1, 1),
            "ends_on": date(2027, 12, 31),
            "indicators": [indicator],
            "not_a_column": "left aside",
        },
    )
    goal.refresh_from_db()
    assert (goal.area, goal.title_fi, goal.owner_forum) == (area, "Nuorten työllisyys", forum)
    assert list(goal.indicators.all()) == [indicator]
    assert {entry.actor for entry in LogEntry.objects.get_for_object(goal)} == {coordinator}


def test_an_indicator_made_for_a_goal_of_another_area_is_refused_and_nothing_is_saved(coordinator, area, other_area):
    foreign_goal = Goal.objects.create(
        area=other_area, slug="muu", title="Muu", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    with pytest.raises(ValueError, match="another employment area"):
        actions.create_indicator(
            coordinator, area, {"name_fi": "Käsin", "slug": "kasin", "frequency": "Y"}, goal=foreign_goal
        )
    assert not Indicator.objects.filter(slug="kasin").exists()


def test_an_action_from_plain_values_makes_its_lead_responsible_for_its_goals(coordinator, goal, organization_a):
    action = actions.create_action(
        coordinator,
        {
            "title_fi": "Työkokeilut",
            "lead_organization": organization_a,
            "goals": [goal],
            "starts_on": date(2026, 1, 1),
            "due_on": date(2026, 6, 30),
        },
    )
    assert Action.objects.get(pk=action.pk).title_fi == "Työkokeilut"
    assert Responsibility.objects.filter(organization=organization_a, subject_id=goal.pk).exists()

    actions.update_action(coordinator, action, {"title_fi": "Työkokeilut ja palkkatuki", "goals": []})
    action.refresh_from_db()
    assert action.title_fi == "Työkokeilut ja palkkatuki"
    assert not action.goals.exists()


def test_milestones_and_the_turn_the_curve_note_are_written_from_plain_values(coordinator, action, indicator):
    milestone = actions.add_milestone(coordinator, action, {"title": "Haku auki", "due_on": date(2026, 3, 1)})
    actions.update_milestone(coordinator, milestone, {"title": "Haku auki kaikille"})
    assert Milestone.objects.get(pk=milestone.pk).title == "Haku auki kaikille"

    actions.save_turn_the_curve(coordinator, indicator, {"story": "Työttömyys kasvoi."})
    note = actions.save_turn_the_curve(coordinator, indicator, {"story": "Työttömyys kääntyi laskuun."})
    assert list(TurnTheCurve.objects.filter(indicator=indicator).values_list("pk", "story")) == [
        (note.pk, "Työttömyys kääntyi laskuun.")
    ]
