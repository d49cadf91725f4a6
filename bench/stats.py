"""Benchmark of the statistics pipeline: readers and imports of about a million cells.

Generates a table shaped like StatFin 12r5 (309 areas × 240 months × 14 contents) as
JSON-stat 2.0 and as PX, then measures, each in a fresh child process so that its peak
memory is its own:

- a plain orjson parse of the JSON-stat file (the floor),
- our readers (every cell handed on in batches; and as tidy rows),
- pyjstat (to a pandas DataFrame) and pyaxis, reading the same files,
- a first import and an unchanged re-import into SQLite and into PostgreSQL, and on
  PostgreSQL a plain COPY of the same rows (the floor of a first import);

and then (issue 15), unless --small:

- a JSON-stat file of four million cells read and imported with the value array parsed
  piece by piece, beside the whole-document parse the reader used before and pyjstat;
- on PostgreSQL, the figures' query (one measure of ten areas, every period) on a database
  with the table's million observations and on one with ten times as many, in turn in one
  process.

It prints seconds, cells per second and peak memory, and how the results compare with the
aims of issues 4 and 15. Each time is the fastest of three runs (of five for the first imports and
their COPYs, a first import each into a fresh database); peak memory is the highest of them.
Nothing is asserted: numbers depend on the machine.

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
import statistics
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
# About four million cells: the file whose import memory issue 15 bounds.
LARGE_SHAPE = (309, 240, 54)
# The figures' query is timed in this many short turns on each database in turn, this many times a
# turn after one warm-up run; the fastest counts. Short turns put a slow moment of the machine on
# both databases rather than on one.
LOOKUP_TURNS = 30
LOOKUP_RUNS = 3
# Each timing is the fastest of this many runs: this machine's speed varies from minute to minute,
# and the fastest run is the one least disturbed by anything else.
ROUNDS = 3
# First imports (each followed on PostgreSQL by its plain COPY) take more runs: the disk's speed
# swings most, and the 1.3× aim is decided between two such times.
FIRST_IMPORT_ROUNDS = 5
# One cell in this many is missing (secret), as in real employment statistics.
MISSING_EVERY = 97


# --- generating the table ---------------------------------------------------------------------


def generate(folder: Path, shape: tuple[int, int, int], *, name: str = "bench12r5") -> tuple[Path, Path, int]:
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
    json_path, px_path = folder / f"{name}.json", folder / f"{name}.px"
    json_path.write_bytes(write_jsonstat(dataset))
    if name == "bench12r5":
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


def _settle_database() -> None:
    """On PostgreSQL, write out what earlier runs left in memory (a checkpoint) before the clock
    starts, so that a run does not pay for the writes of the one before it."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")


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
    if database_url:
        _settle_database()
    started = time.perf_counter()
    cells = MEASUREMENTS[kind](path)
    seconds = _PRE_TIMED.pop("seconds", time.perf_counter() - started)
    return {"seconds": seconds, "cells": cells, "peak_mb": peak_mb(), **_PRE_TIMED}


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ru_maxrss survives fork and exec, so a child started by a parent that once held
    more (the generated table) would report the parent's peak; VmHWM belongs to the process's
    own address space, which exec makes anew.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _orjson_floor(path):
    return len(orjson.loads(Path(path).read_bytes())["value"])


def _our_batches(path):
    from verkko.stats.formats import read_file

    (dataset,) = read_file(path)
    return sum(len(batch.values) for batch in dataset.batches())


def _our_whole_document(path):
    """The reader as it was before issue 15: the whole document parsed at once."""
    from verkko.stats.formats.jsonstat import read_jsonstat

    (dataset,) = read_jsonstat(Path(path).read_bytes(), origin=path, stream_above=1 << 62)
    return sum(len(batch.values) for batch in dataset.batches())


def _import_whole_document(path):
    from verkko.stats.formats.jsonstat import read_jsonstat
    from verkko.stats.store import import_dataset

    datasets = read_jsonstat(Path(path).read_bytes(), origin=path, stream_above=1 << 62)
    return import_dataset(datasets, origin=path).observations


def _plain_copy(path):
    """COPY of the rows the first import wrote into an empty table of the same shape and key.

    The rows are read out of the database before the clock starts; only the COPY is timed.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_plain_copy")
        cursor.execute("CREATE TABLE bench_plain_copy (LIKE stats_observation INCLUDING ALL)")
        text = bytearray()
        with cursor.copy("COPY stats_observation TO STDOUT") as copy:
            for block in copy:
                text += block
    _settle_database()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        with cursor.copy("COPY bench_plain_copy FROM STDIN") as copy:
            for start in range(0, len(text), 1 << 20):
                copy.write(bytes(text[start : start + (1 << 20)]))
        cursor.execute("SELECT count(*) FROM bench_plain_copy")
        (rows,) = cursor.fetchone()
        cursor.execute("DROP TABLE bench_plain_copy")
    _PRE_TIMED["seconds"] = time.perf_counter() - started
    return rows


def _grow_tenfold(path):
    """Nine more copies of the table under other ids: ten times the observations."""
    from verkko.stats.formats import read_file
    from verkko.stats.store import import_dataset

    total = 0
    for number in range(1, 10):
        total += import_dataset(read_file(path), origin=path, table_id=f"bench12r5-copy{number}").observations
    return total


def _figure_lookups(tenfold_url):
    """The figures' query (one measure summed over ten areas, every period) on this database and
    on the one at `tenfold_url` in turn, in LOOKUP_TURNS short turns each and all in one process,
    so that neither the machine's changing speed nor a process's own falls on one side only.
    The fastest time on this database is the result; the other's is kept as "tenfold_seconds", and
    the median growth from one to the other in a turn as "tenfold_growth"."""
    from django.db import connection

    from verkko.stats.aggregation import area_totals
    from verkko.stats.models import Table

    areas = [f"KU{n:03d}" for n in range(1, 300, 30)]
    names = {"seconds": connection.settings_dict["NAME"], "tenfold_seconds": tenfold_url.rsplit("/", 1)[1]}
    timings = {side: [] for side in names}
    for name in names.values():
        connection.close()
        connection.settings_dict["NAME"] = name
        with connection.cursor() as cursor:
            # What autovacuum would have done after the imports (this server may run without it),
            # then the writes of the imports flushed, so that they do not go on during the timing.
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("CHECKPOINT")
    for turn in range(LOOKUP_TURNS):
        # Each database goes first in every other turn, so that neither gains from going second.
        for side, name in list(names.items())[:: 1 if turn % 2 == 0 else -1]:
            connection.close()
            connection.settings_dict["NAME"] = name
            table = Table.objects.get(table_id="bench12r5")
            area_totals(table, "SISALTO03", areas)  # warm
            runs = []
            for _ in range(LOOKUP_RUNS):
                started = time.perf_counter()
                cells = len(area_totals(table, "SISALTO03", areas))
                runs.append(time.perf_counter() - started)
            timings[side].append(min(runs))
    _PRE_TIMED.update((side, min(times)) for side, times in timings.items())
    # The growth is judged turn by turn, the two databases' times in a turn as a pair, and the median
    # of those taken: a slow moment of the machine then falls on both sides of a pair.
    _PRE_TIMED["tenfold_growth"] = statistics.median(
        ten / one - 1 for one, ten in zip(timings["seconds"], timings["tenfold_seconds"], strict=True)
    )
    return cells


# A measurement that times only part of its work puts its own seconds here.
_PRE_TIMED: dict = {}


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
    "ours-whole": ["verkko.stats.formats"],
    "import-whole": ["verkko.stats.formats", "verkko.stats.store"],
    "copy": ["verkko.stats.store"],
    "grow": ["verkko.stats.formats", "verkko.stats.store"],
    "lookups": ["verkko.stats.aggregation"],
}
MEASUREMENTS = {
    "orjson": _orjson_floor,
    "ours-batches": _our_batches,
    "ours-rows": _our_rows,
    "pyjstat": _pyjstat,
    "pyaxis": _pyaxis,
    "import": _import,
    "ours-whole": _our_whole_document,
    "import-whole": _import_whole_document,
    "copy": _plain_copy,
    "grow": _grow_tenfold,
    "lookups": _figure_lookups,
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


def fresh_postgres(url: str = POSTGRES_URL) -> str | None:
    """Drop and create a benchmark database; None (with the reason printed) when unreachable."""
    import psycopg

    try:
        drop_postgres(url, then_create=True)
    except psycopg.Error as error:
        print(f"PostgreSQL skipped: {error}".strip())
        return None
    return url


def drop_postgres(url: str, *, then_create: bool = False) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if then_create:
            connection.execute(f'CREATE DATABASE "{name}"')


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
    parser.add_argument(
        "--small", action="store_true", help="A table of about 26,000 cells, each timed once, for a quick run."
    )
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

        def record(name, kind, path="", database_url=None, *, rounds=1 if arguments.small else ROUNDS):
            """The fastest of `rounds` runs, each in a fresh child, and of any run recorded under
            the same name before; peak memory is the highest of them."""
            print(f"  {name} …", end="", flush=True, file=sys.stderr)
            runs = [results[name]] if name in results else []
            for _ in range(rounds):
                runs.append(run_child(kind, path, database_url))
                print(f" {runs[-1]['seconds']:.2f} s", end="", flush=True, file=sys.stderr)
            results[name] = min(runs, key=lambda run: run["seconds"]) | {"peak_mb": max(r["peak_mb"] for r in runs)}
            print(file=sys.stderr)

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
                # A first import needs an empty database; on PostgreSQL each is followed by the
                # plain COPY of its rows, so that the two are timed side by side, round by round.
                for _ in range(1 if arguments.small else FIRST_IMPORT_ROUNDS):
                    url = fresh(f"{database}-{label}")
                    if url is None:
                        break
                    run_child("migrate", database_url=url)
                    record(f"{database} first import, {label}", "import", path, url, rounds=1)
                    if database == "PostgreSQL":
                        record(f"{database} plain COPY of the same rows, {label}", "copy", path, url, rounds=1)
                else:
                    record(f"{database} unchanged re-import, {label}", "import", path, url)

        large: dict[str, dict] = {}
        if not arguments.small:
            large = measure_issue_15(folder, json_path, record, results, postgres=not arguments.no_postgres)

    main_results = {name: result for name, result in results.items() if name not in large}
    print_table(main_results)
    print_aims(main_results)
    if large:
        print_issue_15(results, large)


def measure_issue_15(folder: Path, json_path: Path, record, results: dict, *, postgres: bool) -> dict:
    """The 4-million-cell file, and the figures' query at one and ten times the observations."""
    large_path, _, size = generate(folder, LARGE_SHAPE, name="bench-large")
    print(
        f"\nLarge table: {' × '.join(map(str, LARGE_SHAPE))} = {size:,} cells, "
        f"JSON-stat {large_path.stat().st_size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    names = {}
    for name, kind, path, url in (
        ("4M cells: JSON-stat reader, whole document (before)", "ours-whole", large_path, None),
        ("4M cells: JSON-stat reader, piece by piece", "ours-batches", large_path, None),
        ("4M cells: pyjstat → DataFrame", "pyjstat", large_path, None),
        ("4M cells: SQLite first import, whole document (before)", "import-whole", large_path, "sqlite-whole"),
        ("4M cells: SQLite first import, piece by piece", "import", large_path, "sqlite-pieces"),
    ):
        for _ in range(ROUNDS):  # a first import each time into a fresh database
            database_url = None
            if url is not None:
                database_url = fresh_sqlite(folder, url)
                run_child("migrate", database_url=database_url)
            record(name, kind, path, database_url, rounds=1)
        names[name] = kind
    if postgres:
        one, ten = fresh_postgres(), fresh_postgres(POSTGRES_URL + "_tenfold")
        if one is not None and ten is not None:
            for url in (one, ten):
                run_child("migrate", database_url=url)
                record("PostgreSQL first import, JSON-stat (lookup base)", "import", json_path, url, rounds=1)
            record("PostgreSQL nine more tables (10× observations)", "grow", json_path, ten, rounds=1)
            record("PostgreSQL figure query, 1× observations", "lookups", ten, one, rounds=1)
            lookups = results["PostgreSQL figure query, 1× observations"]
            tenfold = {"seconds": lookups.pop("tenfold_seconds"), "growth": lookups.pop("tenfold_growth")}
            results["PostgreSQL figure query, 10× observations"] = lookups | tenfold
            drop_postgres(ten)
            for name in (
                "PostgreSQL first import, JSON-stat (lookup base)",
                "PostgreSQL nine more tables (10× observations)",
                "PostgreSQL figure query, 1× observations",
                "PostgreSQL figure query, 10× observations",
            ):
                names[name] = ""
    return names


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
    ours = [name for name in results if name.startswith(("our ", "SQLite", "PostgreSQL")) and "×" not in name]
    peak = max(results[name]["peak_mb"] for name in ours)
    aim(f"peak memory of our readers and imports under 200 MB: {peak:.0f} MB", peak < 200)
    print("\nAims of issue 4:")
    print("\n".join(lines))


def print_issue_15(results: dict[str, dict], large: dict) -> None:
    print("\nIssue 15: a large JSON-stat file, and the figures' query as the data grow")
    print_table({name: results[name] for name in large})
    lines = []

    def aim(text, ok):
        lines.append(f"  [{'met' if ok else 'NOT met'}] {text}")

    before = results["4M cells: JSON-stat reader, whole document (before)"]
    now = results["4M cells: JSON-stat reader, piece by piece"]
    imported = results["4M cells: SQLite first import, piece by piece"]
    imported_before = results["4M cells: SQLite first import, whole document (before)"]
    aim(
        f"4M-cell import under 200 MB peak: {imported['peak_mb']:.0f} MB (before {imported_before['peak_mb']:.0f} MB; "
        f"reader {now['peak_mb']:.0f} MB, before {before['peak_mb']:.0f} MB)",
        imported["peak_mb"] < 200,
    )
    aim(
        f"no more than a third of the speed lost: reader {now['seconds'] / before['seconds']:.2f}×, "
        f"import {imported['seconds'] / imported_before['seconds']:.2f}× the time",
        now["seconds"] <= 1.5 * before["seconds"] and imported["seconds"] <= 1.5 * imported_before["seconds"],
    )
    pyjstat = results["4M cells: pyjstat → DataFrame"]
    lines.append(f"  (pyjstat: {pyjstat['seconds']:.1f} s, {pyjstat['peak_mb']:.0f} MB)")
    for label in ("JSON-stat", "PX"):
        first = results.get(f"PostgreSQL first import, {label}")
        copy = results.get(f"PostgreSQL plain COPY of the same rows, {label}")
        if first and copy:
            ratio = first["seconds"] / copy["seconds"]
            aim(f"PostgreSQL first import, {label}, within 1.3× of a plain COPY: {ratio:.2f}×", ratio <= 1.3)
    one = results.get("PostgreSQL figure query, 1× observations")
    ten = results.get("PostgreSQL figure query, 10× observations")
    if one and ten:
        aim(
            f"figure query flat with ten times the observations: {one['seconds'] * 1000:.1f} ms → "
            f"{ten['seconds'] * 1000:.1f} ms (fastest of each); {ten['growth']:+.0%} in the median of "
            f"{LOOKUP_TURNS} turns on each in turn",
            ten["growth"] <= 0.1,
        )
    print("\nAims of issue 15:")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
