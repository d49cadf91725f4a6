"""Storing a reader's datasets: bulk upserts into Table, Series and Observation.

One import is one transaction. Cells are written in bulk: COPY (straight into the table for
new series, through a temporary table and INSERT … ON CONFLICT for changed ones) on
PostgreSQL, batched statements on SQLite. Each series remembers a checksum of the cells the
last import wrote, so an unchanged series costs a hash and no database work; a changed one
is compared cell by cell so the ImportRun can count rows new, changed and unchanged.
A failed import rolls back and is recorded as a failed ImportRun outside the transaction.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import chain, islice, product, repeat

import orjson
from django.db import connection, transaction
from django.utils import timezone

from .formats import ROLE_TIME, Dataset, FormatError
from .models import ImportRun, Series, Table

# How many cells are held for writing or comparing before they go to the database.
WRITE_BATCH_CELLS = 50_000
SERIES_CREATE_BATCH = 2_000
_COLUMNS = "series_id, period, period_code, value, status"


class StatisticsImportError(Exception):
    """An import that failed and changed nothing; ``run`` is its failed ImportRun."""

    def __init__(self, message: str, run: ImportRun):
        super().__init__(message)
        self.run = run


def import_dataset(
    dataset: Dataset | Iterable[Dataset],
    *,
    source: str = Table.Source.FILE,
    origin: str = "",
    user=None,
    configured_source=None,
    table_id: str | None = None,
) -> ImportRun:
    """Store one table (a dataset, or the parts of one table) and return its ImportRun.

    ``source`` is a ``Table.Source`` value (statfin, file, demo); ``origin`` the file path or
    address; ``table_id`` overrides the dataset's own table id.
    """
    parts = [dataset] if isinstance(dataset, Dataset) else list(dataset)
    table_ids = {table_id or part.table_id for part in parts}
    if len(table_ids) > 1:
        raise ValueError(
            f"import_dataset takes the parts of one table, not of {sorted(table_ids)}; see import_datasets"
        )
    (run,) = import_datasets(
        parts, source=source, origin=origin, user=user, configured_source=configured_source, table_id=table_id
    )
    return run


def import_datasets(
    datasets: Iterable[Dataset],
    *,
    source: str = Table.Source.FILE,
    origin: str = "",
    user=None,
    configured_source=None,
    table_id: str | None = None,
) -> list[ImportRun]:
    """Store every dataset in one transaction; datasets with the same table id are one table.

    Returns one ImportRun per table. On any error nothing is stored, a failed ImportRun is
    recorded, and StatisticsImportError is raised.
    """
    started_by = user if user is not None and getattr(user, "is_authenticated", False) else None
    run = ImportRun.objects.create(
        origin=origin[:500], started_by=started_by, source=configured_source, status=ImportRun.Status.RUNNING
    )
    try:
        with transaction.atomic():
            by_table: dict[str, tuple[ImportRun, set[int]]] = {}
            for dataset in datasets:
                key = table_id or dataset.table_id
                if not key:
                    raise FormatError("the table has no id; give one", source=dataset.origin or origin)
                if key not in by_table:
                    table_run = run if not by_table else _copy_run(run)
                    table_run.table = _upsert_table(key, dataset, source, origin)
                    by_table[key] = (table_run, set())
                else:
                    _merge_table_info(by_table[key][0].table, dataset)
                table_run, series_ids = by_table[key]
                _TablePart(table_run, dataset, series_ids).store()
            if not by_table:
                raise FormatError("there is no table to import", source=origin)
            for table_run, series_ids in by_table.values():
                table_run.table.save()
                table_run.series_count = len(series_ids)
                table_run.status = ImportRun.Status.SUCCEEDED
                table_run.finished_at = timezone.now()
                table_run.save()
            return [table_run for table_run, _ in by_table.values()]
    except Exception as error:
        # The transaction is rolled back: only a table that existed before stays to point at.
        run.table = Table.objects.filter(pk=run.table_id).first() if run.table_id else None
        run.status = ImportRun.Status.FAILED
        run.rows_new = run.rows_changed = run.rows_unchanged = run.missing_cells = run.series_count = 0
        run.errors = str(error)
        run.finished_at = timezone.now()
        run.save()
        raise StatisticsImportError(str(error), run) from error


def record_failure(origin: str, error: Exception | str, *, user=None, configured_source=None) -> ImportRun:
    """A failed ImportRun for an import that failed before any data was read (bad file, fetch)."""
    started_by = user if user is not None and getattr(user, "is_authenticated", False) else None
    now = timezone.now()
    return ImportRun.objects.create(
        origin=origin[:500],
        started_by=started_by,
        source=configured_source,
        status=ImportRun.Status.FAILED,
        errors=str(error),
        finished_at=now,
    )


def _copy_run(run: ImportRun) -> ImportRun:
    return ImportRun.objects.create(
        origin=run.origin, started_by=run.started_by, source=run.source, status=ImportRun.Status.RUNNING
    )


def _upsert_table(table_id: str, dataset: Dataset, source: str, origin: str) -> Table:
    table, _ = Table.objects.select_for_update().get_or_create(source=source, table_id=table_id)
    table.title = (dataset.title or table.title)[:500]
    table.frequency = dataset.frequency or table.frequency
    table.dimensions = _merged_dimensions(table.dimensions, dataset)
    if dataset.updated or dataset.updated_text:
        # The source's latest word: a text that is no time leaves ``updated`` unknown.
        table.updated = dataset.updated
        table.updated_text = dataset.updated_text[:100]
    table.fetched_at = timezone.now()
    if origin.startswith(("http://", "https://")):
        table.url = origin[:500]
    return table


def _merge_table_info(table: Table, dataset: Dataset) -> None:
    table.dimensions = _merged_dimensions(table.dimensions, dataset)
    if dataset.updated and (table.updated is None or dataset.updated > table.updated):
        table.updated = dataset.updated
        table.updated_text = dataset.updated_text[:100]
    elif not table.updated and dataset.updated_text and not table.updated_text:
        table.updated_text = dataset.updated_text[:100]


def _merged_dimensions(stored: list[dict], dataset: Dataset) -> list[dict]:
    """The dataset's dimensions, keeping values an earlier import of the same dimensions stored."""
    fresh = [dim.as_dict() for dim in dataset.dimensions]
    if [d["code"] for d in stored] != [d["code"] for d in fresh]:
        return fresh
    for old, new in zip(stored, fresh, strict=True):
        seen = {value["code"] for value in new["values"]}
        new["values"] = [value for value in old["values"] if value["code"] not in seen] + new["values"]
    return fresh


@dataclass
class _SeriesSlot:
    id: int
    checksum: int | None
    created: bool


class _TablePart:
    """One dataset written into its table: series first, then the cells block by block."""

    def __init__(self, run: ImportRun, dataset: Dataset, series_ids: set[int]):
        self.run = run
        self.series_ids = series_ids
        self.table = run.table
        self.dataset = dataset
        self.postgres = connection.vendor == "postgresql"
        dims = dataset.dimensions
        self.time_at = next((i for i, d in enumerate(dims) if d.role == ROLE_TIME), None)
        if self.time_at is None:
            raise FormatError("the table has no time dimension, so its cells have no periods", source=dataset.origin)
        time = dims[self.time_at]
        periods = time.periods
        self.period_count = len(periods)
        self.period_codes = [p.code for p in periods]
        # SQLite keeps dates as ISO text; psycopg's COPY takes date objects.
        self.period_values = [p.start if self.postgres else p.start.isoformat() for p in periods]
        self.period_keys = dict(zip(self.period_values, range(len(periods)), strict=True))
        if len(set(self.period_values)) != len(periods):
            raise FormatError(f"time dimension {time.code!r} names a period twice", source=dataset.origin)
        self.before = dims[: self.time_at]
        self.after = dims[self.time_at + 1 :]
        self.inner = math.prod(len(d) for d in self.after)
        self._checksum_base = hashlib.blake2b(orjson.dumps(self.period_codes), digest_size=8)
        self.pending_new: list = []
        self.pending_compare: list = []
        self.new_checksums: list[tuple[int, int]] = []
        self._open_copy: ExitStack | None = None
        self._copy = None
        # New series on PostgreSQL, by their reserved ids, until their cells are written.
        self.series_to_create: dict[int, dict] = {}

    # --- series ---------------------------------------------------------------------------

    def _series_slots(self) -> list[_SeriesSlot]:
        """Every series of this dataset in storage order, created where missing."""
        dims = self.before + self.after
        area = self.dataset.area_dimension
        content = self.dataset.content_dimension
        combos = list(product(*(range(len(d)) for d in dims)))
        key_order = sorted(range(len(dims)), key=lambda position: dims[position].code)
        keys = [";".join(f"{dims[p].code}={dims[p].codes[combo[p]]}" for p in key_order) for combo in combos]
        existing = {
            key: (pk, checksum)
            for key, pk, checksum in Series.objects.filter(table=self.table).values_list("key", "id", "checksum")
        }
        missing = []
        for key, combo in zip(keys, combos, strict=True):
            if key in existing:
                continue
            codes = {d.code: d.codes[i] for d, i in zip(dims, combo, strict=True)}
            labels = {d.code: d.labels[i] for d, i in zip(dims, combo, strict=True)}
            measure = codes.get(content.code, "") if content is not None else ""
            decimals = content.decimals.get(measure) if content is not None else None
            missing.append(
                {
                    "key": key,
                    "codes": codes,
                    "labels": labels,
                    "area_code": codes.get(area.code, "") if area is not None else "",
                    "measure_code": measure,
                    "unit": (content.units.get(measure, "") if content is not None else "")[:100],
                    "decimals": decimals if decimals is not None else (self.dataset.decimals or 0),
                }
            )
        created = {fields["key"] for fields in missing}
        if missing and self.postgres:
            # The ids are taken from the sequence now, and the rows written after their cells, with
            # the cells' checksums (see _save_series_after_cells): no second write of every new series. The
            # cells have no database-level foreign key to wait for them.
            ids = self._reserve_series_ids(len(missing))
            self.series_to_create = dict(zip(ids, missing, strict=True))
            existing.update((fields["key"], (pk, None)) for pk, fields in self.series_to_create.items())
        elif missing:
            self._create_series(missing)
            # Read the new ids back by table rather than by a (possibly huge) list of keys.
            existing.update(
                (key, (pk, None))
                for key, pk in Series.objects.filter(table=self.table).values_list("key", "id")
                if key in created
            )
        return [_SeriesSlot(existing[key][0], existing[key][1], key in created) for key in keys]

    def _reserve_series_ids(self, count: int) -> list[int]:
        """`count` new series ids from the table's sequence, in rising order, so that the cells
        written in storage order go to the end of their index."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Series._meta.db_table, count],
            )
            return sorted(pk for (pk,) in cursor.fetchall())

    def _create_series(self, missing: list[dict]) -> None:
        """Write new series, each given as its fields' values: in batches on SQLite; by COPY on
        PostgreSQL (with their reserved ids and checksums), where bulk_create of thousands of rows
        with their JSON columns costs more than the whole COPY of their cells."""
        if not self.postgres:
            series = [Series(table=self.table, **fields) for fields in missing]
            Series.objects.bulk_create(series, batch_size=SERIES_CREATE_BATCH)
            return
        names = list(missing[0])
        fields = [Series._meta.get_field(name) for name in ["table", *names]]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(Series._meta.db_table)
        as_json = [Series._meta.get_field(name).get_internal_type() == "JSONField" for name in names]
        with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for values in missing:
                copy.write_row(
                    [
                        self.table.pk,
                        *(
                            orjson.dumps(value).decode() if json else value
                            for value, json in zip(values.values(), as_json, strict=True)
                        ),
                    ]
                )

    # --- cells ----------------------------------------------------------------------------

    def store(self) -> None:
        slots = self._series_slots()
        self.series_ids.update(slot.id for slot in slots)
        block = self.period_count * self.inner
        size = max(WRITE_BATCH_CELLS, block)
        try:
            self._store_cells(slots, block, size)
        except BaseException as error:
            self._close_copy(error)
            raise
        self._close_copy()
        self._save_series_after_cells()

    def _store_cells(self, slots, block, size) -> None:
        inner = self.inner
        for batch in self.dataset.batches(size=size, align=block):
            values, statuses = batch.values, batch.statuses
            self.run.missing_cells += values.count(None)
            first_block = batch.start // block
            for offset in range(0, len(values), block):
                block_values = values[offset : offset + block]
                block_statuses = statuses[offset : offset + block]
                series_base = (first_block + offset // block) * inner
                for k in range(inner):
                    self._series_cells(slots[series_base + k], block_values[k::inner], block_statuses[k::inner])
            self._flush(final=False)
        self._flush(final=True)

    def _series_cells(self, slot: _SeriesSlot, values: list, statuses: list) -> None:
        digest = self._checksum_base.copy()
        digest.update(orjson.dumps(values))
        digest.update(orjson.dumps(statuses))
        checksum = int.from_bytes(digest.digest(), "big", signed=True)
        if checksum == slot.checksum:
            self.run.rows_unchanged += len(values)
            return
        self.new_checksums.append((checksum, slot.id))
        slot.checksum = checksum
        if slot.created:
            self.run.rows_new += len(values)
            self.pending_new.append((slot.id, values, statuses))
        else:
            self.pending_compare.append((slot.id, values, statuses))

    def _flush(self, *, final: bool) -> None:
        limit = 0 if final else WRITE_BATCH_CELLS
        if self.pending_new and len(self.pending_new) * self.period_count >= limit:
            self._insert(self.pending_new)
            self.pending_new = []
        if self.pending_compare and len(self.pending_compare) * self.period_count >= limit:
            self._close_copy()
            self._compare_and_upsert(self.pending_compare)
            self.pending_compare = []

    def _rows(self, pending):
        codes, periods = self.period_codes, self.period_values
        for series_id, values, statuses in pending:
            yield from zip(repeat(series_id), periods, codes, values, statuses, strict=False)

    def _insert(self, pending) -> None:
        if self.postgres:
            copy = self._copy_of_new_cells()
            for text in self._copy_text(pending):
                copy.write(text)
        else:
            with connection.cursor() as cursor:
                _insert_many_rows(
                    cursor, f"INSERT INTO stats_observation ({_COLUMNS}) VALUES ", self._rows(pending), ""
                )

    def _copy_of_new_cells(self):
        """One COPY of new cells kept open from block to block, so that PostgreSQL stores the cells
        sent while the next block is read: the two run side by side rather than in turn."""
        if self._copy is None:
            self._open_copy = ExitStack()
            cursor = self._open_copy.enter_context(connection.cursor())
            self._copy = self._open_copy.enter_context(cursor.copy(f"COPY stats_observation ({_COLUMNS}) FROM STDIN"))
        return self._copy

    def _close_copy(self, error: BaseException | None = None) -> None:
        """End the open COPY before any other statement and at the end of the table; after an error,
        abandon it, so that the transaction can roll back."""
        if self._open_copy is not None:
            stack, self._open_copy, self._copy = self._open_copy, None, None
            if error is None:
                stack.close()
            else:
                stack.__exit__(type(error), error, error.__traceback__)

    def _copy_text(self, pending):
        """COPY's text format, one series at a time, joined in C: orjson writes the figures (shortest
        round-trip form, as repr does; null for none), and the rows' parts are joined in one call."""
        middles = [
            f"\t{start.isoformat()}\t{code}\t"
            for start, code in zip(self.period_values, self.period_codes, strict=True)
        ]
        for series_id, values, statuses in pending:
            figures = orjson.dumps(values).decode()[1:-1].replace("null", "\\N").split(",")
            tail_of = {status: f"\t{_copy_escape(status)}\n" for status in set(statuses)}
            tails = map(tail_of.__getitem__, statuses)
            yield "".join(chain.from_iterable(zip(repeat(str(series_id)), middles, figures, tails)))

    def _compare_and_upsert(self, pending) -> None:
        """Count each cell of changed series as new, changed or unchanged; write the first two."""
        stored: dict[tuple[int, int], tuple] = {}
        series_ids = [series_id for series_id, _, _ in pending]
        with connection.cursor() as cursor:
            for start in range(0, len(series_ids), 500):
                chunk = series_ids[start : start + 500]
                cursor.execute(
                    "SELECT series_id, period, value, status FROM stats_observation "
                    f"WHERE series_id IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )
                keys = self.period_keys
                for series_id, period, value, status in cursor.fetchall():
                    position = keys.get(period if self.postgres else str(period))
                    if position is not None:
                        stored[(series_id, position)] = (value, status)
        changed_rows = []
        codes, periods = self.period_codes, self.period_values
        for series_id, values, statuses in pending:
            for position, (value, status) in enumerate(zip(values, statuses, strict=True)):
                old = stored.get((series_id, position))
                if old is None:
                    self.run.rows_new += 1
                elif old[0] == value and old[1] == status:
                    self.run.rows_unchanged += 1
                    continue
                else:
                    self.run.rows_changed += 1
                changed_rows.append((series_id, periods[position], codes[position], value, status))
        if changed_rows:
            self._upsert(changed_rows)

    def _upsert(self, rows: list[tuple]) -> None:
        update = "value = excluded.value, status = excluded.status, period_code = excluded.period_code"
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    "CREATE TEMPORARY TABLE IF NOT EXISTS stats_import_cells "
                    "(series_id bigint, period date, period_code varchar(20), value double precision, "
                    "status varchar(10)) ON COMMIT DROP"
                )
                with cursor.copy(f"COPY stats_import_cells ({_COLUMNS}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(
                    f"INSERT INTO stats_observation ({_COLUMNS}) SELECT {_COLUMNS} FROM stats_import_cells "
                    f"ON CONFLICT (series_id, period) DO UPDATE SET {update}"
                )
                cursor.execute("TRUNCATE stats_import_cells")
            else:
                _insert_many_rows(
                    cursor,
                    f"INSERT INTO stats_observation ({_COLUMNS}) VALUES ",
                    rows,
                    f" ON CONFLICT (series_id, period) DO UPDATE SET {update}",
                )

    def _save_series_after_cells(self) -> None:
        """The checksums of the cells just written: new series on PostgreSQL are created with theirs,
        the other series that changed are updated."""
        if self.series_to_create:
            checksums = {pk: checksum for checksum, pk in self.new_checksums}
            self._create_series(
                [{"id": pk, **fields, "checksum": checksums.get(pk)} for pk, fields in self.series_to_create.items()]
            )
            self.new_checksums = [(c, pk) for c, pk in self.new_checksums if pk not in self.series_to_create]
            self.series_to_create = {}
        if not self.new_checksums:
            return
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    "UPDATE stats_series AS s SET checksum = v.checksum "
                    "FROM unnest(%s::bigint[], %s::bigint[]) AS v(checksum, id) WHERE s.id = v.id",
                    [[c for c, _ in self.new_checksums], [i for _, i in self.new_checksums]],
                )
            else:
                cursor.executemany("UPDATE stats_series SET checksum = %s WHERE id = %s", self.new_checksums)
        self.new_checksums = []


def _copy_escape(status: str) -> str:
    return status.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _insert_many_rows(cursor, head: str, rows: Iterable[tuple], tail: str) -> None:
    """Many rows per INSERT statement on SQLite.

    One statement per row makes SQLite update its AUTOINCREMENT counter and run the
    statement machinery a million times; hundreds of rows per statement are several times
    faster. The statements go to sqlite3 directly with its own "?" placeholders: Django's
    wrapper would rewrite every long statement's "%s" with a regular expression.
    """
    raw = cursor.connection  # Django's cursor wrapper hands on the sqlite3 connection
    variables = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(1000, variables // 5))
    full = head + ", ".join(["(?, ?, ?, ?, ?)"] * per_statement) + tail
    rows = iter(rows)
    while chunk := list(islice(rows, per_statement)):
        sql = full if len(chunk) == per_statement else head + ", ".join(["(?, ?, ?, ?, ?)"] * len(chunk)) + tail
        raw.execute(sql, list(chain.from_iterable(chunk)))
