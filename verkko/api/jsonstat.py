"""A table's cells as a JSON-stat 2.0 dataset (https://json-stat.org/format/).

One dimension per non-time code of the series (in the table's order), then the time dimension
"period"; the values in row-major order, null where a cell is missing, with the cells' status
symbols and the provenance of the figures in the extension.
"""

from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from verkko.api.serializers import jsonable
from verkko.stats.provenance import Provenance

MAX_CELLS = 500_000
TIME = "period"


def dataset(table, observations):
    rows = list(
        observations.order_by("series_id", "period").values_list(
            "series__codes",
            "series__labels",
            "series__area_code",
            "series__measure_code",
            "period_code",
            "value",
            "status",
        )
    )
    declared = {d["code"]: d for d in table.dimensions if d.get("role") != "time"}
    codes = list(declared)
    for series_codes, *_rest in rows:
        codes.extend(code for code in series_codes if code not in codes)
    categories = {code: {} for code in codes}
    times = []
    for series_codes, series_labels, *_rest, period_code, _value, _status in rows:
        for code in codes:
            value = series_codes.get(code, "")
            categories[code].setdefault(value, (series_labels or {}).get(code) or value)
        if period_code not in times:
            times.append(period_code)
    times.sort()
    ids = [*codes, TIME]
    sizes = [len(categories[code]) for code in codes] + [len(times)]
    total = 1
    for size in sizes:
        total *= size
    if total > MAX_CELLS:
        raise ValidationError(
            {"measure": [gettext("The dataset would be too large; choose a measure, an area or a period.")]}
        )
    index = {code: {value: i for i, value in enumerate(categories[code])} for code in codes}
    index[TIME] = {period: i for i, period in enumerate(times)}
    values = [None] * (total if rows else 0)
    statuses = {}
    area_codes, content_codes = set(), set()
    for series_codes, _labels, area_code, measure_code, period_code, value, status in rows:
        position = 0
        for code, size in zip(ids, sizes, strict=True):
            key = period_code if code == TIME else series_codes.get(code, "")
            position = position * size + index[code][key]
        values[position] = value
        if status:
            statuses[str(position)] = status
        if area_code:
            area_codes.add(area_code)
        if measure_code:
            content_codes.add(measure_code)
    dimension = {
        code: {
            "label": declared.get(code, {}).get("label") or code,
            "category": {"index": index[code], "label": dict(categories[code].items())},
        }
        for code in codes
    }
    dimension[TIME] = {
        "label": gettext("period"),
        "category": {"index": index[TIME], "label": {period: period for period in times}},
    }
    role = {"time": [TIME]}
    for wanted, name in (("area", "geo"), ("content", "metric")):
        found = [code for code in codes if declared.get(code, {}).get("role") == wanted]
        if found:
            role[name] = found
    span = (f"{times[0]}–{times[-1]}",) if len(times) > 1 else tuple(times)
    provenance = Provenance(table, tuple(sorted(area_codes)), tuple(sorted(content_codes)), span).as_data()
    result = {
        "version": "2.0",
        "class": "dataset",
        "label": table.title or table.table_id,
        "source": str(table.get_source_display()),
        "id": ids,
        "size": sizes,
        "role": role,
        "dimension": dimension,
        "value": values,
        "extension": {"provenance": jsonable(provenance)},
    }
    if table.updated:
        result["updated"] = table.updated.isoformat()
    if statuses:
        result["status"] = statuses
    return result
