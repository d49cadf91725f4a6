"""Sends the weekly and monthly digests that are due (each once; safe to run again or twice at once)."""

from django.core.management.base import BaseCommand

from verkko.lib.jobs import one_run_at_a_time
from verkko.news.digests import Frequency, send_digests


class Command(BaseCommand):
    help = "Send the digests of the last complete week and month that have not been sent yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[Frequency.WEEKLY, Frequency.MONTHLY],
            help="Only the weekly or only the monthly digests (default: both).",
        )

    @one_run_at_a_time
    def handle(self, *args, frequency=None, **options):
        frequencies = (frequency,) if frequency else (Frequency.WEEKLY, Frequency.MONTHLY)
        run = send_digests(frequencies=frequencies)
        self.stdout.write(
            f"Digests sent: {run.sent}, empty (not sent): {run.empty}, "
            f"already done or claimed by another run: {run.skipped}, failed: {run.failed}"
        )
        if run.failed:
            self.stderr.write(f"{run.failed} digests could not be sent; the next run tries them again.")
