"""save_values writes validated values onto an instance: its columns, then its many-to-many choices."""

from datetime import date

from verkko.goals.models import Goal, Indicator
from verkko.lib.saving import save_values


def test_columns_and_many_to_many_choices_are_written_and_other_names_left_aside(area):
    indicator = Indicator.objects.create(area=area, slug="aste", name="Aste", frequency="Y")
    goal = save_values(
        Goal(area=area, slug="eka", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)),
        {"title_fi": "Ensimmäinen", "indicators": [indicator], "confirm": True},
    )
    goal.refresh_from_db()
    assert goal.title_fi == "Ensimmäinen"
    assert list(goal.indicators.all()) == [indicator]

    save_values(goal, {"title_fi": "Ensimmäinen tavoite"})
    goal.refresh_from_db()
    assert goal.title_fi == "Ensimmäinen tavoite"
    assert list(goal.indicators.all()) == [indicator]
