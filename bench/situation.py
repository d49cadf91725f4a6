"""Benchmark of the situational picture: server time of the area page and the municipality table.

Fills its own SQLite database (in a temporary folder) with table 12r5 for all 309 municipalities
and the whole country, 20 years monthly, every one of the 23 contents (about 1.7 million
observations), in 45 employment areas. Then it times 200 requests of each page through Django's
test client, beside /healthz (a trivial page of the same site) as the floor. Aim: within 3× of
the floor. Run: `.venv/bin/python bench/situation.py` (or `make bench`).
"""

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="verkko-bench-situation-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "verkko.settings"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["VERKKO_VAR_DIR"] = str(WORK / "var")
os.environ.pop("CACHE_DIR", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from verkko.ecosystem.models import EmploymentArea, Municipality  # noqa: E402
from verkko.situation.demo import PROFILES, Profile, latest_full_month, monthly_values, months_back  # noqa: E402
from verkko.situation.figures import period_code  # noqa: E402
from verkko.situation.measures import COUNTRY_CODE, content_labels  # noqa: E402
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension  # noqa: E402
from verkko.stats.models import Table  # noqa: E402
from verkko.stats.store import import_dataset  # noqa: E402

MUNICIPALITIES = 309
AREAS = 45
YEARS = 20
REQUESTS = 200
WARM_UP = 5
AIM = 3.0
OULU_CODES = [code[2:] for code in PROFILES if code.startswith("KU")]


def fill():
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(309)
    other_codes = [f"{n:03d}" for n in range(5, 1000) if f"{n:03d}" not in OULU_CODES]
    codes = OULU_CODES + other_codes[: MUNICIPALITIES - len(OULU_CODES)]
    areas = [EmploymentArea.objects.create(name="Oulun työllisyysalue", slug="oulu")] + [
        EmploymentArea.objects.create(name=f"Työllisyysalue {n:02d}", slug=f"alue-{n:02d}") for n in range(1, AREAS)
    ]
    Municipality.objects.bulk_create(
        Municipality(
            code=code,
            name_fi=f"Kunta {code}",
            area=areas[0] if code in OULU_CODES else areas[1 + index % (AREAS - 1)],
        )
        for index, code in enumerate(codes)
    )
    area_codes = [f"KU{code}" for code in codes] + [COUNTRY_CODE]
    contents = list(content_labels())
    months = months_back(latest_full_month(), YEARS)
    periods = [period_code(day) for day in months]

    def cells():
        """Area by area, as the store reads a table: content-major, the months fastest."""
        for area_code in area_codes:
            profile = PROFILES.get(area_code) or Profile(
                rng.randint(300, 40000), rng.uniform(6, 16), rng.uniform(0.01, 0.08), rng.random() < 0.2
            )
            by_month = [monthly_values(profile, day, rng) for day in months]
            values = [month_values[content] for content in contents for month_values in by_month]
            yield values, [".." if value is None else "" for value in values]

    dataset = Dataset(
        dimensions=[
            Dimension("alue", "Alue", area_codes, area_codes, role=ROLE_AREA),
            Dimension("contentscode", "Tiedot", contents, contents, role=ROLE_CONTENT),
            Dimension("kuukausi", "Kuukausi", periods, periods, role=ROLE_TIME),
        ],
        chunk_source=cells,
        table_id="12r5",
        title="Työnvälitystilaston kuukausitiedot (benchmark)",
        updated=timezone.now(),
    )
    # The same path as a real import (stats.store): series, cells, checksums and an ImportRun.
    run = import_dataset(dataset, source=Table.Source.STATFIN, origin="bench/situation.py")
    rows = run.rows_new
    cursor = connection.cursor()
    cursor.execute("ANALYZE")
    print(
        f"Filled {len(codes)} municipalities in {AREAS} areas, {len(contents)} contents, {len(months)} months: "
        f"{rows:,} observations in {time.perf_counter() - started:.1f} s."
    )


def measure(client, path):
    started = time.perf_counter()
    assert client.get(path).status_code == 200, path  # cold: computes the figures and draws the charts
    cold = (time.perf_counter() - started) * 1000
    for _ in range(WARM_UP - 1):
        assert client.get(path).status_code == 200, path
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, path
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1], cold


def main():
    fill()
    settings.DEBUG = False  # no query log, as in production
    client = Client()
    pages = [
        ("floor: /healthz", "/healthz"),
        ("area page", "/fi/oulu/situation/"),
        ("municipality table", "/fi/oulu/situation/municipalities/"),
    ]
    results = [(name, path, *measure(client, path)) for name, path in pages]
    floor_median = results[0][2]
    print(f"\nServer time over {REQUESTS} requests (Django test client), aim: within {AIM:g}× of the floor")
    print(f"{'page':<22} {'median ms':>10} {'p95 ms':>9} {'× floor':>8}  {'aim met':<7} {'cold ms':>8}  path")
    for name, path, median, p95, cold in results:
        ratio = median / floor_median
        met = "–" if path == "/healthz" else ("yes" if ratio <= AIM else "NO")
        print(f"{name:<22} {median:>10.1f} {p95:>9.1f} {ratio:>8.2f}  {met:<7} {cold:>8.1f}  {path}")
    print(
        "cold = the first request after a data change: figures computed from the 1.7 million observations "
        "and charts drawn; later requests reuse both until the data change."
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        connection.close()
        shutil.rmtree(WORK, ignore_errors=True)
