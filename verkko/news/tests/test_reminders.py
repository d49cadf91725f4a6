"""``send_reminders``: check-ins due in three days or overdue to the lead organisation's editors, once
each; and followers told once when an indicator's status changes."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from verkko.goals.models import Action, CheckIn, IndicatorValue
from verkko.news.models import IndicatorStatusSeen, Notification
from verkko.news.reminders import send_reminders
from verkko.news.tests.mail_data import follow, make_action, make_indicator


def sent_to():
    return sorted(message.to[0] for message in mail.outbox)


def test_a_check_in_due_in_three_days_reminds_the_lead_organisations_editors_once(
    partner_editor, partner_member, editor_b, coordinator, organization_a
):
    action = make_action(organization_a, age_days=27)  # due in three days
    assert send_reminders().check_ins_due == 1
    assert sent_to() == ["editor@example.com"]
    message = mail.outbox[0]
    assert message.subject == "Tilannepäivitys on pian ajankohtainen: Kesätyösetelikokeilu"
    assert f"http://127.0.0.1:8000/fi/oulu/actions/{action.uuid}/check-in/" in message.body
    due = action.check_in_due_on()
    assert due == timezone.localdate() + timedelta(days=3)
    assert f"{due.day}.{due.month}.{due.year}" in message.body
    assert Notification.objects.get().key == f"action:{action.uuid}:due:{due.isoformat()}"
    # Daily runs until it is due send nothing more.
    send_reminders()
    send_reminders(today=timezone.localdate() + timedelta(days=2))
    assert len(mail.outbox) == 1


def test_four_days_ahead_is_too_early(partner_editor, organization_a):
    make_action(organization_a, age_days=26)
    assert send_reminders().check_ins_due == 0
    assert mail.outbox == []


def test_an_overdue_check_in_reminds_once_more(partner_editor, organization_a):
    action = make_action(organization_a, age_days=27)
    send_reminders()
    sent = send_reminders(today=timezone.localdate() + timedelta(days=4))
    assert sent.check_ins_overdue == 1
    assert mail.outbox[1].subject == "Tilannepäivitys on myöhässä: Kesätyösetelikokeilu"
    send_reminders(today=timezone.localdate() + timedelta(days=5))
    assert len(mail.outbox) == 2
    assert set(Notification.objects.values_list("kind", flat=True)) == {"check_in_due", "check_in_overdue"}
    assert action.needs_check_in(today=timezone.localdate() + timedelta(days=4))  # the same rule as goals'


def test_a_check_in_moves_the_due_day_and_a_new_reminder_follows(partner_editor, organization_a):
    action = make_action(organization_a, age_days=27)
    send_reminders()
    CheckIn.objects.create(
        action=action,
        progress=40,
        status=Action.Status.UNDER_WAY,
        confidence="on_track",
        narrative="Hyvin menee.",
        created_at=timezone.now(),
    )
    action = Action.objects.get()
    assert send_reminders(today=timezone.localdate() + timedelta(days=27)).check_ins_due == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("status", [Action.Status.DONE, Action.Status.CANCELLED])
def test_closed_actions_are_not_reminded(partner_editor, organization_a, status):
    make_action(organization_a, age_days=40).__class__.objects.update(status=status)
    send_reminders()
    assert mail.outbox == []


def test_the_editor_reads_it_in_their_language(partner_editor, organization_a):
    partner_editor.language = "sv"
    partner_editor.save()
    make_action(organization_a, age_days=40)
    send_reminders()
    assert mail.outbox[0].subject == "Lägesrapporten är försenad: Kesätyösetelikokeilu"
    assert "/sv/oulu/actions/" in mail.outbox[0].body


def test_another_areas_editors_are_told_of_their_own_action(
    partner_editor, organization_a, outsider_editor, other_organization
):
    make_action(other_organization, title="Rannikon toimi", age_days=40)
    send_reminders()
    assert sent_to() == ["outsider-editor@example.com"]
    assert "/fi/rannikko/actions/" in mail.outbox[0].body


# Indicator status ---------------------------------------------------------------------------------


@pytest.fixture
def indicator(area):
    return make_indicator(area)  # one value: 42 against an expected ~42.7 at 2025-04: at risk


def test_followers_are_told_once_when_the_status_changes(
    area, indicator, partner_member, partner_editor, outsider_member
):
    follow(partner_member, indicator)
    follow(outsider_member, indicator)  # may see it: it serves a public goal
    send_reminders()
    assert mail.outbox == []  # the first look only records the status
    seen = IndicatorStatusSeen.objects.get()
    assert (seen.status, seen.previous_status) == ("at_risk", "")
    IndicatorValue.objects.create(indicator=indicator, period=date(2025, 7, 1), value=47.0)
    assert send_reminders().indicator_changes == 2
    assert sent_to() == ["member@example.com", "outsider-member@example.com"]
    message = next(message for message in mail.outbox if message.to == ["member@example.com"])
    assert message.subject == "Koulutukseen ohjatut nuoret on nyt aikataulussa"
    assert "riskissä" in message.body
    assert "http://127.0.0.1:8000/fi/oulu/indicators/koulutukseen-ohjatut/" in message.body
    assert "Uusimmat luvut: Q3/2025" in message.body  # the period as the pages name it, not 1.7.2025
    seen.refresh_from_db()
    assert (seen.status, seen.previous_status) == ("on_track", "at_risk")
    send_reminders()
    assert len(mail.outbox) == 2


def test_a_follower_who_may_no_longer_see_it_is_not_told(area, partner_member, outsider_member):
    indicator = make_indicator(area, slug="kumppanien", name="Kumppanien mittari", public_goal=False)
    follow(partner_member, indicator)
    follow(outsider_member, indicator)
    send_reminders()
    IndicatorValue.objects.create(indicator=indicator, period=date(2025, 7, 1), value=47.0)
    send_reminders()
    assert sent_to() == ["member@example.com"]


def test_the_command_runs_both(partner_editor, organization_a, capsys):
    make_action(organization_a, age_days=27)
    call_command("send_reminders")
    assert "Check-ins due: 1" in capsys.readouterr().out
