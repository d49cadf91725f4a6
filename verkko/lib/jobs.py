"""Scheduled jobs run one at a time, however many hosts' timers start them.

On PostgreSQL a job holds a session-level advisory lock (``pg_try_advisory_lock``) named after
it while it runs, so a second run on any host finds it taken and exits at once; the lock goes
with the connection if the run dies. On SQLite, which lives on one host, a file lock under
``VERKKO_VAR_DIR/locks/`` does the same between the host's processes.
"""

import fcntl
import functools
import hashlib
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def lock_key(name):
    """The job's advisory lock key: a signed 64-bit number from its name."""
    return int.from_bytes(hashlib.sha256(f"verkko.job.{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def _advisory_lock(name):
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def _file_lock(name):
    folder = settings.VAR_DIR / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def single_instance(name):
    """``with single_instance("send_digests") as mine:`` mine is False when another run holds the job."""
    lock = _advisory_lock if connection.vendor == "postgresql" else _file_lock
    with lock(name) as acquired:
        yield acquired


def one_run_at_a_time(handle):
    """Decorates a management command's handle(): a second concurrent run says so and exits 0."""

    @functools.wraps(handle)
    def wrapper(command, *args, **options):
        name = command.__module__.rsplit(".", 1)[-1]
        with single_instance(name) as acquired:
            if not acquired:
                command.stdout.write(f"{name} is already running (on this or another host); this run does nothing.")
                return None
            return handle(command, *args, **options)

    return wrapper
