"""Daily: remind, once, the organisations that have not submitted their answer a few days before the close."""

from django.core.management.base import BaseCommand

from verkko.lib.jobs import one_run_at_a_time
from verkko.survey import actions


class Command(BaseCommand):
    help = "Send each survey reminder once, REMINDER_DAYS before a round closes (run daily)."

    @one_run_at_a_time
    def handle(self, *args, **options):
        reminded = actions.send_reminders(None)
        for participant in reminded:
            self.stdout.write(f"{participant.round}: {participant.organization}")
        self.stdout.write(f"{len(reminded)} reminders sent.")
