"""manage.py import_statistics PATH: store a JSON-stat or PX file and print what was stored."""

from pathlib import Path

import orjson
from django.core.management.base import BaseCommand, CommandError

from verkko.lib import warming
from verkko.stats.formats import FORMATS, FormatError, read_file
from verkko.stats.models import Table
from verkko.stats.store import StatisticsImportError, import_datasets, record_failure


class Command(BaseCommand):
    help = "Import a statistics file (JSON-stat 2.0/1.x or PX) and print a summary."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument("--format", choices=FORMATS, default="auto", help="Default: from the name and contents.")
        parser.add_argument(
            "--source",
            choices=[value for value, _ in Table.Source.choices],
            default=Table.Source.FILE,
            help="Whose table this is (default: file).",
        )
        parser.add_argument("--table-id", help="Table id when the file gives none (default: the file's name).")
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")

    def handle(self, path, format, source, table_id, json, **options):
        path = Path(path)
        try:
            datasets = read_file(path, format=format)
            _name_tables(datasets, table_id or path.stem)
            runs = import_datasets(datasets, source=source, origin=str(path))
        except FormatError as error:
            record_failure(str(path), error)
            raise CommandError(str(error)) from None
        except StatisticsImportError as error:
            raise CommandError(str(error)) from None
        warming.warm_pages()
        summary = {
            "tables": [run.table.table_id for run in runs],
            "series": sum(run.series_count for run in runs),
            "observations": sum(run.observations for run in runs),
            "missing_cells": sum(run.missing_cells for run in runs),
            "rows_new": sum(run.rows_new for run in runs),
            "rows_changed": sum(run.rows_changed for run in runs),
            "rows_unchanged": sum(run.rows_unchanged for run in runs),
            "import_runs": [run.pk for run in runs],
        }
        if json:
            self.stdout.write(orjson.dumps(summary).decode())
            return
        self.stdout.write(f"Imported {path}")
        self.stdout.write(f"  tables:        {', '.join(summary['tables'])}")
        self.stdout.write(f"  series:        {summary['series']}")
        self.stdout.write(f"  observations:  {summary['observations']}")
        self.stdout.write(f"  missing cells: {summary['missing_cells']}")
        self.stdout.write(
            f"  rows new / changed / unchanged: "
            f"{summary['rows_new']} / {summary['rows_changed']} / {summary['rows_unchanged']}"
        )


def _name_tables(datasets, fallback: str) -> None:
    """Datasets without a table id get the fallback name (numbered when there are several)."""
    unnamed = [dataset for dataset in datasets if not dataset.table_id]
    for number, dataset in enumerate(unnamed, start=1):
        dataset.table_id = fallback if len(unnamed) == 1 else f"{fallback}-{number}"
