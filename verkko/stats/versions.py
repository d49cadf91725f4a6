"""The statistics' version: changes whenever any table's figures may have changed.

Every import records a run and sets its table's fetch time, so the newest run, the newest
finished run and the newest fetch time (and the tables' number, for a table deleted) name the
state of the statistics. Pages that show figures are cached under it (verkko.lib.page_cache).
"""

from django.db import connection

from .models import ImportRun, Table


def statistics_version():
    """One small query, asked on every cached page: plain SQL, as the ORM's compiling of five
    aggregates would cost a cached page more than the rest of it."""
    runs, tables = connection.ops.quote_name(ImportRun._meta.db_table), connection.ops.quote_name(Table._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(id) FROM {runs}), (SELECT MAX(finished_at) FROM {runs}), "  # noqa: S608 (model names)
            f"(SELECT COUNT(*) FROM {tables}), (SELECT MAX(id) FROM {tables}), (SELECT MAX(fetched_at) FROM {tables})"
        )
        return tuple(str(value) for value in cursor.fetchone())
