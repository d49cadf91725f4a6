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

from verkko.stats import figures

TABLE_ID = "12r5"
CONTENTS_CSV = Path(__file__).resolve().parent / "data" / "12r5-contents.csv"
COUNTRY_CODE = "SSS"

UNEMPLOYED = "TYOTTOMATLOPUSSA"
JOB_SEEKERS = "HAKIJALOPUSSA"
LABOUR_FORCE = "TYOVOIMATK"
# The contents of 12r5 that count people in services on the calculation day (12r5-contents.csv):
# employed with support, traineeship, work and training trials, labour market training,
# coaching and other services. Their sum is the national review's "people in services".
SERVICES = (
    "TYOLLISTETTYLOP",
    "TYOHARJOITTELULOP",
    "KOKEILULOP",
    "TVKOULUTUSLOP",
    "VALMENNUSLOP",
    "MTPPALVELUTLOP",
)
IN_SERVICES = "PALVELUISSA"  # Verkko's own code for the sum; no cell of the table has it
ACTIVATION_RATE = "AKTIVOINTIASTE"  # likewise computed, never read
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


def _codes(codes):
    return (codes,) if isinstance(codes, str) else tuple(codes)


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    # A rate is sum(numerator) / sum(denominator) × 100 over summed areas; a count is a plain sum.
    # Each side is one content code or several summed (people in services).
    numerator: str | tuple = ""
    denominator: str | tuple = ""
    decimals: int = 0
    # A count summed from several contents; empty when the count is the content `code` itself.
    summed: tuple = ()
    # How the figure is defined, shown beside it where the label alone does not say it.
    definition: str = ""

    @property
    def is_rate(self):
        return bool(self.numerator)

    @property
    def numerator_codes(self):
        return _codes(self.numerator)

    @property
    def denominator_codes(self):
        return _codes(self.denominator)

    @property
    def count_codes(self):
        """The contents summed into a count: the code itself, or the parts of a sum."""
        return tuple(self.summed) or (self.code,)

    @property
    def content_codes(self):
        """The table's cells this measure reads."""
        if self.is_rate:
            return list(dict.fromkeys(self.numerator_codes + self.denominator_codes))
        return list(self.count_codes)

    @property
    def unit(self):
        return "%" if self.is_rate else ""

    @property
    def spec(self):
        """What the figures service computes for this measure (verkko.stats.figures)."""
        if self.is_rate:
            return figures.Measure.rate(self.code, self.numerator_codes, self.denominator_codes)
        return figures.Measure.count(self.code, self.count_codes)


RATE = Measure(
    UNEMPLOYMENT_RATE,
    _("unemployment rate"),
    numerator=UNEMPLOYED,
    denominator=LABOUR_FORCE,
    decimals=1,
)

PEOPLE_IN_SERVICES = Measure(
    IN_SERVICES,
    _("people in services"),
    summed=SERVICES,
    definition=_(
        "People in services are those in employment with support, traineeship, work or training trials, "
        "labour market training, coaching or other services on the calculation day."
    ),
)
ACTIVATION = Measure(
    ACTIVATION_RATE,
    _("activation rate"),
    numerator=SERVICES,
    denominator=(UNEMPLOYED, *SERVICES),
    decimals=1,
    definition=_(
        "The activation rate is the share of people in services of the unemployed and the people in services "
        "together: people in services / (unemployed job seekers + people in services) × 100, as in the national "
        "employment review."
    ),
)

# The key figures of the area page, in the order they are shown.
KEY_MEASURES = [
    Measure(UNEMPLOYED, _("unemployed job seekers")),
    Measure(JOB_SEEKERS, _("all job seekers")),
    RATE,
    PEOPLE_IN_SERVICES,
    ACTIVATION,
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
