"""Load: gunicorn on 127.0.0.1 with the demo database, 10 and then 30 concurrent users.

Each user (an asyncio task with httpx) asks for the main public and signed-in pages in turn, one
request after the other, without pauses; /healthz, the constant response, is in the same mix.
Per page and in all it prints requests per second, p50, p95 and p99, and every error (any
answer but 200, or no answer): none are expected. Only loopback addresses are used.

Settings (environment): LOAD_SECONDS (default 60) per level, LOAD_USERS (default "10,30"),
LOAD_WORKERS (gunicorn workers, default 3). Run: `.venv/bin/python bench/load.py` (or `make bench`).
It builds its own SQLite database with the demo data in a temporary folder (about a minute).
"""

import asyncio
import collections
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
USERS = [int(users) for users in os.environ.get("LOAD_USERS", "10,30").split(",")]
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))
HOST = "127.0.0.1"
CONSTANT = "/healthz"
PUBLIC_PAGES = [
    "/fi/oulu/",
    "/fi/oulu/situation/",
    "/fi/oulu/goals/",
    "/fi/oulu/actions/",
    "/fi/oulu/ecosystem/",
    "/fi/oulu/processes/",
    "/fi/oulu/news/",
    "/fi/oulu/reports/",
]
SIGNED_IN_PAGES = ["/fi/oulu/start/", "/fi/oulu/goals/", "/fi/oulu/ecosystem/", "/fi/oulu/people/"]
SIGNED_IN_USER = "coordinator@example.com"


def production_like_environment(work):
    """The settings of a production host, on loopback and over plain HTTP."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "REDIS_"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="verkko.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{work / 'load.sqlite3'}",
        VERKKO_VAR_DIR=str(work / "var"),
        CACHE_DIR=str(work / "cache"),
        STATIC_ROOT=str(work / "static"),
        VERKKO_DEMO_PASSWORD=secrets.token_urlsafe(12),
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True)


def session_cookie(environment):
    """A signed-in session of the demo coordinator, made in the database the server reads."""
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        f"user = get_user_model().objects.get(email={SIGNED_IN_USER!r})\n"
        "session = SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(session.session_key)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, check=True, capture_output=True, text=True
    )
    return result.stdout.split()[-1]


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(environment, port, work):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "verkko.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(WORKERS)]
        + ["--access-logfile", "-" if os.environ.get("LOAD_ACCESS_LOG") else "/dev/null", "--timeout", "120"],
        cwd=ROOT,
        env=environment,
        stderr=open(work / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}{CONSTANT}", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on {HOST}:{port}; see {work / 'gunicorn.log'}")


def percentile(ordered, share):
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def page_mix(base, cookie):
    """(address, signed in) of every page; a page that redirects (the latest report) is asked where to."""
    mix = []
    for pages, signed_in in ((PUBLIC_PAGES, False), (SIGNED_IN_PAGES, True), ([CONSTANT], False)):
        headers = {"Cookie": f"sessionid={cookie}"} if signed_in else {}
        for page in pages:
            response = httpx.get(base + page, headers=headers, timeout=60)
            if response.is_redirect and response.headers["Location"].startswith("/"):
                page = response.headers["Location"]
            mix.append((page, signed_in))
    return mix


async def user(number, base, cookie, mix, stop_at, timings, errors):
    """One user: the pages in turn, each as the public or signed in, until the time is up."""
    mix = mix[number % len(mix) :] + mix[: number % len(mix)]
    async with httpx.AsyncClient(base_url=base, timeout=60, follow_redirects=False) as client:
        step = 0
        while time.monotonic() < stop_at:
            page, signed_in = mix[step % len(mix)]
            step += 1
            label = f"{page} (signed in)" if signed_in else page
            headers = {"Cookie": f"sessionid={cookie}"} if signed_in else {}
            started = time.perf_counter()
            try:
                response = await client.get(page, headers=headers)
                await response.aread()
                status = response.status_code
            except httpx.HTTPError as error:
                status = type(error).__name__
            elapsed = time.perf_counter() - started
            timings[label].append(elapsed)
            if status != 200:
                errors[label].append(status)


async def level(base, cookie, mix, users):
    timings, errors = collections.defaultdict(list), collections.defaultdict(list)
    started = time.monotonic()
    stop_at = started + SECONDS
    await asyncio.gather(*(user(number, base, cookie, mix, stop_at, timings, errors) for number in range(users)))
    return timings, errors, time.monotonic() - started


def report(users, timings, errors, duration):
    print(f"\n{users} concurrent users, {duration:.0f} s, gunicorn with {WORKERS} workers on {HOST}")
    print(f"{'page':<40} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    everything = []
    for label in sorted(timings, key=lambda label: (label == CONSTANT, label)):
        ordered = sorted(timings[label])
        everything += ordered
        print(
            f"{label:<40} {len(ordered):>8} {len(ordered) / duration:>7.1f} {percentile(ordered, 0.5) * 1000:>8.0f}"
            f" {percentile(ordered, 0.95) * 1000:>8.0f} {percentile(ordered, 0.99) * 1000:>8.0f}"
            f" {len(errors.get(label, [])):>6}"
        )
    everything.sort()
    total_errors = sum(len(found) for found in errors.values())
    p50, p95, p99 = (percentile(everything, share) * 1000 for share in (0.5, 0.95, 0.99))
    rate = len(everything) / duration
    print(f"{'all':<40} {len(everything):>8} {rate:>7.1f} {p50:>8.0f} {p95:>8.0f} {p99:>8.0f} {total_errors:>6}")
    for label, found in sorted(errors.items()):
        print(f"  errors at {label}: {collections.Counter(found).most_common()}")
    return total_errors


def main():
    work = Path(tempfile.mkdtemp(prefix="verkko-bench-load-"))
    server = None
    try:
        environment = production_like_environment(work)
        started = time.perf_counter()
        manage(environment, "migrate", "--no-input", "-v", "0")
        manage(environment, "load_demo")
        manage(environment, "collectstatic", "--no-input", "-v", "0")
        print(f"Demo database and static files ready in {time.perf_counter() - started:.0f} s.")
        cookie = session_cookie(environment)
        port = free_port()
        server = start_server(environment, port, work)
        base = f"http://{HOST}:{port}"
        mix = page_mix(base, cookie)
        total_errors = 0
        for users in USERS:
            timings, errors, duration = asyncio.run(level(base, cookie, mix, users))
            total_errors += report(users, timings, errors, duration)
        print(f"\n{total_errors} errors in all (none expected).")
        return 1 if total_errors else 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
