"""Readers of statistical tables: JSON-stat 2.0 and 1.x, and PX files.

Every reader gives :class:`Dataset` objects with the same tidy shape: dimensions (codes,
labels, role) and cells handed on lazily in batches. Bad input raises :class:`FormatError`
naming the problem and where it is.
"""

from pathlib import Path

from .errors import FormatError
from .jsonstat import parse_jsonstat, read_jsonstat
from .model import (
    ROLE_AREA,
    ROLE_CONTENT,
    ROLE_OTHER,
    ROLE_TIME,
    CellBatch,
    Dataset,
    Dimension,
)
from .periods import Period, parse_period
from .px import read_px

FORMATS = ("auto", "jsonstat", "px")

__all__ = [
    "FORMATS",
    "ROLE_AREA",
    "ROLE_CONTENT",
    "ROLE_OTHER",
    "ROLE_TIME",
    "CellBatch",
    "Dataset",
    "Dimension",
    "FormatError",
    "Period",
    "detect_format",
    "parse_jsonstat",
    "parse_period",
    "read_bytes",
    "read_file",
    "read_jsonstat",
    "read_px",
]


def detect_format(data: bytes) -> str:
    """'jsonstat' for a JSON document, otherwise 'px'."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "jsonstat" if start in (b"{", b"[") else "px"


def read_bytes(data: bytes, *, format: str = "auto", origin: str = "") -> list[Dataset]:
    """The tables in ``data``; ``format`` is auto, jsonstat or px."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    if format == "auto":
        format = detect_format(data)
    if format == "jsonstat":
        return read_jsonstat(data, origin=origin)
    return [read_px(data, origin=origin)]


def read_file(path: str | Path, *, format: str = "auto") -> list[Dataset]:
    """The tables in a file; a PX file holds one, a JSON-stat bundle may hold several."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(f"cannot read the file ({error.strerror})", source=str(path)) from None
    if format == "auto" and path.suffix.lower() == ".px":
        format = "px"
    elif format == "auto" and path.suffix.lower() == ".json":
        format = "jsonstat"
    return read_bytes(data, format=format, origin=str(path))
