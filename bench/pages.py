"""Benchmark of the main pages, warm and after an import: server time beside the floor.

Loads the demo data (`load_demo`: the Oulu area with its goals, indicators, actions, reports and
20 years of table 12r5) into its own SQLite database in a temporary folder, then times each page
through Django's test client as the public sees it, beside /healthz (a trivial answer behind the
same middleware) as the floor. Aim: warm, every page within 5× of the floor.

Then it re-imports the latest month of table 12r5, as refresh_statistics does, and times the first
request of each page twice: after the import with warming (the jobs' warm_pages, which the
visitor never waits for) and after another import without it (the visitor draws the page).
Run: `.venv/bin/python bench/pages.py` (or `make bench`).
"""

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="verkko-bench-pages-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "verkko.settings"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["VERKKO_VAR_DIR"] = str(WORK / "var")
os.environ.setdefault("VERKKO_DEMO_PASSWORD", "bench-demo-password-1")
os.environ.pop("CACHE_DIR", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from verkko.ecosystem.demo import AREA_SLUG  # noqa: E402
from verkko.ecosystem.models import Visibility  # noqa: E402
from verkko.goals.models import Indicator  # noqa: E402
from verkko.lib import warming  # noqa: E402
from verkko.situation.demo import demo_dataset, latest_full_month  # noqa: E402
from verkko.stats.models import Frequency, Table  # noqa: E402
from verkko.stats.periods import Period  # noqa: E402
from verkko.stats.store import import_dataset  # noqa: E402

REQUESTS = 100
PDF_REQUESTS = 20
WARM_UP = 3
AIM = 5.0


def pages():
    indicator = (
        Indicator.objects.filter(area__slug=AREA_SLUG, goals__visibility=Visibility.PUBLIC).order_by("pk").first()
    )
    month = Period.of(timezone.localdate(), Frequency.MONTHLY).code
    base = f"/fi/{AREA_SLUG}"
    return [
        ("floor: /healthz", "/healthz"),
        ("area page", f"{base}/situation/"),
        ("municipality table", f"{base}/situation/municipalities/"),
        ("goals page", f"{base}/goals/"),
        ("indicator page", f"{base}/indicators/{indicator.slug}/"),
        ("report HTML", f"{base}/reports/monitoring/{month}/"),
        ("report PDF", f"{base}/reports/monitoring/{month}.pdf"),
    ]


def timed(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def warm_times(client, path):
    for _ in range(WARM_UP):
        timed(client, path)
    times = sorted(timed(client, path) for _ in range(PDF_REQUESTS if path.endswith(".pdf") else REQUESTS))
    return statistics.median(times), times[int(0.95 * len(times)) - 1]


def import_latest_month():
    """What refresh_statistics does when table 12r5 has a new release: an import that changes its version."""
    import_dataset(demo_dataset(latest_full_month(), latest_only=True), source=Table.Source.DEMO, origin="bench")


def main():
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    print(f"Loaded the demo data in {time.perf_counter() - started:.1f} s.")
    settings.DEBUG = False  # no query log, as in production
    # The test client's host is the one warming requests pages as, as SITE_URL names it in production.
    settings.SITE_URL = "http://testserver"
    client = Client()
    listed = pages()
    warm = {path: warm_times(client, path) for _name, path in listed}

    import_latest_month()
    started = time.perf_counter()
    drawn = warming.warm_pages()
    warming_ms = (time.perf_counter() - started) * 1000
    after_warming = {path: timed(client, path) for _name, path in listed}

    import_latest_month()
    after_import = {path: timed(client, path) for _name, path in listed}

    floor = warm["/healthz"][0]
    print(f"\nServer time (Django test client, the public), aim: warm within {AIM:g}× of the floor")
    print(
        f"{'page':<20} {'median ms':>10} {'p95 ms':>8} {'× floor':>8}  {'aim met':<7} "
        f"{'warmed 1st ms':>13} {'unwarmed 1st ms':>15}  path"
    )
    for name, path in listed:
        median, p95 = warm[path]
        ratio = median / floor
        met = "–" if path == "/healthz" else ("yes" if ratio <= AIM else "NO")
        print(
            f"{name:<20} {median:>10.2f} {p95:>8.2f} {ratio:>8.2f}  {met:<7} "
            f"{after_warming[path]:>13.1f} {after_import[path]:>15.1f}  {path}"
        )
    print(
        f"warmed 1st = the first request after an import whose job warmed the pages ({drawn} pages in all "
        f"areas and languages, {warming_ms / 1000:.1f} s of the job); unwarmed 1st = the first request "
        "after an import without warming, when the visitor waits while figures are summed and charts drawn."
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        connection.close()
        shutil.rmtree(WORK, ignore_errors=True)
