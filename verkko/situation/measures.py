"""The measures of the situational picture: StatFin table 12r5's content codes and the key figures.

Labels of every content code come from Statistics Finland's own fi/sv/en texts (data/12r5-contents.csv);
the key figures have short labels of their own, for cards and sentences.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

TABLE_ID = "12r5"
CONTENTS_CSV = Path(__file__).resolve().parent / "data" / "12r5-contents.csv"
COUNTRY_CODE = "SSS"

UNEMPLOYED = "TYOTTOMATLOPUSSA"
LABOUR_FORCE = "TYOVOIMATK"
# The published rate; Verkko recomputes it from the sums of its parts for any group of areas.
UNEMPLOYMENT_RATE = "TYOTOSUUS"


@cache
def content_labels():
    """{code: {"fi": …, "sv": …, "en": …}} in the table's order."""
    with CONTENTS_CSV.open(encoding="utf-8") as rows:
        return {row["code"]: {"fi": row["fi"], "sv": row["sv"], "en": row["en"]} for row in csv.DictReader(rows)}


def _content_label(code):
    labels = content_labels()[code]
    return labels.get(get_language() or "fi") or labels["fi"]


content_label = lazy(_content_label, str)


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    # A rate is numerator / denominator × 100 over summed areas; a count is a plain sum.
    numerator: str = ""
    denominator: str = ""
    decimals: int = 0

    @property
    def is_rate(self):
        return bool(self.numerator)

    @property
    def content_codes(self):
        """The table's cells this measure reads."""
        return [self.numerator, self.denominator] if self.is_rate else [self.code]

    @property
    def unit(self):
        return "%" if self.is_rate else ""


RATE = Measure(
    UNEMPLOYMENT_RATE,
    _("unemployment rate"),
    numerator=UNEMPLOYED,
    denominator=LABOUR_FORCE,
    decimals=1,
)

# The key figures of the area page, in the order they are shown.
KEY_MEASURES = [
    Measure(UNEMPLOYED, _("unemployed job seekers")),
    RATE,
    Measure("TYOTTOMAT25", _("unemployed under 25")),
    Measure("TYOTTOMAT50", _("unemployed over 50")),
    Measure("PITKAAIKAISTYOTTOMAT", _("long-term unemployed")),
    Measure("TYOTTOMATULK", _("unemployed foreign nationals")),
    Measure("LOMAUTETTU", _("fully laid off")),
    Measure("AVPAIKATLOPUSSA", _("open vacancies")),
    Measure("UUDETAVP", _("new vacancies")),
]
KEY_CODES = [measure.code for measure in KEY_MEASURES]


def all_measures():
    """Every measure of table 12r5 that can be charted: the key figures first, then the other content codes."""
    others = [Measure(code, content_label(code)) for code in content_labels() if code not in KEY_CODES]
    return KEY_MEASURES + others


def measure(code):
    """The measure with this code; KeyError when the table has none."""
    for candidate in all_measures():
        if candidate.code == code:
            return candidate
    raise KeyError(code)
