"""Run daily: remind coordinators of the review dates of their area's processes and agreements."""

from django.core.management.base import BaseCommand

from verkko.lib.jobs import one_run_at_a_time
from verkko.processes.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail coordinators before the review dates of processes and agreements (each reminder once)."

    @one_run_at_a_time
    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(
            f"Reminders: {sent.processes} processes, {sent.agreements} agreements, {sent.messages} messages."
        )
