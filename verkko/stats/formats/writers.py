"""Writers of JSON-stat 2.0 and PX, so generated or stored tables can be handed on as files."""

from __future__ import annotations

from collections.abc import Iterable

import orjson

from .model import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset

_JSONSTAT_ROLES = {ROLE_TIME: "time", ROLE_AREA: "geo", ROLE_CONTENT: "metric"}


def write_jsonstat(dataset: Dataset, *, index_as_array: bool = False, status_as_array: bool = False) -> bytes:
    """The dataset as a JSON-stat 2.0 document (the form PxWeb's json-stat2 answers take)."""
    dimension = {}
    for dim in dataset.dimensions:
        index = dim.codes if index_as_array else {code: i for i, code in enumerate(dim.codes)}
        category = {"index": index, "label": dict(zip(dim.codes, dim.labels, strict=True))}
        if dim.units:
            category["unit"] = {
                code: {"base": unit, "decimals": dim.decimals.get(code, 0)} for code, unit in dim.units.items()
            }
        dimension[dim.code] = {"label": dim.label, "category": category}
    roles: dict[str, list[str]] = {}
    for dim in dataset.dimensions:
        if dim.role in _JSONSTAT_ROLES:
            roles.setdefault(_JSONSTAT_ROLES[dim.role], []).append(dim.code)
    values: list = []
    statuses: list = []
    for batch in dataset.batches():
        values.extend(batch.values)
        statuses.extend(batch.statuses)
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": dataset.title,
        "source": dataset.source,
        "id": [dim.code for dim in dataset.dimensions],
        "size": list(dataset.shape),
        "role": roles,
        "dimension": dimension,
        "value": values,
        "extension": {"px": {"tableid": dataset.table_id, "language": dataset.language or "fi"}},
    }
    if dataset.updated is not None:
        document["updated"] = dataset.updated.isoformat().replace("+00:00", "Z")
    if any(statuses):
        document["status"] = statuses if status_as_array else {str(i): s for i, s in enumerate(statuses) if s}
    return orjson.dumps(document)


def write_px(dataset: Dataset, *, charset: str = "utf-8", values_per_line: int = 12) -> bytes:
    """The dataset as a PX file; ``charset`` "ANSI" writes ISO-8859-15 with CRLF line ends.

    The last dimension goes to HEADING, the others to STUB, so DATA keeps storage order.
    """
    ansi = charset.upper() == "ANSI"
    lines: list[str] = []
    if ansi:
        lines += ['CHARSET="ANSI";', 'CODEPAGE="iso-8859-15";']
    else:
        lines.append('CODEPAGE="utf-8";')
    lines += [
        'AXIS-VERSION="2013";',
        f'LANGUAGE="{dataset.language or "fi"}";',
        f"DECIMALS={dataset.decimals or 0};",
        f"TABLEID={_quoted(dataset.table_id)};",
        f"TITLE={_quoted(dataset.title)};",
        f"CONTENTS={_quoted(dataset.title)};",
        f"SOURCE={_quoted(dataset.source)};",
    ]
    dims = dataset.dimensions
    stub, heading = dims[:-1], dims[-1:]
    if stub:
        lines.append(f"STUB={_list(d.code for d in stub)};")
    lines.append(f"HEADING={_list(d.code for d in heading)};")
    content = dataset.content_dimension
    if content is not None:
        lines.append(f"CONTVARIABLE={_quoted(content.code)};")
    for dim in dims:
        lines.append(f"VALUES({_quoted(dim.code)})={_list(dim.labels)};")
    for dim in dims:
        lines.append(f"CODES({_quoted(dim.code)})={_list(dim.codes)};")
        if dim.role == ROLE_TIME:
            letter = {"M": "M", "Q": "Q", "Y": "A"}[dataset.frequency or "Y"]
            lines.append(f"TIMEVAL({_quoted(dim.code)})=TLIST({letter}1),{_list(dim.codes)};")
        elif dim.role == ROLE_AREA:
            lines.append(f"MAP({_quoted(dim.code)})={_quoted(dim.code)};")
        if dim.elimination_code is not None:
            lines.append(f"ELIMINATION({_quoted(dim.code)})={_quoted(dim.label_of(dim.elimination_code))};")
    if content is not None:
        for code, unit in content.units.items():
            lines.append(f"UNITS({_quoted(content.label_of(code))})={_quoted(unit)};")
    if dataset.updated is not None:
        lines.append(f'LAST-UPDATED="{dataset.updated.strftime("%Y%m%d %H:%M")}";')
    lines.append("DATA=")
    newline = "\r\n" if ansi else "\n"
    header = newline.join(lines) + newline
    parts = [header.encode("iso-8859-15" if ansi else "utf-8")]
    for batch in dataset.batches(size=values_per_line * 4096, align=values_per_line):
        tokens = [_px_value(v, s) for v, s in zip(batch.values, batch.statuses, strict=True)]
        rows = (" ".join(tokens[i : i + values_per_line]) for i in range(0, len(tokens), values_per_line))
        parts.append((newline.join(rows) + newline).encode("ascii"))
    parts.append(b";" + newline.encode("ascii"))
    return b"".join(parts)


def _px_value(value, status: str) -> str:
    if value is None:
        return f'"{status or ".."}"'
    if status == "-" and value == 0:
        return '"-"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _quoted(text: str) -> str:
    return '"' + str(text).replace('"', "'") + '"'


def _list(texts: Iterable[str]) -> str:
    return ",".join(_quoted(t) for t in texts)
