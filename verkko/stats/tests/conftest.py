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
