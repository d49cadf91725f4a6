"""Readers of statistical tables: JSON-stat 2.0 and 1.x, PX files and PxWeb's "json" answer.

Every reader gives :class:`Dataset` objects with the same tidy shape: dimensions (codes,
labels, role) and cells handed on lazily in batches. Bad input raises :class:`FormatError`
naming the problem and where it is.
"""

from pathlib import Path

from . import jsonscan
from .errors import FormatError
from .jsonstat import load_json, parse_jsonstat, parse_loaded, read_jsonstat
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
from .pxweb_json import is_pxweb_json, parse_pxweb_json

FORMATS = ("auto", "jsonstat", "pxweb-json", "px")

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
    "is_pxweb_json",
    "jsonscan",
    "parse_jsonstat",
    "parse_pxweb_json",
    "parse_period",
    "read_bytes",
    "read_file",
    "read_jsonstat",
    "read_px",
]


def detect_format(data: bytes) -> str:
    """'jsonstat' for a JSON document (JSON-stat or PxWeb json, told apart once parsed), else 'px'."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "jsonstat" if start in (b"{", b"[") else "px"


def read_bytes(data: bytes, *, format: str = "auto", origin: str = "", json: bool = False) -> list[Dataset]:
    """The tables in ``data``; ``format`` is auto, jsonstat, pxweb-json or px.

    ``auto`` reads a JSON document as PxWeb's "json" answer when it has that answer's
    ``columns`` and ``data``, otherwise as JSON-stat; anything else as PX (``json`` says the
    data is JSON whatever it starts with, as a ".json" name does).
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    if format == "px" or (format == "auto" and not json and detect_format(data) == "px"):
        return [read_px(data, origin=origin)]
    document = load_json(data, origin=origin)
    if format == "pxweb-json" or (format == "auto" and is_pxweb_json(document)):
        return [parse_pxweb_json(document, origin=origin)]
    return parse_loaded(document, data, origin=origin)


def read_file(path: str | Path, *, format: str = "auto") -> list[Dataset]:
    """The tables in a file; a PX file holds one, a JSON-stat bundle may hold several.

    A ".px" name is read as PX, a ".json" one as JSON (JSON-stat or PxWeb json, told apart by
    the contents); any other file by its contents (see :func:`read_bytes`).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(f"cannot read the file ({error.strerror})", source=str(path)) from None
    if format == "auto" and path.suffix.lower() == ".px":
        format = "px"
    return read_bytes(data, format=format, origin=str(path), json=path.suffix.lower() == ".json")
