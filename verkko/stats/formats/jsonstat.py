"""JSON-stat readers: version 2.0 datasets (and collections of them), 1.x bundles and datasets.

Large documents are read with their ``value`` and ``status`` arrays left as text and parsed
piece by piece (see :mod:`.jsonscan`), so memory does not grow with every cell as an object.
"""

from __future__ import annotations

import bisect
import math
import re
from datetime import datetime

import orjson

from .errors import FormatError
from .jsonscan import STREAM_ABOVE, LazyArray, line_and_column, load_with_lazy_arrays
from .limits import check_cell_count, not_a_figure, text_figure
from .model import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension, guess_role
from .times import SOURCE_TIMEZONE, parse_source_time

__all__ = ["SOURCE_TIMEZONE", "load_json", "parse_jsonstat", "parse_updated", "read_jsonstat"]
_ROLE_NAMES = {"time": ROLE_TIME, "geo": ROLE_AREA, "metric": ROLE_CONTENT}
_CELL_TYPES = {int, float, str, type(None)}


def read_jsonstat(data: bytes | str, *, origin: str = "", stream_above: int = STREAM_ABOVE) -> list[Dataset]:
    """Every dataset in a JSON-stat document (a 2.0 dataset or collection, a 1.x bundle or dataset).

    ``value``/``status`` arrays longer than ``stream_above`` bytes are parsed piece by piece.
    """
    document = load_json(data, origin=origin, stream_above=stream_above)
    return parse_loaded(document, data, origin=origin)


def load_json(data: bytes | str, *, origin: str = "", stream_above: int = STREAM_ABOVE):
    """The parsed JSON document, long value/status arrays left as :class:`LazyArray` text."""
    try:
        if isinstance(data, bytes) and len(data) > stream_above:
            try:
                return load_with_lazy_arrays(data, stream_above=stream_above)
            except orjson.JSONDecodeError:
                pass  # parsed again whole below, so that the error names its line
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if isinstance(data, bytes):
            _raise_if_not_utf8(data, origin)
        raise FormatError(
            f"not valid JSON ({error.msg})", source=origin, line=error.lineno, column=error.colno
        ) from None


def parse_loaded(document, data: bytes | str, *, origin: str = "") -> list[Dataset]:
    """Datasets from a document :func:`load_json` gave; errors are placed on a line of ``data``."""
    try:
        return parse_jsonstat(document, origin=origin)
    except FormatError as error:
        if error.path and error.line is None:
            found = _line_of_member(data if isinstance(data, str) else data.decode("utf-8", "replace"), error.path)
            if found:
                raise error.at(*found) from None
        raise


def _line_of_member(text: str, path: str) -> tuple[int, int] | None:
    """Line and column of a JSON member such as "dimension.alue.category.index" or "value[12]".

    Each name is looked for as a key after the previous one, which finds the member in the
    documents JSON-stat writers produce; the error's own wording still names the path.
    """
    offset, found = 0, None
    for name in re.findall(r"[^.\[\]]+(?=\.|\[|$)", path):
        match = re.compile(rf'"{re.escape(name)}"\s*:').search(text, offset)
        if match is None:
            break
        offset = found = match.start()
    if found is None:
        return None
    line_start = text.rfind("\n", 0, found) + 1
    return text.count("\n", 0, found) + 1, found - line_start + 1


def _raise_if_not_utf8(data: bytes, origin: str) -> None:
    """JSON is UTF-8; name the line and column of the first byte that is not."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        raise FormatError(
            f"the text is not valid UTF-8 (byte {data[error.start]:#04x})",
            source=origin,
            line=data.count(b"\n", 0, error.start) + 1,
            column=len(data[line_start : error.start].decode("utf-8", "replace")) + 1,
        ) from None


def parse_jsonstat(document, *, origin: str = "") -> list[Dataset]:
    """Datasets from an already parsed JSON-stat document."""
    if not isinstance(document, dict):
        raise FormatError("JSON-stat must be an object at the top", source=origin, position=0)
    if "class" in document or "version" in document:
        kind = document.get("class", "dataset")
        if kind == "dataset" and _is_v1_dataset(document):
            # JSON-stat 1.x allows a single dataset at the top: "class" but no "version",
            # and "id", "size" and "role" inside "dimension".
            return [_dataset_v1("", document, origin)]
        if kind == "dataset":
            return [_dataset_v2(document, "", origin)]
        if kind == "collection":
            items = document.get("link", {}).get("item", [])
            datasets = [item for item in items if isinstance(item, dict) and item.get("class") == "dataset"]
            if not datasets:
                raise FormatError("the collection holds no embedded datasets", source=origin, path="link")
            return [_dataset_v2(item, f"link.item[{i}]", origin) for i, item in enumerate(datasets)]
        raise FormatError(f"JSON-stat class {kind!r} holds no data", source=origin, path="class")
    bundle = [(name, item) for name, item in document.items() if isinstance(item, dict) and "dimension" in item]
    if not bundle:
        raise FormatError(
            "not JSON-stat: no 'class'/'version' (2.0) and no dataset with 'dimension' (1.x)",
            source=origin,
            position=0,
        )
    return [_dataset_v1(name, item, origin) for name, item in bundle]


def _is_v1_dataset(document: dict) -> bool:
    dimension = document.get("dimension")
    return (
        "version" not in document
        and "id" not in document
        and isinstance(dimension, dict)
        and isinstance(dimension.get("id"), list)
    )


def _dataset_v2(document: dict, path: str, origin: str) -> Dataset:
    where = f"{path}." if path else ""
    ids = _require(document, "id", list, where, origin)
    sizes = _require(document, "size", list, where, origin)
    dimension_objects = _require(document, "dimension", dict, where, origin)
    roles = document.get("role") or {}
    return _build(document, ids, sizes, dimension_objects, roles, where, origin)


def _dataset_v1(name: str, document: dict, origin: str) -> Dataset:
    where = f"{name}." if name else ""
    dimension_objects = _require(document, "dimension", dict, where, origin)
    ids = _require(dimension_objects, "id", list, f"{where}dimension.", origin)
    sizes = _require(dimension_objects, "size", list, f"{where}dimension.", origin)
    roles = dimension_objects.get("role") or {}
    dataset = _build(document, ids, sizes, dimension_objects, roles, where, origin)
    # A bundle names its datasets; PxWeb's generic name "dataset" says nothing of the table.
    if not dataset.table_id and name not in ("", "dataset"):
        dataset.table_id = name
    return dataset


def _require(obj: dict, key: str, kind: type, where: str, origin: str):
    if key not in obj:
        raise FormatError(f"'{where}{key}' is missing", source=origin, path=where.rstrip("."))
    if not isinstance(obj[key], kind):
        raise FormatError(f"'{where}{key}' should be a {kind.__name__}", source=origin, path=f"{where}{key}")
    return obj[key]


def _build(document, ids, sizes, dimension_objects, roles, where, origin) -> Dataset:
    if len(ids) != len(sizes):
        raise FormatError(
            f"'{where}id' names {len(ids)} dimensions but '{where}size' gives {len(sizes)}",
            source=origin,
            path=f"{where}size",
        )
    if any(type(size) is not int or size < 0 for size in sizes):
        raise FormatError(f"'{where}size' should list whole numbers", source=origin, path=f"{where}size")
    # Counted before any category or cell is read, so that a declared size alone can refuse the file.
    total = math.prod(sizes)
    check_cell_count(total, origin=origin, path=f"{where}size")
    role_of = {}
    for role_name, members in roles.items():
        for code in members or []:
            role_of.setdefault(code, _ROLE_NAMES.get(role_name, ROLE_OTHER))
    extension_px = (document.get("extension") or {}).get("px") or {}
    dimensions = []
    for code, size in zip(ids, sizes, strict=True):
        dim_obj = dimension_objects.get(code)
        if not isinstance(dim_obj, dict):
            raise FormatError(
                f"dimension '{code}' is listed in '{where}id' but not described", source=origin, path=f"{where}id"
            )
        dimension = _dimension(code, dim_obj, role_of, f"{where}dimension.{code}", origin)
        if len(dimension) != size:
            raise FormatError(
                f"dimension '{code}' has {len(dimension)} categories but '{where}size' says {size}",
                source=origin,
                path=f"{where}size",
            )
        dimensions.append(dimension)
    _ensure_one_of_each_role(dimensions)

    values = document.get("value")
    chunk_source = _cells(values, document.get("status"), total, where, origin)
    return Dataset(
        dimensions=dimensions,
        chunk_source=chunk_source,
        table_id=str(extension_px.get("tableid") or extension_px.get("matrix") or ""),
        title=str(document.get("label") or ""),
        source=str(document.get("source") or ""),
        updated=parse_updated(document.get("updated"), origin),
        updated_text=_updated_text(document.get("updated")),
        language=str(extension_px.get("language") or ""),
        decimals=extension_px.get("decimals"),
        origin=origin,
    )


def _dimension(code: str, obj: dict, role_of: dict, where: str, origin: str) -> Dimension:
    category = obj.get("category")
    if not isinstance(category, dict):
        raise FormatError(f"'{where}.category' is missing", source=origin, path=where)
    index = category.get("index")
    labels = category.get("label") or {}
    if index is None:
        if len(labels) != 1:
            raise FormatError(
                f"'{where}.category' has no index and not exactly one label", source=origin, path=f"{where}.category"
            )
        codes = list(labels)
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        codes = [None] * len(index)
        for value_code, position in index.items():
            if not isinstance(position, int) or not 0 <= position < len(index) or codes[position] is not None:
                raise FormatError(
                    f"'{where}.category.index' gives a bad position for '{value_code}'",
                    source=origin,
                    path=f"{where}.category.index.{value_code}",
                )
            codes[position] = value_code
    else:
        raise FormatError(
            f"'{where}.category.index' should be an object or an array", source=origin, path=f"{where}.category.index"
        )
    units, decimals = {}, {}
    for value_code, unit in (category.get("unit") or {}).items():
        if isinstance(unit, dict):
            units[value_code] = str(unit.get("base") or unit.get("label") or unit.get("symbol") or "")
            if isinstance(unit.get("decimals"), int):
                decimals[value_code] = unit["decimals"]
    label = str(obj.get("label") or code)
    extension = obj.get("extension") or {}
    return Dimension(
        code=code,
        label=label,
        codes=codes,
        labels=[str(labels.get(c, c)) for c in codes],
        role=role_of.get(code) or guess_role(code, label),
        units=units,
        decimals=decimals,
        elimination_code=extension.get("eliminationValueCode"),
    )


def _ensure_one_of_each_role(dimensions: list[Dimension]) -> None:
    """Keep the first dimension of each special role; any later one is an ordinary dimension."""
    seen = set()
    for dim in dimensions:
        if dim.role != ROLE_OTHER:
            if dim.role in seen:
                dim.role = ROLE_OTHER
            seen.add(dim.role)


def _cells(values, status, total: int, where: str, origin: str):
    if isinstance(values, LazyArray):
        return _streamed_cells(values, status, total, where, origin)
    if isinstance(values, dict):
        return _sparse_cells(values, status, total, where, origin)
    if not isinstance(values, list):
        raise FormatError(f"'{where}value' is missing or not an array/object", source=origin, path=f"{where}value")
    if len(values) != total:
        raise _count_error(f"{where}value", len(values), total, origin)
    # Checked before any cell is handed on, so that a bad value fails the whole read with its
    # line; numbers given as text are read (or kept as a status symbol) batch by batch below.
    kinds = _check_cells(values, 0, f"{where}value", origin)
    statuses = _status_source(status, total, where, origin)

    def chunks():
        step = 65536
        for start in range(0, total, step):
            piece = values[start : start + step]
            piece_statuses = statuses(start, len(piece))
            if str in kinds:
                piece, piece_statuses = _clean_values(piece, piece_statuses)
            yield piece, piece_statuses

    return chunks


def _check_cells(values: list, first: int, member: str, origin: str, *, line_of=None) -> set:
    """The types of the values; refuses one that is no number, null or figure as text.

    ``first`` is the index of ``values[0]`` in the whole array; ``line_of(value)`` gives the
    line and column of a bad value when the caller can find it.
    """
    kinds = set(map(type, values))
    if kinds - _CELL_TYPES:
        index = next(i for i, value in enumerate(values) if type(value) not in _CELL_TYPES)
        where = line_of(values[index]) if line_of else (None, None)
        raise FormatError(
            f"'{member}[{first + index}]' is not a number: {values[index]!r}",
            source=origin,
            line=where[0],
            column=where[1],
            path="" if line_of else member,
        )
    if str in kinds:
        for index, value in enumerate(values):
            if type(value) is str and text_figure(value) is None:
                where = line_of(value) if line_of else (None, None)
                raise FormatError(
                    not_a_figure(f"{member}[{first + index}]", value),
                    source=origin,
                    line=where[0],
                    column=where[1],
                    path="" if line_of else member,
                )
    return kinds


def _sparse_cells(values: dict, status, total: int, where: str, origin: str):
    """Cells of a sparse ``value`` ({index: value}): the cells not named are missing.

    Only the named cells are kept; each piece of the dense order is filled from them when it
    is read, so memory grows with the file and not with the declared size.
    """
    member = f"{where}value"
    named = {}
    for key, value in values.items():
        try:
            index = int(key)
        except ValueError:
            raise FormatError(
                f"'{member}' has a key {key!r} that is not a cell index", source=origin, path=member
            ) from None
        if not 0 <= index < total:
            raise FormatError(
                f"'{member}' names cell {index} but the table has {total} cells", source=origin, path=member
            )
        named[index] = value
    positions = sorted(named)
    try:
        kinds = _check_cells([named[index] for index in positions], 0, member, origin)
    except FormatError:
        for index in positions:  # the error names the cell by its index in the table
            _check_cells([named[index]], index, member, origin)
        raise
    statuses = _status_source(status, total, where, origin)

    def chunks():
        step = 65536
        at = 0
        for start in range(0, total, step):
            count = min(step, total - start)
            piece = [None] * count
            while at < len(positions) and positions[at] < start + count:
                piece[positions[at] - start] = named[positions[at]]
                at += 1
            piece_statuses = statuses(start, count)
            if str in kinds:
                piece, piece_statuses = _clean_values(piece, piece_statuses)
            yield piece, piece_statuses

    return chunks


def _count_error(member: str, count: int, total: int, origin: str) -> FormatError:
    return FormatError(f"'{member}' has {count} entries but the sizes multiply to {total}", source=origin, path=member)


def _streamed_cells(values: LazyArray, status, total: int, where: str, origin: str):
    """Cells of a value array left as text: checked whole first, then parsed piece by piece.

    The check parses every piece once (a tenth of a second for four million cells) and
    keeps nothing, so a bad entry fails the read before any cell is handed on.
    """
    member = f"{where}value"
    count, kinds = 0, set()
    for piece, offset in _piece_errors_located(values, origin):
        kinds |= _check_cells(piece, count, member, origin, line_of=_finder(values, offset))
        count += len(piece)
    if count != total:
        raise _count_error(member, count, total, origin)
    if isinstance(status, LazyArray):
        count = 0
        for piece, _ in _piece_errors_located(status, origin):
            if set(map(type, piece)) - {str, type(None)}:
                raise FormatError(f"'{where}status' holds an entry that is not text", source=origin)
            count += len(piece)
        if count != total:
            raise _count_error(f"{where}status", count, total, origin)
        statuses = None
    else:
        statuses = _status_source(status, total, where, origin)
    has_text = str in kinds

    def chunks():
        status_pieces = (
            ([s or "" for s in piece] for piece, _ in _piece_errors_located(status, origin))
            if statuses is None
            else None
        )
        pending: list = []
        start = 0
        for piece, _ in _piece_errors_located(values, origin):
            count = len(piece)
            if status_pieces is None:
                piece_statuses = statuses(start, count)
            else:
                while len(pending) < count:
                    pending.extend(next(status_pieces))
                piece_statuses, pending = pending[:count], pending[count:]
            if has_text:
                piece, piece_statuses = _clean_values(piece, piece_statuses)
            start += count
            yield piece, piece_statuses

    return chunks


def _finder(values: LazyArray, offset: int):
    """A function giving the line and column of a bad value in the piece at ``offset``."""

    def line_of(value):
        found = values.data.find(orjson.dumps(value), offset, values.end) if type(value) is str else -1
        return line_and_column(values.data, found if found >= 0 else values.first_not_numeric(offset))

    return line_of


def _piece_errors_located(array: LazyArray, origin: str):
    try:
        yield from array.pieces()
    except FormatError as error:
        raise error.located(origin) from None


def _status_source(status, total: int, where: str, origin: str):
    """A function giving the status symbols of ``count`` cells from ``start`` ("" for none)."""
    if isinstance(status, dict):
        # Sparse symbols stay sparse: a dense list of a few million "" would cost more
        # memory than the cells themselves.
        member = f"{where}status"
        marked = {}
        for key, symbol in status.items():
            try:
                index = int(key)
            except ValueError:
                raise FormatError(
                    f"'{member}' has a key {key!r} that is not a cell index", source=origin, path=member
                ) from None
            if not 0 <= index < total:
                raise FormatError(
                    f"'{member}' names cell {index} but the table has {total} cells", source=origin, path=member
                )
            if symbol:
                marked[index] = symbol
        positions = sorted(marked)

        def sparse(start: int, count: int) -> list[str]:
            piece = [""] * count
            for at in range(bisect.bisect_left(positions, start), bisect.bisect_left(positions, start + count)):
                piece[positions[at] - start] = marked[positions[at]]
            return piece

        return sparse
    dense = _statuses(status, total, where, origin)
    if dense is None:
        return lambda start, count: [""] * count
    return lambda start, count: dense[start : start + count]


def _statuses(status, total: int, where: str, origin: str) -> list[str] | None:
    if status is None:
        return None
    if isinstance(status, str):
        return [status] * total
    if isinstance(status, list):
        if len(status) == 1:
            return [status[0] or ""] * total
        if len(status) != total:
            raise FormatError(
                f"'{where}status' has {len(status)} entries but the table has {total} cells",
                source=origin,
                path=f"{where}status",
            )
        return [s or "" for s in status]
    raise FormatError(f"'{where}status' should be a string, array or object", source=origin, path=f"{where}status")


def _clean_values(piece: list, statuses: list):
    """Values given as text (checked before): numbers are read, a symbol is kept as the status."""
    values, symbols = [], list(statuses)
    for offset, value in enumerate(piece):
        if isinstance(value, str):
            value, symbol = text_figure(value)
            symbols[offset] = symbols[offset] or symbol
        values.append(value)
    return values, symbols


def parse_updated(text, origin: str = "") -> datetime | None:
    """The moment a source's 'updated' names, or None when the text is no time it can read.

    Any text is taken (ISO 8601, PX's "20260127 08:00", "08/08/2014 16:39:07" …); a time
    that cannot be read never rejects a file, and the text itself is kept beside it
    (``Dataset.updated_text``). Naive times are taken as Finnish local time.
    """
    return parse_source_time(text)


def _updated_text(text) -> str:
    return str(text).strip()[:100] if text not in (None, "") else ""
