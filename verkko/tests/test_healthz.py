import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import verkko

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_database_migrations_and_version(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "applied", "version": verkko.__version__}


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_503_when_the_database_cannot_be_reached():
    # A real unreachable PostgreSQL server: nothing listens on port 1.
    script = (
        "import django; django.setup();"
        "from django.test import Client; r = Client().get('/healthz');"
        "import sys; sys.stdout.write(str(r.status_code) + ' ' + r.content.decode())"
    )
    env = dict(
        os.environ, DATABASE_URL="postgres://postgres@127.0.0.1:1/none", DJANGO_SETTINGS_MODULE="verkko.settings"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    status, body = result.stdout.split(" ", 1)
    assert status == "503", result.stderr
    assert orjson.loads(body)["database"].startswith("error")


@pytest.fixture
def fresh_migration_check(monkeypatch):
    """The process has not yet found the migrations complete."""
    from verkko import views

    monkeypatch.setattr(views, "_migrations_applied", set())
    return views


@pytest.mark.django_db
def test_healthz_reads_the_migration_graph_once_per_process(client, fresh_migration_check, monkeypatch):
    built = []
    real_executor = fresh_migration_check.MigrationExecutor
    monkeypatch.setattr(fresh_migration_check, "MigrationExecutor", lambda c: built.append(c) or real_executor(c))
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
    assert len(built) == 1


@pytest.mark.django_db
def test_healthz_once_warm_asks_the_database_one_query(client, django_assert_max_num_queries):
    client.get("/healthz")
    with django_assert_max_num_queries(1):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_answers_503_for_pending_migrations_and_looks_again(client, fresh_migration_check, monkeypatch):
    class Pending:
        def __init__(self, connection):
            self.loader = type("Loader", (), {"graph": type("Graph", (), {"leaf_nodes": lambda self: []})()})()

        def migration_plan(self, targets):
            return [("stats", "0099_future")]

    real_executor = fresh_migration_check.MigrationExecutor
    monkeypatch.setattr(fresh_migration_check, "MigrationExecutor", Pending)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "1 pending"
    assert fresh_migration_check._migrations_applied == set()  # a pending answer is not remembered
    monkeypatch.setattr(fresh_migration_check, "MigrationExecutor", real_executor)
    assert client.get("/healthz").status_code == 200
