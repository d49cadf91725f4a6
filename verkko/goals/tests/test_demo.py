import io

from django.core.management import call_command

from verkko.goals.models import Action, CheckIn, Goal, Indicator, Target


def test_demo_loads_twice_without_duplicates_and_osao_leads_actions(db):
    call_command("load_demo", stdout=io.StringIO())
    counts = [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()]
    call_command("load_demo", stdout=io.StringIO())
    assert [Goal.objects.count(), Indicator.objects.count(), Target.objects.count(), Action.objects.count()] == counts
    assert 4 <= counts[0] <= 6
    assert Action.objects.filter(lead_organization__name="Oulun seudun ammattiopisto OSAO").exists()
    assert CheckIn.objects.count() == CheckIn.objects.values("action", "narrative").distinct().count()
    assert Goal.objects.filter(parent__isnull=False).exists()
    assert Goal.objects.filter(visibility="partners").exists()
