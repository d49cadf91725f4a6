"""manage.py refresh_statistics: fetch the configured sources whose tables changed since last time."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verkko.lib.jobs import one_run_at_a_time
from verkko.stats.actions import add_discovered_sources, refresh_source
from verkko.stats.client import PxWebClient, PxWebError
from verkko.stats.models import Source


class Command(BaseCommand):
    help = (
        "Fetch every active statistics source whose table's 'updated' has changed since the last run. "
        "A failure keeps the last good data and is recorded on the source."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", dest="source_ids", help="Only this source id.")
        parser.add_argument("--force", action="store_true", help="Fetch even when the table has not changed.")
        parser.add_argument("--api-url", help="PxWeb API address (default: the STATFIN_API_URL setting).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. under cron).")

    @one_run_at_a_time
    def handle(self, source_ids, force, api_url, no_progress, **options):
        sources = Source.objects.filter(active=True).order_by("pk")
        if source_ids:
            sources = Source.objects.filter(pk__in=source_ids).order_by("pk")
        sources = list(sources)
        failures = []
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
                failures += self._refresh(source, client, force)
            # Tables found in the service's metadata (bankruptcies) for areas that lack them, fetched at once.
            if not source_ids:
                for source in self._discovered(client, sources):
                    sources.append(source)
                    failures += self._refresh(source, client, force)
        if failures:
            raise CommandError(f"{len(failures)} of {len(sources)} sources failed; their last good data is kept")

    def _refresh(self, source, client, force):
        """Refresh one source and say what happened; [the failure's message] or []."""
        outcome = refresh_source(None, source, client=client, force=force)
        failures = []
        if outcome.status == "imported":
            run = outcome.run
            message = (
                f"{source.pk} {source.table_id}: imported {run.observations} cells "
                f"({run.rows_new} new, {run.rows_changed} changed, {run.rows_unchanged} unchanged)"
            )
        elif outcome.status == "unchanged":
            message = f"{source.pk} {source.table_id}: unchanged since {source.last_updated:%Y-%m-%d %H:%M}"
        else:
            message = f"{source.pk} {source.table_id}: FAILED: {outcome.message}"
            failures.append(message)
        with tqdm.external_write_mode():
            self.stdout.write(message)
        return failures

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
