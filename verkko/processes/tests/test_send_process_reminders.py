import datetime

import pytest
from django.core import mail
from django.utils import timezone

from verkko.ecosystem.tests.helpers import run_command
from verkko.processes.models import Process
from verkko.processes.reminders import send_reminders


@pytest.fixture
def due_soon(process, agreement):
    today = timezone.localdate()
    Process.objects.filter(pk=process.pk).update(review_on=today + datetime.timedelta(days=5))
    agreement.review_on = today + datetime.timedelta(days=10)
    agreement.save()
    return process, agreement


def test_coordinators_are_reminded_once_in_their_language(settings, coordinator, outsider_coordinator, due_soon):
    settings.SITE_URL = "https://verkko.example.fi"
    coordinator.language = "sv"
    coordinator.save()
    output = run_command("send_process_reminders")
    assert "1 processes, 1 agreements, 1 messages" in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@example.com"]  # not the other area's coordinator
    assert "Uleåborgs sysselsättningsområde" in message.subject
    assert "https://verkko.example.fi/sv/oulu/processes/nuoren-polku/" in message.body
    assert f"https://verkko.example.fi/sv/oulu/agreements/{due_soon[1].uuid}/" in message.body
    run_command("send_process_reminders")
    assert len(mail.outbox) == 1  # each reminder once


def test_a_new_review_date_is_reminded_again(coordinator, due_soon):
    process, _agreement = due_soon
    send_reminders()
    Process.objects.filter(pk=process.pk).update(review_on=process.review_on + datetime.timedelta(days=1))
    sent = send_reminders()
    assert sent.processes == 1
    assert len(mail.outbox) == 2


def test_review_dates_far_away_are_not_reminded(coordinator, process):
    Process.objects.filter(pk=process.pk).update(review_on=timezone.localdate() + datetime.timedelta(days=60))
    assert send_reminders().messages == 0
    assert not mail.outbox


def test_without_a_coordinator_the_reminder_waits(process):
    Process.objects.filter(pk=process.pk).update(review_on=timezone.localdate())
    assert send_reminders().processes == 0
    process.refresh_from_db()
    assert process.reminded_for is None
