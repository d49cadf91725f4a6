"""make bench: the statistics benchmark runs and prints its table (a small table, SQLite only)."""

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "stats.py"


def test_bench_prints_seconds_cells_per_second_and_peak_memory_for_every_measurement(tmp_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "verkko.settings", "VERKKO_VAR_DIR": str(tmp_path)}
    environment.pop("DATABASE_URL", None)
    finished = subprocess.run(
        [sys.executable, str(BENCH), "--small", "--no-postgres"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.splitlines()
    header = next(line for line in lines if line.startswith("measurement"))
    assert header.split() == ["measurement", "seconds", "cells/s", "peak", "MB"]
    measured = [line for line in lines[lines.index(header) + 2 :] if line.strip()]
    names = [line.rsplit(None, 3)[0].strip() for line in measured[: measured.index("Aims of issue 4:")]]
    assert names == [
        "orjson parse (floor)",
        "our JSON-stat reader",
        "our JSON-stat reader, tidy rows",
        "pyjstat → DataFrame",
        "our PX reader",
        "our PX reader, tidy rows",
        "pyaxis → DataFrame",
        "SQLite first import, JSON-stat",
        "SQLite unchanged re-import, JSON-stat",
        "SQLite first import, PX",
        "SQLite unchanged re-import, PX",
    ]
    assert sum("peak memory" in line for line in lines) == 1
