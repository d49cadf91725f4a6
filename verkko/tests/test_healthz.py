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


@pytest.mark.django_db
def test_healthz_reads_the_migration_files_once_per_process(client, django_assert_max_num_queries, monkeypatch):
    import verkko.views

    monkeypatch.setattr(verkko.views, "_migrations_applied", False)
    assert client.get("/healthz").status_code == 200
    monkeypatch.setattr(verkko.views, "MigrationExecutor", None)  # would fail if used again
    with django_assert_max_num_queries(1):
        assert client.get("/healthz").json()["migrations"] == "applied"
