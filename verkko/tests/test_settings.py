"""Production settings fail fast, and a configured production passes `check --deploy`."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_SECRET = secrets.token_urlsafe(50)


def run_manage(*args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a production check.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="verkko.example.fi")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DEBUG="0", SECRET_KEY=PRODUCTION_SECRET)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_configured_production_passes_the_deployment_checks():
    result = run_manage("check", "--deploy", DEBUG="0", SECRET_KEY=PRODUCTION_SECRET, ALLOWED_HOSTS="verkko.example.fi")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_local_defaults_need_no_configuration():
    result = run_manage("check", DEBUG="")
    assert result.returncode == 0, result.stderr


CACHE_BACKEND = (
    "from django.core.cache import cache; from django.conf import settings; "
    "cache._cache if hasattr(cache, '_cache') else None; print(settings.CACHES['default']['BACKEND'])"
)


def test_the_cache_is_redis_by_one_variable_else_a_folder_else_memory(tmp_path):
    environment = {"REDIS_URL": "", "CACHE_DIR": ""}
    redis = run_manage("shell", "-c", CACHE_BACKEND, **environment | {"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert redis.stdout.split()[-1] == "django.core.cache.backends.redis.RedisCache", redis.stderr
    folder = run_manage("shell", "-c", CACHE_BACKEND, **environment | {"CACHE_DIR": str(tmp_path)})
    assert folder.stdout.split()[-1] == "django.core.cache.backends.filebased.FileBasedCache", folder.stderr
    memory = run_manage("shell", "-c", CACHE_BACKEND, **environment)
    assert memory.stdout.split()[-1] == "django.core.cache.backends.locmem.LocMemCache", memory.stderr


def test_the_error_reporter_starts_only_when_its_address_is_set():
    show = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    assert run_manage("shell", "--verbosity=0", "-c", show, DEBUG="", SENTRY_DSN="").stdout.split() == ["False"]
    configured = run_manage("shell", "--verbosity=0", "-c", show, DEBUG="", SENTRY_DSN="https://key@127.0.0.1:9/1")
    assert configured.stdout.split() == ["True"], configured.stderr
