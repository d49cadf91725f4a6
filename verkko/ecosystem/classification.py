"""Finland's employment areas and their municipalities, from Statistics Finland's classification.

The file is one row per municipality (``area_code, area_name_fi, area_name_sv, host_municipality,
host_status, municipality_code, municipality_name``); ``read_classification`` checks all of it
before anything is saved, so that a bad file changes nothing.
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

CLASSIFICATION_CSV = Path(__file__).parent / "data" / "employment-areas-2025.csv"
COLUMNS = (
    "area_code",
    "area_name_fi",
    "area_name_sv",
    "host_municipality",
    "host_status",
    "municipality_code",
    "municipality_name",
)
HOST_STATUSES = ("confirmed", "confirmed (model only)", "inferred", "single-municipality area", "unknown")


class ClassificationError(ValueError):
    """A problem in the classification file, with its line."""


@dataclass
class ClassifiedArea:
    code: str
    name_fi: str
    name_sv: str
    host_name: str
    host_status: str
    municipalities: dict = field(default_factory=dict)  # code → Finnish name


def read_classification(path=CLASSIFICATION_CSV):
    """The areas of the file, keyed by code; raises ClassificationError on the first bad line."""
    areas = {}
    seen_municipalities = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise ClassificationError(
                _("Line 1: the columns %(columns)s are missing.") % {"columns": ", ".join(missing)}
            )
        for line, row in enumerate(reader, start=2):
            values = {column: (row[column] or "").strip() for column in COLUMNS}
            if not re.fullmatch(r"[0-9]{3}", values["municipality_code"]):
                raise ClassificationError(
                    _("Line %(line)d: a municipality code has three digits, not “%(code)s”.")
                    % {"line": line, "code": values["municipality_code"]}
                )
            if not values["area_code"] or not values["area_name_fi"]:
                raise ClassificationError(_("Line %(line)d: the area's code and name are needed.") % {"line": line})
            status = values["host_status"] or "unknown"
            if status not in HOST_STATUSES:
                raise ClassificationError(
                    _("Line %(line)d: unknown host status “%(status)s”.") % {"line": line, "status": status}
                )
            code = values["municipality_code"]
            if code in seen_municipalities:
                raise ClassificationError(
                    _("Line %(line)d: municipality %(code)s is already on line %(first)d.")
                    % {"line": line, "code": code, "first": seen_municipalities[code]}
                )
            seen_municipalities[code] = line
            area = areas.setdefault(
                values["area_code"],
                ClassifiedArea(
                    values["area_code"],
                    values["area_name_fi"],
                    values["area_name_sv"],
                    values["host_municipality"],
                    status,
                ),
            )
            area.municipalities[code] = values["municipality_name"]
    if not areas:
        raise ClassificationError(_("The file has no rows."))
    return areas
