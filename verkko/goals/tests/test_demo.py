import io

from auditlog.models import LogEntry
from django.core.management import call_command

from verkko.goals import monitoring, status, values
from verkko.goals.models import Action, CheckIn, Goal, Indicator, Target


def test_demo_loads_twice_without_duplicates_and_osao_leads_actions(db):
    call_command("load_demo", stdout=io.StringIO())
    counts = [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()]
    history = LogEntry.objects.filter(content_type__app_label="goals").count()
    call_command("load_demo", stdout=io.StringIO())
    assert LogEntry.objects.filter(content_type__app_label="goals").count() == history  # nothing changed
    assert [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()] == counts
    assert 4 <= counts[0] <= 6
    assert Action.objects.filter(lead_organization__name="Oulun seudun ammattiopisto OSAO").exists()
    assert CheckIn.objects.count() == CheckIn.objects.values("action", "narrative").distinct().count()
    assert Goal.objects.filter(parent__isnull=False).exists()
    assert Goal.objects.filter(visibility="partners").exists()


def test_demo_goals_show_every_status_against_the_demo_statistics(db, client):
    call_command("load_demo", stdout=io.StringIO())
    statuses = {summary.goal.slug: summary.status for summary in monitoring.summarize_all(Goal.objects.all())}
    assert set(statuses.values()) == {status.ON_TRACK, status.AT_RISK, status.OFF_TRACK, status.NO_DATA}
    rate = Indicator.objects.get(slug="tyottomyysaste")
    figure = next(value.value for value in values.values_of(rate) if value.period == rate.baseline_period)
    assert rate.baseline_value == round(figure, rate.decimals)
    assert "keksitty" in rate.definition
    content = client.get("/fi/goals/").content.decode()
    assert (
        "Tavoitteet, tavoitetasot, käsin syötetyt luvut, toimenpiteet ja tilannepäivitykset ovat keksittyjä" in content
    )
    assert "Sivun tilastoluvut ovat keksittyjä esimerkkilukuja" in content
