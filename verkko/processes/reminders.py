"""Reminders of the review dates of processes and agreements, to the coordinators of their area.

A reminder goes out when the review date is at most REVIEW_REMINDER_DAYS away (or has passed
without one), once per review date: a new review date gets a reminder of its own.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verkko.accounts.models import Membership, User
from verkko.areas import use_area
from verkko.ecosystem.models import EmploymentArea
from verkko.processes import actions
from verkko.processes.models import Agreement, Process


@dataclass
class Sent:
    processes: int = 0
    agreements: int = 0
    messages: int = 0


def _due(model, area, today):
    horizon = today + datetime.timedelta(days=settings.REVIEW_REMINDER_DAYS)
    return list(
        model.objects.filter(area=area, review_on__isnull=False, review_on__lte=horizon)
        .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("review_on")))
        .order_by("review_on")
    )


def coordinators_of(area):
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Membership.Role.COORDINATOR,
            memberships__organization__area=area,
        )
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def _send(user, area, processes, agreements):
    with translation.override(user.language or settings.LANGUAGE_CODE), use_area(area):
        context = {
            "area": area,
            "processes": [(p, settings.SITE_URL + p.get_absolute_url()) for p in processes],
            "agreements": [(a, settings.SITE_URL + a.get_absolute_url()) for a in agreements],
        }
        subject = _("Verkko: review dates coming up in %(area)s") % {"area": area.name}
        body = render_to_string("processes/email/review_reminder.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_reminders(today=None):
    """Send the reminders due today in every area; returns what was sent."""
    today = today or timezone.localdate()
    sent = Sent()
    for area in EmploymentArea.objects.order_by("slug"):
        processes, agreements = _due(Process, area, today), _due(Agreement, area, today)
        if not (processes or agreements):
            continue
        recipients = list(coordinators_of(area))
        for user in recipients:
            _send(user, area, processes, agreements)
            sent.messages += 1
        if not recipients:
            continue  # no one to remind yet: try again tomorrow
        for process in processes:
            actions.mark_process_reminded(None, process, process.review_on)
        for agreement in agreements:
            actions.mark_agreement_reminded(None, agreement, agreement.review_on)
        sent.processes += len(processes)
        sent.agreements += len(agreements)
    return sent
