import io

from auditlog.models import LogEntry
from django.core.management import call_command

from verkko.accounts.models import User
from verkko.ecosystem import demo as ecosystem_demo
from verkko.goals import monitoring, status, values
from verkko.goals.models import Action, CheckIn, Goal, Indicator, IndicatorValue, Target

OTHER_GOAL = "Teollisuuden osaajatarpeisiin vastaaminen rannikolla"
OTHER_ACTION = "Teollisuuden oppisopimuskampanja"


def test_demo_loads_twice_without_duplicates_and_osao_leads_actions(db):
    call_command("load_demo", stdout=io.StringIO())
    counts = [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()]
    history = LogEntry.objects.filter(content_type__app_label="goals").count()
    call_command("load_demo", stdout=io.StringIO())
    assert LogEntry.objects.filter(content_type__app_label="goals").count() == history  # nothing changed
    assert [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()] == counts
    assert 4 <= Goal.objects.filter(area__slug="oulu").count() <= 6
    assert Action.objects.filter(lead_organization__name="Oulun seudun ammattiopisto OSAO").exists()
    assert CheckIn.objects.count() == CheckIn.objects.values("action", "narrative").distinct().count()
    assert Goal.objects.filter(parent__isnull=False).exists()
    assert Goal.objects.filter(visibility="partners").exists()


def test_demo_goals_show_every_status_against_the_demo_statistics(db, client):
    call_command("load_demo", stdout=io.StringIO())
    oulu_goals = Goal.objects.filter(area__slug="oulu")
    statuses = {summary.goal.slug: summary.status for summary in monitoring.summarize_all(oulu_goals)}
    assert set(statuses.values()) == {status.ON_TRACK, status.AT_RISK, status.OFF_TRACK, status.NO_DATA}
    rate = Indicator.objects.get(area__slug="oulu", slug="tyottomyysaste")
    figure = next(value.value for value in values.values_of(rate) if value.period == rate.baseline_period)
    assert rate.baseline_value == round(figure, rate.decimals)
    assert "keksitty" in rate.definition
    content = client.get("/fi/oulu/goals/").content.decode()
    assert OTHER_GOAL not in content
    assert (
        "Tavoitteet, tavoitetasot, käsin syötetyt luvut, toimenpiteet ja tilannepäivitykset ovat keksittyjä" in content
    )
    assert "Sivun tilastoluvut ovat keksittyjä esimerkkilukuja" in content


def test_second_demo_area_has_one_partner_only_goal_with_a_hand_entered_indicator_and_an_action(db):
    call_command("load_demo", stdout=io.StringIO())
    other = ecosystem_demo.other_area()
    goal = Goal.objects.get(area=other)
    assert (goal.title, goal.visibility) == (OTHER_GOAL, "partners")
    indicator = goal.indicators.get()
    assert (indicator.area, indicator.source) == (other, Indicator.Source.MANUAL)
    assert IndicatorValue.objects.filter(indicator=indicator).exists()
    action = Action.objects.get(goals=goal)
    assert action.title == OTHER_ACTION
    organisation_names = [name for name, *_rest in ecosystem_demo.OTHER_AREA_ORGANISATIONS]
    assert action.lead_organization.area == other
    assert action.lead_organization.name in organisation_names
    assert not Goal.objects.filter(area=other).exclude(pk=goal.pk).exists()

    call_command("load_demo", stdout=io.StringIO())  # run twice: nothing is duplicated
    assert Goal.objects.filter(area=other).count() == 1
    assert Indicator.objects.filter(area=other).count() == 1
    assert Action.objects.filter(lead_organization__area=other).count() == 1
    assert IndicatorValue.objects.filter(indicator__area=other).count() == indicator.values.count()
    assert Target.objects.filter(indicator__area=other).count() == indicator.targets.count()


def test_an_oulu_partner_does_not_see_the_second_areas_partner_only_goal(db, client_for):
    call_command("load_demo", stdout=io.StringIO())
    goal = Goal.objects.get(area=ecosystem_demo.other_area())
    action = Action.objects.get(goals=goal)
    oulu_partner = User.objects.get(email="editor@example.com")
    own_coordinator = User.objects.get(email=ecosystem_demo.OTHER_AREA_COORDINATOR)
    for user, sees in [(oulu_partner, False), (None, False), (own_coordinator, True)]:
        client = client_for(user)
        hidden = 302 if user is None else 404  # the public is asked to sign in
        page = client.get(f"/fi/rannikko/goals/{goal.slug}/")
        assert page.status_code == (200 if sees else hidden)
        assert (OTHER_GOAL in client.get("/fi/rannikko/goals/").content.decode()) == sees
        assert (OTHER_ACTION in client.get("/fi/rannikko/actions/").content.decode()) == sees
        assert client.get(f"/fi/rannikko/actions/{action.uuid}/").status_code == (200 if sees else hidden)
    # Nor does the second area's own coordinator find it under Oulu's address.
    assert client_for(own_coordinator).get(f"/fi/oulu/goals/{goal.slug}/").status_code == 404


def test_demo_targets_follow_each_indicators_polarity(db):
    """A "reduce" goal's targets fall: no demo target is worse than its baseline, and each later
    target is at least as good as the one before."""
    call_command("load_demo", stdout=io.StringIO())
    for indicator in Indicator.objects.exclude(baseline_value=None):
        targets = [target.value for target in indicator.targets.order_by("period")]
        assert targets, indicator.slug
        assert not any(status.points_wrong_way(indicator.polarity, indicator.baseline_value, t) for t in targets)
        steps = zip(targets, targets[1:], strict=False)
        assert all(status.sign(indicator.polarity) * (later - earlier) >= 0 for earlier, later in steps), indicator.slug
    for slug in ("alle-25-tyottomat", "pitkaaikaistyottomat"):
        indicator = Indicator.objects.get(area__slug="oulu", slug=slug)
        values = [target.value for target in indicator.targets.order_by("period")]
        assert values == sorted(values, reverse=True)
        assert values[-1] < indicator.baseline_value


def test_demo_previous_months_are_published(db, client):
    from verkko.reports.models import PublishedReport

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    oulu = PublishedReport.objects.filter(area__slug="oulu")
    assert oulu.count() == 3
    latest = oulu.order_by("-period").first()
    response = client.get("/fi/oulu/reports/")
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/reports/monitoring/{latest.month.code}/"
    content = client.get(response["Location"]).content.decode()
    assert "Julkaistu" in content
    assert "Työllisyyden vahvistaminen Oulun työllisyysalueella" in content
