"""A small table 12ti for the skills-needs tests, stored through the statistics store like any import.

October 2026 (September 2026 is older and must not be shown), all sexes; each pair is (open
vacancies, unemployed job seekers), None a suppressed cell:

| occupation | Oulu 564 | Kempele 244 | area sum | ratio | whole country |
|---|---|---|---|---|---|
| 2 Professionals | 400, 200 | 50, 25 | 450, 225 | 2,00 | 15 000, 10 000 → 1,50 |
| 21 Sciences | 300, 100 | 30, None | 330, 100 (incomplete) | 3,00 (Oulu), incomplete | 6 000, 2 000 → 3,00 |
| 25 ICT professionals | 100, 100 | 20, 25 | 120, 125 | 0,96 | 3 000, 4 000 → 0,75 |
| 5 Service and sales | 500, 1 000 | 60, 140 | 560, 1 140 | 0,49 | 20 000, 50 000 → 0,40 |
| 7 Craft and trades | 200, 400 | 40, 60 | 240, 460 | 0,52 | 9 000, 20 000 → 0,45 |

Men's cells (sex 1) are half of each and must never be summed in; code 252 (three digits) and
X (unknown) are in the table but not shown.
"""

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Table
from verkko.stats.store import import_dataset

AREAS = ["KU564", "KU244", "SSS"]
OCCUPATIONS = [
    ("SSS", "Yhteensä"),
    ("2", "Erityisasiantuntijat"),
    ("21", "Luonnontieteiden ja tekniikan erityisasiantuntijat"),
    ("25", "Tieto- ja viestintäteknologian erityisasiantuntijat"),
    ("252", "Tietokanta- ja tietoverkkoalan erityisasiantuntijat"),
    ("5", "Palvelu- ja myyntityöntekijät"),
    ("7", "Rakennus-, korjaus- ja valmistustyöntekijät"),
    ("X", "Tuntematon"),
]
LATEST = {
    "KU564": {"2": (400, 200), "21": (300, 100), "25": (100, 100), "252": (50, 50), "5": (500, 1000), "7": (200, 400)},
    "KU244": {"2": (50, 25), "21": (30, None), "25": (20, 25), "252": (10, 10), "5": (60, 140), "7": (40, 60)},
    "SSS": {
        "2": (15000, 10000),
        "21": (6000, 2000),
        "25": (3000, 4000),
        "252": (1000, 1000),
        "5": (20000, 50000),
        "7": (9000, 20000),
    },
}
MONTHS = ["2026M09", "2026M10"]
CONTENTS = ["AVPAIKATLOPUSSA", "TYOTTOMATLOPUSSA"]


def _value(area, occupation, sex, month, content):
    if occupation in ("SSS", "X"):
        pairs = [pair for code, pair in LATEST[area].items() if len(code) == 1]
        value = sum(pair[CONTENTS.index(content)] or 0 for pair in pairs) + (7 if occupation == "X" else 0)
    else:
        value = LATEST[area][occupation][CONTENTS.index(content)]
    if value is None:
        return None
    if month == "2026M09":
        value += 1000  # an older month, never shown
    return value // 2 if sex == "1" else value


def skills_dataset(source_title="Työnhakijat ja avoimet työpaikat ammattiryhmittäin kuukauden lopussa"):
    occupations = Dimension(
        "ammatti_2010", "Ammattiryhmä", [c for c, _ in OCCUPATIONS], [label for _, label in OCCUPATIONS]
    )
    sexes = Dimension("sukupuoli", "Sukupuoli", ["SSS", "1"], ["Yhteensä", "Miehet"])
    values = [
        _value(area, occupation, sex, month, content)
        for area in AREAS
        for occupation in occupations.codes
        for sex in sexes.codes
        for month in MONTHS
        for content in CONTENTS
    ]
    return Dataset.from_values(
        [
            Dimension("alue_23_20260101", "Alue", AREAS, ["Oulu", "Kempele", "KOKO MAA"], role=ROLE_AREA),
            occupations,
            sexes,
            Dimension("timeperiod_m", "Kuukausi", MONTHS, MONTHS, role=ROLE_TIME),
            Dimension(
                "contentscode",
                "Tiedot",
                CONTENTS,
                ["Avoimet työpaikat kuukauden lopussa", "Työttömät työnhakijat kuukauden lopussa"],
                role=ROLE_CONTENT,
            ),
        ],
        values,
        [".." if value is None else "" for value in values],
        table_id="12ti",
        title=source_title,
    )


def store_skills_table(source=Table.Source.STATFIN):
    return import_dataset(skills_dataset(), source=source, origin="test: 12ti").table
