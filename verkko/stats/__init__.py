"""Official statistics: StatFin PxWeb client, JSON-stat and PX readers, the time-series store.

What other apps use:

- ``verkko.stats.formats``: ``read_file(path)`` gives ``Dataset`` objects (dimensions with
  codes, labels and roles; cells in batches). Build one in Python with
  ``Dataset.from_cells(dimensions, {(code, …): value}, table_id=…, title=…)`` or
  ``Dataset.from_values(dimensions, flat_values)``, dimensions being
  ``Dimension(code, label, codes, labels, role=ROLE_AREA | ROLE_TIME | ROLE_CONTENT | ROLE_OTHER)``.
- ``verkko.stats.store.import_dataset(dataset, source=Table.Source.…, origin=…, user=…)``
  stores it (one transaction) and returns the ``ImportRun``.
- ``Series.objects.filter(table=…, area_code="KU564", measure_code="TYOTTOMATLOPUSSA")``
  finds a series; its ``observations`` hold period, period_code, value and status.
- ``verkko.stats.figures.figures(table, measures, places, periods)``: the figures of groups of
  areas (counts summed, rates from summed parts, incomplete marks, provenance) in one query;
  the only place that rule is written. ``verkko.stats.aggregation`` keeps older names over it.
- ``verkko.stats.client.PxWebClient`` talks to Statistics Finland; ``manage.py
  refresh_statistics`` keeps the configured ``Source`` tables current. A source names its employment area by id;
  the areas' app registers their municipality codes (``verkko.stats.areas``).
"""
