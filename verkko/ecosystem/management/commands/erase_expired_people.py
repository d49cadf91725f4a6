from django.conf import settings
from django.core.management.base import BaseCommand

from verkko.ecosystem import actions
from verkko.lib.jobs import one_run_at_a_time


class Command(BaseCommand):
    help = (
        "Anonymises contact people who left their organisation more than PERSON_RETENTION_DAYS ago. "
        "Run daily (cron or a systemd timer)."
    )

    @one_run_at_a_time
    def handle(self, *args, **options):
        erased = actions.erase_expired_people(None)
        self.stdout.write(
            f"Anonymised {erased} contact person record(s) of people who left more than "
            f"{settings.PERSON_RETENTION_DAYS} days ago."
        )
