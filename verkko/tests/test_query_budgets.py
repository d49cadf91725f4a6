"""Query budgets: each main page makes no more SQL queries with more goals, indicators, actions,
municipalities or decisions. Every page is measured on a cold cache, so the budget is what a
page costs when it has to be drawn; each holds at a small and at a larger data size."""

from datetime import date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from verkko.ecosystem.models import Decision, Meeting
from verkko.ecosystem.tests.factories import ForumFactory, MunicipalityFactory, PersonFactory
from verkko.goals.models import Action, CheckIn, Goal, Indicator, IndicatorValue, Target
from verkko.situation.tests.conftest import FIGURES, add_figures, make_table

SIZES = {
    "small": {"goals": 2, "municipalities": 2, "decisions": 1},
    "large": {"goals": 12, "municipalities": 11, "decisions": 10},
}
MORE_MUNICIPALITIES = ["072", "139", "425", "436", "494", "615", "859", "889", "785"]

# The most queries each page may make on a cold cache, signed in as the area's coordinator (who
# sees the most) or as the public, at every size.
BUDGETS = {
    # The statistics pages also look up the business-life tables (population, enterprises, bankruptcies).
    "area page": 28,
    "municipality table": 28,
    "goals page": 28,
    "monitoring report": 32,
    "indicator page": 34,
    "meeting page": 15,
}


@pytest.fixture(params=list(SIZES))
def world(request, area, organization_a, organization_b, partner_editor):
    """An area of the given size: municipalities with figures, goals each with a hand-entered and a
    statistical indicator and an action with check-ins, and a meeting with decisions."""
    size = SIZES[request.param]
    for code in MORE_MUNICIPALITIES[: size["municipalities"] - 2]:
        MunicipalityFactory(code=code, name_fi=f"Kunta {code}", area=area)
    figures = {f"KU{code}": FIGURES["KU564"] for code in [m.code for m in area.municipalities.all()]}
    table = make_table(figures={"SSS": FIGURES["SSS"]})
    add_figures(table, figures)
    forum = ForumFactory(area=area, name="Ohjausryhmä", slug="ohjausryhma")
    for number in range(size["goals"]):
        goal = Goal.objects.create(
            area=area,
            slug=f"tavoite-{number}",
            title=f"Tavoite {number}",
            owner_forum=forum,
            starts_on=date(2025, 1, 1),
            ends_on=date(2027, 12, 31),
        )
        manual = Indicator.objects.create(
            area=area,
            slug=f"kasin-{number}",
            name=f"Käsin kirjattu {number}",
            frequency="Q",
            baseline_period=date(2025, 1, 1),
            baseline_value=40,
        )
        Target.objects.create(indicator=manual, period=date(2026, 1, 1), value=48)
        for period, value in [(date(2025, 4, 1), 42), (date(2025, 7, 1), 44)]:
            IndicatorValue.objects.create(indicator=manual, period=period, value=value)
        statistical = Indicator.objects.create(
            area=area,
            slug=f"tilasto-{number}",
            name=f"Työttömyysaste {number}",
            unit="%",
            frequency="M",
            polarity=Indicator.Polarity.LOWER,
            source=Indicator.Source.AREA,
            table_id="12r5",
            measure_code="TYOTTOMATLOPUSSA",
            denominator_code="TYOVOIMATK" if number % 2 else "",
            statistics_area=area,
            baseline_period=date(2025, 10, 1),
            baseline_value=12,
        )
        Target.objects.create(indicator=statistical, period=date(2027, 1, 1), value=9)
        goal.indicators.add(manual, statistical)
        action = Action.objects.create(
            title=f"Toimenpide {number}", lead_organization=organization_a, due_on=date(2027, 5, 31), progress=20
        )
        action.goals.add(goal)
        action.partner_organizations.add(organization_b)
        for days in (40, 10):
            CheckIn.objects.create(
                action=action,
                author=partner_editor,
                organization=organization_a,
                progress=20,
                status="under_way",
                confidence="on_track",
                narrative="Etenee.",
                created_at=timezone.now() - timedelta(days=days),
            )
    meeting = Meeting.objects.create(forum=forum, starts_at=timezone.make_aware(datetime(2026, 10, 5, 13)))
    person = PersonFactory(organization=organization_a)
    for number in range(size["decisions"]):
        Decision.objects.create(
            meeting=meeting,
            text=f"Päätös {number}",
            responsible_organization=organization_a if number % 2 else organization_b,
            responsible_person=person if number % 2 else None,
            due_date=date(2027, 6, 30),
        )
    month = timezone.localdate().replace(day=1)
    return {
        "area page": "/fi/oulu/situation/",
        "municipality table": "/fi/oulu/situation/municipalities/",
        "goals page": "/fi/oulu/goals/",
        "monitoring report": f"/fi/oulu/reports/monitoring/{month.year}M{month.month:02d}/",
        "indicator page": "/fi/oulu/indicators/tilasto-1/",
        "meeting page": f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/",
    }


@pytest.mark.parametrize("page", list(BUDGETS))
@pytest.mark.parametrize("reader", ["coordinator", None])
def test_each_main_page_keeps_its_query_budget_at_every_size(
    request, client_for, django_assert_max_num_queries, world, page, reader
):
    client = client_for(request.getfixturevalue(reader) if reader else None)
    client.get("/fi/oulu/")  # the session and the sign-in are the same for every page; not counted
    cache.clear()
    with django_assert_max_num_queries(BUDGETS[page]):
        response = client.get(world[page])
    assert response.status_code == 200
