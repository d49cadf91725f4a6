"""Sends the daily reminders: check-ins due in three days or overdue, and changes of indicator status."""

from django.core.management.base import BaseCommand

from verkko.lib.jobs import one_run_at_a_time
from verkko.news.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind lead organisations' editors of check-ins due or overdue; tell followers of indicator status changes."

    @one_run_at_a_time
    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(
            f"Check-ins due: {sent.check_ins_due}, check-ins overdue: {sent.check_ins_overdue}, "
            f"indicator status changes: {sent.indicator_changes}"
        )
