"""Scheduled jobs run one at a time: a second concurrent run exits 0 and says so."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from verkko.lib.jobs import _file_lock, lock_key, single_instance

JOBS = [
    "refresh_statistics",
    "draft_review",
    "erase_expired_people",
    "send_digests",
    "send_reminders",
    "send_survey_reminders",
    "send_process_reminders",
]

postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="advisory locks are PostgreSQL's; CI runs the suite on PostgreSQL too (DATABASE_URL)",
)


@pytest.fixture
def other_host(db):
    """A second connection to the same database, as another host's job would hold."""
    other = connection.get_new_connection(connection.get_connection_params())
    other.autocommit = True
    yield other
    other.close()


def _run(job):
    out = io.StringIO()
    call_command(
        job, stdout=out, stderr=io.StringIO(), **({"no_progress": True} if job == "refresh_statistics" else {})
    )
    return out.getvalue()


@postgresql
@pytest.mark.parametrize("job", JOBS)
def test_a_job_another_host_is_running_exits_with_a_message(job, other_host):
    with other_host.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key(job)])
    assert "is already running" in _run(job)
    with other_host.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key(job)])
    try:
        output = _run(job)
    except CommandError:  # the job ran and found nothing to work on (no statistics yet)
        output = ""
    assert "is already running" not in output


@postgresql
def test_the_lock_is_free_again_after_a_run(other_host):
    with single_instance("send_reminders") as mine:
        assert mine
        with other_host.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("send_reminders")])
            assert cursor.fetchone()[0] is False
    with other_host.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("send_reminders")])
        assert cursor.fetchone()[0] is True


def test_on_one_host_a_file_lock_keeps_a_second_run_out(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    with _file_lock("send_digests") as first, _file_lock("send_digests") as second:
        assert first is True
        assert second is False
    with _file_lock("send_digests") as again:
        assert again is True


def test_different_jobs_have_different_locks():
    assert len({lock_key(job) for job in JOBS}) == len(JOBS)
