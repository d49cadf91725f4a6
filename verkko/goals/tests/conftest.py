"""Goals fixtures: a forum, a public and a partner-only goal, indicators and an action of organisation A;
and, in the second area (other_area), a goal with the same slug as one here, an action and a decision.
"""

from datetime import date

import pytest
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.ecosystem.models import Decision, Meeting, Municipality, ReferenceArea, Visibility
from verkko.ecosystem.tests.factories import ForumFactory
from verkko.goals.models import Action, Goal, Indicator, IndicatorValue, Target
from verkko.stats.models import Observation, Series, Table

# Partners of this area; the public; and the outsiders, who hold roles in another area only and
# must get here exactly what the signed-in public gets.
PARTNERS = ["coordinator", "partner_editor", "partner_member", "editor_b"]
ROLES = [*PARTNERS, None, *OUTSIDERS]


def is_partner_role(role):
    return role in PARTNERS


@pytest.fixture
def user_for(request):
    """user_for("partner_editor") gives that fixture's user; None the anonymous public."""

    def get(role):
        return request.getfixturevalue(role) if role else None

    return get


LONG_AGO = timezone.make_aware(timezone.datetime(2025, 1, 1, 9))


@pytest.fixture
def recorded_long_ago():
    """Goals and actions made by the test are recorded on 1.1.2025, so that the monitoring reports of
    the months since show them (a report shows only what was recorded by the end of its month). A
    test that sets created_at itself after creating the object keeps its own."""
    from django.db.models.signals import post_save

    def backdate(sender, instance, created, **kwargs):
        if created:
            sender.objects.filter(pk=instance.pk).update(created_at=LONG_AGO)
            instance.created_at = LONG_AGO

    for model in (Goal, Action):
        post_save.connect(backdate, sender=model, dispatch_uid=f"recorded-long-ago-{model.__name__}")
    yield
    for model in (Goal, Action):
        post_save.disconnect(sender=model, dispatch_uid=f"recorded-long-ago-{model.__name__}")


@pytest.fixture
def forum(area):
    return ForumFactory(area=area, name="Nuorten työllisyyden verkosto", slug="nuorten-verkosto")


@pytest.fixture
def indicator(area):
    indicator = Indicator.objects.create(
        area=area,
        slug="koulutukseen-ohjatut",
        name="Koulutukseen ohjatut nuoret",
        unit="%",
        polarity=Indicator.Polarity.HIGHER,
        frequency="Q",
        source=Indicator.Source.MANUAL,
        baseline_period=date(2025, 1, 1),
        baseline_value=40.0,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 1, 1), value=48.0)
    for period, value in [(date(2025, 4, 1), 42.0), (date(2025, 7, 1), 44.0), (date(2025, 10, 1), 43.0)]:
        IndicatorValue.objects.create(indicator=indicator, period=period, value=value)
    return indicator


@pytest.fixture
def goal(area, forum, indicator):
    goal = Goal.objects.create(
        area=area,
        slug="nuorisotyottomyys",
        title="Nuorisotyöttömyyden vähentäminen",
        owner_forum=forum,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    goal.indicators.add(indicator)
    return goal


@pytest.fixture
def partner_goal(area, forum):
    return Goal.objects.create(
        area=area,
        slug="osatyokykyiset",
        title="Osatyökykyisten työllistyminen",
        owner_forum=forum,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )


@pytest.fixture
def action(goal, organization_a):
    action = Action.objects.create(
        title="Oppisopimuspolku nuorille",
        lead_organization=organization_a,
        starts_on=date(2025, 9, 1),
        due_on=date(2027, 5, 31),
        status=Action.Status.UNDER_WAY,
        progress=30,
    )
    action.goals.add(goal)
    return action


@pytest.fixture
def partner_action(partner_goal, organization_b):
    action = Action.objects.create(title="Työkykykoordinaattorit", lead_organization=organization_b)
    action.goals.add(partner_goal)
    return action


@pytest.fixture
def decision(forum, organization_a):
    meeting = Meeting.objects.create(forum=forum, starts_at=timezone.now())
    return Decision.objects.create(
        meeting=meeting,
        text="Käynnistetään kesätyösetelikokeilu kaikissa kunnissa.\nVastuu: Organisaatio A.",
        responsible_organization=organization_a,
        due_date=date(2027, 6, 30),
    )


@pytest.fixture
def other_forum(other_area):
    return ForumFactory(area=other_area, name="Rannikon ohjausryhmä", slug="nuorten-verkosto")


@pytest.fixture
def other_goal(other_area, other_forum):
    """A public goal of the other area with the same slug as `goal` here."""
    return Goal.objects.create(
        area=other_area,
        slug="nuorisotyottomyys",
        title="Rannikon nuorten työllisyys",
        owner_forum=other_forum,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
    )


@pytest.fixture
def other_partner_goal(other_area, other_forum):
    """A partner-only goal of the other area, with the same slug as `partner_goal` here."""
    return Goal.objects.create(
        area=other_area,
        slug="osatyokykyiset",
        title="Rannikon sisäinen tavoite",
        owner_forum=other_forum,
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )


@pytest.fixture
def other_indicator(other_area):
    """An indicator of the other area with the same slug as `indicator` here."""
    return Indicator.objects.create(
        area=other_area,
        slug="koulutukseen-ohjatut",
        name="Rannikon koulutukseen ohjatut",
        unit="%",
        polarity=Indicator.Polarity.HIGHER,
        frequency="Q",
        source=Indicator.Source.MANUAL,
    )


@pytest.fixture
def other_action(other_goal, other_organization):
    action = Action.objects.create(title="Rannikon kesätyöt", lead_organization=other_organization)
    action.goals.add(other_goal)
    return action


@pytest.fixture
def other_decision(other_forum, other_organization):
    meeting = Meeting.objects.create(forum=other_forum, starts_at=timezone.now())
    return Decision.objects.create(
        meeting=meeting, text="Rannikon kesätyöseteli.", responsible_organization=other_organization
    )


@pytest.fixture
def statistics(area):
    """Demo 12r5 figures for Oulu (KU564) and Kempele (KU244): unemployed and labour force."""
    table = Table.objects.create(source=Table.Source.DEMO, table_id="12r5", title="Työnvälitystilasto")
    figures = {
        ("KU564", "TYOTTOMATLOPUSSA"): [1000, 950, 900],
        ("KU244", "TYOTTOMATLOPUSSA"): [100, 90, 80],
        ("KU564", "TYOVOIMATK"): [10000, 10000, 10000],
        ("KU244", "TYOVOIMATK"): [1000, 1000, 1000],
    }
    for (area_code, measure), values in figures.items():
        series = Series.objects.create(
            table=table, key=f"alue={area_code};contentscode={measure}", area_code=area_code, measure_code=measure
        )
        for month, value in enumerate(values, start=1):
            Observation.objects.create(
                series=series, period=date(2026, month, 1), period_code=f"2026M{month:02d}", value=value
            )
    return table


def add_series(table, area_code, measure, figures):
    series = Series.objects.create(
        table=table, key=f"alue={area_code};contentscode={measure}", area_code=area_code, measure_code=measure
    )
    for month, value in enumerate(figures, start=1):
        Observation.objects.create(
            series=series, period=date(2026, month, 1), period_code=f"2026M{month:02d}", value=value
        )
    return series


@pytest.fixture
def places(statistics, other_area):
    """Table 12r5 with its measures' labels; the whole country; the other area's municipalities, which
    belong to an employment area of the classification; and a table with figures of the other area only."""
    statistics.dimensions = [
        {"code": "alue", "label": "Alue", "role": "area", "values": []},
        {
            "code": "contentscode",
            "label": "Tiedot",
            "role": "content",
            "values": [
                {"code": "TYOTTOMATLOPUSSA", "label": "Työttömät työnhakijat laskentapäivänä"},
                {"code": "TYOVOIMATK", "label": "Työvoima"},
            ],
        },
    ]
    statistics.save()
    add_series(statistics, "SSS", "TYOTTOMATLOPUSSA", [200000, 190000, 180000])
    add_series(statistics, "SSS", "TYOVOIMATK", [2000000, 2000000, 2000000])
    add_series(statistics, "KU678", "TYOTTOMATLOPUSSA", [500, 400, 300])
    add_series(statistics, "KU748", "TYOTTOMATLOPUSSA", [50, 40, 30])
    coast = ReferenceArea.objects.create(code="TA99", name_fi="Rannikon seudun työllisyysalue")
    Municipality.objects.filter(code__in=["678", "748"]).update(reference_area=coast)
    elsewhere = Table.objects.create(source=Table.Source.DEMO, table_id="99zz", title="Vain rannikon taulukko")
    add_series(elsewhere, "KU678", "RANNIKKO", [1, 2, 3])
    return coast


@pytest.fixture
def area_indicator(area, statistics):
    indicator = Indicator.objects.create(
        area=area,
        slug="tyottomat",
        name="Työttömät työnhakijat",
        unit="henkilöä",
        polarity=Indicator.Polarity.LOWER,
        frequency="M",
        source=Indicator.Source.AREA,
        table_id="12r5",
        measure_code="TYOTTOMATLOPUSSA",
        statistics_area=area,
        baseline_period=date(2026, 1, 1),
        baseline_value=1100,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 12, 1), value=1000)
    return indicator


@pytest.fixture
def browser_context_without_js(chromium_browser, live_server):
    """A browser page with JavaScript switched off: the pages must work without it."""
    context = chromium_browser.new_context(base_url=live_server.url, locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
