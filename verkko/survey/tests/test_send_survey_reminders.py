import datetime

import pytest
from django.core import mail
from django.utils import timezone

from verkko.ecosystem.tests.helpers import run_command
from verkko.survey.models import Participant
from verkko.survey.tests.conftest import answer, make_round

TODAY = timezone.localdate()


@pytest.fixture
def closing_round(area, organizations):
    return make_round(
        area, organizations, "Sulkeutuva", TODAY - datetime.timedelta(days=10), TODAY + datetime.timedelta(days=2)
    )


def test_a_reminder_goes_once_to_those_who_have_not_submitted(
    closing_round, coordinator, partner_editor, editor_b, organization_b
):
    answer(closing_round, organization_b, {})
    output = run_command("send_survey_reminders")
    assert "2 reminders sent." in output
    assert {message.to[0] for message in mail.outbox} == {"coordinator@example.com", "editor@example.com"}
    assert mail.outbox[0].subject == "Muistutus: Sulkeutuva"
    assert "vastausta ole vielä lähetetty" in mail.outbox[0].body
    reminded = Participant.objects.filter(round=closing_round, reminded_at__isnull=False)
    assert {participant.organization.name for participant in reminded} == {"BusinessOulu", "Organisaatio A"}
    mail.outbox.clear()
    assert "0 reminders sent." in run_command("send_survey_reminders")
    assert mail.outbox == []


def test_a_draft_still_gets_a_reminder(closing_round, partner_editor, organization_a):
    answer(closing_round, organization_a, {}, status="draft")
    run_command("send_survey_reminders")
    assert [message.to[0] for message in mail.outbox] == ["editor@example.com"]


def test_no_reminder_long_before_the_close_or_after_it(area, organizations, partner_editor):
    make_round(area, organizations, "Kaukana", TODAY, TODAY + datetime.timedelta(days=20))
    make_round(area, organizations, "Ohi", TODAY - datetime.timedelta(days=20), TODAY - datetime.timedelta(days=1))
    assert "0 reminders sent." in run_command("send_survey_reminders")
    assert mail.outbox == []


def test_uninvited_organisations_get_no_reminder(area, organizations, partner_editor):
    make_round(area, organizations, "Kutsumaton", TODAY, TODAY + datetime.timedelta(days=1), invited=False)
    run_command("send_survey_reminders")
    assert mail.outbox == []
