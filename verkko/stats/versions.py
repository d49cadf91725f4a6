"""The statistics' version: changes whenever any table's figures may have changed.

Every import records a run and sets its table's fetch time, so the newest run, the newest
finished run and the newest fetch time (and the tables' number, for a table deleted) name the
state of the statistics. Pages that show figures are cached under it (verkko.lib.page_cache).
"""

from django.db.models import Count, Max

from .models import ImportRun, Table


def statistics_version():
    runs = ImportRun.objects.aggregate(last=Max("pk"), finished=Max("finished_at"))
    tables = Table.objects.aggregate(count=Count("pk"), last=Max("pk"), fetched=Max("fetched_at"))
    return (*runs.values(), *(str(value) for value in tables.values()))
