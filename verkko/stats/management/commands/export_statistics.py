"""manage.py export_statistics TABLE: a stored table as a tidy CSV or XLSX file."""

import csv
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from verkko.stats.export import TidyExport
from verkko.stats.models import Table


class Command(BaseCommand):
    help = "Export a stored table as a tidy table: one column per dimension, then period, value, status."

    def add_arguments(self, parser):
        parser.add_argument("table", help="Table id, for example 12r5.")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", help="File to write (default: standard output).")
        parser.add_argument(
            "--source",
            choices=[value for value, _ in Table.Source.choices],
            help="Whose table, when several sources have one with this id.",
        )

    def handle(self, table, format, output, source, **options):
        tables = Table.objects.filter(table_id=table)
        if source:
            tables = tables.filter(source=source)
        found = list(tables)
        if not found:
            raise CommandError(f"No stored table {table!r}" + (f" from {source}" if source else ""))
        if len(found) > 1:
            sources = ", ".join(t.source for t in found)
            raise CommandError(f"Several tables {table!r} are stored ({sources}); choose one with --source")
        export = TidyExport(found[0])
        if format == "xlsx":
            rows = export.write_xlsx(output or sys.stdout.buffer)
        elif output:
            with open(output, "w", newline="", encoding="utf-8") as file:
                rows = export.write_csv(csv.writer(file))
        else:
            try:
                rows = export.write_csv(csv.writer(self.stdout))
            except BrokenPipeError:
                # The reader (e.g. `| head`) has had enough; stop quietly, as command line tools do.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
        if output:
            self.stderr.write(f"Wrote {rows} rows to {output}")
