from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from verkko.areas import use_area
from verkko.ecosystem.models import EmploymentArea
from verkko.lib.jobs import one_run_at_a_time
from verkko.situation import actions
from verkko.situation.figures import available_months, latest_month, statistics_table
from verkko.situation.models import Review


class Command(BaseCommand):
    help = (
        "Drafts the monthly review of each employment area (or one) for the latest month with figures, "
        "unless the month already has one. Run it after refresh_statistics; a coordinator edits and publishes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", help="slug of one employment area (default: every area)")
        parser.add_argument("--month", help="YYYY-MM (default: the latest month with figures)")

    @one_run_at_a_time
    def handle(self, *args, area=None, month=None, **options):
        table = statistics_table()
        if table is None:
            raise CommandError("No statistics table 12r5 yet: run refresh_statistics or load_demo first.")
        areas = EmploymentArea.objects.filter(slug=area) if area else EmploymentArea.objects.all()
        if area and not areas:
            raise CommandError(f"No employment area {area!r}.")
        chosen = self._month(month)
        for employment_area in areas:
            codes = [m.statfin_code for m in employment_area.municipalities.all()]
            review_month = chosen or (latest_month(table, codes) if codes else None)
            if review_month is None or (chosen and chosen not in available_months(table, codes)):
                self.stdout.write(f"{employment_area.slug}: no figures, nothing drafted.")
            elif Review.objects.filter(area=employment_area, month=review_month).exists():
                self.stdout.write(f"{employment_area.slug}: {review_month:%Y-%m} already has a review.")
            else:
                # Outside a request the area's addresses come from use_area (in the site's language).
                with use_area(employment_area), translation.override(settings.LANGUAGE_CODE):
                    review = actions.draft_review(None, table, employment_area, review_month)
                    address = reverse("situation:review_edit", args=[review.uuid])
                self.stdout.write(
                    f"{employment_area.slug}: drafted the review of {review_month:%Y-%m}; edit it at {address}"
                )

    def _month(self, text):
        if not text:
            return None
        try:
            return date.fromisoformat(f"{text}-01")
        except ValueError as error:
            raise CommandError(f"Give the month as YYYY-MM, not {text!r}.") from error
