"""Fixtures of the statistics tests: the repository's own files and the shared real samples."""

import os
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent / "data"


def samples_dir() -> Path:
    """The shared real samples: $VERKKO_SAMPLES_DIR, or shared/samples beside the repository.

    A git worktree may sit deeper than the main checkout, so every folder above the
    repository is tried, nearest first.
    """
    configured = os.environ.get("VERKKO_SAMPLES_DIR")
    if configured:
        return Path(configured)
    repository = Path(__file__).resolve().parents[3]
    candidates = [folder / "shared" / "samples" for folder in repository.parents]
    return next((folder for folder in candidates if folder.is_dir()), candidates[0])


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def samples() -> Path:
    folder = samples_dir()
    if not folder.is_dir():
        pytest.skip(f"the real samples are not here ({folder}); set VERKKO_SAMPLES_DIR to run these tests")
    return folder


@pytest.fixture
def fake_statfin():
    """A started fake PxWeb service with small 12r5 and 11re tables; stopped after the test."""
    from .fake_statfin import FakeStatFin, table_11re, table_12r5

    server = FakeStatFin(table_12r5(), table_11re()).start()
    yield server
    server.stop()


class RecordedSleep:
    """Stands in for time.sleep: remembers each wait and moves a fake clock instead of waiting."""

    def __init__(self):
        self.waits: list[float] = []
        self.now = 0.0

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def recorded_sleep():
    return RecordedSleep()


@pytest.fixture
def statfin_client(fake_statfin, recorded_sleep):
    from verkko.stats.client import PxWebClient

    with PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, timeout=2) as client:
        yield client


@pytest.fixture
def fake_pxweb2():
    """A started fake PxWeb API 2.0 service with the same small 12r5 and 11re tables."""
    from .fake_pxweb2 import FakePxWeb2
    from .fake_statfin import table_11re, table_12r5

    server = FakePxWeb2(table_12r5(), table_11re()).start()
    yield server
    server.stop()


@pytest.fixture
def pxweb2_client(fake_pxweb2, recorded_sleep):
    from verkko.stats.client import PxWebClient

    with PxWebClient(fake_pxweb2.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, timeout=2) as client:
        yield client
