"""Small tables 11re, 11yq and a bankruptcy table for the business-life tests, stored through the
statistics store like any import. The figures are chosen so that every sum can be done by hand.

Population 2025 (2024): Oulu 210 000 (206 000), Kempele 17 000 (16 700); aged 15–64 Oulu 180 000
(178 000), Kempele 13 500 (Kempele's 64-year-olds of 2024 suppressed). Enterprises of all
industries 2026Q2 (2025Q2): openings Oulu 300 (280), Kempele 40 (35); closures Oulu 220 (240),
Kempele suppressed (30). Bankruptcies 10/2026 (10/2025): Oulu 12 (9), Kempele 1 (2).
"""

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Table
from verkko.stats.store import import_dataset

AREAS = ["KU564", "KU244", "SSS"]
AGES = ["SSS", "014", "015", "064", "065"]

# {area: {year: [ages 014, 015, 064, 065]}}; the total is their sum (None: suppressed).
POPULATION = {
    "KU564": {"2024": [19000, 148000, 30000, 9000], "2025": [20000, 150000, 30000, 10000]},
    "KU244": {"2024": [2900, 11800, None, 500], "2025": [3000, 12000, 1500, None]},
    "SSS": {"2024": [600000, 3500000, 900000, 635971], "2025": [600000, 3500000, 900000, 652881]},
}
POPULATION_TOTALS = {
    "KU564": {"2024": 206000, "2025": 210000},
    "KU244": {"2024": 16700, "2025": 17000},
    "SSS": {"2024": 5635971, "2025": 5652881},
}

# {area: {quarter: {industry: (openings, closures)}}}
ENTERPRISES = {
    "KU564": {"2025Q2": {"SSS": (280, 240), "C": (20, 15)}, "2026Q2": {"SSS": (300, 220), "C": (25, 12)}},
    "KU244": {"2025Q2": {"SSS": (35, 30), "C": (3, 2)}, "2026Q2": {"SSS": (40, None), "C": (4, None)}},
    "SSS": {"2025Q2": {"SSS": (7800, 6900), "C": (500, 450)}, "2026Q2": {"SSS": (8000, 6500), "C": (520, 430)}},
}

# {area: {month: (bankruptcies, staff)}}
BANKRUPTCIES = {
    "KU564": {"2025M10": (9, 40), "2026M10": (12, 55)},
    "KU244": {"2025M10": (2, 5), "2026M10": (1, 3)},
    "SSS": {"2025M10": (230, 1100), "2026M10": (250, 1300)},
}


def _area_dimension():
    return Dimension("alue_23_20260101", "Alue", AREAS, ["Oulu", "Kempele", "KOKO MAA"], role=ROLE_AREA)


def population_dataset():
    years = ["2024", "2025"]
    values = []
    for area in AREAS:
        for age_index in range(len(AGES)):
            for year in years:
                if age_index == 0:
                    values.append(POPULATION_TOTALS[area][year])
                else:
                    values.append(POPULATION[area][year][age_index - 1])
    return Dataset.from_values(
        [
            _area_dimension(),
            Dimension("ikaryhma_10_20180101", "Ikä", AGES, ["Yhteensä", "14", "15", "64", "65"], role=ROLE_OTHER),
            Dimension("timeperiod_y", "Vuosi", years, years, role=ROLE_TIME),
            Dimension("contentscode", "Tiedot", ["vaerak-vaesto"], ["Väestö 31.12."], role=ROLE_CONTENT),
        ],
        values,
        ["." if value is None else "" for value in values],
        table_id="11re",
        title="Väestö iän (1-v.) ja sukupuolen mukaan alueittain",
    )


def enterprise_dataset():
    quarters = ["2025Q2", "2026Q2"]
    industries = ["SSS", "C"]
    values = [
        ENTERPRISES[area][quarter][industry][position]
        for area in AREAS
        for industry in industries
        for quarter in quarters
        for position in (0, 1)
    ]
    return Dataset.from_values(
        [
            _area_dimension(),
            Dimension("toimiala_2008", "Toimiala", industries, ["Kaikki toimialat", "Teollisuus"], role=ROLE_OTHER),
            Dimension("timeperiod_q", "Vuosineljännes", quarters, quarters, role=ROLE_TIME),
            Dimension(
                "contentscode",
                "Tiedot",
                ["aloittaneet", "lopettaneet"],
                ["Aloittaneet yritykset", "Lopettaneet yritykset"],
                role=ROLE_CONTENT,
            ),
        ],
        values,
        [".." if value is None else "" for value in values],
        table_id="11yq",
        title="Aloittaneet ja lopettaneet yritykset kunnittain",
    )


def bankruptcy_dataset(table_id="14qs"):
    months = ["2025M10", "2026M10"]
    # The staff comes first, so that the test shows the count of bankruptcies is found by its label.
    values = [BANKRUPTCIES[area][month][position] for area in AREAS for month in months for position in (1, 0)]
    return Dataset.from_values(
        [
            _area_dimension(),
            Dimension("timeperiod_m", "Kuukausi", months, months, role=ROLE_TIME),
            Dimension(
                "contentscode",
                "Tiedot",
                ["henkilosto", "konkurssit"],
                ["Konkurssiin haettujen yritysten henkilökunta", "Vireille pannut konkurssit"],
                role=ROLE_CONTENT,
            ),
        ],
        values,
        [""] * len(values),
        table_id=table_id,
        title="Vireille pannut konkurssit kunnittain kuukausittain",
    )


def store_business_tables(source=Table.Source.STATFIN):
    """The three tables stored as if imported (source statfin unless told otherwise)."""
    return [
        import_dataset(dataset, source=source, origin="tests").table
        for dataset in (population_dataset(), enterprise_dataset(), bankruptcy_dataset())
    ]
