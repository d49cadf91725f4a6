"""Backups that are known to restore: make one, restore it into a scratch database, compare.

PostgreSQL: ``pg_dump --format=custom`` inside an exported snapshot, restored with
``pg_restore --no-owner`` into a temporary database. SQLite: the backup API into a file, restored
the same way into a scratch file. The media folder goes into a tar file, extracted into a scratch
folder. Every table's row count and checksum (of its rows in order) and every media file's
checksum are compared between what was backed up and what came back.
"""

import hashlib
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection


@dataclass
class Comparison:
    """One line of the check: a table (or the media folder) as backed up and as restored."""

    name: str
    rows: int | None
    restored_rows: int | None
    checksum: str | None
    restored_checksum: str | None

    @property
    def same(self):
        return self.rows == self.restored_rows and self.checksum == self.restored_checksum


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def table_checksums(cursor, tables, column=None):
    """{table: (rows, sha256 of its rows ordered by every column)} through a DB-API cursor.

    column(name) gives the expression read for each column: SQLite's quote(), so that every
    connection reads the same text whatever converters it has registered.
    """
    column = column or _quote
    found = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {_quote(table)} WHERE 1 = 0")
        columns = ", ".join(column(description[0]) for description in cursor.description)
        order = ", ".join(str(position) for position in range(1, len(cursor.description) + 1))
        cursor.execute(f"SELECT {columns} FROM {_quote(table)} ORDER BY {order}")
        digest, rows = hashlib.sha256(), 0
        for row in cursor.fetchall():
            digest.update(repr(tuple(_plain(value) for value in row)).encode())
            rows += 1
        found[table] = (rows, digest.hexdigest())
    return found


def _sqlite_column(name):
    return f"quote({_quote(name)})"


def _sqlite_tables(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [name for (name,) in cursor.fetchall()]


def _postgresql_tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def media_checksums(folder):
    """{relative path: (size, sha256)} of every file under the folder."""
    folder = Path(folder)
    found = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            found[path.relative_to(folder).as_posix()] = (path.stat().st_size, digest.hexdigest())
    return found


def back_up_media(media_root, target):
    """The media folder into a tar file; returns its files' checksums as backed up."""
    with tarfile.open(target, "w") as archive:
        if Path(media_root).is_dir():
            archive.add(media_root, arcname="media")
    return media_checksums(media_root)


def restore_media(archive_path, scratch):
    """The tar file extracted into a scratch folder; returns the restored media folder."""
    with tarfile.open(archive_path) as archive:
        archive.extractall(scratch, filter="data")
    return Path(scratch) / "media"


def compare(original, restored, label=""):
    """Comparisons of two {name: (rows or size, checksum)} maps, every name of either side."""
    lines = []
    for name in sorted(set(original) | set(restored)):
        rows, checksum = original.get(name, (None, None))
        restored_rows, restored_checksum = restored.get(name, (None, None))
        lines.append(Comparison(f"{label}{name}", rows, restored_rows, checksum, restored_checksum))
    return lines


class PostgreSQL:
    """pg_dump and pg_restore with the connection's own parameters."""

    def __init__(self, settings_dict, run):
        self.settings_dict = settings_dict
        self.run = run

    def environment(self):
        environment = dict(os.environ)
        for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
            if self.settings_dict.get(key):
                environment[variable] = str(self.settings_dict[key])
        return environment

    def back_up(self, target):
        """Dumps the database inside one snapshot and checksums the tables in the same snapshot."""
        import psycopg

        params = connection.get_connection_params()
        with psycopg.connect(**params) as source:
            source.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with source.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
                self.run(
                    ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"]
                    + [f"--dbname={self.settings_dict['NAME']}"],
                    self.environment(),
                )
                found = table_checksums(cursor, _postgresql_tables(cursor))
            source.rollback()
        return found

    def restore_and_checksum(self, dump):
        """Restores the dump into a temporary database, checksums its tables and drops it."""
        import psycopg

        scratch = f"verkko_restore_check_{secrets.token_hex(4)}"
        params = connection.get_connection_params()
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {_quote(scratch)}")
        try:
            self.run(["pg_restore", "--no-owner", f"--dbname={scratch}", str(dump)], self.environment())
            with psycopg.connect(**(params | {"dbname": scratch})) as restored, restored.cursor() as cursor:
                return table_checksums(cursor, _postgresql_tables(cursor))
        finally:
            with psycopg.connect(**params, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {_quote(scratch)}")


class SQLite:
    """SQLite's online backup API, from the site's connection into a file, and back into a scratch file."""

    def __init__(self, settings_dict, run):
        self.settings_dict = settings_dict

    def back_up(self, target):
        connection.ensure_connection()
        source = connection.connection  # the sqlite3 connection: a file, or the tests' database in memory
        began = not source.in_transaction
        if began:
            source.execute("BEGIN")  # one read transaction: the copy and the checksums see the same rows
        try:
            cursor = source.cursor()
            found = table_checksums(cursor, _sqlite_tables(cursor), _sqlite_column)
            copy = sqlite3.connect(target)
            source.backup(copy)
            copy.close()
        finally:
            if began:
                source.execute("ROLLBACK")
        return found

    def restore_and_checksum(self, backup):
        scratch = Path(backup).with_name("restore-check.sqlite3")
        source, restored = sqlite3.connect(backup), sqlite3.connect(scratch)
        try:
            source.backup(restored)
            cursor = restored.cursor()
            return table_checksums(cursor, _sqlite_tables(cursor), _sqlite_column)
        finally:
            source.close()
            restored.close()
            scratch.unlink()


def database_backend(run):
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        return PostgreSQL(settings_dict, run), "verkko.dump"
    if connection.vendor == "sqlite":
        return SQLite(settings_dict, run), "verkko.sqlite3"
    raise NotImplementedError(f"backup_check does not know {connection.vendor}")


def run_command(arguments, environment):
    """Runs pg_dump or pg_restore; their complaint, if any, ends the check."""
    if shutil.which(arguments[0]) is None:
        raise FileNotFoundError(f"{arguments[0]} is not installed (it comes with PostgreSQL's client tools)")
    subprocess.run(arguments, env=environment, check=True, capture_output=True, text=True)


def backup_check(folder, run=run_command):
    """Backs up the database and the media into the folder, restores both and compares: the lines."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    database, filename = database_backend(run)
    tables = database.back_up(folder / filename)
    if not tables:
        raise FileNotFoundError("The database has no tables: nothing to back up (run migrate first)")
    restored_tables = database.restore_and_checksum(folder / filename)
    media = back_up_media(settings.MEDIA_ROOT, folder / "media.tar")
    scratch = folder / "restore-check-media"
    try:
        restored_media = media_checksums(restore_media(folder / "media.tar", scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return compare(tables, restored_tables), compare(media, restored_media, label="media/")
