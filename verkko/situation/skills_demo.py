"""An invented demo table shaped like StatFin 12ti (job seekers and vacancies by occupation), for the
skills-needs page.

Like the other demo tables it goes through the statistics store as source "demo" and is marked
invented on screen; the real table 12ti replaces it. Deterministic (seeded) and safe to load again.
The invented economy lacks health-care and care workers and metal workers most (the demo
signals meet those groups), and has plenty of office and sales staff.
"""

import random

from verkko.situation.business_demo import area_dimension
from verkko.situation.figures import add_months
from verkko.situation.skills import TABLE_ID
from verkko.stats import periods
from verkko.stats.formats import ROLE_CONTENT, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Frequency, Table
from verkko.stats.store import import_dataset

SEED = 152_2026
SUPPRESSED = ".."
DEMO_ORIGIN = "load_demo: verkko.situation.skills_demo (invented figures)"
MONTHS = 13
# Occupation code, its name in the classification of occupations 2010, the invented share of the
# unemployed, and the invented vacancies per unemployed job seeker. Groups below a main group are
# parts of it.
OCCUPATIONS = [
    ("1", "Johtajat", 0.02, 0.30),
    ("2", "Erityisasiantuntijat", 0.12, 0.55),
    ("22", "Terveydenhuollon erityisasiantuntijat", 0.015, 2.10),
    ("23", "Opettajat ja muut opetusalan erityisasiantuntijat", 0.025, 0.40),
    ("25", "Tieto- ja viestintäteknologian erityisasiantuntijat", 0.03, 0.35),
    ("3", "Asiantuntijat", 0.11, 0.40),
    ("32", "Terveydenhuollon asiantuntijat", 0.015, 1.40),
    ("4", "Toimisto- ja asiakaspalvelutyöntekijät", 0.08, 0.15),
    ("5", "Palvelu- ja myyntityöntekijät", 0.24, 0.35),
    ("52", "Myyjät, kauppiaat ym.", 0.08, 0.12),
    ("53", "Hoivatyöntekijät ja avustavat hoitotyöntekijät", 0.05, 1.30),
    ("6", "Maanviljelijät, metsätyöntekijät ym.", 0.02, 0.25),
    ("7", "Rakennus-, korjaus- ja valmistustyöntekijät", 0.15, 0.45),
    ("71", "Rakennustyöntekijät ym. (pl. sähköasentajat)", 0.06, 0.30),
    ("72", "Konepaja- ja valimotyöntekijät, asentajat ja korjaajat", 0.04, 0.95),
    ("8", "Prosessi- ja kuljetustyöntekijät", 0.08, 0.35),
    ("9", "Muut työntekijät", 0.16, 0.15),
]
UNKNOWN_SHARE = 0.02


def skills_dataset(latest, profiles, months=MONTHS):
    """12ti's shape: area × occupation (with a total and the unknown) × month × content."""
    days = [add_months(latest, -(months - 1 - index)) for index in range(months)]
    codes = [periods.code(day, Frequency.MONTHLY) for day in days]
    occupations = Dimension(
        "ammatti_2010",
        "Ammattiryhmä",
        ["SSS", *[code for code, *_ in OCCUPATIONS], "X"],
        ["Yhteensä", *[f"{code} {name}" for code, name, *_ in OCCUPATIONS], "X Tuntematon"],
    )
    contents = Dimension(
        "contentscode",
        "Tiedot",
        ["TYOTTOMATLOPUSSA", "AVPAIKATLOPUSSA"],
        ["Työttömät työnhakijat kuukauden lopussa", "Avoimet työpaikat kuukauden lopussa"],
        role=ROLE_CONTENT,
    )
    rng = random.Random(f"{SEED}-skills")
    cells = {}  # (area, occupation, month, content) → value
    for area_code, profile in profiles.items():
        for index, code in enumerate(codes):
            unemployed_all = profile.labour_force * profile.rate / 100 * (1 + 0.01 * (index - months))
            mains = {"unemployed": 0, "vacancies": 0}
            for occupation, _name, share, ratio in OCCUPATIONS:
                unemployed = round(unemployed_all * share * rng.uniform(0.9, 1.1))
                vacancies = round(unemployed * ratio * rng.uniform(0.75, 1.25))
                if len(occupation) == 1:
                    mains["unemployed"] += unemployed
                    mains["vacancies"] += vacancies
                elif profile.suppresses_small_cells:
                    unemployed = None if unemployed < 3 else unemployed
                    vacancies = None if vacancies < 3 else vacancies
                cells[(area_code, occupation, code, "TYOTTOMATLOPUSSA")] = unemployed
                cells[(area_code, occupation, code, "AVPAIKATLOPUSSA")] = vacancies
            unknown = round(unemployed_all * UNKNOWN_SHARE)
            cells[(area_code, "X", code, "TYOTTOMATLOPUSSA")] = unknown
            cells[(area_code, "X", code, "AVPAIKATLOPUSSA")] = round(unknown * 0.2)
            cells[(area_code, "SSS", code, "TYOTTOMATLOPUSSA")] = mains["unemployed"] + unknown
            cells[(area_code, "SSS", code, "AVPAIKATLOPUSSA")] = mains["vacancies"] + round(unknown * 0.2)
    values = [
        cells[(area_code, occupation, code, content)]
        for area_code in profiles
        for occupation in occupations.codes
        for code in codes
        for content in contents.codes
    ]
    return Dataset.from_values(
        [
            area_dimension(profiles),
            occupations,
            Dimension("timeperiod_m", "Kuukausi", codes, codes, role=ROLE_TIME),
            contents,
        ],
        values,
        [SUPPRESSED if value is None else "" for value in values],
        table_id=TABLE_ID,
        title="Työnhakijat ja avoimet työpaikat ammattiryhmittäin kuukauden lopussa (keksityt esimerkkiluvut)",
    )


def load_table(stdout, latest, profiles):
    """Stores the invented table through the statistics store, like any import."""
    run = import_dataset(skills_dataset(latest, profiles), source=Table.Source.DEMO, origin=DEMO_ORIGIN)
    stdout.write(
        f"Demo statistics (invented): table {run.table.table_id}, {run.series_count} series, "
        f"{run.observations} observations ({run.rows_new} new, {run.rows_changed} changed)."
    )
