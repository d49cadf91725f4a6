"""Benchmark of the statistics pipeline: readers and imports of about a million cells.

Generates a table shaped like StatFin 12r5 (309 areas × 240 months × 14 contents) as
JSON-stat 2.0 and as PX, then measures, each in a fresh child process so that its peak
memory is its own:

- a plain orjson parse of the JSON-stat file (the floor),
- our readers (every cell handed on in batches; and as tidy rows),
- pyjstat (to a pandas DataFrame) and pyaxis, reading the same files,
- a first import and an unchanged re-import into SQLite and into PostgreSQL.

It prints seconds, cells per second and peak memory, and how the results compare with the
aims of issue 4. Nothing is asserted: numbers depend on the machine.

    DJANGO_SETTINGS_MODULE=verkko.settings python bench/stats.py [--small] [--no-postgres]

PostgreSQL: a database (default verkko_bench on 127.0.0.1:5432, user postgres) is dropped and
created by the script; set STATS_BENCH_POSTGRES_URL to use another server.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

REPOSITORY = Path(__file__).resolve().parent.parent
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

POSTGRES_URL = os.environ.get("STATS_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/verkko_bench")
FULL_SHAPE = (309, 240, 14)
SMALL_SHAPE = (31, 60, 14)
# One cell in this many is missing (secret), as in real employment statistics.
MISSING_EVERY = 97


# --- generating the table ---------------------------------------------------------------------


def generate(folder: Path, shape: tuple[int, int, int]) -> tuple[Path, Path, int]:
    from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension
    from verkko.stats.formats.writers import write_jsonstat, write_px

    area_count, month_count, content_count = shape
    areas = ["SSS", *(f"KU{n:03d}" for n in range(1, area_count))]
    months = [f"{2006 + i // 12}M{i % 12 + 1:02d}" for i in range(month_count)]
    contents = [f"SISALTO{n:02d}" for n in range(content_count)]
    dimensions = [
        Dimension("alue_23_20260101", "Alue", areas, [f"Alue {code}" for code in areas], role=ROLE_AREA),
        Dimension("timeperiod_m", "Kuukausi", months, months, role=ROLE_TIME),
        Dimension(
            "contentscode",
            "Tiedot",
            contents,
            [f"Tieto {code}" for code in contents],
            role=ROLE_CONTENT,
            units=dict.fromkeys(contents, "lkm"),
        ),
    ]
    randomness = random.Random(12)
    size = area_count * month_count * content_count
    values: list = [float(randomness.randint(0, 60000)) for _ in range(size)]
    statuses = [""] * size
    for index in range(0, size, MISSING_EVERY):
        values[index], statuses[index] = None, "..."
    dataset = Dataset.from_values(dimensions, values, statuses, table_id="bench12r5", title="Generated 12r5")
    json_path, px_path = folder / "bench12r5.json", folder / "bench12r5.px"
    json_path.write_bytes(write_jsonstat(dataset))
    px_path.write_bytes(write_px(dataset))
    return json_path, px_path, size


# --- measurements (each runs in a child process) ------------------------------------------------


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verkko.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log


def measure(kind: str, path: str, database_url: str | None) -> dict:
    if database_url:
        _setup_django(database_url)
    if kind == "migrate":
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return {}
    # Libraries are imported before the clock starts: pandas alone takes a good part of a second.
    for module in PRELOAD[kind]:
        importlib.import_module(module)
    started = time.perf_counter()
    cells = MEASUREMENTS[kind](path)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cells": cells, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _orjson_floor(path):
    return len(orjson.loads(Path(path).read_bytes())["value"])


def _our_batches(path):
    from verkko.stats.formats import read_file

    (dataset,) = read_file(path)
    return sum(len(batch.values) for batch in dataset.batches())


def _our_rows(path):
    from verkko.stats.formats import read_file

    (dataset,) = read_file(path)
    return sum(1 for _ in dataset.rows())


def _pyjstat(path):
    from pyjstat import pyjstat

    return len(pyjstat.Dataset.read(Path(path).read_text(encoding="utf-8")).write("dataframe"))


def _pyaxis(path):
    from pyaxis import pyaxis

    return len(pyaxis.parse(path, encoding="utf-8")["DATA"])


def _import(path):
    from verkko.stats.formats import read_file
    from verkko.stats.store import import_dataset

    run = import_dataset(read_file(path), origin=path)
    return run.observations


PRELOAD = {
    "orjson": [],
    "ours-batches": ["verkko.stats.formats"],
    "ours-rows": ["verkko.stats.formats"],
    "pyjstat": ["pyjstat.pyjstat"],
    "pyaxis": ["pyaxis.pyaxis"],
    "import": ["verkko.stats.formats", "verkko.stats.store"],
}
MEASUREMENTS = {
    "orjson": _orjson_floor,
    "ours-batches": _our_batches,
    "ours-rows": _our_rows,
    "pyjstat": _pyjstat,
    "pyaxis": _pyaxis,
    "import": _import,
}


def run_child(kind: str, path: Path | str = "", database_url: str | None = None) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--file", str(path)]
    if database_url:
        command += ["--database", database_url]
    finished = subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"{kind} {path} failed:\n{finished.stderr[-3000:]}")
    return orjson.loads(finished.stdout.strip().splitlines()[-1])


# --- databases -------------------------------------------------------------------------------------


def fresh_postgres() -> str | None:
    """Drop and create the benchmark database; None (with the reason printed) when unreachable."""
    import psycopg

    url = POSTGRES_URL
    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        print(f"PostgreSQL skipped: {error}".strip())
        return None
    return url


def fresh_sqlite(folder: Path, label: str) -> str:
    path = folder / f"{label}.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


# --- the report ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--small", action="store_true", help="A table of about 26,000 cells, for a quick run.")
    parser.add_argument("--no-postgres", action="store_true", help="Skip PostgreSQL.")
    arguments = parser.parse_args()
    if arguments.child:
        print(orjson.dumps(measure(arguments.child, arguments.file, arguments.database)).decode())
        return

    shape = SMALL_SHAPE if arguments.small else FULL_SHAPE
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="verkko-stats-bench-") as temporary:
        folder = Path(temporary)
        json_path, px_path, size = generate(folder, shape)
        print(f"Table: {shape[0]} areas × {shape[1]} months × {shape[2]} contents = {size:,} cells")
        print(f"JSON-stat {json_path.stat().st_size / 1e6:.1f} MB, PX {px_path.stat().st_size / 1e6:.1f} MB\n")

        def record(name, kind, path="", database_url=None):
            print(f"  {name} …", end="", flush=True, file=sys.stderr)
            results[name] = run_child(kind, path, database_url)
            print(f" {results[name]['seconds']:.2f} s", file=sys.stderr)

        record("orjson parse (floor)", "orjson", json_path)
        record("our JSON-stat reader", "ours-batches", json_path)
        record("our JSON-stat reader, tidy rows", "ours-rows", json_path)
        record("pyjstat → DataFrame", "pyjstat", json_path)
        record("our PX reader", "ours-batches", px_path)
        record("our PX reader, tidy rows", "ours-rows", px_path)
        record("pyaxis → DataFrame", "pyaxis", px_path)

        databases = [("SQLite", lambda label: fresh_sqlite(folder, label))]
        if not arguments.no_postgres:
            databases.append(("PostgreSQL", lambda label: fresh_postgres()))
        for database, fresh in databases:
            for label, path in (("JSON-stat", json_path), ("PX", px_path)):
                url = fresh(f"{database}-{label}")
                if url is None:
                    break
                run_child("migrate", database_url=url)
                record(f"{database} first import, {label}", "import", path, url)
                record(f"{database} unchanged re-import, {label}", "import", path, url)

    print_table(results)
    print_aims(results)


def print_table(results: dict[str, dict]) -> None:
    width = max(len(name) for name in results)
    print(f"\n{'measurement':<{width}}  {'seconds':>8}  {'cells/s':>12}  {'peak MB':>8}")
    print(f"{'-' * width}  {'-' * 8}  {'-' * 12}  {'-' * 8}")
    for name, result in results.items():
        rate = result["cells"] / result["seconds"] if result["seconds"] else float("inf")
        print(f"{name:<{width}}  {result['seconds']:>8.2f}  {rate:>12,.0f}  {result['peak_mb']:>8.0f}")


def print_aims(results: dict[str, dict]) -> None:
    seconds = {name: result["seconds"] for name, result in results.items()}
    lines = []

    def aim(text, ok):
        lines.append(f"  [{'met' if ok else 'NOT met'}] {text}")

    ours_json, ours_px = seconds["our JSON-stat reader"], seconds["our PX reader"]
    pyjstat, pyaxis = seconds["pyjstat → DataFrame"], seconds["pyaxis → DataFrame"]
    aim(f"JSON-stat reader ≥5× faster than pyjstat: {pyjstat / ours_json:.1f}×", pyjstat / ours_json >= 5)
    aim(f"PX reader ≥2× faster than pyaxis: {pyaxis / ours_px:.1f}×", pyaxis / ours_px >= 2)
    rows_json, rows_px = seconds["our JSON-stat reader, tidy rows"], seconds["our PX reader, tidy rows"]
    lines.append(f"  (as tidy rows, like the DataFrames: {pyjstat / rows_json:.1f}× and {pyaxis / rows_px:.1f}×)")
    for name in [n for n in seconds if "first import" in n]:
        aim(f"{name} ({seconds[name]:.2f} s) no slower than pyjstat's read ({pyjstat:.2f} s)", seconds[name] <= pyjstat)
        again = name.replace("first import", "unchanged re-import")
        ratio = seconds[again] / seconds[name]
        aim(f"{again} at most half the first: {ratio:.0%}", ratio <= 0.5)
    ours = [name for name in results if name.startswith(("our ", "SQLite", "PostgreSQL"))]
    peak = max(results[name]["peak_mb"] for name in ours)
    aim(f"peak memory of our readers and imports under 200 MB: {peak:.0f} MB", peak < 200)
    print("\nAims of issue 4:")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
