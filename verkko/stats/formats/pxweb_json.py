"""PxWeb's own "json" answer, which the PxWeb web interface also offers for saving.

The document has ``columns`` (each with ``code``, ``text`` and ``type``: "d" a dimension,
"t" time, "c" a content), ``data`` (rows of ``key`` codes, one per d/t column, and
``values``, one per content column, given as text) and ``metadata`` (``label``, ``source``,
``updated``). It names codes only, so labels are the codes; the content columns become one
content dimension. Values are PX's: "." … "......" mark a missing figure, "-" a true zero;
any other text that is not a number is refused.
"""

from __future__ import annotations

import math

from .errors import FormatError
from .limits import check_cell_count, not_a_figure, text_figure
from .model import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension, guess_role
from .times import parse_source_time

CONTENT_CODE = "contentscode"


def is_pxweb_json(document) -> bool:
    """Whether a parsed JSON document is PxWeb's "json" answer rather than JSON-stat."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("columns"), list)
        and isinstance(document.get("data"), list)
        and "dimension" not in document
    )


def parse_pxweb_json(document, *, origin: str = "") -> Dataset:
    """The table in a parsed PxWeb "json" answer."""
    if not is_pxweb_json(document):
        raise FormatError("not a PxWeb json answer: no 'columns' and 'data' arrays", source=origin, path="columns")
    key_columns, content_columns = [], []
    for number, column in enumerate(document["columns"]):
        if not isinstance(column, dict) or not column.get("code"):
            raise FormatError(f"'columns[{number}]' has no code", source=origin, path="columns")
        (content_columns if column.get("type") == "c" else key_columns).append(column)
    if not content_columns:
        raise FormatError("the answer has no content column (type 'c'), so it holds no figures", source=origin)
    rows = document["data"]
    if not rows:
        raise FormatError("the answer has no rows in 'data'", source=origin, path="data")
    codes: list[dict[str, int]] = [{} for _ in key_columns]
    for number, row in enumerate(rows):
        key, values = _row(row, number, len(key_columns), len(content_columns), origin)
        for position, code in enumerate(key):
            codes[position].setdefault(str(code), len(codes[position]))
    dimensions = [_dimension(column, list(found)) for column, found in zip(key_columns, codes, strict=True)]
    dimensions.append(
        Dimension(
            CONTENT_CODE,
            "Tiedot",
            [str(column["code"]) for column in content_columns],
            [str(column.get("text") or column["code"]) for column in content_columns],
            role=ROLE_CONTENT,
            units={str(c["code"]): str(c["unit"]) for c in content_columns if c.get("unit")},
        )
    )
    _keep_one_of_each_role(dimensions)
    shape = [len(dimension) for dimension in dimensions]
    total = math.prod(shape)
    check_cell_count(total, origin=origin, path="data")
    contents = len(content_columns)
    cells: list = [None] * total
    statuses: list = [""] * total
    filled = bytearray(total // contents)
    for number, row in enumerate(rows):
        key, values = row["key"], row["values"]
        flat = 0
        for position, code in enumerate(key):
            flat = flat * shape[position] + codes[position][str(code)]
        if filled[flat]:
            raise FormatError(f"'data[{number}]' repeats the key {key}", source=origin, path="data")
        filled[flat] = 1
        base = flat * contents
        for offset, text in enumerate(values):
            cells[base + offset], statuses[base + offset] = _value(text, number, origin)
    info = document.get("metadata")
    info = info[0] if isinstance(info, list) and info and isinstance(info[0], dict) else {}
    updated = info.get("updated")
    return Dataset.from_values(
        dimensions,
        cells,
        statuses,
        title=str(info.get("label") or ""),
        source=str(info.get("source") or ""),
        updated=parse_source_time(updated),
        updated_text=str(updated).strip()[:100] if updated else "",
        origin=origin,
    )


def _row(row, number: int, keys: int, contents: int, origin: str):
    if not isinstance(row, dict) or not isinstance(row.get("key"), list) or not isinstance(row.get("values"), list):
        raise FormatError(f"'data[{number}]' should have a 'key' and a 'values' array", source=origin, path="data")
    if len(row["key"]) != keys or len(row["values"]) != contents:
        raise FormatError(
            f"'data[{number}]' gives {len(row['key'])} codes and {len(row['values'])} values "
            f"but the columns need {keys} and {contents}",
            source=origin,
            path="data",
        )
    return row["key"], row["values"]


def _dimension(column: dict, codes: list[str]) -> Dimension:
    code, label = str(column["code"]), str(column.get("text") or column["code"])
    role = ROLE_TIME if column.get("type") == "t" else guess_role(code, label)
    if role == ROLE_CONTENT:
        role = ROLE_OTHER  # the content columns are the content dimension
    return Dimension(code, label, codes, list(codes), role=role)


def _keep_one_of_each_role(dimensions: list[Dimension]) -> None:
    seen = set()
    for dimension in dimensions:
        if dimension.role in (ROLE_TIME, ROLE_AREA, ROLE_CONTENT):
            if dimension.role in seen:
                dimension.role = ROLE_OTHER
            seen.add(dimension.role)


def _value(text, number: int, origin: str) -> tuple[float | None, str]:
    if text is None:
        return None, ""
    if isinstance(text, bool) or not isinstance(text, (int, float, str)):
        raise FormatError(f"'data[{number}].values' holds {text!r}, which is no figure", source=origin, path="data")
    if not isinstance(text, str):
        return text, ""
    figure = text_figure(text)
    if figure is None:
        raise FormatError(not_a_figure(f"data[{number}].values", text), source=origin, path="data")
    return figure
