import io

from auditlog.models import LogEntry
from django.core.management import call_command

from verkko.accounts.models import User
from verkko.survey import results
from verkko.survey.models import Response, SurveyRound, Tie


def test_two_invented_rounds_for_oulu_that_show_change(db, client):
    call_command("load_demo", stdout=io.StringIO())
    counts = [SurveyRound.objects.count(), Response.objects.count(), Tie.objects.count()]
    history = LogEntry.objects.filter(content_type__app_label="survey").count()
    call_command("load_demo", stdout=io.StringIO())
    assert [SurveyRound.objects.count(), Response.objects.count(), Tie.objects.count()] == counts
    assert LogEntry.objects.filter(content_type__app_label="survey").count() == history
    first, second = SurveyRound.objects.filter(area__slug="oulu").order_by("opens_on")
    assert first.participants.count() == second.participants.count() >= 20
    comparison = results.compare(results.load(first), results.load(second))
    assert comparison.new
    assert comparison.strengthened
    assert comparison.lost
    assert comparison.density_change > 0
    assert comparison.trust_change > 0
    assert not SurveyRound.objects.filter(area__slug="rannikko").exists()
    # A coordinator of the demo sees the results, the change and the notice that the data are invented.
    client.force_login(User.objects.get(email="coordinator@example.com"))
    content = client.get(f"/fi/oulu/survey/rounds/{second.uuid}/results/").content.decode()
    assert "Esimerkkiaineisto: kyselykierrokset, vastaukset" in content
    assert "Verrattuna kierrokseen Kumppanikysely syksy 2025" in content
    health = client.get("/fi/oulu/survey/health/")
    assert health.status_code == 200
    assert any(row.collaboration.is_weak for row in health.context["goals"])
