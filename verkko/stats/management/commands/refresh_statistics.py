"""manage.py refresh_statistics: fetch the configured sources whose tables changed since last time.

Every source is tried, each within its own deadline and all within the refresh's: a source that
fails (or has no time left) is recorded on the source and the next one starts. The command
exits 1 with a summary when any source failed, 0 otherwise.
"""

import argparse
import sys
import time
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verkko.lib import warming
from verkko.lib.jobs import one_run_at_a_time
from verkko.stats.actions import RefreshOutcome, add_discovered_sources, record_not_started, refresh_source
from verkko.stats.client import PxWebClient, PxWebError
from verkko.stats.models import Source

# No source is started with less time than this left: a timer firing a hair early would leave it
# a moment that no request fits in, and the source would fail for the wrong reason.
LEAST_TIME_FOR_A_SOURCE = 0.01


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


class Command(BaseCommand):
    help = (
        "Fetch every active statistics source whose table's 'updated' has changed since the last run. "
        "A failure keeps the last good data, is recorded on the source, and the next source starts; "
        "the command exits 1 if any source failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", dest="source_ids", help="Only this source id.")
        parser.add_argument("--force", action="store_true", help="Fetch even when the table has not changed.")
        parser.add_argument("--api-url", help="PxWeb API address (default: the STATFIN_API_URL setting).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. under cron).")
        parser.add_argument(
            "--source-deadline",
            type=seconds,
            help="Seconds one source may take, retries included (default: the STATISTICS_SOURCE_DEADLINE setting).",
        )
        parser.add_argument(
            "--deadline",
            type=seconds,
            help="Seconds the whole refresh may take; sources not reached by then are recorded as failed "
            "(default: the STATISTICS_REFRESH_DEADLINE setting).",
        )

    @one_run_at_a_time
    def handle(self, source_ids, force, api_url, no_progress, source_deadline, deadline, **options):
        source_deadline = source_deadline or settings.STATISTICS_SOURCE_DEADLINE
        deadline = deadline or settings.STATISTICS_REFRESH_DEADLINE
        ends = time.monotonic() + deadline
        sources = Source.objects.filter(active=True).order_by("pk")
        if source_ids:
            sources = Source.objects.filter(pk__in=source_ids).order_by("pk")
        sources = list(sources)
        counts = Counter()
        with PxWebClient(api_url) as client:
            # The bar goes to the command's own error stream (unstyled), and only when it is a terminal.
            progress = tqdm(
                sources,
                desc="Statistics",
                unit="source",
                file=getattr(self.stderr, "_out", sys.stderr),
                disable=no_progress or None,
            )
            for source in progress:
                progress.set_postfix_str(source.table_id)
                self._refresh_and_tell(
                    source, client, force, min(source_deadline, ends - time.monotonic()), deadline, counts
                )
            # Tables found in the service's metadata (bankruptcies) for areas that lack them, fetched at once.
            if not source_ids:
                with client.time_limit(max(min(source_deadline, ends - time.monotonic()), LEAST_TIME_FOR_A_SOURCE)):
                    discovered = self._discovered(client, sources)
                for source in discovered:
                    sources.append(source)
                    self._refresh_and_tell(
                        source, client, force, min(source_deadline, ends - time.monotonic()), deadline, counts
                    )
        if counts["imported"]:
            warming.warm_pages()
        done = f"{counts['imported']} imported, {counts['unchanged']} unchanged"
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']} of {len(sources)} sources failed ({done}); their last good data is kept"
            )
        self.stdout.write(f"No source failed ({done})")

    def _refresh_and_tell(self, source, client, force, time_left, deadline, counts):
        outcome = self._refresh(source, client, force, time_left, deadline)
        counts[outcome.status] += 1
        with tqdm.external_write_mode():
            self.stdout.write(self._line(source, outcome))

    def _refresh(self, source, client, force, time_left, deadline) -> RefreshOutcome:
        try:
            if time_left < LEAST_TIME_FOR_A_SOURCE:
                return record_not_started(None, source, client=client, seconds=deadline)
            return refresh_source(None, source, client=client, force=force, deadline=time_left)
        except Exception as error:  # noqa: BLE001 (even recording the failure failed: the next source still runs)
            return RefreshOutcome(source, "failed", message=str(error) or type(error).__name__)

    def _line(self, source, outcome) -> str:
        if outcome.status == "imported":
            run = outcome.run
            return (
                f"{source.pk} {source.table_id}: imported {run.observations} cells "
                f"({run.rows_new} new, {run.rows_changed} changed, {run.rows_unchanged} unchanged)"
            )
        if outcome.status == "unchanged":
            return f"{source.pk} {source.table_id}: unchanged since {source.last_updated:%Y-%m-%d %H:%M}"
        return f"{source.pk} {source.table_id}: FAILED: {outcome.message}"

    def _discovered(self, client, sources):
        """Sources of tables found in the service's metadata (bankruptcies) for the areas that lack them."""
        found = []
        for area in sorted({source.area_id for source in sources}):
            try:
                created = add_discovered_sources(None, area, client=client)
            except PxWebError as error:
                self.stderr.write(f"{area}: could not look for tables in the service's metadata: {error}")
                continue
            for source in created:
                self.stdout.write(f"{source.pk} {source.table_id}: added for {area} ({source.title})")
            found += created
        return found
